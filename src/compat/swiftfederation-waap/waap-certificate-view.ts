import { Type } from 'typebox';
import type { CertificateRecord } from '../../domain/certificate.js';
import type { AutocertStatus, CertType, ServiceDomain } from '../../domain/service-domain.js';

/**
 * SwiftFederation WAAP's "Get Domain Certificate" body. Where the vendor's table and example
 * disagree on a type, the example (which clients are written against) wins: see
 * src/compat/swiftfederation-waap/README.md, 'Ambiguities'.
 */
export const WaapCertificateSchema = Type.Object({
  certificateId: Type.Optional(Type.Integer({ description: 'the attached inventory certificate id' })),
  certificateName: Type.Optional(Type.String({ description: "the certificate's domain name" })),
  // Optional as the vendor lists it; certkeeper always sends it. (A required key would also be
  // written first by the response serializer, out of the example's order.)
  certType: Type.Optional(Type.String({ description: 'manual, auto or none; always present' })),
  autocertRequestStatus: Type.Optional(Type.String({ description: 'issuing, issued or failed: the last auto (ACME) request' })),
  autocertRequestTime: Type.Optional(Type.String({ format: 'date-time', description: 'when the last auto request was made (ISO 8601)' })),
  validFrom: Type.Optional(Type.Integer({ description: 'notBefore, Unix epoch milliseconds' })),
  validTo: Type.Optional(Type.Integer({ description: 'notAfter, Unix epoch milliseconds' })),
});

export interface WaapCertificateView {
  certificateId?: number;
  certificateName?: string;
  certType: CertType;
  autocertRequestStatus?: AutocertStatus;
  autocertRequestTime?: string;
  validFrom?: number;
  validTo?: number;
}

/**
 * Whether the record holds an issued certificate rather than the placeholders of a managed
 * slot before its first issuance (`issued: false`; status pending, validating or failed).
 */
function hasIssued(certificate: CertificateRecord): boolean {
  return certificate.issued ?? !['pending_validation', 'validating', 'failed'].includes(certificate.status);
}

/**
 * A domain's certificate as the WAAP shows it, keys in the vendor's example's order, absent
 * fields left out (src/compat/swiftfederation-waap/README.md, 'Mapping'):
 * - `none`: only `certType`.
 * - otherwise the certificate fields (id, name, validity) when a certificate is attached and
 *   has been issued (an auto domain's slot still pending or failed has no validity to show;
 *   one being renewed shows the certificate it has), and the last auto request's status and
 *   time whenever one was made, even next to a manual certificate (as in the vendor's
 *   example: manual + failed).
 */
export function waapCertificateView(domain: ServiceDomain, certificate: CertificateRecord | null): WaapCertificateView {
  if (domain.certType === 'none') return { certType: 'none' };
  const issued = certificate !== null && hasIssued(certificate) ? certificate : null;
  const view: WaapCertificateView = issued ? { certificateId: issued.id, certificateName: issued.domainName, certType: domain.certType } : { certType: domain.certType };
  if (domain.autocertStatus !== null) {
    view.autocertRequestStatus = domain.autocertStatus;
    if (domain.autocertRequestedAt !== null) view.autocertRequestTime = domain.autocertRequestedAt.toISOString();
  }
  if (issued) {
    view.validFrom = issued.notBefore.getTime();
    view.validTo = issued.notAfter.getTime();
  }
  return view;
}
