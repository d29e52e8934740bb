import { hash } from 'node:crypto';
import { domainToUnicode } from 'node:url';
import { AppError } from '../domain/app-error.js';
import type { AppleInfo, CertificateKind } from '../domain/certificate.js';
import {
  DerError,
  Tag,
  checkInteger,
  checkOid,
  decodeString,
  decodeTime,
  expectTlv,
  integerMagnitudeHex,
  oidKey,
  oidKeyOf,
  oidToString,
  readChildren,
  readTlv,
  type Tlv,
} from './der.js';
import {
  curveNames,
  extendedKeyUsageNames,
  keyUsageNames,
  nameAttributeShortNames,
  oids,
  signatureAlgorithmNames,
} from './oids.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { toPem } from './pem.js';

/**
 * Reads one DER X.509 certificate (RFC 5280) into every field of `ParsedCertificate`.
 *
 * The whole certificate is walked by a hand-written DER reader (~10 µs for a typical RSA or
 * P-256 leaf) instead of `node:crypto`'s `X509Certificate`, whose construction alone costs
 * ~125 µs on OpenSSL 3.0 because it decodes the public key through the provider decoders.
 * The reader is strict where OpenSSL is (definite lengths, minimal INTEGER/OID encodings,
 * BIT STRING padding, the value types allowed in names, every structure of the
 * TBSCertificate and of the extensions certkeeper reads) so that what it accepts OpenSSL
 * accepts too, with one deliberate exception: undecodable string bytes (invalid UTF-8 in a
 * UTF8String, odd-length BMPString/UniversalString), which OpenSSL refuses, are read with
 * U+FFFD replacements. `nodeCertificateOf` builds the OpenSSL object lazily where a
 * signature must be checked (and refuses such certificates there).
 *
 * Rules worth knowing:
 * - `subject`/`issuer`: RFC 4514 order (most significant RDN last: "CN=a, O=Org, C=US"),
 *   OpenSSL short names (CN, O, OU, C, L, ST, UID, DC, emailAddress, …; unknown types as the
 *   dotted OID), `type=value` without spaces, RDNs joined by ", ", the values of a
 *   multi-valued RDN by "+". Values are escaped as RFC 4514 §2.4 says (`,+"\<>;`, a leading
 *   `#` or space, a trailing space; control characters as `\XX`); a value that is not a
 *   string type is shown as `#` + hex of its DER. Bytes that do not decode (bad UTF-8,
 *   odd-length BMPString, …) become U+FFFD; nothing throws.
 * - `commonName`: the last CN in the subject (the most specific, RFC 6125 §6.4.4).
 * - `dnsNames`: dNSName SANs lower-cased; `ipAddresses`: IPv4 dotted, IPv6 in RFC 5952 form.
 * - `serialNumber`: upper-case hex of the magnitude, leading zero octets dropped; a negative
 *   serial (malformed, seen in the wild) shows its magnitude; any length is accepted.
 * - `selfSigned`: self-issued (issuer name equal to subject name) and, when both key
 *   identifiers are present, AKI = SKI. The signature itself is not verified here.
 * - `kind`: APNs (1.2.840.113635.100.6.3.1/2/6) → apns; Pass Type ID (…6.1.16) → pass;
 *   basicConstraints cA → ca; EKU serverAuth (or anyExtendedKeyUsage), or no EKU and a DNS/IP
 *   SAN → tls; EKU clientAuth without serverAuth → client; else other.
 * - `apple.topics`: the strings of the 6.3.6 extension (SEQUENCE of topic, SEQUENCE{type}
 *   pairs); without that extension, `[bundleId]`. An APNs certificate that has 6.3.6 but
 *   neither 6.3.1 nor 6.3.2 serves both environments.
 *
 * Anything that is not a parseable certificate throws `AppError('certificate_invalid')`.
 */
