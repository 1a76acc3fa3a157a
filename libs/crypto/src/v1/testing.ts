/*
 * Test seam, not part of the package entry: replaces random.ts's source with a deterministic
 * one so known-answer vectors can be reproduced. Draw number i (from 0) of n bytes is
 *   randombytes_buf_deterministic(n, BLAKE2b-256(key = seed, message = u64be(i)))
 * i.e. a ChaCha20 keystream (IETF, nonce "LibsodiumDRG") keyed by a per-draw seed.
 */
import { fromBase64Url, fromHex, toBase64Url, toHex, u64be, type Field } from './encoding';
import { setRandomSource, type RandomSource } from './random';
import { blake2b, deterministicBytes } from './sodium';

export interface RecordedDraw {
  length: number;
  hex: string;
}

export interface DeterministicRandom {
  source: RandomSource;
  /** Every draw made so far, in order. */
  draws: RecordedDraw[];
}

export function deterministicRandom(seed: Uint8Array): DeterministicRandom {
  if (seed.length !== 32) throw new RangeError('the seed is 32 bytes');
  const draws: RecordedDraw[] = [];
  const source: RandomSource = (length) => {
    const drawSeed = blake2b(32, u64be(draws.length), seed);
    const bytes = deterministicBytes(length, drawSeed);
    draws.push({ length, hex: toHex(bytes) });
    return bytes;
  };
  return { source, draws };
}

/** Installs a deterministic source; returns its record of draws and a function that restores. */
export function useDeterministicRandom(seed: Uint8Array): DeterministicRandom & {
  restore: () => void;
} {
  const random = deterministicRandom(seed);
  setRandomSource(random.source);
  return { ...random, restore: () => setRandomSource(undefined) };
}

/** Runs `action` with a deterministic source and restores the system source afterwards. */
export async function withDeterministicRandom<T>(
  seed: Uint8Array,
  action: (random: DeterministicRandom) => Promise<T>,
): Promise<{ result: T; draws: RecordedDraw[] }> {
  const random = useDeterministicRandom(seed);
  try {
    return { result: await action(random), draws: random.draws };
  } finally {
    random.restore();
  }
}

/** A fixed seed named by a label: BLAKE2b-256 (no key) of its UTF-8 bytes. */
export function seedFromLabel(label: string): Uint8Array {
  return blake2b(32, new TextEncoder().encode(label), null);
}

/** A copy of `bytes` with bit `bit` (taken modulo the bit length) inverted. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  const index = bit % (bytes.length * 8);
  copy[index >> 3] ^= 1 << (index & 7);
  return copy;
}

/** Flips one bit of a base64url value and re-encodes it canonically. */
export function flipBase64UrlBit(text: string, bit: number): string {
  return toBase64Url(flipBit(fromBase64Url(text), bit));
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

/** A field as the vector files write it: bytes as hex, strings and numbers as values. */
export interface FieldJson {
  type: string;
  hex?: string;
  value?: string | number;
}

export function fieldFromJson(json: FieldJson): Field {
  if (json.type === 'bytes' && json.hex !== undefined) return fromHex(json.hex);
  if (json.type === 'string' && typeof json.value === 'string') return json.value;
  if (json.type === 'number' && typeof json.value === 'number') return json.value;
  throw new Error(`not a vector field: ${JSON.stringify(json)}`);
}
