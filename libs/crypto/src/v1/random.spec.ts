import vectors from '../../vectors/v1/random.json';
import { toHex } from './encoding';
import { randomBytes, setRandomSource } from './random';
import { ready } from './sodium';
import {
  deterministicRandom,
  seedFromLabel,
  useDeterministicRandom,
  withDeterministicRandom,
} from './testing';

beforeAll(ready);

describe('randomness', () => {
  it('draws from the system by default', () => {
    const a = randomBytes(32);
    expect(a).toHaveLength(32);
    expect(toHex(a)).not.toBe(toHex(randomBytes(32)));
  });

  it('rejects a source that returns the wrong length', () => {
    setRandomSource(() => new Uint8Array(3));
    try {
      expect(() => randomBytes(4)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    } finally {
      setRandomSource(undefined);
    }
  });

  it('reproduces the deterministic draws of vectors/v1/random.json', async () => {
    const seed = seedFromLabel(vectors.seedLabel);
    expect(toHex(seed)).toBe(vectors.seed);
    const { draws } = await withDeterministicRandom(seed, async () =>
      vectors.draws.map((draw) => randomBytes(draw.length)),
    );
    expect(draws).toEqual(vectors.draws);
  });

  it('restores the system source afterwards, even on failure', async () => {
    const seed = seedFromLabel('x');
    await expect(
      withDeterministicRandom(seed, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const fixed = useDeterministicRandom(seed);
    const first = toHex(randomBytes(8));
    fixed.restore();
    expect(toHex(deterministicRandom(seed).source(8))).toBe(first);
    expect(toHex(randomBytes(8))).not.toBe(first);
  });

  it('wants a 32-byte seed', () => {
    expect(() => deterministicRandom(new Uint8Array(16))).toThrow(RangeError);
  });
});
