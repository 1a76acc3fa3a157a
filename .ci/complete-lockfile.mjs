// Keeps `npm ci` working with registry mirrors that lack some platforms' prebuilt binaries:
// `npm install` then leaves those optional packages out of package-lock.json, and `npm ci`
// refuses a lock file that misses them. This adds each missing optional platform package with
// its version, os and cpu (nothing is fetched for other platforms, so no integrity is needed).
// Run after any `npm install` that changed package-lock.json: node .ci/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64'];
const OSES = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux'];

function missingFromLock() {
  try {
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], {
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return [];
  } catch (error) {
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    return [...out.matchAll(/Missing: (\S+?)@ from lock file/g)].map((m) => m[1]);
  }
}

const missing = missingFromLock();
if (missing.length === 0) {
  console.log(`${LOCK} is complete`);
  process.exit(0);
}
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const wanted = new Map();
for (const meta of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (missing.includes(name))
      wanted.set(name, { version: range.replace(/^[\^~]/, ''), dev: !!meta.dev });
  }
}
for (const name of missing) {
  const want = wanted.get(name);
  const base = name.split('/').pop();
  const os = OSES.find((o) => base.includes(o));
  const cpu = CPUS.find((c) => new RegExp(`-${c}(-|$)`).test(base));
  if (!want || !os || !cpu) throw new Error(`cannot tell the platform of ${name}; add it by hand`);
  lock.packages[`node_modules/${name}`] = {
    version: want.version,
    cpu: [cpu],
    ...(want.dev ? { dev: true } : {}),
    optional: true,
    os: [os],
  };
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${missing.length} optional platform packages to ${LOCK}`);
