import { randomBytes, randomUUID } from 'node:crypto';
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib';
import { RequestMethod } from '@nestjs/common';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  addPasskeyRequestSchema,
  createEntrySchema,
  createTopicSchema,
  importFileSchema,
  revisionActionSchema,
  unpublishSchema,
  updateEntrySchema,
  updateTopicSchema,
  attestationSchema,
  enrolKeysSchema,
  putWrapSchema,
  recordVerificationSchema,
  authenticationVerifyRequestSchema,
  changeStatusSchema,
  createInvitationSchema,
  createStateSchema,
  decideApprovalSchema,
  problemSchema,
  recordWithdrawalSchema,
  recoveryInvitationSchema,
  registrationOptionsRequestSchema,
  registrationVerifyRequestSchema,
  renamePasskeySchema,
  requestAdminGrantSchema,
  updateUserSchema,
  type Approval,
  type IssuedInvitation,
  type Passkey,
} from '@coop/contracts';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import { startTestApp, type TestApp } from '../../test/app.harness';
import { discoverRoutes } from '../../test/routes.harness';
import {
  ApiClient,
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  tokenOf,
  type Person,
} from '../../test/identity.harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
type Path = (string | number)[];

/** One valid request per write endpoint: the base every mutation starts from. */
interface Case {
  params: Record<string, string>;
  body?: {
    schema: z.ZodType;
    valid: Json;
    /** Dotted paths of objects that refuse unknown keys (`''` is the body itself). */
    strict: string[];
    /** Dotted paths where null is a valid value. */
    nullable?: string[];
    /** Numbers each numeric field must refuse. */
    badNumbers?: Record<string, fc.Arbitrary<number>>;
  };
}

interface WriteRoute {
  method: string;
  /** e.g. /api/v1/users/:id/status */
  path: string;
  readsBody: boolean;
}

interface Mutation {
  what: string;
  text: string;
  /** How fast-check prints a counterexample: short, even for a 100 kB body. */
  [fc.toStringMethod](): string;
}

const RUNS = 40;
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
/**
 * Tables a refused request may still write to: the log of attempts, ceremony challenges, and the
 * rate-limit counters (every call to a public ceremony counts, refused or not).
 */
const UNWATCHED = ['audit_log', 'webauthn_challenges', 'rate_limit_hits', 'schema_migrations'];

const WRITES = new Set([
  RequestMethod.POST,
  RequestMethod.PUT,
  RequestMethod.PATCH,
  RequestMethod.DELETE,
]);

/** Every POST, PUT, PATCH and DELETE route, and whether its handler reads a body. */
function writeRoutes(t: TestApp): WriteRoute[] {
  return discoverRoutes(t)
    .filter((r) => WRITES.has(r.method))
    .map((r) => ({ method: RequestMethod[r.method], path: r.path, readsBody: r.readsBody }));
}

const kindOf = (value: Json): Kind =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : (typeof value as 'boolean' | 'number' | 'string' | 'object');

/** Every node below the root, with its path. */
function nodes(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i): [number, Json] => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    { path: [...path, key], value: child },
    ...nodes(child, [...path, key]),
  ]);
}

const dotted = (path: Path) => path.join('.');

function at(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root);
}

function replaced(base: Json, path: Path, value: Json): Json {
  const copy = structuredClone(base);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]] = value;
  return copy;
}

/** Adds an own, enumerable key, even `__proto__`, so that it is serialised. */
function withKey(base: Json, path: Path, key: string, value: Json): Json {
  const copy = structuredClone(base);
  Object.defineProperty(at(copy, path), key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const valueOfKind: Record<Kind, fc.Arbitrary<Json>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  string: fc.string({ maxLength: 20 }),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }),
  object: fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    {
      maxKeys: 3,
    },
  ),
};
const KINDS = Object.keys(valueOfKind) as Kind[];

const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map((code) => String.fromCharCode(code));
const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800');

/** Puts `inserted` strictly inside `text`, where trimming cannot remove it. */
const inside = (text: string, inserted: string, at: number) =>
  text.length < 2
    ? `${text}${inserted}${text || 'x'}`
    : `${text.slice(0, 1 + (at % (text.length - 1)))}${inserted}${text.slice(1 + (at % (text.length - 1)))}`;

const mutation = (what: string, body: Json | string): Mutation => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    what,
    text,
    [fc.toStringMethod]: () => `${what}: ${JSON.stringify(text.slice(0, 200))}`,
  };
};