export function parseCertificate(der: Buffer): ParsedCertificate {
  if (!(der instanceof Uint8Array)) {
    throw new AppError('certificate_invalid', 'certificate must be given as DER bytes');
  }
  const view = der as Uint8Array;
  const buf = Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  if (buf.length === 0) throw new AppError('certificate_invalid', 'certificate is empty (0 bytes)');
  try {
    return readCertificate(buf);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const reason = err instanceof DerError ? err.message : String((err as Error)?.message ?? err);
    throw new AppError('certificate_invalid', `certificate is not a valid X.509 DER encoding: ${reason}`, {
      cause: err,
    });
  }
}

const K = {
  cn: oidKeyOf(oids.commonName),
  ou: oidKeyOf(oids.organizationalUnitName),
  uid: oidKeyOf(oids.userId),
  ski: oidKeyOf(oids.subjectKeyIdentifier),
  ku: oidKeyOf(oids.keyUsage),
  san: oidKeyOf(oids.subjectAltName),
  bc: oidKeyOf(oids.basicConstraints),
  aki: oidKeyOf(oids.authorityKeyIdentifier),
  eku: oidKeyOf(oids.extKeyUsage),
  apnsDev: oidKeyOf(oids.appleApnsDevelopment),
  apnsProd: oidKeyOf(oids.appleApnsProduction),
  apnsTopics: oidKeyOf(oids.appleApnsTopics),
  passType: oidKeyOf(oids.applePassTypeId),
  rsa: oidKeyOf(oids.rsaEncryption),
  rsaPss: oidKeyOf(oids.rsassaPss),
  ec: oidKeyOf(oids.ecPublicKey),
  ed25519: oidKeyOf(oids.ed25519),
  ed448: oidKeyOf(oids.ed448),
  x25519: oidKeyOf(oids.x25519),
  x448: oidKeyOf(oids.x448),
  dsa: oidKeyOf(oids.dsa),
  serverAuth: oidKeyOf(oids.serverAuth),
  clientAuth: oidKeyOf(oids.clientAuth),
  anyEku: oidKeyOf(oids.anyExtendedKeyUsage),
};

function byKey(table: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(table).map(([dotted, name]) => [oidKeyOf(dotted), name]));
}
const attributeNames = byKey(nameAttributeShortNames);
const signatureNames = byKey(signatureAlgorithmNames);
const ekuNames = byKey({ ...extendedKeyUsageNames });
const curves = byKey(curveNames);

interface NameAttribute {
  key: string;
  value: string | null;
}

interface ParsedName {
  text: string;
  attributes: NameAttribute[];
  tlv: Tlv;
}

