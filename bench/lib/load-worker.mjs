// Drives HTTP load in its own process so the load generator never shares an event loop with
// the server it measures. Prints one JSON summary line.
// Usage: node bench/lib/load-worker.mjs <url> <connections> <seconds> [expected body] [headers JSON]
import autocannon from 'autocannon';

const [url, connections, seconds, expectBodyArg, headersArg] = process.argv.slice(2);
const expectBody = expectBodyArg || undefined;
if (!url || !Number(connections) || !Number(seconds)) {
  console.error(
    'usage: load-worker.mjs <url> <connections> <seconds> [expected body] [headers JSON]',
  );
  process.exit(2);
}

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: headersArg ? JSON.parse(headersArg) : {},
  ...(expectBody === undefined ? {} : { expectBody }),
});

process.stdout.write(
  `${JSON.stringify({
    url,
    connections: result.connections,
    seconds: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  })}\n`,
);
