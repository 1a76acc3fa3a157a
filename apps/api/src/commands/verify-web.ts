import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';

const manifestSchema = z.object({
  v: z.literal(1),
  algorithm: z.literal('sha384'),
  files: z.record(z.string().startsWith('/'), z.string().startsWith('sha384-')),
});
type Manifest = z.infer<typeof manifestSchema>;

const sri = (content: Uint8Array) =>
  `sha384-${createHash('sha384').update(content).digest('base64')}`;

export interface WebVerdict {
  ok: boolean;
  checked: number;
  problems: string[];
}

/**
 * Fetches every file of a release from a running deployment and compares it with the release's
 * manifest; also checks that the page loads nothing that is not in the release.
 */
export async function verifyWeb(baseUrl: string, manifest: Manifest): Promise<WebVerdict> {
  const problems: string[] = [];
  const base = baseUrl.replace(/\/$/, '');
  for (const [path, expected] of Object.entries(manifest.files)) {
    const res = await fetch(`${base}${path}`, { redirect: 'error' }).catch(
      (error: unknown) => error as Error,
    );
    if (res instanceof Error) problems.push(`${path}: ${res.message}`);
    else if (!res.ok) problems.push(`${path}: HTTP ${res.status}`);
    else if (sri(new Uint8Array(await res.arrayBuffer())) !== expected)
      problems.push(`${path}: content differs from the release`);
  }
  const page = await fetch(`${base}/`).catch((error: unknown) => error as Error);
  if (page instanceof Error || !page.ok) {
    problems.push('/: the start page could not be fetched');
  } else {
    const html = await page.text();
    if (sri(new TextEncoder().encode(html)) !== manifest.files['/index.html'])
      problems.push('/: the start page differs from the release');
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith('//'))
        problems.push(`/: loads ${url} from elsewhere`);
      else if (!(url.split('?')[0] in manifest.files))
        problems.push(`/: loads ${url}, which is not in the release`);
    }
    // Scripts only from the deployment itself: no inline code, no eval, no other host.
    const directive = (page.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === 'script-src');
    const allowed = new Set(["'self'", "'wasm-unsafe-eval'"]);
    if (
      !directive?.includes("'self'") ||
      directive.slice(1).some((source) => !allowed.has(source))
    ) {
      problems.push('/: the Content-Security-Policy does not restrict scripts to the release');
    }
  }
  return { ok: problems.length === 0, checked: Object.keys(manifest.files).length, problems };
}

export function verifyWebCommand(): Command {
  return new Command('verify-web')
    .description("check that a deployment serves exactly a release's web app (files, hashes, CSP)")
    .argument('<url>', 'the platform address, e.g. https://coop.example.org')
    .option(
      '--manifest <file>',
      "the release's asset-manifest.json",
      'dist/apps/web/asset-manifest.json',
    )
    .action(async (url: string, options: { manifest: string }) => {
      const manifest = manifestSchema.parse(JSON.parse(readFileSync(options.manifest, 'utf8')));
      const verdict = await verifyWeb(url, manifest);
      if (verdict.ok)
        process.stdout.write(`web app matches the release: ${verdict.checked} files checked\n`);
      else
        process.stdout.write(
          `web app DIFFERS from the release:\n${verdict.problems.map((p) => `  - ${p}`).join('\n')}\n`,
        );
      process.exitCode = verdict.ok ? 0 : 1;
    });
}
