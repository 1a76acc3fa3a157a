/*
 * Streaming file encryption, protocol v1: crypto_secretstream_xchacha20poly1305 under a fresh
 * random 32-byte file key (drawn through random.ts; it travels inside an encrypted message).
 * Ciphertext = header (24 bytes, libsodium's own randomness) ‖ chunk ‖ chunk ‖ …
 * The plaintext is cut into fixed 64 KiB chunks; each becomes 64 KiB + 17 bytes. Every chunk is
 * tagged MESSAGE except the last, tagged FINAL, which holds the remaining 0..64 KiB (0 only for
 * an empty file). No associated data: the key is unique to the file. Secretstream's internal
 * counter makes reordered, duplicated or dropped chunks fail; a stream that ends without FINAL,
 * or continues after it, is rejected. Version 1.
 */
import { CryptoError } from '../errors';
import { randomBytes } from './random';
import {
  ready,
  STREAM_TAG_FINAL,
  STREAM_TAG_MESSAGE,
  streamInitPull,
  streamInitPush,
  streamPull,
  streamPush,
} from './sodium';
import { checkBytes } from './validate';

export const FILE_KEY_BYTES = 32;
export const FILE_HEADER_BYTES = 24;
export const FILE_CHUNK_BYTES = 65_536;
/** Per chunk: 1 encrypted tag byte + 16-byte MAC. */
export const FILE_CHUNK_OVERHEAD = 17;
const CIPHER_CHUNK_BYTES = FILE_CHUNK_BYTES + FILE_CHUNK_OVERHEAD;

/** The reader side of a WHATWG ReadableStream, as browsers and Node 20 both provide it. */
interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  releaseLock(): void;
  cancel(reason?: unknown): Promise<void>;
}

export interface ReadableByteStream {
  getReader(): StreamReader;
}

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableByteStream;

export interface EncryptedFileStream {
  /** The file key: keep it secret and send it inside the (encrypted) message. */
  key: Uint8Array;
  /** The header first, then one ciphertext chunk per 64 KiB of plaintext. */
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
}

async function* readStream(stream: ReadableByteStream): AsyncGenerator<Uint8Array> {
  // Safari cannot async-iterate a ReadableStream, so read it through its reader.
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) yield value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function iteratorOf(source: ByteSource): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  if (typeof source === 'object' && source !== null) {
    if ('getReader' in source && typeof source.getReader === 'function') {
      return readStream(source)[Symbol.asyncIterator]();
    }
    if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
    if (Symbol.iterator in source) return source[Symbol.iterator]();
  }
  throw new CryptoError('invalid_input', 'source: an (async) iterable or ReadableStream of bytes');
}

/** Buffers a byte source so it can be read in exact sizes, holding at most one chunk and a piece. */
class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private readonly pieces: Uint8Array[] = [];
  private head = 0;
  private buffered = 0;
  private ended = false;

  constructor(source: ByteSource) {
    this.iterator = iteratorOf(source);
  }

  private async fill(wanted: number): Promise<void> {
    while (this.buffered < wanted && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const piece: unknown = next.value;
      if (!(piece instanceof Uint8Array)) {
        throw new CryptoError('invalid_input', 'source: yields Uint8Array pieces');
      }
      if (piece.length > 0) {
        this.pieces.push(piece);
        this.buffered += piece.length;
      }
    }
  }

  /** Up to `length` bytes; fewer only at the end of the source. */
  async read(length: number): Promise<Uint8Array> {
    await this.fill(length);
    const out = new Uint8Array(Math.min(length, this.buffered));
    let offset = 0;
    while (offset < out.length) {
      const piece = this.pieces[0];
      const count = Math.min(piece.length - this.head, out.length - offset);
      out.set(piece.subarray(this.head, this.head + count), offset);
      offset += count;
      this.head += count;
      if (this.head === piece.length) {
        this.pieces.shift();
        this.head = 0;
      }
    }
    this.buffered -= out.length;
    return out;
  }

  async hasMore(): Promise<boolean> {
    await this.fill(1);
    return this.buffered > 0;
  }

  /** Stops the source early (e.g. the consumer gave up, or the input was rejected). */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.iterator.return?.();
    }
  }
}

/** Ciphertext size of a file of `plaintextBytes` bytes: for quotas and Content-Length. */
export function encryptedFileSize(plaintextBytes: number): number {
  if (!Number.isSafeInteger(plaintextBytes) || plaintextBytes < 0) {
    throw new CryptoError('invalid_input', 'plaintextBytes: a non-negative integer');
  }
  const chunks = Math.max(1, Math.ceil(plaintextBytes / FILE_CHUNK_BYTES));
  return FILE_HEADER_BYTES + plaintextBytes + chunks * FILE_CHUNK_OVERHEAD;
}

async function* encryptChunks(
  key: Uint8Array,
  reader: ByteReader,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    const { state, header } = streamInitPush(key);
    yield header;
    let chunk = await reader.read(FILE_CHUNK_BYTES);
    for (;;) {
      // A full chunk is FINAL only when nothing follows it, so look one byte ahead.
      const last = chunk.length < FILE_CHUNK_BYTES || !(await reader.hasMore());
      yield streamPush(state, chunk, last ? STREAM_TAG_FINAL : STREAM_TAG_MESSAGE);
      if (last) return;
      chunk = await reader.read(FILE_CHUNK_BYTES);
    }
  } finally {
    await reader.close();
  }
}

/**
 * Encrypts a byte source in constant memory. Returns the new file key and the ciphertext
 * chunks, produced as they are consumed.
 */
export async function encryptFileStream(source: ByteSource): Promise<EncryptedFileStream> {
  await ready();
  const reader = new ByteReader(source);
  const key = randomBytes(FILE_KEY_BYTES);
  return { key, chunks: encryptChunks(key, reader) };
}

/**
 * Decrypts a ciphertext source chunk by chunk. Plaintext chunks are released only after they
 * authenticate, but a file is whole only when the generator finishes without throwing: a caller
 * must discard everything it received if it throws (stream_truncated, stream_trailing_data,
 * stream_invalid, decryption_failed).
 */
export async function* decryptFileStream(
  key: Uint8Array,
  source: ByteSource,
): AsyncGenerator<Uint8Array, void, undefined> {
  await ready();
  checkBytes(key, 'file key', FILE_KEY_BYTES);
  const reader = new ByteReader(source);
  try {
    const header = await reader.read(FILE_HEADER_BYTES);
    if (header.length < FILE_HEADER_BYTES) {
      throw new CryptoError('stream_truncated', 'the encrypted file ends inside its header');
    }
    const state = streamInitPull(header, key);
    for (;;) {
      const chunk = await reader.read(CIPHER_CHUNK_BYTES);
      if (chunk.length < FILE_CHUNK_OVERHEAD) {
        throw new CryptoError('stream_truncated', 'the encrypted file ends before its last chunk');
      }
      const opened = streamPull(state, chunk);
      if (!opened) {
        throw new CryptoError('decryption_failed', 'a file chunk is modified, moved or repeated');
      }
      if (opened.tag === STREAM_TAG_FINAL) {
        if (await reader.hasMore()) {
          throw new CryptoError('stream_trailing_data', 'data follows the last chunk of the file');
        }
        yield opened.message;
        return;
      }
      if (opened.tag !== STREAM_TAG_MESSAGE) {
        throw new CryptoError('stream_invalid', `unexpected chunk tag ${opened.tag}`);
      }
      // A short MESSAGE chunk can only be the end of the input: the next read finds it truncated.
      yield opened.message;
    }
  } finally {
    await reader.close();
  }
}
