import type { FastifyInstance } from 'fastify';
import type { ManagedCertificateService } from '../../services/managed-certificate-service.js';

/**
 * The http-01 responder on the main port (RFC 8555 §8.3), for a proxy in front that forwards
 * `/.well-known/acme-challenge/`: public, no API key, tokens read from the database so any
 * replica answers.
 */
export async function acmeChallengeRoutes(app: FastifyInstance, opts: { managed: ManagedCertificateService }): Promise<void> {
  app.get<{ Params: { token: string } }>('/.well-known/acme-challenge/:token', { schema: { hide: true } }, async (request, reply) => {
    const keyAuthorization = await opts.managed.httpKeyAuthorization(request.params.token);
    if (keyAuthorization === undefined) return reply.status(404).type('text/plain').send('not found\n');
    return reply.type('text/plain').send(keyAuthorization);
  });
}
