import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { subresourceIntegrity } from './build/integrity';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The tsconfig path aliases (`@coop/*`), so the bundle sees the same modules as `tsc`. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(`${workspaceRoot}/tsconfig.base.json`, 'utf8')) as {
    compilerOptions: { paths: Record<string, [string]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      fileURLToPath(new URL(target, `file://${workspaceRoot}/`)),
    ]),
  );
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  plugins: [react(), subresourceIntegrity()],
  resolve: { alias: workspaceAliases() },
  server: {
    host: '127.0.0.1',
    port: 4200,
    strictPort: true,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true } },
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: `${workspaceRoot}/dist/apps/web`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // The API's CSP allows scripts, styles and fonts from our origin only: no data: URLs, no inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Maps stay on the server for debugging; browsers are not pointed at them.
    sourcemap: 'hidden',
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks keep them cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'react-aria',
              test: /node_modules[\\/](react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized)[\\/]/,
            },
            // The Argon2id build of libsodium (passphrases only) stays a lazy chunk of its own.
            { name: 'vendor', test: /node_modules[\\/](?!libsodium(?:-wrappers)?-sumo[\\/])/ },
          ],
        },
      },
    },
  },
});
