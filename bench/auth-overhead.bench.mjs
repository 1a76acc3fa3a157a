// Requests per second of an authenticated route (GET /api/v1/me: cookie parsing, session
// lookup by token hash, user load, access rule) against the liveness route on the same server
// in the same run: the ratio is what authentication costs per request.
import { measure } from './lib/load.mjs';
import { runPasskeyClient, bootstrapLink } from './lib/passkeys.mjs';
import { cleanup } from './lib/processes.mjs';
import { note, printResult } from './lib/result.mjs';
import { startApi } from './lib/server.mjs';

const NAME = 'auth-overhead';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 2;

async function main() {
  console.log(
    `${NAME}: GET /api/v1/me vs GET /api/v1/health/live, ${connections} connections, ${seconds} s each`,
  );
  // Idle time is refreshed at most once a minute, so the run measures reads, not writes.
  const api = await startApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  note('api ready after', api.startupMs, 'ms');
  const origin = `http://localhost:${api.port}`;
  const { cookie } = await runPasskeyClient('enrol-admin', {
    url: api.url,
    origin,
    link: bootstrapLink(api),
  });
  const targets = {
    me: { url: `${api.url}/api/v1/me`, headers: { cookie } },
    live: { url: `${api.url}/api/v1/health/live`, headers: {} },
  };
  if ((await fetch(targets.me.url, { headers: targets.me.headers })).status !== 200)
    throw new Error('the session cookie was refused');

  for (const target of Object.values(targets))
    await measure(target.url, { connections, seconds: 2, headers: target.headers });
  const totals = { me: { requests: 0, seconds: 0 }, live: { requests: 0, seconds: 0 } };
  const order = Array.from({ length: ROUNDS }, (_, i) =>
    i % 2 === 0 ? ['me', 'live'] : ['live', 'me'],
  ).flat();
  for (const [i, label] of order.entries()) {
    const r = await measure(targets[label].url, {
      connections,
      seconds: seconds / ROUNDS,
      headers: targets[label].headers,
    });
    totals[label].requests += r.requests;
    totals[label].seconds += r.seconds;
    note(`run ${i + 1} ${label}`, r.rps, `req/s (p99 ${r.latencyMs.p99} ms)`);
  }
  await api.stop();
  printResult(
    NAME,
    totals.me.requests / totals.me.seconds,
    'req/s',
    totals.live.requests / totals.live.seconds,
  );
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
