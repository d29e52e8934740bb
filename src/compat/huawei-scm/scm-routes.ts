import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authentication, principal } from '../../api/auth.js';
import { Text } from '../../api/text-schemas.js';
import type { Clock } from '../../ports/clock.js';
import type { AccessService } from '../../services/access-service.js';
import type { CertificateDetailsService } from './certificate-details-service.js';
import { scmCertificateView, ScmCertificateSchema } from './scm-certificate-view.js';
import { scmErrorMapping } from './scm-error.js';
import { installCompatErrors } from '../compat-errors.js';

const ScmErrorBody = Type.Object({ error_code: Type.String({ description: 'docs/compat-errors.md' }), error_msg: Type.String() });

/** SCM's token header: here an API key (src/compat/huawei-scm/README.md, 'Ambiguities'). */
export function authTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-auth-token'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}

/**
 * Huawei Cloud SCM's "Obtaining Details of a Certificate" (see src/compat/huawei-scm/README.md),
 * registered under `/v3/scm` as an encapsulated plugin with its own authentication
 * (`X-Auth-Token: API key`), error handler and 404 handler: every failure on these paths
 * answers `{"error_code", "error_msg"}`.
 */
export async function scmRoutes(fastify: FastifyInstance, opts: { access: AccessService; certificateDetails: CertificateDetailsService; clock: Clock }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { access, certificateDetails, clock } = opts;

  installCompatErrors(fastify, scmErrorMapping);
  await app.register(authentication, { access, credentialOf: authTokenOf });

  app.get(
    '/certificates/:certificate_id',
    {
      schema: {
        operationId: 'getScmCertificate',
        summary: 'Details of a certificate by its 16-character id',
        tags: ['compat-scm'],
        security: [],
        headers: Type.Object({ 'x-auth-token': Type.Optional(Text({ description: 'an API key' })) }),
        params: Type.Object({ certificate_id: Type.String({ pattern: '^[a-z0-9]{16}$', description: 'the certificate uid' }) }),
        response: { 200: ScmCertificateSchema, 400: ScmErrorBody, 401: ScmErrorBody, 403: ScmErrorBody, 404: ScmErrorBody, 500: ScmErrorBody },
      },
    },
    async (request) => scmCertificateView(await certificateDetails.byUid(principal(request), request.params.certificate_id), clock.now()),
  );
}
