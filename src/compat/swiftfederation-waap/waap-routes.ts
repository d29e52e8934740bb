import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authentication, principal } from '../../api/auth.js';
import { Text } from '../../api/text-schemas.js';
import type { AccessService } from '../../services/access-service.js';
import type { DomainCertificateService } from './domain-certificate-service.js';
import { waapCertificateView, WaapCertificateSchema } from './waap-certificate-view.js';
import { waapErrorMapping } from './waap-error.js';
import { installCompatErrors } from '../compat-errors.js';

const WaapErrorBody = Type.Object({ code: Type.String({ description: 'docs/compat-errors.md' }), message: Type.String() });

/**
 * SwiftFederation WAAP's "Get Domain Certificate" (see
 * src/compat/swiftfederation-waap/README.md), registered under `/waap/v1.0` as an encapsulated
 * plugin: the native API's authentication (its key headers), error handler and 404
 * handler, so every failure on these paths, schema failures included, answers in the WAAP's
 * `{"code", "message"}` shape and never in the native envelope.
 */
export async function waapRoutes(fastify: FastifyInstance, opts: { access: AccessService; domainCertificates: DomainCertificateService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { access, domainCertificates } = opts;

  installCompatErrors(fastify, waapErrorMapping);
  await app.register(authentication, { access });

  app.get(
    '/services/:serviceId/certificates',
    {
      schema: {
        operationId: 'getWaapDomainCertificate',
        summary: 'The certificate attached to a domain of a service',
        tags: ['compat-waap'],
        params: Type.Object({ serviceId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        querystring: Type.Object({ domain: Text({ minLength: 1, maxLength: 253 }) }),
        response: { 200: WaapCertificateSchema, 400: WaapErrorBody, 401: WaapErrorBody, 404: WaapErrorBody },
      },
    },
    async (request) => {
      const { domain, certificate } = await domainCertificates.domainCertificate(principal(request), request.params.serviceId, request.query.domain);
      return waapCertificateView(domain, certificate);
    },
  );
}