function readCertificate(buf: Buffer): ParsedCertificate {
  const cert = expectTlv(buf, 0, buf.length, Tag.SEQUENCE, 'Certificate');
  if (cert.end !== buf.length) {
    throw new DerError(`${buf.length - cert.end} unexpected bytes after the certificate`);
  }
  const top = readChildren(buf, cert);
  if (top.length !== 3 || top[0].tag !== Tag.SEQUENCE || top[1].tag !== Tag.SEQUENCE || top[2].tag !== Tag.BIT_STRING) {
    throw new DerError('Certificate must be SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }');
  }
  const signatureAlgorithm = readAlgorithmName(buf, top[1], signatureNames);
  checkBitString(buf, top[2], 'signatureValue');

  const tbs = readChildren(buf, top[0]);
  let i = 0;
  let version = 0;
  if (tbs[i]?.tag === 0xa0) {
    const v = readChildren(buf, tbs[i]);
    if (v.length !== 1) throw new DerError('malformed version');
    checkInteger(buf, v[0], 'version');
    if (v[0].end - v[0].valueStart !== 1 || buf[v[0].valueStart] > 2) throw new DerError('unsupported certificate version');
    version = buf[v[0].valueStart];
    i++;
  }
  const serialTlv = tbs[i++];
  if (!serialTlv) throw new DerError('missing serialNumber');
  checkInteger(buf, serialTlv, 'serialNumber');
  const innerSig = tbs[i++];
  if (innerSig?.tag !== Tag.SEQUENCE) throw new DerError('missing tbsCertificate signature algorithm');
  readAlgorithmName(buf, innerSig, signatureNames);
  const issuerTlv = tbs[i++];
  const validityTlv = tbs[i++];
  const subjectTlv = tbs[i++];
  const spkiTlv = tbs[i++];
  if (!issuerTlv || !validityTlv || !subjectTlv || !spkiTlv) throw new DerError('truncated tbsCertificate');
  const issuer = readName(buf, issuerTlv, 'issuer');
  if (validityTlv.tag !== Tag.SEQUENCE) throw new DerError('validity must be a SEQUENCE');
  const validity = readChildren(buf, validityTlv);
  if (validity.length !== 2) throw new DerError('validity must hold notBefore and notAfter');
  const notBefore = decodeTime(buf, validity[0], 'notBefore');
  const notAfter = decodeTime(buf, validity[1], 'notAfter');
  const subject = readName(buf, subjectTlv, 'subject');
  const publicKeyInfo = readPublicKeyInfo(buf, spkiTlv);

  let extensionsTlv: Tlv | null = null;
  for (; i < tbs.length; i++) {
    const t = tbs[i];
    if (t.tag === 0x81 || t.tag === 0xa1 || t.tag === 0x82 || t.tag === 0xa2) {
      if (version < 1) throw new DerError('unique identifiers need version 2 or 3');
      continue;
    }
    if (t.tag === 0xa3 && extensionsTlv === null) {
      if (version < 2) throw new DerError('extensions need version 3');
      extensionsTlv = t;
      continue;
    }
    throw new DerError(`unexpected element (tag 0x${t.tag.toString(16)}) in tbsCertificate`);
  }

  const ext = readExtensions(buf, extensionsTlv);

  // one-shot crypto.hash: no Hash object per digest (3 per certificate on the bulk import path)
  const sha1 = hash('sha1', buf, 'hex');
  const sha256 = hash('sha256', buf, 'hex');
  const spkiSha256 = hash('sha256', buf.subarray(spkiTlv.start, spkiTlv.end), 'hex');

  let commonName: string | null = null;
  let uid: string | null = null;
  let ou: string | null = null;
  for (const a of subject.attributes) {
    if (a.key === K.cn && a.value !== null) commonName = clean(a.value);
    else if (a.key === K.uid && a.value !== null && uid === null) uid = clean(a.value);
    else if (a.key === K.ou && a.value !== null && ou === null) ou = clean(a.value);
  }

  const hasSanNames = ext.dnsNames.length + ext.ipAddresses.length > 0;
  const sans = hasSanNames ? [...ext.dnsNames, ...ext.ipAddresses] : commonName !== null ? [commonName] : [];
  let domainName: string;
  const cnLower = commonName?.toLowerCase();
  const cnSan = cnLower === undefined ? undefined : sans.find((s) => s.toLowerCase() === cnLower);
  if (hasSanNames && cnSan !== undefined) domainName = cnSan;
  else if (sans.length > 0) domainName = sans[0];
  else domainName = commonName ?? subject.text;
  const sansUnicode = sans.map(toUnicodeName);

  const selfSigned =
    (buf.compare(buf, subjectTlv.start, subjectTlv.end, issuerTlv.start, issuerTlv.end) === 0 ||
      subject.text.toLowerCase() === issuer.text.toLowerCase()) &&
    (ext.subjectKeyId === null || ext.authorityKeyId === null || ext.subjectKeyId === ext.authorityKeyId);

  const { kind, apple } = classify(ext, hasSanNames, uid, ou);

  return {
    der: buf,
    pem: toPem(buf),
    subject: subject.text,
    issuer: issuer.text,
    commonName,
    dnsNames: ext.dnsNames,
    ipAddresses: ext.ipAddresses,
    sans,
    domainName,
    sansUnicode,
    serialNumber: integerMagnitudeHex(buf, serialTlv),
    notBefore,
    notAfter,
    fingerprintSha1: sha1,
    fingerprintSha256: sha256,
    spkiSha256,
    publicKeyInfo,
    signatureAlgorithm,
    keyUsage: ext.keyUsage,
    extendedKeyUsage: ext.extendedKeyUsage,
    isCa: ext.isCa,
    selfSigned,
    subjectKeyId: ext.subjectKeyId,
    authorityKeyId: ext.authorityKeyId,
    kind,
    apple,
  };
}

