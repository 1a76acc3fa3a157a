// The image's health check: readiness of the API in this container, over HTTPS when
// TLS_CERT_FILE is set. It asks over loopback and sends nothing secret, so it does not check the
// certificate, which names the service (`api`), not 127.0.0.1.
const { request } = require(process.env.TLS_CERT_FILE ? 'node:https' : 'node:http');

request(
  {
    host: '127.0.0.1',
    port: process.env.PORT || 3000,
    path: '/api/v1/health/ready',
    rejectUnauthorized: false,
    timeout: 4000,
  },
  (res) => process.exit(res.statusCode === 200 ? 0 : 1),
)
  .on('error', () => process.exit(1))
  .on('timeout', () => process.exit(1))
  .end();
