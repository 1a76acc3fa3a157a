// Requests per second of GET /api/v1/health/live through the whole application (security
// headers, request ids, metrics, guard, filter) against a bare node:http server sending the
// same body: the ratio is what the application's pipeline costs on the cheapest route.
import { startBareServer } from './lib/bare.mjs';
import { measure } from './lib/load.mjs';
import { cleanup } from './lib/processes.mjs';
import { note, printResult } from './lib/result.mjs';
import { startApi } from './lib/server.mjs';

const NAME = 'http-live';
const PATH = '/api/v1/health/live';
const BODY = JSON.stringify({ status: 'ok' });
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ROUNDS = 2;

async function main() {
  console.log(`${NAME}: GET ${PATH}, ${connections} connections, ${seconds} s per target`);
  const api = await startApi();
  note('api ready after', api.startupMs, 'ms');
  const bare = await startBareServer(BODY);

  const targets = { app: `${api.url}${PATH}`, bare: `${bare.url}/` };
  const got = await (await fetch(targets.app)).text();
  if (got !== BODY) throw new Error(`${PATH} answered ${got}, expected ${BODY}`);

  for (const [label, url] of Object.entries(targets)) {
    await measure(url, { connections, seconds: warmupSeconds, expectBody: BODY });
    note(`warm-up ${label}`, warmupSeconds, 's');
  }

  // Alternate in ABBA order so drift in the machine's load falls on both sides equally.
  const totals = { app: { requests: 0, seconds: 0 }, bare: { requests: 0, seconds: 0 } };
  const order = Array.from({ length: ROUNDS }, (_, i) =>
    i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'],
  ).flat();
  for (const [i, label] of order.entries()) {
    const r = await measure(targets[label], {
      connections,
      seconds: seconds / ROUNDS,
      expectBody: BODY,
    });
    totals[label].requests += r.requests;
    totals[label].seconds += r.seconds;
    note(`run ${i + 1} ${label}`, r.rps, `req/s (p99 ${r.latencyMs.p99} ms)`);
  }

  const appRps = totals.app.requests / totals.app.seconds;
  const bareRps = totals.bare.requests / totals.bare.seconds;
  note('app total requests', totals.app.requests, '');
  note('bare total requests', totals.bare.requests, '');
  const stopped = await api.stop();
  note('api exit code after SIGTERM', stopped.code ?? -1, stopped.signal ?? '');
  printResult(NAME, appRps, 'req/s', bareRps);
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