/** NUL cannot be stored in PostgreSQL text; it never belongs in a name anyway. */
function clean(s: string): string {
  return s.includes('\0') ? s.replace(/\0/g, '\uFFFD') : s;
}

function toUnicodeName(name: string): string {
  if (!/(^|\.)xn--/i.test(name)) return name;
  const u = domainToUnicode(name);
  return u === '' ? name : u;
}

function readAlgorithmName(buf: Buffer, alg: Tlv, names: Map<string, string>): string {
  if (alg.tag !== Tag.SEQUENCE) throw new DerError('AlgorithmIdentifier must be a SEQUENCE');
  const oid = readTlv(buf, alg.valueStart, alg.end);
  checkOid(buf, oid);
  if (oid.end < alg.end && readTlv(buf, oid.end, alg.end).end !== alg.end) {
    throw new DerError('AlgorithmIdentifier: trailing data after the parameters');
  }
  return names.get(oidKey(buf, oid)) ?? oidToString(buf, oid);
}

/** X.690 §8.6: the initial octet counts unused bits (0–7; 0 when empty). */
function checkBitString(buf: Buffer, t: Tlv, what: string): void {
  const len = t.end - t.valueStart;
  if (t.tag !== Tag.BIT_STRING || len < 1 || buf[t.valueStart] > 7 || (len === 1 && buf[t.valueStart] !== 0)) {
    throw new DerError(`${what}: malformed BIT STRING`);
  }
}

// ---------------------------------------------------------------------------------------------
// Names (RFC 5280 §4.1.2.4)

function readName(buf: Buffer, name: Tlv, what: string): ParsedName {
  if (name.tag !== Tag.SEQUENCE) throw new DerError(`${what} must be a SEQUENCE`);
  const attributes: NameAttribute[] = [];
  const rdnTexts: string[] = [];
  for (const rdn of readChildren(buf, name)) {
    if (rdn.tag !== Tag.SET) throw new DerError(`${what}: RelativeDistinguishedName must be a SET`);
    const parts: string[] = [];
    for (const atv of readChildren(buf, rdn)) {
      if (atv.tag !== Tag.SEQUENCE) throw new DerError(`${what}: AttributeTypeAndValue must be a SEQUENCE`);
      const type = readTlv(buf, atv.valueStart, atv.end);
      checkOid(buf, type);
      const valueTlv = readTlv(buf, type.end, atv.end);
      if (valueTlv.end !== atv.end) throw new DerError(`${what}: extra data in AttributeTypeAndValue`);
      // the value types OpenSSL accepts in a name (its B_ASN1_PRINTABLE mask)
      if (!NAME_VALUE_TAGS.has(valueTlv.tag)) {
        throw new DerError(`${what}: attribute value of type 0x${valueTlv.tag.toString(16)} is not allowed in a name`);
      }
      if (valueTlv.tag === Tag.SEQUENCE) readChildren(buf, valueTlv);
      const key = oidKey(buf, type);
      const value = decodeString(buf, valueTlv);
      attributes.push({ key, value });
      const shortName = attributeNames.get(key) ?? oidToString(buf, type);
      const shown = value === null ? '#' + buf.toString('hex', valueTlv.start, valueTlv.end) : escapeDnValue(value);
      parts.push(`${shortName}=${shown}`);
    }
    if (parts.length === 0) throw new DerError(`${what}: empty RelativeDistinguishedName`);
    rdnTexts.push(parts.join('+'));
  }
  return { text: rdnTexts.reverse().join(', '), attributes, tlv: name };
}

const NAME_VALUE_TAGS = new Set([
  0x03, 0x07, 0x08, 0x09, 0x0b, Tag.UTF8_STRING, 0x0d, 0x0e, 0x0f, Tag.NUMERIC_STRING, Tag.PRINTABLE_STRING,
  Tag.T61_STRING, Tag.IA5_STRING, Tag.UNIVERSAL_STRING, 0x1d, Tag.BMP_STRING, Tag.SEQUENCE,
]);

