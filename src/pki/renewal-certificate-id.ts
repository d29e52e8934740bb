/**
 * The RFC 9773 §4.1 certificate identifier used by ACME Renewal Information (and by an order's
 * `replaces`): base64url(AKI keyIdentifier) "." base64url(serial number), where the serial is
 * the INTEGER's content octets exactly as encoded (a leading 0x00 kept).
 */
import { AppError } from '../domain/app-error.js';
import { DerError, expectTlv, oidKeyOf, readChildren, readTlv, Tag } from './der.js';

const akiOid = oidKeyOf('2.5.29.35');

/** The certificate's RFC 9773 id; `certificate_invalid` when it is no X.509 certificate or lacks an AKI keyIdentifier. */
export function renewalCertificateId(certificateDer: Buffer): string {
  try {
    const cert = expectTlv(certificateDer, 0, certificateDer.length, Tag.SEQUENCE, 'Certificate');
    const tbs = expectTlv(certificateDer, cert.valueStart, cert.end, Tag.SEQUENCE, 'TBSCertificate');
    const fields = readChildren(certificateDer, tbs);
    let i = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version (RFC 5280 §4.1)
    const serial = fields[i];
    if (!serial || serial.tag !== Tag.INTEGER) throw new DerError('TBSCertificate: no serialNumber');
    let keyId: Buffer | null = null;
    for (i += 6; i < fields.length; i++) {
      if (fields[i].tag !== 0xa3) continue; // [3] EXPLICIT extensions
      const list = expectTlv(certificateDer, fields[i].valueStart, fields[i].end, Tag.SEQUENCE, 'Extensions');
      for (const ext of readChildren(certificateDer, list)) {
        const parts = readChildren(certificateDer, ext);
        if (parts[0]?.tag !== Tag.OID || certificateDer.toString('hex', parts[0].valueStart, parts[0].end) !== akiOid) continue;
        const value = parts[parts.length - 1];
        if (value.tag !== Tag.OCTET_STRING) throw new DerError('authorityKeyIdentifier: extnValue is no OCTET STRING');
        const aki = readTlv(certificateDer, value.valueStart, value.end);
        // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, … } (RFC 5280 §4.2.1.1)
        for (const field of readChildren(certificateDer, aki)) {
          if (field.tag === 0x80) keyId = certificateDer.subarray(field.valueStart, field.end);
        }
      }
    }
    if (!keyId || keyId.length === 0) {
      throw new AppError('certificate_invalid', 'The certificate has no authority key identifier, which ACME renewal information (RFC 9773 §4.1) needs');
    }
    return `${keyId.toString('base64url')}.${certificateDer.subarray(serial.valueStart, serial.end).toString('base64url')}`;
  } catch (err) {
    if (err instanceof DerError) throw new AppError('certificate_invalid', `Not a readable X.509 certificate: ${err.message}`, { cause: err });
    throw err;
  }
}
