import fc from 'fast-check';
import vectors from '../../vectors/v1/envelope.json';
import { accountKeysFromSecrets, generateAccountKeys, type AccountKeys } from './account-keys';
import { encodeFields, fromBase64Url, fromHex, toBase64Url, toHex } from './encoding';
import {
  ENVELOPE_CONTEXT,
  openEnvelope,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelope,
  type EnvelopeContext,
  type EnvelopeV1,
} from './envelope';
import { createKeyRecord, type KeyRecordV1 } from './key-record';
import { signFields } from './signature';
import { ready, verifyDetached } from './sodium';
import { flipBase64UrlBit } from './testing';

beforeAll(ready);

const code = (expected: string) => expect.objectContaining({ code: expected });

function keysOf(json: { encryptionSecretKey: string; signingSeed: string }): AccountKeys {
  return accountKeysFromSecrets(fromHex(json.encryptionSecretKey), fromHex(json.signingSeed));
}

describe('envelope vectors', () => {
  it.each(vectors.cases)('opens the vector envelope', async (vector) => {
    const alice = keysOf(vector.sender.keys);
    const bob = keysOf(vector.recipient.keys);
    const { envelope } = vector;
    const signed = encodeFields(ENVELOPE_CONTEXT, [
      envelope.purpose,
      envelope.channelId,
      envelope.epoch,
      envelope.recipientUserId,
      fromHex(envelope.recipientFingerprint),
      envelope.senderUserId,
      fromBase64Url(envelope.sealed),
    ]);
    expect(toHex(signed)).toBe(vector.signedMessage);
    expect(verifyDetached(fromBase64Url(envelope.signature), signed, alice.signing.publicKey)).toBe(
      true,
    );
    await expect(verifyEnvelope(envelope, alice.signing.publicKey)).resolves.toBe(true);
    const key = await openEnvelope(
      envelope,
      { userId: vector.recipient.userId, keys: bob },
      { userId: vector.sender.userId, signingKey: toBase64Url(alice.signing.publicKey) },
      vector.context,
    );
    expect(toHex(key)).toBe(vector.key);
  });
});