const NEEDS_ESCAPE = /[,+"\\<>;\x00-\x1f\x7f]|^[# ]| $/;

/** RFC 4514 §2.4 escaping, control characters as \XX (as OpenSSL's ESC_CTRL). */
function escapeDnValue(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const code = v.charCodeAt(i);
    if (c === ',' || c === '+' || c === '"' || c === '\\' || c === '<' || c === '>' || c === ';') out += '\\' + c;
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(16).toUpperCase().padStart(2, '0');
    else if (i === 0 && (c === '#' || c === ' ')) out += '\\' + c;
    else if (i === v.length - 1 && c === ' ') out += '\\ ';
    else out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SubjectPublicKeyInfo

function bitLength(buf: Buffer, int: Tlv): number {
  let s = int.valueStart;
  while (s < int.end && buf[s] === 0) s++;
  if (s === int.end) return 0;
  return (int.end - s - 1) * 8 + (32 - Math.clz32(buf[s]));
}

function readPublicKeyInfo(buf: Buffer, spki: Tlv): string {
  if (spki.tag !== Tag.SEQUENCE) throw new DerError('subjectPublicKeyInfo must be a SEQUENCE');
  const [alg, key, extra] = readChildren(buf, spki);
  if (!alg || alg.tag !== Tag.SEQUENCE || !key || key.tag !== Tag.BIT_STRING || extra) {
    throw new DerError('subjectPublicKeyInfo must be SEQUENCE { algorithm, subjectPublicKey }');
  }
  checkBitString(buf, key, 'subjectPublicKey');
  const oid = readTlv(buf, alg.valueStart, alg.end);
  checkOid(buf, oid);
  const params = oid.end < alg.end ? readTlv(buf, oid.end, alg.end) : null;
  if (params !== null && params.end !== alg.end) throw new DerError('subjectPublicKeyInfo: trailing data in the algorithm');
  const k = oidKey(buf, oid);
  if (k === K.rsa || k === K.rsaPss) {
    const rsa = readTlv(buf, key.valueStart + 1, key.end);
    if (rsa.tag !== Tag.SEQUENCE) throw new DerError('malformed RSA public key');
    const [n, e] = readChildren(buf, rsa);
    if (!n || !e) throw new DerError('malformed RSA public key');
    checkInteger(buf, n, 'RSA modulus');
    checkInteger(buf, e, 'RSA exponent');
    return `${k === K.rsa ? 'RSA' : 'RSA-PSS'} ${bitLength(buf, n)}`;
  }
  if (k === K.ec) {
    if (params?.tag === Tag.OID) {
      checkOid(buf, params);
      return `EC ${curves.get(oidKey(buf, params)) ?? oidToString(buf, params)}`;
    }
    if (params?.tag === Tag.SEQUENCE) readChildren(buf, params); // explicit curve parameters
    else if (params?.tag !== Tag.NULL) throw new DerError('subjectPublicKeyInfo: malformed EC parameters');
    return 'EC';
  }
  if (k === K.ed25519) return 'Ed25519';
  if (k === K.ed448) return 'Ed448';
  if (k === K.x25519) return 'X25519';
  if (k === K.x448) return 'X448';
  if (k === K.dsa) {
    if (params?.tag === Tag.SEQUENCE) {
      const p = readChildren(buf, params)[0];
      if (p?.tag === Tag.INTEGER) return `DSA ${bitLength(buf, p)}`;
    }
    return 'DSA';
  }
  return oidToString(buf, oid);
}

// ---------------------------------------------------------------------------------------------
// Extensions (RFC 5280 §4.2)

interface Extensions {
  dnsNames: string[];
  ipAddresses: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  ekuKeys: string[];
  hasEku: boolean;
  isCa: boolean;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  apnsDevelopment: boolean;
  apnsProduction: boolean;
  apnsTopics: string[] | null;
  passType: boolean;
  passTypeValue: string | null;
}

function readExtensions(buf: Buffer, wrapper: Tlv | null): Extensions {
  const out: Extensions = {
    dnsNames: [],
    ipAddresses: [],
    keyUsage: [],
    extendedKeyUsage: [],
    ekuKeys: [],
    hasEku: false,
    isCa: false,
    subjectKeyId: null,
    authorityKeyId: null,
    apnsDevelopment: false,
    apnsProduction: false,
    apnsTopics: null,
    passType: false,
    passTypeValue: null,
  };
  if (wrapper === null) return out;
  const list = readTlv(buf, wrapper.valueStart, wrapper.end);
  if (list.tag !== Tag.SEQUENCE || list.end !== wrapper.end) throw new DerError('extensions must be one SEQUENCE');
  const seen = new Set<string>();
  for (const extTlv of readChildren(buf, list)) {
    if (extTlv.tag !== Tag.SEQUENCE) throw new DerError('Extension must be a SEQUENCE');
    const parts = readChildren(buf, extTlv);
    const oid = parts[0];
    if (!oid) throw new DerError('empty Extension');
    checkOid(buf, oid);
    let valueTlv = parts[1];
    if (valueTlv?.tag === Tag.BOOLEAN) {
      if (valueTlv.end - valueTlv.valueStart !== 1) throw new DerError('malformed Extension critical flag');
      valueTlv = parts[2];
      if (parts.length !== 3) throw new DerError('malformed Extension');
    } else if (parts.length !== 2) throw new DerError('malformed Extension');
    if (valueTlv?.tag !== Tag.OCTET_STRING) throw new DerError('Extension value must be an OCTET STRING');
    const key = oidKey(buf, oid);
    if (seen.has(key)) throw new DerError(`duplicate extension ${oidToString(buf, oid)}`); // RFC 5280 §4.2
    seen.add(key);
    const v = valueTlv;
    switch (key) {
      case K.san:
        readSan(buf, v, out);
        break;
      case K.ku:
        out.keyUsage = readKeyUsage(buf, v);
        break;
      case K.eku:
        readEku(buf, v, out);
        break;
      case K.bc:
        out.isCa = readBasicConstraints(buf, v);
        break;
      case K.ski: {
        const id = expectTlv(buf, v.valueStart, v.end, Tag.OCTET_STRING, 'subjectKeyIdentifier');
        out.subjectKeyId = buf.toString('hex', id.valueStart, id.end);
        break;
      }
      case K.aki: {
        const seq = expectTlv(buf, v.valueStart, v.end, Tag.SEQUENCE, 'authorityKeyIdentifier');
        for (const c of readChildren(buf, seq)) {
          if (c.tag === 0x80) out.authorityKeyId = buf.toString('hex', c.valueStart, c.end);
        }
        break;
      }
      case K.apnsDev:
        out.apnsDevelopment = true;
        break;
      case K.apnsProd:
        out.apnsProduction = true;
        break;
      case K.apnsTopics:
        out.apnsTopics = readApnsTopics(buf, v);
        break;
      case K.passType:
        out.passType = true;
        out.passTypeValue = readLooseString(buf, v);
        break;
      default:
        break;
    }
  }
  return out;
}

function readSan(buf: Buffer, v: Tlv, out: Extensions): void {
  const names = expectTlv(buf, v.valueStart, v.end, Tag.SEQUENCE, 'subjectAltName');
  if (names.end !== v.end) throw new DerError('subjectAltName: trailing data');
  for (const gn of readChildren(buf, names)) {
    if (gn.tag === 0x82) {
      out.dnsNames.push(clean(buf.toString('utf8', gn.valueStart, gn.end)).toLowerCase());
    } else if (gn.tag === 0x87) {
      const ip = formatIp(buf.subarray(gn.valueStart, gn.end));
      if (ip !== null) out.ipAddresses.push(ip);
    }
  }
}

/** IPv4 dotted quad; IPv6 in RFC 5952 canonical text; null for other lengths. */
export function formatIp(b: Buffer): string | null {
  if (b.length === 4) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  if (b.length !== 16) return null;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function readKeyUsage(buf: Buffer, v: Tlv): string[] {
  const bits = expectTlv(buf, v.valueStart, v.end, Tag.BIT_STRING, 'keyUsage');
  checkBitString(buf, bits, 'keyUsage');
  const len = bits.end - bits.valueStart;
  const names: string[] = [];
  for (let bit = 0; bit < keyUsageNames.length; bit++) {
    const byte = 1 + (bit >> 3);
    if (byte < len && buf[bits.valueStart + byte] & (0x80 >> (bit & 7))) names.push(keyUsageNames[bit]);
  }
  return names;
}

function readEku(buf: Buffer, v: Tlv, out: Extensions): void {
  const seq = expectTlv(buf, v.valueStart, v.end, Tag.SEQUENCE, 'extKeyUsage');
  out.hasEku = true;
  for (const o of readChildren(buf, seq)) {
    checkOid(buf, o);
    const k = oidKey(buf, o);
    out.ekuKeys.push(k);
    out.extendedKeyUsage.push(ekuNames.get(k) ?? oidToString(buf, o));
  }
}

function readBasicConstraints(buf: Buffer, v: Tlv): boolean {
  const seq = expectTlv(buf, v.valueStart, v.end, Tag.SEQUENCE, 'basicConstraints');
  const first = seq.valueStart < seq.end ? readTlv(buf, seq.valueStart, seq.end) : null;
  if (first?.tag === Tag.BOOLEAN) {
    if (first.end - first.valueStart !== 1) throw new DerError('basicConstraints: malformed BOOLEAN');
    return buf[first.valueStart] !== 0;
  }
  return false;
}

/**
 * The APNs topics extension (1.2.840.113635.100.6.3.6): SEQUENCE { topic UTF8String,
 * SEQUENCE { type UTF8String }, … }, e.g. "com.example.app" {"app"}, "com.example.app.voip"
 * {"voip"}. Read leniently: a malformed value yields the topics found so far, never an error.
 */
function readApnsTopics(buf: Buffer, v: Tlv): string[] {
  const topics: string[] = [];
  try {
    let seq = readTlv(buf, v.valueStart, v.end);
    if (seq.tag === Tag.OCTET_STRING) seq = readTlv(buf, seq.valueStart, seq.end); // some encoders wrap twice
    if (seq.tag !== Tag.SEQUENCE) return topics;
    for (const item of readChildren(buf, seq)) {
      const s = decodeString(buf, item);
      if (s !== null && s !== '') topics.push(clean(s));
    }
  } catch {
    // lenient on purpose: a vendor extension must not make the certificate unreadable
  }
  return topics;
}

function readLooseString(buf: Buffer, v: Tlv): string | null {
  try {
    const t = readTlv(buf, v.valueStart, v.end);
    const s = decodeString(buf, t);
    return s === null || s === '' ? null : clean(s);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Classification

function classify(
  ext: Extensions,
  hasSanNames: boolean,
  uid: string | null,
  ou: string | null,
): { kind: CertificateKind; apple: AppleInfo | null } {
  if (ext.apnsDevelopment || ext.apnsProduction || ext.apnsTopics !== null) {
    const environments: Array<'production' | 'development'> = [];
    const both = !ext.apnsDevelopment && !ext.apnsProduction;
    if (ext.apnsProduction || both) environments.push('production');
    if (ext.apnsDevelopment || both) environments.push('development');
    const apple: AppleInfo = { environments };
    if (uid !== null) apple.bundleId = uid;
    const topics = ext.apnsTopics ?? (uid !== null ? [uid] : []);
    apple.topics = topics;
    if (ou !== null) apple.teamId = ou;
    return { kind: 'apns', apple };
  }
  if (ext.passType) {
    const apple: AppleInfo = {};
    const id = uid ?? ext.passTypeValue;
    if (id !== null) apple.passTypeIdentifier = id;
    if (ou !== null) apple.passTeamIdentifier = ou;
    return { kind: 'pass', apple };
  }
  if (ext.isCa) return { kind: 'ca', apple: null };
  if (ext.ekuKeys.includes(K.serverAuth) || ext.ekuKeys.includes(K.anyEku) || (!ext.hasEku && hasSanNames)) {
    return { kind: 'tls', apple: null };
  }
  if (ext.ekuKeys.includes(K.clientAuth)) return { kind: 'client', apple: null };
  return { kind: 'other', apple: null };
}