/** Request bodies a strict server refuses, built from a valid one. */
function badBodies(spec: NonNullable<Case['body']>): fc.Arbitrary<Mutation> {
  const base = spec.valid;
  const all = nodes(base);
  const strings = all.filter((n) => typeof n.value === 'string');
  const numbers = all.filter((n) => typeof n.value === 'number');
  const scalars = all.filter((n) => kindOf(n.value) !== 'object');
  const nullable = new Set(spec.nullable ?? []);
  const pick = <T>(items: T[]) => fc.constantFrom(...items);
  const kinds: fc.Arbitrary<Mutation>[] = [
    pick(all).chain((n) =>
      pick(
        KINDS.filter(
          (k) => k !== kindOf(n.value) && !(k === 'null' && nullable.has(dotted(n.path))),
        ),
      ).chain((kind) =>
        valueOfKind[kind].map((v) =>
          mutation(
            `${kind} instead of ${kindOf(n.value)} at ${dotted(n.path)}`,
            replaced(base, n.path, v),
          ),
        ),
      ),
    ),
    fc
      .tuple(pick(scalars), fc.integer({ min: 20, max: 2000 }))
      .map(([n, depth]) =>
        mutation(
          `object nested ${depth} deep at ${dotted(n.path)}`,
          replaced(base, n.path, JSON.parse(deepObject(depth)) as Json),
        ),
      ),
    fc
      .tuple(
        pick(spec.strict),
        fc.oneof(
          fc.constantFrom(
            'isAdmin',
            'roles',
            'status',
            'userId',
            '__proto__',
            'constructor',
            'toString',
          ),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .filter(([path, key]) => {
        const target = at(base, path === '' ? [] : path.split('.')) as Record<string, Json>;
        return !Object.prototype.hasOwnProperty.call(target, key);
      })
      .map(([path, key, value]) =>
        mutation(
          `unknown field ${JSON.stringify(key)} in ${path || 'the body'}`,
          withKey(base, path === '' ? [] : path.split('.'), key, value as Json),
        ),
      ),
    fc.constantFrom(
      mutation('null body', 'null'),
      mutation('number body', '42'),
      mutation('string body', '"text"'),
      mutation('boolean body', 'true'),
      mutation('empty array body', '[]'),
      mutation('array instead of the object', JSON.stringify([base])),
      mutation('object nested 3000 deep', deepObject(3000)),
      mutation('array nested 3000 deep', deepArray(3000)),
      mutation('truncated JSON', JSON.stringify(base).slice(0, -1)),
      mutation('two JSON documents', `${JSON.stringify(base)}${JSON.stringify(base)}`),
    ),
  ];
  if (strings.length > 0) {
    kinds.push(
      pick(strings).map((n) =>
        mutation(`100 kB string at ${dotted(n.path)}`, replaced(base, n.path, 'x'.repeat(100_000))),
      ),
      fc
        .tuple(pick(strings), controlCharacter, fc.nat())
        .map(([n, c, i]) =>
          mutation(
            `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in ${dotted(n.path)}`,
            replaced(base, n.path, inside(String(n.value), c, i)),
          ),
        ),
      fc
        .tuple(pick(strings), loneSurrogate, fc.nat())
        .map(([n, s, i]) =>
          mutation(
            `lone surrogate in ${dotted(n.path)}`,
            replaced(base, n.path, inside(String(n.value), s, i)),
          ),
        ),
    );
  }
  if (numbers.length > 0) {
    kinds.push(
      pick(numbers).chain((n) => {
        const bad = spec.badNumbers?.[dotted(n.path)];
        if (!bad) throw new Error(`no out-of-range numbers listed for ${dotted(n.path)}`);
        return bad.map((v) => mutation(`${v} at ${dotted(n.path)}`, replaced(base, n.path, v)));
      }),
    );
  }
  return fc.oneof(...kinds);
}

/**
 * Random bytes the encoding's own decoder refuses: a few random streams are valid brotli (one
 * decoded to an empty body, which a route may rightly accept), so those are drawn again.
 */
function undecodable(decode: (bytes: Buffer) => Buffer): Buffer {
  for (;;) {
    const bytes = randomBytes(64);
    try {
      decode(bytes);
    } catch {
      return bytes;
    }
  }
}

/** Bodies whose bytes are not what their Content-Encoding says, and one that inflates too far. */
function misencodedBodies(text: string): { what: string; encoding: string; bytes: Buffer }[] {
  const plain = Buffer.from(text);
  const codecs = {
    gzip: [gzipSync, gunzipSync],
    deflate: [deflateSync, inflateSync],
    br: [brotliCompressSync, brotliDecompressSync],
  } as const;
  return [
    ...Object.entries(codecs).flatMap(([encoding, [encode, decode]]) => {
      const packed = encode(plain);
      return [
        { what: `plain JSON sent as ${encoding}`, encoding, bytes: plain },
        { what: `truncated ${encoding}`, encoding, bytes: packed.subarray(0, packed.length >> 1) },
        { what: `random bytes sent as ${encoding}`, encoding, bytes: undecodable(decode) },
      ];
    }),
    { what: 'deflate sent as gzip', encoding: 'gzip', bytes: deflateSync(plain) },
    { what: 'gzip sent as br', encoding: 'br', bytes: gzipSync(plain) },
    {
      what: '10 MB of JSON inflated from a small gzip',
      encoding: 'gzip',
      bytes: gzipSync(`{"a":"${' '.repeat(10_000_000)}"}`),
    },
  ];
}

/** Text no numeric parameter may take: negative, not a whole number, or beyond any bigint. */
const notANumber = fc.oneof(
  fc.integer({ max: -1 }).map(String),
  fc.bigInt({ min: 2n ** 63n, max: 10n ** 40n }).map(String),
  fc.constantFrom('1'.repeat(400), '1e3', '1.5', '0x10', 'NaN', 'Infinity', ' 1', ''),
);
/** Beyond every bound of an integer parameter (at most a million), PostgreSQL's integer too. */
const beyondInteger = fc.oneof(
  notANumber,
  fc.bigInt({ min: 1_000_001n, max: 2n ** 63n }).map(String),
  fc.constantFrom('2147483648', '4294967296'),
);

/** Path parameter values the route must refuse: not UUIDs, not State codes. */
function badParam(name: string): fc.Arbitrary<{ what: string; segment: string }> {
  const valid = name === 'code' ? (s: string) => /^[A-Z]{3}$/.test(s) : (s: string) => UUID.test(s);
  const encoded = fc
    .oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.uuid().map((u) => `${u}0`),
      fc.uuid().map((u) => u.replace(/-/g, '')),
      fc.uuid().map((u) => `${u.slice(0, -1)}g`),
      fc.constantFrom('sen', 'SE', 'SENE', 'S3N', 'ÉTÉ', "' OR 1=1 --", 'null', 'x'.repeat(5000)),
    )
    .filter((s) => !valid(s))
    .map((s) => ({ what: JSON.stringify(s.slice(0, 60)), segment: encodeURIComponent(s) }));
  // Sent as is: percent-encodings that do not decode.
  const raw = fc
    .constantFrom('%', '%FF', '%E0%A4%A', '%C0%AF', '%00')
    .map((s) => ({ what: `raw ${s}`, segment: s }));
  return fc.oneof(encoded, raw);
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_m, name: string) => params[name]);

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(
  t: TestApp,
  method: string,
  path: string,
  body: string | Buffer | undefined,
  cookie: string | undefined,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      Origin: TEST_ORIGIN,
      'X-Coop-Csrf': '1',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body,
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

/** A clean refusal: 4xx, problem+json, with a detail. Throws a readable error otherwise. */
function assertRefused(answer: Answer, what: string): void {
  const problem =
    /^application\/problem\+json/.test(answer.contentType) &&
    problemSchema.safeParse(JSON.parse(answer.text) as unknown);
  const ok =
    answer.status >= 400 &&
    answer.status < 500 &&
    problem !== false &&
    problem.success &&
    problem.data.detail.trim().length > 0;
  if (!ok)
    throw new Error(
      `${what}: answered ${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`,
    );
}

describe('fuzzing every write endpoint', () => {
  // Bounded by RUNS × endpoints, not by waiting: a loaded 2-core machine needs more than the default.
  jest.setTimeout(300_000);

  let t: TestApp;
  let db: DataSource;
  let admin: Person;
  let target: Person;
  let routes: WriteRoute[];
  let cases: Record<string, Case>;
  /** Every table of the schema but the unwatched ones: users, invitations, passkeys, … */
  let tables: string[];

  /** Every row of the identity tables, as one comparable value (activity timestamps aside). */
  async function snapshot(watched = tables) {
    const digests: Record<string, string> = {};
    for (const table of watched) {
      const [row] = (await db.query(
        `SELECT count(*)::int AS n,
                md5(coalesce(string_agg((to_jsonb(x) - 'last_seen_at')::text, '|' ORDER BY x::text), '')) AS h
           FROM "${table}" x`,
      )) as { n: number; h: string }[];
      digests[table] = `${row.n}:${row.h}`;
    }
    return digests;
  }
  const auditSince = async (seq: string) =>
    (
      (await db.query('SELECT action FROM audit_log WHERE seq > $1 ORDER BY seq', [seq])) as {
        action: string;
      }[]
    ).map((r) => r.action);
  const auditHead = async () =>
    (
      (await db.query('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_log')) as {
        seq: string;
      }[]
    )[0].seq;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    routes = writeRoutes(t);
    tables = (
      (await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      )) as { tablename: string }[]
    )
      .map((r) => r.tablename)
      .filter((name) => !UNWATCHED.includes(name));
    admin = await bootstrapAdmin(t);
    target = await invitePerson(t, admin, ['facilitator']);
    const candidate = await invitePerson(t, admin, ['facilitator']);
    const targetPasskey = (await target.client.get<Passkey[]>('/me/passkeys')).body[0];
    const adminPasskey = (await admin.client.get<Passkey[]>('/me/passkeys')).body[0];
    // A second browser without the first one's cookie: the admin is told, so a notice exists.
    await signIn(t, admin.authenticator);
    const [adminNotice] = (await db.query(`SELECT id FROM notices WHERE user_id = $1 LIMIT 1`, [
      admin.me.user.id,
    ])) as { id: string }[];

    const pending = await admin.client.post<IssuedInvitation>('/invitations', {
      displayName: 'Fuzz Invitee',
      email: 'fuzz.invitee@example.org',
      roles: ['facilitator'],
    });
    const token = tokenOf(pending.body.link);
    const registrationOptions = await new ApiClient(t.url).post<CreationOptionsInput>(
      '/auth/registration/options',
      { token },
    );
    const registration = withoutPrfResults(
      await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(registrationOptions.body),
    );
    const signInOptions = await new ApiClient(t.url).post<RequestOptionsInput>(
      '/auth/sign-in/options',
    );
    // Someone who signs in nowhere else, so this assertion stays the newest one of its passkey.
    const signer = await invitePerson(t, admin, ['facilitator']);
    const assertion = withoutPrfResults(
      await signer.authenticator.authenticate(signInOptions.body),
    );

    await stepUp(admin);
    const grant = await admin.client.post<Approval>('/admin-grants', {
      userId: target.me.user.id,
    });
    const stepUpOptions = await admin.client.post<RequestOptionsInput>('/auth/step-up/options');
    const stepUpAssertion = withoutPrfResults(
      await admin.authenticator.authenticate(stepUpOptions.body),
    );
    const addOptions = await admin.client.post<CreationOptionsInput>('/me/passkeys/options');
    const added = withoutPrfResults(
      await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(addOptions.body),
    );
    await stepUp(admin); // fresh for the whole file

    const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
    const hours = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 721 }),
      fc.double({ min: 1, max: 720, noInteger: true, noNaN: true }),
      fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -0.5),
    );
    const algorithm = fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true });
    const notOne = fc.oneof(
      fc.integer().filter((n) => n !== 1),
      fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
    );
    const generation = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 1_000_001 }),
      fc.double({ min: 1, max: 1_000_000, noInteger: true, noNaN: true }),
    );
    const positive = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ min: 0, max: 1e9, noInteger: true, noNaN: true }),
    );
    const bytes = (n: number) => randomBytes(n).toString('base64url');
    const hex = () => randomBytes(32).toString('hex');
    const wrap = {
      v: 1,
      kind: 'passphrase',
      wrapId: 'passphrase-1',
      generation: 1,
      nonce: bytes(24),
      ciphertext: bytes(200),
      kdf: { salt: bytes(16), opslimit: 3, memlimit: 67_108_864 },
      signature: bytes(64),
    };
    const wrapNumbers = (prefix: string) => ({
      [`${prefix}.v`]: notOne,
      [`${prefix}.generation`]: generation,
      [`${prefix}.kdf.opslimit`]: positive,
      [`${prefix}.kdf.memlimit`]: positive,
    });
    const registrationStrict = ['', 'response'];
    const topicLabels = { en: 'Fuzzing', fr: 'Fuzzing', ar: 'اختبار', es: 'Fuzzing' };
    const caselawId = 'c8996f8a-a291-4d55-a9c0-d581ab71763d'; // a seeded entry
    const caselawEntry = {
      kind: 'entry',
      title: { en: 'Fuzzed decision', ar: 'قرار' },
      documentNumbers: ['ICC-01/22-90'],
      chamber: 'pre-trial-ii',
      date: '2024-10-24',
      situation: 'Situation in Ukraine',
      caseName: null,
      documentType: 'finding',
      articles: [{ instrument: 'statute', article: '87', paragraph: '7' }],
      topics: ['non-cooperation'],
      summary: { en: 'A **summary** with [a link](https://www.icc-cpi.int/).' },
      holdings: { en: '- A holding.' },
      quotes: [{ paragraph: '20', lang: 'en', text: 'Quoted text.', source: null }],
      links: [{ url: 'https://www.icc-cpi.int/', label: 'Court record', lang: 'en' }],
      related: [],
      source: { title: 'Report', locator: 'para. 20', url: null },
    };
    const caselawStrict = [
      '',
      'content',
      'content.title',
      'content.articles.0',
      'content.summary',
      'content.holdings',
      'content.quotes.0',
      'content.links.0',
      'content.source',
    ];
    const caselawNullable = [
      'content.situation',
      'content.caseName',
      'content.quotes.0.source',
      'content.links.0.lang',
      'content.source.locator',
      'content.source.url',
    ];
    const u = target.me.user.id;
    cases = {
      'POST /api/v1/auth/invitation': {
        params: {},
        body: { schema: registrationOptionsRequestSchema, valid: { token }, strict: [''] },
      },
      'POST /api/v1/auth/registration/options': {
        params: {},
        body: { schema: registrationOptionsRequestSchema, valid: { token }, strict: [''] },
      },
      'POST /api/v1/auth/registration/verify': {
        params: {},
        body: {
          schema: registrationVerifyRequestSchema,
          valid: json({ token, passkeyName: 'Fuzzed passkey', response: registration }),
          strict: registrationStrict,
          badNumbers: { 'response.response.publicKeyAlgorithm': algorithm },
        },
      },
      'POST /api/v1/auth/sign-in/options': { params: {} },
      'POST /api/v1/auth/sign-in/verify': {
        params: {},
        body: {
          schema: authenticationVerifyRequestSchema,
          valid: json({ response: assertion }),
          strict: registrationStrict,
        },
      },
      'POST /api/v1/auth/step-up/options': { params: {} },
      'POST /api/v1/auth/step-up/verify': {
        params: {},
        body: {
          schema: authenticationVerifyRequestSchema,
          valid: json({ response: stepUpAssertion }),
          strict: registrationStrict,
        },
      },
      'POST /api/v1/auth/sign-out': { params: {} },
      'POST /api/v1/me/passkeys/options': { params: {} },
      'POST /api/v1/me/passkeys': {
        params: {},
        body: {
          schema: addPasskeyRequestSchema,
          valid: json({ passkeyName: 'Second key', response: added }),
          strict: registrationStrict,
          badNumbers: { 'response.response.publicKeyAlgorithm': algorithm },
        },
      },
      'PATCH /api/v1/me/passkeys/:id': {
        params: { id: adminPasskey.id },
        body: { schema: renamePasskeySchema, valid: { name: 'Renamed key' }, strict: [''] },
      },
      'DELETE /api/v1/me/passkeys/:id': { params: { id: adminPasskey.id } },
      'DELETE /api/v1/me/sessions/:id': { params: { id: target.me.session.id } },
      'POST /api/v1/me/notices/read': { params: {} },
      'POST /api/v1/me/notices/:id/read': { params: { id: adminNotice.id } },
      'PATCH /api/v1/users/:id': {
        params: { id: u },
        body: {
          schema: updateUserSchema,
          valid: { displayName: 'New Name', roles: ['facilitator'], stateCode: null },
          strict: [''],
          nullable: ['stateCode'],
        },
      },
      'POST /api/v1/users/:id/status': {
        params: { id: u },
        body: {
          schema: changeStatusSchema,
          valid: { status: 'suspended', reason: 'fuzzing' },
          strict: [''],
        },
      },
      'POST /api/v1/users/:id/recovery-invitation': {
        params: { id: u },
        body: {
          schema: recoveryInvitationSchema,
          valid: { expiresInHours: 24 },
          strict: [''],
          badNumbers: { expiresInHours: hours },
        },
      },
      'DELETE /api/v1/users/:id/passkeys/:passkeyId': {
        params: { id: u, passkeyId: targetPasskey.id },
      },
      'DELETE /api/v1/users/:id/sessions/:sessionId': {
        params: { id: u, sessionId: target.me.session.id },
      },
      'POST /api/v1/invitations': {
        params: {},
        body: {
          schema: createInvitationSchema,
          valid: {
            displayName: 'Aminata Diop',
            email: 'aminata.diop@example.org',
            roles: ['focal_point'],
            stateCode: 'SEN',
            expiresInHours: 48,
          },
          strict: [''],
          badNumbers: { expiresInHours: hours },
        },
      },
      'DELETE /api/v1/invitations/:id': { params: { id: pending.body.invitation.id } },
      'POST /api/v1/admin-grants': {
        params: {},
        body: {
          schema: requestAdminGrantSchema,
          valid: { userId: candidate.me.user.id },
          strict: [''],
        },
      },
      'POST /api/v1/approvals/:id/decision': {
        params: { id: grant.body.id },
        body: { schema: decideApprovalSchema, valid: { decision: 'reject' }, strict: [''] },
      },
      'POST /api/v1/approvals/:id/cancel': { params: { id: grant.body.id } },
      'DELETE /api/v1/admin-grants/holders/:userId': { params: { userId: admin.me.user.id } },
      'POST /api/v1/states': {
        params: {},
        body: {
          schema: createStateSchema,
          valid: {
            code: 'ZZZ',
            names: { en: 'Zedland', fr: 'Zédie', ar: 'زدلاند', es: 'Zedlandia' },
            regionalGroup: 'african',
            entryIntoForce: '2030-01-01',
            withdrawalEffective: null,
          },
          strict: ['', 'names'],
          nullable: ['withdrawalEffective'],
        },
      },
      'PUT /api/v1/keys/me': {
        params: {},
        body: {
          schema: enrolKeysSchema,
          valid: {
            record: {
              v: 1,
              userId: admin.me.user.id,
              generation: 1,
              encryptionKey: bytes(32),
              signingKey: bytes(32),
              createdAt: new Date().toISOString(),
              signature: bytes(64),
            },
            wraps: [wrap],
          },
          strict: ['', 'record', 'wraps.0', 'wraps.0.kdf'],
          badNumbers: {
            'record.v': notOne,
            'record.generation': generation,
            ...wrapNumbers('wraps.0'),
          },
        },
      },
      'PUT /api/v1/keys/me/wraps': {
        params: {},
        body: {
          schema: putWrapSchema,
          valid: { wrap },
          strict: ['', 'wrap', 'wrap.kdf'],
          badNumbers: wrapNumbers('wrap'),
        },
      },
      'POST /api/v1/keys/verifications': {
        params: {},
        body: {
          schema: recordVerificationSchema,
          valid: { subjectUserId: u, fingerprint: hex() },
          strict: [''],
        },
      },
      'POST /api/v1/keys/users/:userId/attestations': {
        params: { userId: u },
        body: {
          schema: attestationSchema,
          valid: {
            v: 1,
            subjectUserId: u,
            stateCode: null,
            roles: ['facilitator'],
            fingerprint: hex(),
            attesterUserId: admin.me.user.id,
            attesterFingerprint: hex(),
            attestedAt: new Date().toISOString(),
            signature: bytes(64),
          },
          strict: [''],
          nullable: ['stateCode'],
          badNumbers: { v: notOne },
        },
      },
      'POST /api/v1/states/:code/withdrawal': {
        params: { code: 'SEN' },
        body: {
          schema: recordWithdrawalSchema,
          valid: { withdrawalEffective: '2031-01-01' },
          strict: [''],
        },
      },
      'POST /api/v1/caselaw/topics': {
        params: {},
        body: {
          schema: createTopicSchema,
          valid: { key: 'fuzzed-topic', labels: topicLabels },
          strict: ['', 'labels'],
        },
      },
      'PATCH /api/v1/caselaw/topics/:key': {
        params: { key: 'asset-freezing' },
        body: { schema: updateTopicSchema, valid: { labels: topicLabels }, strict: ['', 'labels'] },
      },
      'POST /api/v1/caselaw/editor/entries': {
        params: {},
        body: {
          schema: createEntrySchema,
          valid: { id: randomUUID(), content: caselawEntry, note: 'first draft' },
          strict: caselawStrict,
          nullable: caselawNullable,
        },
      },
      'PUT /api/v1/caselaw/editor/entries/:id': {
        params: { id: caselawId },
        body: {
          schema: updateEntrySchema,
          valid: { baseRevision: 1, content: caselawEntry },
          strict: caselawStrict,
          nullable: caselawNullable,
          badNumbers: { baseRevision: generation },
        },
      },
      'POST /api/v1/caselaw/editor/entries/:id/submit': {
        params: { id: caselawId },
        body: {
          schema: revisionActionSchema,
          valid: { revision: 1 },
          strict: [''],
          badNumbers: { revision: generation },
        },
      },
      'POST /api/v1/caselaw/editor/entries/:id/return': { params: { id: caselawId } },
      'POST /api/v1/caselaw/editor/entries/:id/publish': {
        params: { id: caselawId },
        body: {
          schema: revisionActionSchema,
          valid: { revision: 1 },
          strict: [''],
          badNumbers: { revision: generation },
        },
      },
      'POST /api/v1/caselaw/editor/entries/:id/unpublish': {
        params: { id: caselawId },
        body: { schema: unpublishSchema, valid: { reason: 'fuzzing' }, strict: [''] },
      },
      'POST /api/v1/caselaw/editor/import': {
        params: {},
        body: {
          schema: importFileSchema,
          valid: {
            format: 'coop-caselaw',
            version: 1,
            topics: [{ key: 'fuzzed-topic', labels: topicLabels }],
            entries: [{ id: randomUUID(), content: caselawEntry }],
          },
          strict: [''],
          badNumbers: { version: notOne },
        },
      },
    };
  });
  afterAll(() => t.close());

  it('has one valid base request for every write endpoint, with a body exactly where one is read', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !cases[k])).toEqual([]);
    expect(Object.keys(cases).filter((k) => !keys.includes(k))).toEqual([]);
    for (const route of routes) {
      const spec = cases[`${route.method} ${route.path}`];
      expect({ route: route.path, readsBody: spec.body !== undefined }).toEqual({
        route: route.path,
        readsBody: route.readsBody,
      });
      if (spec.body) expect(spec.body.schema.safeParse(spec.body.valid).error).toBeUndefined();
    }
  });

  it('refuses every malformed body with a 4xx problem and stores nothing', async () => {
    for (const route of routes.filter((r) => r.readsBody)) {
      const key = `${route.method} ${route.path}`;
      const spec = cases[key];
      if (!spec?.body) continue; // a missing base fails the first test
      const before = await snapshot();
      const head = await auditHead();
      const path = fill(route.path, spec.params);
      await fc.assert(
        fc.asyncProperty(badBodies(spec.body), async (m) => {
          assertRefused(
            await send(t, route.method, path, m.text, admin.client.cookie),
            `${key} with ${m.what}`,
          );
        }),
        { numRuns: RUNS },
      );
      expect({ key, tables: await snapshot() }).toEqual({ key, tables: before });
      const audited = await auditSince(head);
      expect({ key, audited: audited.filter((a) => a !== 'auth.sign_in_failed') }).toEqual({
        key,
        audited: [],
      });
      if (!key.endsWith('/sign-in/verify')) expect({ key, audited }).toEqual({ key, audited: [] });
    }
  });

  it('refuses malformed path parameters with a 4xx problem and stores nothing', async () => {
    for (const route of routes.filter((r) => r.path.includes(':'))) {
      const key = `${route.method} ${route.path}`;
      const spec = cases[key];
      if (!spec) continue; // a missing base fails the first test
      const names = Object.keys(spec.params);
      const before = await snapshot();
      const head = await auditHead();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names).chain((name) => badParam(name).map((bad) => ({ name, bad }))),
          async ({ name, bad }) => {
            const params = Object.fromEntries(
              names.map((n) => [n, n === name ? bad.segment : encodeURIComponent(spec.params[n])]),
            );
            const body = spec.body ? JSON.stringify(spec.body.valid) : undefined;
            assertRefused(
              await send(t, route.method, fill(route.path, params), body, admin.client.cookie),
              `${key} with ${name} = ${bad.what}`,
            );
          },
        ),
        { numRuns: RUNS },
      );
      expect({ key, tables: await snapshot() }).toEqual({ key, tables: before });
      expect({ key, audited: await auditSince(head) }).toEqual({ key, audited: [] });
    }
  });

  it('ignores whatever body is sent to the endpoints that read none, without a 5xx', async () => {
    const anyBody = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('null', '"text"', deepObject(3000), deepArray(3000), '{"a":', '[1,]'),
    );
    const structured = (text: string) => {
      try {
        JSON.parse(text);
        return /^\s*[[{]/.test(text);
      } catch {
        return false;
      }
    };
    for (const route of routes.filter((r) => !r.readsBody && !r.path.includes(':'))) {
      const key = `${route.method} ${route.path}`;
      const signOut = route.path.endsWith('/sign-out');
      // Signing in again after each sign-out records the sign-in and its browser; marking
      // notices read changes them on the first call.
      const moving = signOut
        ? ['sessions', 'passkeys', 'sign_ins', 'known_browsers', 'notices']
        : route.path.includes('/notices/')
          ? ['notices']
          : [];
      const watched = tables.filter((x) => !moving.includes(x));
      const before = await snapshot(watched);
      const head = await auditHead();
      const baseline = (await send(t, route.method, route.path, undefined, admin.client.cookie))
        .status;
      if (signOut) admin = await signIn(t, admin.authenticator);
      await fc.assert(
        fc.asyncProperty(anyBody, async (text) => {
          const session = signOut
            ? (await signIn(t, target.authenticator)).client.cookie
            : admin.client.cookie;
          const answer = await send(t, route.method, route.path, text, session);
          const expected = structured(text) ? baseline : 400;
          if (answer.status !== expected || answer.status >= 500)
            throw new Error(
              `${key} with ${text.slice(0, 80)}: answered ${answer.status}, expected ${expected}`,
            );
          if (expected >= 400) assertRefused(answer, `${key} with ${text.slice(0, 80)}`);
        }),
        { numRuns: RUNS },
      );
      expect({ key, tables: await snapshot(watched) }).toEqual({ key, tables: before });
      const audited = await auditSince(head);
      const allowed = signOut ? ['auth.signed_in', 'session.revoked'] : [];
      expect({ key, audited: audited.filter((a) => !allowed.includes(a)) }).toEqual({
        key,
        audited: [],
      });
    }
    await stepUp(admin);
    expect((await admin.client.get('/me')).status).toBe(200);
  });

  it('refuses a body that does not decode as its Content-Encoding says, with a 4xx problem, and stores nothing', async () => {
    for (const route of routes.filter((r) => r.readsBody)) {
      const key = `${route.method} ${route.path}`;
      const spec = cases[key];
      if (!spec?.body) continue; // a missing base fails the first test
      const before = await snapshot();
      const head = await auditHead();
      const path = fill(route.path, spec.params);
      for (const { what, encoding, bytes } of misencodedBodies(JSON.stringify(spec.body.valid))) {
        const answer = await send(t, route.method, path, bytes, admin.client.cookie, {
          'Content-Encoding': encoding,
        });
        assertRefused(answer, `${key} with ${what}`);
      }
      expect({ key, tables: await snapshot() }).toEqual({ key, tables: before });
      expect({ key, audited: await auditSince(head) }).toEqual({ key, audited: [] });
    }
  });

  it('refuses numeric path and query parameters beyond their bounds with a 4xx problem', async () => {
    const entry = cases['PUT /api/v1/caselaw/editor/entries/:id'].params.id;
    // Each numeric parameter, with `{n}` where the number goes, and who may call the route.
    const numeric: [string, Person, fc.Arbitrary<string>][] = [
      ['/api/v1/caselaw/editor/entries/:id/revisions/{n}', target, beyondInteger],
      ['/api/v1/caselaw/editor/entries/:id/diff?from={n}&to=1', target, beyondInteger],
      ['/api/v1/caselaw/editor/entries/:id/diff?from=1&to={n}', target, beyondInteger],
      ['/api/v1/caselaw/editor/entries?limit={n}', target, beyondInteger],
      ['/api/v1/caselaw/editor/entries?offset={n}', target, beyondInteger],
      ['/api/v1/caselaw/search?limit={n}', target, beyondInteger],
      ['/api/v1/caselaw/search?offset={n}', target, beyondInteger],
      ['/api/v1/audit?limit={n}', admin, beyondInteger],
      ['/api/v1/audit/export?limit={n}', admin, beyondInteger],
      // A sequence number: a bigint, so only what no bigint can hold is out of range.
      ['/api/v1/audit?before={n}', admin, notANumber],
      ['/api/v1/audit/export?before={n}', admin, notANumber],
    ];
    const pathNumbers = discoverRoutes(t).flatMap((r) =>
      [...r.path.matchAll(/:(\w+)/g)]
        .map((m) => m[1])
        .filter((name) => !/^(id|\w+Id|code|key)$/.test(name))
        .map((name) => r.path.replace(`:${name}`, '{n}')),
    );
    expect(pathNumbers.filter((p) => !numeric.some(([template]) => template === p))).toEqual([]);
    for (const [template, caller, bad] of numeric) {
      const url = template.replace(':id', entry);
      const fine = await send(t, 'GET', url.replace('{n}', '1'), undefined, caller.client.cookie);
      expect({ url, allowed: fine.status < 500 && ![401, 403].includes(fine.status) }).toEqual({
        url,
        allowed: true,
      });
      await fc.assert(
        // In the path, an empty segment addresses another route (…/revisions/ is the list).
        fc.asyncProperty(template.includes('?') ? bad : bad.filter((n) => n !== ''), async (n) => {
          const path = url.replace('{n}', encodeURIComponent(n));
          assertRefused(await send(t, 'GET', path, undefined, caller.client.cookie), `GET ${path}`);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('accepts the untouched bases afterwards: the fuzzing aimed at live requests', async () => {
    const body = (key: string) => cases[key].body?.valid;
    const rename = await admin.client.patch<Passkey>(
      `/me/passkeys/${cases['PATCH /api/v1/me/passkeys/:id'].params.id}`,
      body('PATCH /api/v1/me/passkeys/:id'),
    );
    expect(rename.status).toBe(200);
    expect(
      (
        await new ApiClient(t.url).post(
          '/auth/sign-in/verify',
          body('POST /api/v1/auth/sign-in/verify'),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await new ApiClient(t.url).post(
          '/auth/registration/verify',
          body('POST /api/v1/auth/registration/verify'),
        )
      ).status,
    ).toBe(200);
  });
});
