import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { APP_ID_MAX_LENGTH } from '../../domain/app.js';
import { daysLeft } from '../../domain/certificate.js';
import { formatDisplayDate } from './display-date.js';
import type { Clock } from '../../ports/clock.js';
import { principal } from '../../api/auth.js';
import { errorResponses } from '../../api/envelope.js';
import { Text } from '../../api/text-schemas.js';
import type { CertExpiryDetailsService } from './cert-expiry-details-service.js';

const AppCertificate = Type.Object({
  expiryDate: Type.String({ description: 'dd MMM, yyyy hh.mm:ss a zzz in CERTKEEPER_DISPLAY_TIME_ZONE' }),
  daysLeft: Type.Integer(),
  platform: Type.String({ description: 'iPhone or iPad' }),
  certificateType: Type.String({ description: 'Production or Development' }),
});

const PassCertificate = Type.Object({
  expiryDate: Type.String(),
  daysLeft: Type.Integer(),
  passTypeIdentifier: Type.String(),
  passTeamIdentifier: Type.String(),
  passCertificateName: Type.String(),
});

const CertExpiryDetails = Type.Object({
  appCertificates: Type.Array(Type.Object({ appId: Type.String(), certificates: Type.Array(AppCertificate) })),
  passCertificates: Type.Optional(Type.Array(PassCertificate, { description: 'left out when appId is given' })),
});

const certificateType = { production: 'Production', development: 'Development' } as const;

/**
 * HCL Volt MX Engagement Services' "Get Certificate Expiration",
 * `GET /api/v1/applications/certexpirydetails`: the vendor's bare JSON on success (no
 * envelope), the native API's authentication and error envelope on failure (the vendor defines
 * no error body; see src/compat/volt-mx-engagement/README.md, 'Ambiguities'). Translation only.
 */
export async function certExpiryRoutes(fastify: FastifyInstance, opts: { certExpiryDetails: CertExpiryDetailsService; clock: Clock; displayTimeZone: string }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { certExpiryDetails, clock, displayTimeZone } = opts;

  app.get(
    '/applications/certexpirydetails',
    {
      schema: {
        operationId: 'getCertExpiryDetails',
        summary: 'Expiry of the APNs certificates of every app (or of one app) and of every pass certificate',
        tags: ['compat-cert-expiry'],
        querystring: Type.Object({ appId: Type.Optional(Text({ minLength: 1, maxLength: APP_ID_MAX_LENGTH })) }),
        response: { 200: CertExpiryDetails, ...errorResponses },
      },
    },
    async (request) => {
      const details = await certExpiryDetails.details(principal(request), request.query.appId);
      const now = clock.now();
      const expiry = (notAfter: Date) => ({ expiryDate: formatDisplayDate(notAfter, displayTimeZone), daysLeft: daysLeft(notAfter, now) });
      const body: Static<typeof CertExpiryDetails> = {
        appCertificates: details.appCertificates.map(({ app: a, certificates }) => ({
          appId: a.appId,
          certificates: certificates.map((c) => ({ ...expiry(c.notAfter), platform: c.platform, certificateType: certificateType[c.environment] })),
        })),
      };
      if (details.passCertificates) {
        body.passCertificates = details.passCertificates.map((c) => ({
          ...expiry(c.notAfter),
          passTypeIdentifier: c.apple?.passTypeIdentifier ?? '',
          passTeamIdentifier: c.apple?.passTeamIdentifier ?? '',
          passCertificateName: c.domainName,
        }));
      }
      return body;
    },
  );
}
