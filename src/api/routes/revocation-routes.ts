import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RevocationFinding, RevocationService } from '../../services/revocation-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';

const IdParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const NullableString = (description?: string) => Type.Union([Type.String(), Type.Null()], description ? { description } : {});
const NullableTime = (description?: string) => Type.Union([Type.String({ format: 'date-time' }), Type.Null()], description ? { description } : {});

const FindingView = Type.Object({
  certificateId: Type.Integer(),
  sslCertificateId: Type.String({ description: 'the material the answer is about' }),
  method: NullableString('crl or ocsp: the source that answered; null when none did'),
  status: Type.String({ description: 'good, revoked or unknown (unknown also when no source answered: see error)' }),
  reason: NullableString('RFC 5280 reason: keyCompromise, superseded, cessationOfOperation, …'),
  revokedAt: NullableTime(),
  thisUpdate: NullableTime(),
  nextUpdate: NullableTime('the answer is cached until then'),
  url: NullableString('the CRL or OCSP responder that answered'),
  cached: Type.Boolean({ description: 'true when answered from the cache (nextUpdate not reached)' }),
  changed: Type.Boolean({ description: 'true when this check set the certificate\'s status to revoked' }),
  checkedAt: Type.String({ format: 'date-time' }),
  error: NullableString('why no source answered (each source tried); the certificate is unchanged'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const findingView = (f: RevocationFinding) => ({
  certificateId: f.certificateId,
  sslCertificateId: f.sslCertificateId,
  method: f.method,
  status: f.status,
  reason: f.reason,
  revokedAt: iso(f.revokedAt),
  thisUpdate: iso(f.thisUpdate),
  nextUpdate: iso(f.nextUpdate),
  url: f.url,
  cached: f.cached,
  changed: f.changed,
  checkedAt: f.checkedAt.toISOString(),
  error: f.error,
});

/**
 * Revocation checks: check a certificate against its CRL distribution points and
 * OCSP responders now, and read the last answer.
 */
export async function revocationRoutes(fastify: FastifyInstance, opts: { revocation: RevocationService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { revocation } = opts;

  app.post(
    '/projects/:projectId/certificates/:id/revocation-check',
    {
      schema: {
        operationId: 'checkCertificateRevocation',
        summary: 'Check revocation now (CRL first, then OCSP; the issuer must be in the stored chain). A cached answer is returned until its nextUpdate unless force is true. A revoked answer sets the status Revoked',
        tags: ['certificates'],
        params: IdParams,
        body: Type.Optional(Type.Object({ force: Type.Optional(Type.Boolean({ description: 'ignore the cached answer' })) }, { additionalProperties: false })),
        response: { 200: envelopeSchema(FindingView), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(findingView(await revocation.checkNow(principal(request), request.params.projectId, request.params.id, { force: request.body?.force }))),
  );

  app.get(
    '/projects/:projectId/certificates/:id/revocation',
    {
      schema: {
        operationId: 'getCertificateRevocation',
        summary: 'The last revocation answer about the certificate\'s current material; null when it was never checked',
        tags: ['certificates'],
        params: IdParams,
        response: { 200: envelopeSchema(Type.Union([FindingView, Type.Null()])), ...errorResponses },
      },
    },
    async (request) => {
      const f = await revocation.lastFinding(principal(request), request.params.projectId, request.params.id);
      return ok(f ? findingView(f) : null);
    },
  );
}
