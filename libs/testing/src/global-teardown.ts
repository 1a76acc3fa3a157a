export default async function globalTeardown(): Promise<void> {
  await globalThis.__coopTestCluster?.stop();
  globalThis.__coopTestCluster = undefined;
}
