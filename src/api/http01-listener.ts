import { createServer, type Server } from 'node:http';
import type { ManagedCertificateService } from '../services/managed-certificate-service.js';

const PREFIX = '/.well-known/acme-challenge/';

/**
 * The optional extra listener (`CERTKEEPER_HTTP01_PORT`, port 80 in production) that answers
 * only http-01 challenges: plain node:http, nothing else reachable on it.
 */
export async function startHttp01Listener(managed: ManagedCertificateService, host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || !path.startsWith(PREFIX)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    managed
      .httpKeyAuthorization(path.slice(PREFIX.length))
      .then((keyAuthorization) => {
        if (keyAuthorization === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        else res.writeHead(200, { 'content-type': 'text/plain' }).end(keyAuthorization);
      })
      .catch(() => res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : port };
}
