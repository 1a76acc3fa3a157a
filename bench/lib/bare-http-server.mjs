// A bare node:http server answering every request with one fixed JSON body: the reference
// against which an endpoint of the real application is measured.
// Usage: node bench/lib/bare-http-server.mjs '<json body>'   (prints "listening <port>")
import { createServer } from 'node:http';

const body = Buffer.from(process.argv[2] ?? '{}');
const server = createServer((_req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
