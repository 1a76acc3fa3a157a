import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const src = join(root, 'src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({
    path: file.split('\\').join('/'),
    text: readFileSync(join(src, file), 'utf8'),
  }));

function imports(text: string): { specifier: string; dynamic: boolean }[] {
  const found: { specifier: string; dynamic: boolean }[] = [];
  for (const match of text.matchAll(
    /\bfrom\s+'([^']+)'|\bimport\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g,
  )) {
    found.push({ specifier: match[1] ?? match[2] ?? match[3], dynamic: match[3] !== undefined });
  }
  return found;
}

describe('libs/crypto boundaries', () => {
  it('imports libsodium in src/v1/sodium.ts only, and the sumo build only lazily', () => {
    for (const { path, text } of files) {
      for (const { specifier, dynamic } of imports(text)) {
        if (!specifier.startsWith('libsodium')) continue;
        expect(path).toBe('v1/sodium.ts');
        if (specifier === 'libsodium-wrappers-sumo') expect(dynamic).toBe(true);
        else expect(specifier).toBe('libsodium-wrappers');
      }
    }
  });

  it('runs in browsers: no Node built-ins, nothing of ours, nothing unexpected', () => {
    const builtins = new Set(builtinModules);
    const allowed = ['libsodium-wrappers', 'libsodium-wrappers-sumo', 'fast-check'];
    for (const { path, text } of files) {
      for (const { specifier } of imports(text)) {
        expect(specifier.startsWith('node:') || builtins.has(specifier)).toBe(false);
        if (specifier.startsWith('.')) continue;
        expect(allowed).toContain(specifier);
        if (specifier === 'fast-check') expect(path).toMatch(/\.spec\.ts$/);
      }
      expect(text).not.toMatch(/\b(Buffer|process|require)\b/);
    }
  });

  it('keeps one operation per file, with a header comment and a spec beside it', () => {
    const helpers = ['v1/index.ts', 'v1/validate.ts', 'v1/testing.ts'];
    const operations = files.filter(
      ({ path }) => path.startsWith('v1/') && !path.endsWith('.spec.ts') && !helpers.includes(path),
    );
    expect(operations.length).toBeGreaterThanOrEqual(12);
    for (const { path, text } of operations) {
      expect(`${path}: ${text.slice(0, 3)}`).toBe(`${path}: /*\n`);
      expect(existsSync(join(src, path.replace(/\.ts$/, '.spec.ts')))).toBe(true);
    }
  });

  it('documents every context string, and uses each for one purpose', () => {
    const protocol = readFileSync(
      join(root, '..', '..', 'docs', 'security', 'protocol.md'),
      'utf8',
    );
    const contexts = new Map<string, string>();
    for (const { path, text } of files) {
      if (path.endsWith('.spec.ts') || path === 'v1/testing.ts') continue;
      for (const match of text.matchAll(/^(?:export )?const (\w+)[^=]*= '(coop\/v1\/[^']*)'/gm)) {
        expect(contexts.has(match[2])).toBe(false);
        contexts.set(match[2], `${relative(root, join(src, path))} ${match[1]}`);
      }
      for (const match of text.matchAll(/\b(?:prf|recovery|passphrase): '(coop\/v1\/[^']*)'/g)) {
        contexts.set(match[1], path);
      }
    }
    expect(contexts.size).toBeGreaterThanOrEqual(12);
    for (const context of contexts.keys()) expect(protocol).toContain(`\`${context}`);
  });
});
