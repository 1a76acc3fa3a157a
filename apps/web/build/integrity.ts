import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export const MANIFEST_FILE = 'asset-manifest.json';

const sri = (content: string | Uint8Array) =>
  `sha384-${createHash('sha384').update(content).digest('base64')}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Subresource Integrity on every script and stylesheet the page loads, and a manifest of every
 * file the build serves with its hash, so `coop verify-web` can prove a deployment serves
 * exactly this release (a server that rewrites the app is the threat this answers).
 */
export function subresourceIntegrity(): Plugin {
  let outDir = '';
  return {
    name: 'coop-subresource-integrity',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // On the files as written, not in transformIndexHtml: Vite rewrites chunks after that hook
    // (the dependency list of a lazy import), so a hash taken there would not match.
    closeBundle() {
      const indexPath = join(outDir, 'index.html');
      const hashOf = (url: string) => {
        if (!url.startsWith('/') || url.startsWith('//')) return undefined;
        const path = join(outDir, url.replace(/^\//, ''));
        return existsSync(path) ? sri(readFileSync(path)) : undefined;
      };
      const html = readFileSync(indexPath, 'utf8').replace(
        /<(script|link)\b([^>]*?)\s(src|href)="([^"]+)"([^>]*)>/g,
        (tag, name: string, before: string, attr: string, url: string, after: string) => {
          const loaded = name === 'script' || /\brel="(stylesheet|modulepreload)"/.test(tag);
          const integrity = loaded ? hashOf(url) : undefined;
          if (!integrity || /\bintegrity=/.test(tag)) return tag;
          return `<${name}${before} ${attr}="${url}" integrity="${integrity}"${after}>`;
        },
      );
      writeFileSync(indexPath, html);
      const files = Object.fromEntries(
        filesUnder(outDir)
          .filter((path) => !path.endsWith('.map') && !path.endsWith(MANIFEST_FILE))
          .map((path) => [
            `/${relative(outDir, path).split(sep).join('/')}`,
            sri(readFileSync(path)),
          ])
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      writeFileSync(
        join(outDir, MANIFEST_FILE),
        `${JSON.stringify({ v: 1, algorithm: 'sha384', files }, null, 2)}\n`,
      );
    },
  };
}
