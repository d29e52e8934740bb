import { AppError } from '../domain/app-error.js';
import { DerError, Tag, checkOid, expectTlv, oidToString, readChildren, readTlv } from './der.js';

/** RFC 5280 §4.2.1.4 certificatePolicies. */
const CERTIFICATE_POLICIES = '2.5.29.32';
/** [3] EXPLICIT Extensions in the TBSCertificate. */
const EXTENSIONS_TAG = 0xa3;

/**
 * The policy identifiers of a DER certificate's certificatePolicies extension (RFC 5280
 * §4.2.1.4), dotted, in the certificate's order; [] when the extension is absent. Qualifiers
 * (CPS URIs, user notices) are skipped. A certificate whose structure or extension cannot be
 * read throws `AppError('certificate_invalid')`.
 *
 * Kept apart from `parseCertificate` (whose field set is a contract of its own): only the
 * Huawei Cloud SCM view (its `type`) needs the policies, read from the stored DER when it is
 * asked for.
 */
export function certificatePolicies(der: Buffer): string[] {
  try {
    const cert = expectTlv(der, 0, der.length, Tag.SEQUENCE, 'Certificate');
    const tbs = expectTlv(der, cert.valueStart, cert.end, Tag.SEQUENCE, 'TBSCertificate');
    const extensions = readChildren(der, tbs).find((c) => c.tag === EXTENSIONS_TAG);
    if (!extensions) return [];
    const list = expectTlv(der, extensions.valueStart, extensions.end, Tag.SEQUENCE, 'Extensions');
    for (const ext of readChildren(der, list)) {
      const parts = readChildren(der, ext);
      if (parts.length < 2 || parts[0].tag !== Tag.OID) throw new DerError('Extension: expected extnID');
      checkOid(der, parts[0]);
      if (oidToString(der, parts[0]) !== CERTIFICATE_POLICIES) continue;
      const value = parts[parts.length - 1];
      if (value.tag !== Tag.OCTET_STRING) throw new DerError('certificatePolicies: expected an OCTET STRING extnValue');
      const policies = readTlv(der, value.valueStart, value.end);
      if (policies.tag !== Tag.SEQUENCE || policies.end !== value.end) throw new DerError('certificatePolicies: expected one SEQUENCE OF PolicyInformation');
      return readChildren(der, policies).map((info) => {
        if (info.tag !== Tag.SEQUENCE) throw new DerError('PolicyInformation: expected a SEQUENCE');
        const id = readTlv(der, info.valueStart, info.end);
        checkOid(der, id);
        return oidToString(der, id);
      });
    }
    return [];
  } catch (err) {
    if (err instanceof AppError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('certificate_invalid', `the certificate's policies cannot be read: ${reason}`, { cause: err });
  }
}
