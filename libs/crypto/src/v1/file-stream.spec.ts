import fc from 'fast-check';
import vectors from '../../vectors/v1/file-stream.json';
import { CryptoError } from '../errors';
import { concatBytes, fromBase64Url, fromHex, toHex } from './encoding';
import {
  decryptFileStream,
  encryptedFileSize,
  encryptFileStream,
  FILE_CHUNK_BYTES,
  type ByteSource,
} from './file-stream';
import {
  blake2b,
  equalBytes,
  ready,
  STREAM_TAG_FINAL,
  STREAM_TAG_MESSAGE,
  streamInitPush,
  streamPush,
} from './sodium';
import { collect, flipBit, seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

const CHUNK = FILE_CHUNK_BYTES + 17;
const patterned = (length: number) => Uint8Array.from({ length }, (_, i) => i % 251);

async function encrypt(plaintext: Uint8Array, pieces: ByteSource = [plaintext]) {
  const { key, chunks } = await encryptFileStream(pieces);
  return { key, chunks: await collect(chunks) };
}

async function decrypt(key: Uint8Array, source: ByteSource): Promise<Uint8Array> {
  return concatBytes(...(await collect(decryptFileStream(key, source))));
}

/** Cuts bytes at the given (sorted, deduplicated) offsets. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  return pieces;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('file stream vectors', () => {
  it.each(vectors.cases)('decrypts and reproduces "$name"', async (vector) => {
    const plaintext = patterned(vector.plaintextLength);
    expect(toHex(blake2b(32, plaintext, null))).toBe(vector.plaintextBlake2b256);
    const ciphertext = fromBase64Url(vector.ciphertext);
    expect(ciphertext).toHaveLength(encryptedFileSize(vector.plaintextLength));
    const pieces = cut(ciphertext, [0, ...vector.chunkLengths.map((_, i) => 24 + i * CHUNK)]);
    expect(equalBytes(await decrypt(fromHex(vector.key), pieces), plaintext)).toBe(true);
    const { result, draws } = await withDeterministicRandom(seedFromLabel(vector.seedLabel), () =>
      encrypt(plaintext),
    );
    expect(draws).toEqual(vector.draws);
    expect(toHex(result.key)).toBe(vector.key);
    expect(result.chunks.map((chunk) => chunk.length)).toEqual(vector.chunkLengths);
  });
});

describe('file streams', () => {
  it('round-trip any file cut into any pieces, in 64 KiB chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * FILE_CHUNK_BYTES + 10 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (length, plainCuts, cipherCuts) => {
          const plaintext = patterned(length);
          const { key, chunks } = await encrypt(plaintext, cut(plaintext, plainCuts));
          expect(chunks[0]).toHaveLength(24);
          expect(chunks.slice(1, -1).every((chunk) => chunk.length === CHUNK)).toBe(true);
          const ciphertext = concatBytes(...chunks);
          expect(ciphertext).toHaveLength(encryptedFileSize(length));
          expect(equalBytes(await decrypt(key, cut(ciphertext, cipherCuts)), plaintext)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('read ReadableStreams, sync iterables and async generators', async () => {
    const plaintext = patterned(FILE_CHUNK_BYTES + 5);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of cut(plaintext, [10, 70_000])) controller.enqueue(piece);
        controller.close();
      },
    });
    const { key, chunks } = await encrypt(plaintext, stream);
    async function* source() {
      yield* chunks;
    }
    expect(equalBytes(await decrypt(key, source()), plaintext)).toBe(true);
    expect(equalBytes(await decrypt(key, new Set(chunks)), plaintext)).toBe(true);
  });

  it('encrypt while reading, not after', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 4; i++) {
        pulled++;
        yield patterned(FILE_CHUNK_BYTES);
      }
    }
    const { chunks } = await encryptFileStream(source());
    await chunks.next(); // header
    await chunks.next(); // first chunk: needs one piece and a look at the next
    expect(pulled).toBeLessThanOrEqual(2);
    await collect(chunks);
    expect(pulled).toBe(4);
  });

  describe('tampering', () => {
    let key: Uint8Array;
    let chunks: Uint8Array[];
    let ciphertext: Uint8Array;

    beforeAll(async () => {
      ({ key, chunks } = await encrypt(patterned(3 * FILE_CHUNK_BYTES + 1000)));
      ciphertext = concatBytes(...chunks);
    });

    it('rejects a truncated stream at any point', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(ciphertext.length - 1), async (length) => {
          const result = await rejection(decrypt(key, [ciphertext.subarray(0, length)]));
          expect(['stream_truncated', 'decryption_failed']).toContain(result);
        }),
        { numRuns: 40 },
      );
      for (let n = 1; n < chunks.length; n++) {
        await expect(rejection(decrypt(key, chunks.slice(0, n)))).resolves.toBe('stream_truncated');
      }
      await expect(rejection(decrypt(key, []))).resolves.toBe('stream_truncated');
      await expect(rejection(decrypt(key, [ciphertext.subarray(0, 10)]))).resolves.toBe(
        'stream_truncated',
      );
    });

    it('rejects reordered, duplicated or dropped chunks', async () => {
      const [header, a, b, c, last] = chunks;
      const variants = [
        [header, b, a, c, last],
        [header, a, c, b, last],
        [header, a, a, b, c, last],
        [header, a, b, b, c, last],
        [header, a, c, last],
        [header, a, b, c, last, last],
        [header, a, b, last],
        [header, last],
      ];
      for (const variant of variants) {
        await expect(rejection(decrypt(key, variant))).resolves.not.toBe('accepted');
      }
    });

    it('rejects any flipped bit', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(ciphertext.length * 8 - 1), async (bit) => {
          const result = await rejection(decrypt(key, [flipBit(ciphertext, bit)]));
          expect(result).toBe('decryption_failed');
        }),
        { numRuns: 60 },
      );
    });

    it('rejects any data after the FINAL chunk', async () => {
      // After a short FINAL chunk, appended bytes join it and it no longer authenticates.
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (extra) => {
          const result = await rejection(decrypt(key, [...chunks, extra]));
          expect(['stream_trailing_data', 'decryption_failed']).toContain(result);
        }),
        { numRuns: 20 },
      );
      const full = await encrypt(patterned(2 * FILE_CHUNK_BYTES));
      const other = await encrypt(patterned(10));
      for (const extra of [Uint8Array.of(0), other.chunks[1], ...full.chunks.slice(1)]) {
        await expect(rejection(decrypt(full.key, [...full.chunks, extra]))).resolves.toBe(
          'stream_trailing_data',
        );
      }
    });

    it('rejects another key', async () => {
      await expect(rejection(decrypt(flipBit(key, 0), chunks))).resolves.toBe('decryption_failed');
    });
  });

  it('rejects chunk tags the protocol never writes', async () => {
    const key = new Uint8Array(32).fill(9);
    const { state, header } = streamInitPush(key);
    const push = streamPush(state, patterned(FILE_CHUNK_BYTES), 1);
    expect(await rejection(decrypt(key, [header, push]))).toBe('stream_invalid');
    const again = streamInitPush(key);
    const short = streamPush(again.state, patterned(10), STREAM_TAG_MESSAGE);
    expect(await rejection(decrypt(key, [again.header, short]))).toBe('stream_truncated');
    const final = streamInitPush(key);
    const done = streamPush(final.state, patterned(10), STREAM_TAG_FINAL);
    expect(equalBytes(await decrypt(key, [final.header, done]), patterned(10))).toBe(true);
  });

  it('stops reading its source when the consumer stops or the input is bad', async () => {
    let closed = false;
    async function* source() {
      try {
        for (;;) yield patterned(FILE_CHUNK_BYTES);
      } finally {
        closed = true;
      }
    }
    const { chunks } = await encryptFileStream(source());
    for await (const chunk of chunks) {
      if (chunk.length > 24) break;
    }
    expect(closed).toBe(true);

    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(patterned(1000));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(rejection(decrypt(new Uint8Array(32), endless))).resolves.toBe(
      'decryption_failed',
    );
    expect(cancelled).toBe(true);
  });

  it('checks its inputs', async () => {
    await expect(rejection(decrypt(new Uint8Array(31), []))).resolves.toBe('invalid_input');
    await expect(
      rejection(decrypt(new Uint8Array(32), ['text' as unknown as Uint8Array])),
    ).resolves.toBe('invalid_input');
    await expect(rejection(encryptFileStream(42 as unknown as ByteSource))).resolves.toBe(
      'invalid_input',
    );
    expect(() => encryptedFileSize(-1)).toThrow(CryptoError);
    expect(encryptedFileSize(0)).toBe(24 + 17);
    expect(encryptedFileSize(FILE_CHUNK_BYTES)).toBe(24 + FILE_CHUNK_BYTES + 17);
    expect(encryptedFileSize(FILE_CHUNK_BYTES + 1)).toBe(24 + FILE_CHUNK_BYTES + 1 + 34);
  });
});