describe('envelopes', () => {
  let alice: AccountKeys;
  let bob: AccountKeys;
  let carol: AccountKeys;
  let bobRecord: KeyRecordV1;
  let carolRecord: KeyRecordV1;
  const context: EnvelopeContext = { purpose: 'channel-epoch-key', channelId: 'chan-1', epoch: 3 };
  const key = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);
  let envelope: EnvelopeV1;
  let open: (value: unknown) => Promise<Uint8Array>;

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([1, 2, 3].map(() => generateAccountKeys()));
    bobRecord = await createKeyRecord(bob, { userId: 'bob', generation: 1 });
    carolRecord = await createKeyRecord(carol, { userId: 'carol', generation: 1 });
    envelope = await sealEnvelope(key, context, { userId: 'alice', keys: alice }, bobRecord);
    open = (value) =>
      openEnvelope(
        value,
        { userId: 'bob', keys: bob },
        { userId: 'alice', signingKey: alice.signing.publicKey },
        context,
      );
  });

  it('deliver any key for any context', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.stringMatching(/^[a-z][a-z-]{0,30}$/),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.nat(),
        async (secret, purpose, channelId, epoch) => {
          const ctx = { purpose, channelId, epoch };
          const sealed = await sealEnvelope(
            secret,
            ctx,
            { userId: 'alice', keys: alice },
            bobRecord,
          );
          expect(sealed).toMatchObject({ ...ctx, recipientUserId: 'bob', senderUserId: 'alice' });
          const opened = await openEnvelope(
            JSON.parse(JSON.stringify(sealed)),
            { userId: 'bob', keys: bob },
            { userId: 'alice', signingKey: alice.signing.publicKey },
            ctx,
          );
          expect(opened).toEqual(secret);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reject any flipped bit in a signed field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('sealed', 'signature'), fc.nat(), async (name, bit) => {
        const tampered = { ...envelope, [name]: flipBase64UrlBit(envelope[name], bit) };
        await expect(open(tampered)).rejects.toMatchObject(code('invalid_signature'));
        await expect(verifyEnvelope(tampered, alice.signing.publicKey)).resolves.toBe(false);
      }),
    );
    const print = envelope.recipientFingerprint;
    const changes: Partial<EnvelopeV1>[] = [
      { purpose: 'questionnaire-key' },
      { channelId: 'chan-2' },
      { epoch: 4 },
      { recipientUserId: 'carol' },
      { recipientFingerprint: (print[0] === '0' ? '1' : '0') + print.slice(1) },
      { senderUserId: 'mallory' },
    ];
    for (const change of changes) {
      await expect(open({ ...envelope, ...change })).rejects.toMatchObject(
        code('invalid_signature'),
      );
    }
  });

  it('reject fields swapped in from another envelope', async () => {
    const other = await sealEnvelope(key, context, { userId: 'alice', keys: alice }, carolRecord);
    for (const name of [
      'sealed',
      'signature',
      'recipientFingerprint',
      'recipientUserId',
    ] as const) {
      await expect(open({ ...envelope, [name]: other[name] })).rejects.toMatchObject(
        code('invalid_signature'),
      );
    }
  });

  it('open only for the expected sender, recipient and context', async () => {
    await expect(
      openEnvelope(
        envelope,
        { userId: 'bob', keys: bob },
        { userId: 'alice', signingKey: carol.signing.publicKey },
        context,
      ),
    ).rejects.toMatchObject(code('invalid_signature'));
    await expect(
      openEnvelope(
        envelope,
        { userId: 'bob', keys: bob },
        { userId: 'alicia', signingKey: alice.signing.publicKey },
        context,
      ),
    ).rejects.toMatchObject(code('context_mismatch'));
    for (const recipient of [
      { userId: 'carol', keys: carol },
      { userId: 'bob', keys: carol },
      { userId: 'carol', keys: bob },
    ]) {
      await expect(
        openEnvelope(
          envelope,
          recipient,
          { userId: 'alice', signingKey: alice.signing.publicKey },
          context,
        ),
      ).rejects.toMatchObject(code('recipient_mismatch'));
    }
    for (const expected of [
      { ...context, purpose: 'other' },
      { ...context, channelId: 'chan-2' },
      { ...context, epoch: 2 },
    ]) {
      await expect(
        openEnvelope(
          envelope,
          { userId: 'bob', keys: bob },
          { userId: 'alice', signingKey: alice.signing.publicKey },
          expected,
        ),
      ).rejects.toMatchObject(code('context_mismatch'));
    }
  });

  it('fail to open a sealed box the sender signed but did not seal to this key', async () => {
    const decoded = parseEnvelope(envelope);
    const sealed = decoded.sealed.map((byte, i) => (i === 40 ? byte ^ 1 : byte));
    const signature = signFields(
      ENVELOPE_CONTEXT,
      [
        context.purpose,
        context.channelId,
        context.epoch,
        'bob',
        fromHex(envelope.recipientFingerprint),
        'alice',
        sealed,
      ],
      alice.signing.secretKey,
    );
    const forged = { ...envelope, sealed: toBase64Url(sealed), signature: toBase64Url(signature) };
    await expect(open(forged)).rejects.toMatchObject(code('decryption_failed'));
  });

  it('check inputs and record shape', async () => {
    const sender = { userId: 'alice', keys: alice };
    await expect(sealEnvelope(key.slice(1), context, sender, bobRecord)).rejects.toMatchObject(
      code('invalid_input'),
    );
    await expect(
      sealEnvelope(key, { ...context, purpose: 'Bad' }, sender, bobRecord),
    ).rejects.toMatchObject(code('invalid_input'));
    await expect(
      sealEnvelope(key, context, { ...sender, userId: '' }, bobRecord),
    ).rejects.toMatchObject(code('invalid_input'));
    await expect(
      sealEnvelope(key, context, sender, { ...bobRecord, signature: carolRecord.signature }),
    ).rejects.toMatchObject(code('invalid_signature'));
    const bad: [unknown, string][] = [
      [{ ...envelope, v: 2 }, 'unsupported_version'],
      [{ ...envelope, recipientFingerprint: 'ABC' }, 'invalid_record'],
      [{ ...envelope, epoch: -1 }, 'invalid_record'],
      [{ ...envelope, sealed: envelope.sealed.slice(4) }, 'invalid_record'],
      [{ ...envelope, extra: true }, 'invalid_record'],
    ];
    for (const [value, expected] of bad) {
      await expect(open(value)).rejects.toMatchObject(code(expected));
      await expect(verifyEnvelope(value, alice.signing.publicKey)).resolves.toBe(false);
    }
    await expect(verifyEnvelope(envelope, 'AAAA')).resolves.toBe(false);
    await expect(
      openEnvelope(
        envelope,
        {
          userId: 'bob',
          keys: { ...bob, encryption: { ...bob.encryption, secretKey: new Uint8Array(1) } },
        },
        { userId: 'alice', signingKey: alice.signing.publicKey },
        context,
      ),
    ).rejects.toMatchObject(code('invalid_input'));
  });
});
