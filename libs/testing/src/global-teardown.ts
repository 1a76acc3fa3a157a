import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__coopTestCluster;
  globalThis.__coopTestCluster = undefined;
  if (!running) return;
  await running.cluster.stop();
  rmSync(running.scratch, { recursive: true, force: true });
}
