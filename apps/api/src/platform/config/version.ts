import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The platform's version from the root package.json, found from sources and from dist alike. */
function readVersion(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cooperation-platform' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}

export const APP_VERSION = readVersion(__dirname);
