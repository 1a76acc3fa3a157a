import { createTopicSchema, updateTopicSchema } from '../caselaw/caselaw';
import {
  createInvitationSchema,
  renamePasskeySchema,
  updateUserSchema,
} from '../identity/identity';
import { addPasskeyRequestSchema, registrationVerifyRequestSchema } from '../identity/webauthn';
import { createStateSchema } from './states';

const labels = { en: 'Victims', fr: 'Victimes', ar: 'الضحايا', es: 'Víctimas' };
const state = {
  code: 'SEN',
  names: { en: 'Senegal', fr: 'Sénégal', ar: 'السنغال', es: 'Senegal' },
  regionalGroup: 'african',
  entryIntoForce: '2002-07-01',
};
const registration = {
  token: 'A'.repeat(43),
  passkeyName: 'Laptop',
  response: {
    id: 'abc',
    rawId: 'abc',
    type: 'public-key',
    response: { clientDataJSON: 'e30', attestationObject: 'AA' },
    clientExtensionResults: {},
  },
};

/** Every user-visible name, with a way to put a value in it. */
const names: [string, (name: string) => { success: boolean }][] = [
  [
    'invitation display name',
    (n) =>
      createInvitationSchema.safeParse({
        displayName: n,
        email: 'a@example.org',
        roles: ['facilitator'],
      }),
  ],
  ['updated display name', (n) => updateUserSchema.safeParse({ displayName: n })],
  ['passkey rename', (n) => renamePasskeySchema.safeParse({ name: n })],
  [
    'first passkey name',
    (n) => registrationVerifyRequestSchema.safeParse({ ...registration, passkeyName: n }),
  ],
  [
    'added passkey name',
    (n) => addPasskeyRequestSchema.safeParse({ passkeyName: n, response: registration.response }),
  ],
  [
    'State name',
    (n) => createStateSchema.safeParse({ ...state, names: { ...state.names, ar: n } }),
  ],
  [
    'new topic label',
    (n) => createTopicSchema.safeParse({ key: 'victims', labels: { ...labels, fr: n } }),
  ],
  ['topic label', (n) => updateTopicSchema.safeParse({ labels: { ...labels, es: n } })],
];

const invisible: [string, string][] = [
  ['right-to-left override U+202E', '\u202E'],
  ['left-to-right embedding U+202A', '\u202A'],
  ['right-to-left isolate U+2067', '\u2067'],
  ['pop directional isolate U+2069', '\u2069'],
  ['right-to-left mark U+200F', '\u200F'],
  ['Arabic letter mark U+061C', '\u061C'],
  ['zero-width space U+200B', '\u200B'],
  ['zero-width joiner U+200D', '\u200D'],
  ['zero-width no-break space U+FEFF', '\uFEFF'],
  ['soft hyphen U+00AD', '\u00AD'],
  ['tag character U+E0041', '\u{E0041}'],
  ['line separator U+2028', '\u2028'],
  ['paragraph separator U+2029', '\u2029'],
];

describe('user-visible names', () => {
  it.each(names)('%s accepts names in every script of the platform', (_what, parse) => {
    for (const name of ['Aminata Diop', 'Élodie Müller-Ñúñez', 'عائشة الأمين', 'YubiKey 5 🔑'])
      expect({ name, ok: parse(name).success }).toEqual({ name, ok: true });
  });

  it.each(
    names.flatMap(([what, parse]) => invisible.map(([c, ch]) => [what, c, ch, parse] as const)),
  )('%s refuses the %s', (_what, _c, ch, parse) => {
    expect(parse(`Alice${ch}Smith`).success).toBe(false);
  });
});
