/**
 * A test certificate authority for the whole project: mints real, signed X.509 certificates
 * (RFC 5280) offline and fast, with node:crypto and the PKI module's DER writer.
 *
 *   const ca = createTestCa({ keyType: 'rsa-2048' });       // root + intermediate
 *   const c = aCertificate({ sans: ['a.example', '*.a.example'], notAfter: new Date('2030-01-01') });
 *   c.certPem; c.keyPem; c.chainPem; c.fullchainPem;         // PEM strings
 *   const p12 = toPkcs12(c, { password: 'secret', legacy: true });
 *
 * Everything is synchronous. Every certificate gets its own key unless told otherwise
 * (`keySlot` reuses one process-wide key per slot, e.g. for benchmarks; `key` passes one).
 * EC and Ed25519 keys cost well under 1 ms. RSA-2048 generation costs ~190 ms, so RSA keys
 * come from a pool cached on disk (`$CERTKEEPER_TEST_KEY_CACHE`, default
 * `<tmpdir>/certkeeper-test-keys`): the n-th RSA key a process asks for is the n-th file of
 * the pool, generated on first need. Keys are still distinct within a process; only
 * throwaway test keys are written. Each CA gets its own keys and a unique name.
 * `toPkcs12` shells out to the `openssl` CLI in a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { der, encodeTlv, integerContent, Tag } from '../../src/pki/der.js';
import { toPem } from '../../src/pki/pem.js';

export type TestKeyType = 'rsa-2048' | 'ec-p256' | 'ec-p384' | 'ed25519';

export const testKeyTypes: readonly TestKeyType[] = ['rsa-2048', 'ec-p256', 'ec-p384', 'ed25519'];

const OID = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  serialNumber: '2.5.4.5',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  emailAddress: '1.2.840.113549.1.9.1',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  apnsDevelopment: '1.2.840.113635.100.6.3.1',
  apnsProduction: '1.2.840.113635.100.6.3.2',
  apnsTopics: '1.2.840.113635.100.6.3.6',
  passTypeId: '1.2.840.113635.100.6.1.16',
  applePassbookEku: '1.2.840.113635.100.4.14',
} as const;

const EKU: Record<string, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
  anyExtendedKeyUsage: '2.5.29.37.0',
};

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_BITS)[number];

// ---------------------------------------------------------------------------------------------
// Keys

const keyCache = new Map<string, KeyObject>();

/** A new private key of the given type. */
export function freshKey(keyType: TestKeyType = 'ec-p256'): KeyObject {
  switch (keyType) {
    case 'rsa-2048':
      return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    case 'ec-p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    case 'ec-p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey;
  }
}

let rsaPoolIndex = 0;

function pooledRsaKey(index: number): KeyObject {
  const dir = process.env.CERTKEEPER_TEST_KEY_CACHE ?? join(tmpdir(), 'certkeeper-test-keys');
  const file = join(dir, `rsa-2048-${index}.pem`);
  try {
    return createPrivateKey(readFileSync(file));
  } catch {
    // not generated yet (or a torn write): generate below
  }
  const key = freshKey('rsa-2048');
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, key.export({ type: 'pkcs8', format: 'pem' }));
    renameSync(tmp, file);
  } catch {
    // a read-only tmpdir only costs speed
  }
  return key;
}

/** A key no other certificate of this process has: fresh for EC/Ed25519, the next pooled one for RSA. */
export function distinctKey(keyType: TestKeyType = 'ec-p256'): KeyObject {
  return keyType === 'rsa-2048' ? pooledRsaKey(rsaPoolIndex++) : freshKey(keyType);
}

/** A private key made once per (type, slot) in this process (with `distinctKey`) and then reused. */
export function testKey(keyType: TestKeyType = 'ec-p256', slot: string | number = 'leaf'): KeyObject {
  const id = `${keyType}/${slot}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    key = distinctKey(keyType);
    keyCache.set(id, key);
  }
  return key;
}

function keyTypeOf(key: KeyObject): TestKeyType {
  const t = key.asymmetricKeyType;
  if (t === 'rsa') return 'rsa-2048';
  if (t === 'ed25519') return 'ed25519';
  if (t === 'ec') return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'ec-p384' : 'ec-p256';
  throw new Error(`test CA cannot use ${t} keys`);
}

function signatureAlgorithm(signer: KeyObject): { algId: Buffer; digest: string | null } {
  switch (keyTypeOf(signer)) {
    case 'rsa-2048':
      return { algId: der.sequence(der.oid('1.2.840.113549.1.1.11'), der.null()), digest: 'sha256' };
    case 'ec-p256':
      return { algId: der.sequence(der.oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
    case 'ec-p384':
      return { algId: der.sequence(der.oid('1.2.840.10045.4.3.3')), digest: 'sha384' };
    case 'ed25519':
      return { algId: der.sequence(der.oid('1.3.101.112')), digest: null };
  }
}

function pkcs8Der(key: KeyObject): Buffer {
  return key.export({ type: 'pkcs8', format: 'der' });
}

// ---------------------------------------------------------------------------------------------
// Names

/** String encodings for name attributes; `raw` puts the bytes in a T61String unchecked. */
export type NameEncoding = 'utf8' | 'printable' | 'ia5' | 't61' | 'bmp' | 'universal';

export interface NameAttributeInput {
  /** Short name (CN, O, OU, C, L, ST, UID, DC, emailAddress, serialNumber) or dotted OID. */
  type: string;
  /** Text, or raw bytes put in the string type unchanged (to build malformed names). */
  value: string | Buffer;
  /** Default: PrintableString for C, IA5String for emailAddress/DC, else UTF8String. */
  encoding?: NameEncoding;
}

const ENCODING_TAGS: Record<NameEncoding, number> = {
  utf8: Tag.UTF8_STRING,
  printable: Tag.PRINTABLE_STRING,
  ia5: Tag.IA5_STRING,
  t61: Tag.T61_STRING,
  bmp: Tag.BMP_STRING,
  universal: Tag.UNIVERSAL_STRING,
};

function encodeAttributeValue(a: NameAttributeInput): Buffer {
  const encoding: NameEncoding =
    a.encoding ?? (a.type === 'C' ? 'printable' : a.type === 'emailAddress' || a.type === 'DC' ? 'ia5' : 'utf8');
  let bytes: Buffer;
  if (Buffer.isBuffer(a.value)) bytes = a.value;
  else if (encoding === 'bmp') bytes = Buffer.from(a.value, 'utf16le').swap16();
  else if (encoding === 'universal') {
    const cps = [...a.value].map((ch) => ch.codePointAt(0) ?? 0);
    bytes = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => bytes.writeUInt32BE(cp, i * 4));
  } else if (encoding === 'utf8') bytes = Buffer.from(a.value, 'utf8');
  else bytes = Buffer.from(a.value, 'latin1');
  return encodeTlv(ENCODING_TAGS[encoding], bytes);
}

/** DER Name (RDNSequence) from attributes in DER order (most significant first), one per RDN. */
export function encodeName(attributes: NameAttributeInput[]): Buffer {
  return der.sequence(
    ...attributes.map((a) => {
      const oid = (OID as Record<string, string>)[a.type] ?? a.type;
      return der.set(der.sequence(der.oid(oid), encodeAttributeValue(a)));
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Certificates

export interface ApnsOptions {
  /** Which of 6.3.2 (production) and 6.3.1 (development) to add. Default ['production']. */
  environments?: Array<'production' | 'development'>;
  /** Topics for the 6.3.6 extension (e.g. [bundle, bundle + '.voip']); omitted → no 6.3.6. */
  topics?: string[];
  /** Subject UID. Default 'com.example.app'. */
  bundleId?: string;
  /** Subject OU. Default 'ABCDE12345'. */
  teamId?: string;
  /** Subject O. Default 'Example Inc.'. */
  teamName?: string;
}

export interface PassTypeOptions {
  /** Subject UID and the 6.1.16 value. Default 'pass.com.example.app'. */
  passTypeIdentifier?: string;
  /** Subject OU. Default 'ABCDE12345'. */
  teamId?: string;
  teamName?: string;
}

export interface CertificateOptions {
  /** Issuing CA; default `defaultTestCa()` (EC P-256). */
  ca?: TestCa;
  /** Who signs: the CA's intermediate (default), its root, or the certificate itself. */
  issuer?: 'intermediate' | 'root' | 'self';
  /** Key type of the certificate's key. Default 'ec-p256'. */
  keyType?: TestKeyType;
  /** The certificate's private key (overrides keyType, keySlot, freshKey). */
  key?: KeyObject;
  /** Reuse the process-wide key of this slot (cheap for many RSA certificates). Default: a distinct key. */
  keySlot?: string | number;
  /** A key no other certificate of this process has (`distinctKey`); this is also the default. */
  freshKey?: boolean;
  /** Subject CN; null for none. Default: the first DNS SAN, else 'leaf.example.test'. */
  commonName?: string | null;
  /**
   * SANs: DNS names (wildcards allowed; Unicode names are converted to punycode A-labels,
   * ASCII ones are written verbatim) and IPv4/IPv6 addresses. Default [commonName] for TLS
   * certificates, [] (no extension) for Apple ones and CAs.
   */
  sans?: string[];
  /** Default: now − 1 hour. */
  notBefore?: Date;
  /** Default: notBefore + 90 days. */
  notAfter?: Date;
  /** Hex, any length; a leading '-' makes it negative. Default: 16 random bytes. */
  serialNumber?: string;
  /** EKU names (serverAuth, clientAuth, codeSigning, …) or dotted OIDs; [] → no extension. Default ['serverAuth']. */
  extendedKeyUsage?: string[];
  /** Default: digitalSignature (+ keyEncipherment for RSA); keyCertSign + cRLSign for CAs; [] → no extension. */
  keyUsage?: KeyUsageName[];
  /** basicConstraints cA. */
  isCa?: boolean;
  /** Extra subject attributes, placed before CN (C, ST, L, O, OU) or after it (UID, emailAddress). */
  subject?: Partial<Record<'C' | 'ST' | 'L' | 'O' | 'OU' | 'UID' | 'emailAddress' | 'serialNumber', string>>;
  /** The whole subject, verbatim (overrides commonName and subject). */
  subjectAttributes?: NameAttributeInput[];
  /** APNs push certificate (Apple OIDs, UID = bundle id, OU = team id, Apple's CN). */
  apns?: ApnsOptions;
  /** Apple Wallet Pass Type ID certificate. */
  passType?: boolean | PassTypeOptions;
  /** Further extensions, DER value given. */
  extensions?: Array<{ oid: string; critical?: boolean; value: Buffer }>;
  /** Leave out the subject and authority key identifiers. */
  omitKeyIdentifiers?: boolean;
}

export interface TestCertificate {
  certDer: Buffer;
  certPem: string;
  /** PKCS#8 PEM ("PRIVATE KEY"). */
  keyPem: string;
  keyDer: Buffer;
  privateKey: KeyObject;
  /** Issuers, leaf's issuer first (intermediate then root), as PEM / DER. Empty for self-signed. */
  chainPem: string;
  chainDers: Buffer[];
  /** The certificate followed by its intermediate (what ACME's fullchain.pem holds). */
  fullchainPem: string;
  ca: TestCa;
  keyType: TestKeyType;
  /** As `parseCertificate` reports it: upper-case hex of the magnitude. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  subjectDer: Buffer;
  subjectKeyId: Buffer;
}

export interface TestCa {
  keyType: TestKeyType;
  root: TestCertificate;
  intermediate: TestCertificate;
  /** intermediate + root PEM. */
  chainPem: string;
  /** `aCertificate` with this CA. */
  issue(options?: Omit<CertificateOptions, 'ca'>): TestCertificate;
}

interface Signer {
  key: KeyObject;
  subjectDer: Buffer;
  subjectKeyId: Buffer | null;
}

const DAY_MS = 86_400_000;

function serialContent(hex: string | undefined): { content: Buffer; shown: string } {
  if (hex === undefined) {
    const b = randomBytes(16);
    b[0] = (b[0] & 0x7f) | 0x10; // positive, 16 significant bytes
    return { content: b, shown: b.toString('hex').toUpperCase() };
  }
  const negative = hex.startsWith('-');
  const digits = hex.replace(/^-/, '').replace(/:/g, '');
  if (!/^[0-9a-fA-F]+$/.test(digits)) throw new Error(`serialNumber must be hex, got ${hex}`);
  const magnitude = BigInt('0x' + digits);
  const content = integerContent(negative ? -magnitude : magnitude);
  let shown = magnitude.toString(16).toUpperCase();
  if (shown.length % 2 === 1) shown = '0' + shown;
  return { content, shown };
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(der.oid(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

function keyUsageValue(names: readonly KeyUsageName[]): Buffer {
  let highest = -1;
  const bytes = [0, 0];
  for (const n of names) {
    const bit = KEY_USAGE_BITS.indexOf(n);
    if (bit < 0) throw new Error(`unknown key usage ${n}`);
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
    highest = Math.max(highest, bit);
  }
  const len = (highest >> 3) + 1;
  const unused = 7 - (highest & 7);
  return der.bitString(Buffer.from(bytes.slice(0, len)), unused);
}

function generalName(name: string): Buffer {
  const ipKind = isIP(name);
  if (ipKind === 4) return der.implicit(7, Buffer.from(name.split('.').map(Number)));
  if (ipKind === 6) return der.implicit(7, ipv6Bytes(name));
  let ascii = name;
  if (!/^[\x00-\x7f]*$/.test(name)) {
    const wildcard = name.startsWith('*.');
    const converted = domainToASCII(wildcard ? name.slice(2) : name);
    if (converted === '') throw new Error(`cannot convert ${name} to an A-label`);
    ascii = (wildcard ? '*.' : '') + converted;
  }
  return der.implicit(2, Buffer.from(ascii, 'latin1'));
}

function ipv6Bytes(text: string): Buffer {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === null ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function apnsTopicsValue(topics: string[]): Buffer {
  return der.sequence(
    ...topics.flatMap((t) => {
      const type = t.endsWith('.voip') ? 'voip' : t.endsWith('.complication') ? 'complication' : 'app';
      return [der.utf8String(t), der.sequence(der.utf8String(type))];
    }),
  );
}

function subjectKeyIdOf(key: KeyObject): Buffer {
  // RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(spki).digest();
}

function mint(options: CertificateOptions, signer: Signer | 'self', ca: TestCa, chainDers: Buffer[]): TestCertificate {
  const keyType0 = options.keyType ?? 'ec-p256';
  const key =
    options.key ??
    (options.keySlot !== undefined && !options.freshKey ? testKey(keyType0, options.keySlot) : distinctKey(keyType0));
  const keyType = keyTypeOf(key);
  const isCa = options.isCa ?? false;
  const apple = options.apns !== undefined || (options.passType !== undefined && options.passType !== false);

  // subject
  let subjectAttributes: NameAttributeInput[];
  let defaultSans: string[] = [];
  const extras = options.subject ?? {};
  if (options.subjectAttributes) subjectAttributes = options.subjectAttributes;
  else if (options.apns) {
    const a = options.apns;
    const bundleId = a.bundleId ?? 'com.example.app';
    const envs = a.environments ?? ['production'];
    const cn =
      a.topics !== undefined || envs.length !== 1
        ? `Apple Push Services: ${bundleId}`
        : envs[0] === 'production'
          ? `Apple Production IOS Push Services: ${bundleId}`
          : `Apple Development IOS Push Services: ${bundleId}`;
    subjectAttributes = [
      { type: 'UID', value: extras.UID ?? bundleId },
      { type: 'CN', value: options.commonName ?? cn },
      { type: 'OU', value: extras.OU ?? a.teamId ?? 'ABCDE12345' },
      { type: 'O', value: extras.O ?? a.teamName ?? 'Example Inc.' },
      { type: 'C', value: extras.C ?? 'US' },
    ];
  } else if (options.passType) {
    const p = options.passType === true ? {} : options.passType;
    const id = p.passTypeIdentifier ?? 'pass.com.example.app';
    subjectAttributes = [
      { type: 'UID', value: extras.UID ?? id },
      { type: 'CN', value: options.commonName ?? `Pass Type ID: ${id}` },
      { type: 'OU', value: extras.OU ?? p.teamId ?? 'ABCDE12345' },
      { type: 'O', value: extras.O ?? p.teamName ?? 'Example Inc.' },
      { type: 'C', value: extras.C ?? 'US' },
    ];
  } else {
    const firstDns = options.sans?.find((s) => isIP(s) === 0);
    const cn = options.commonName === undefined ? (firstDns ?? 'leaf.example.test') : options.commonName;
    if (!isCa && cn !== null) defaultSans = [cn];
    subjectAttributes = [];
    for (const t of ['C', 'ST', 'L', 'O', 'OU'] as const) {
      if (extras[t] !== undefined) subjectAttributes.push({ type: t, value: extras[t] });
    }
    if (cn !== null) subjectAttributes.push({ type: 'CN', value: cn });
    for (const t of ['UID', 'emailAddress', 'serialNumber'] as const) {
      if (extras[t] !== undefined) subjectAttributes.push({ type: t, value: extras[t] });
    }
  }
  const subjectDer = encodeName(subjectAttributes);
  const sans = options.sans ?? (apple ? [] : defaultSans);

  // validity and serial
  const notBefore = options.notBefore ?? new Date(Math.floor((Date.now() - 3_600_000) / 1000) * 1000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 90 * DAY_MS);
  const serial = serialContent(options.serialNumber);

  // extensions
  const skid = subjectKeyIdOf(key);
  const signing: Signer = signer === 'self' ? { key, subjectDer, subjectKeyId: skid } : signer;
  const exts: Buffer[] = [];
  exts.push(extension(OID.basicConstraints, true, isCa ? der.sequence(der.boolean(true)) : der.sequence()));
  const keyUsage =
    options.keyUsage ??
    (isCa
      ? (['digitalSignature', 'keyCertSign', 'cRLSign'] as KeyUsageName[])
      : keyType === 'rsa-2048'
        ? (['digitalSignature', 'keyEncipherment'] as KeyUsageName[])
        : (['digitalSignature'] as KeyUsageName[]));
  if (keyUsage.length > 0) exts.push(extension(OID.keyUsage, true, keyUsageValue(keyUsage)));
  const eku =
    options.extendedKeyUsage ??
    (isCa ? [] : options.apns ? ['clientAuth'] : options.passType ? ['clientAuth', OID.applePassbookEku] : ['serverAuth']);
  if (eku.length > 0) {
    exts.push(extension(OID.extKeyUsage, false, der.sequence(...eku.map((e) => der.oid(EKU[e] ?? e)))));
  }
  if (!options.omitKeyIdentifiers) {
    exts.push(extension(OID.subjectKeyIdentifier, false, der.octetString(skid)));
    if (signing.subjectKeyId !== null) {
      exts.push(extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicit(0, signing.subjectKeyId))));
    }
  }
  if (sans.length > 0) exts.push(extension(OID.subjectAltName, false, der.sequence(...sans.map(generalName))));
  if (options.apns) {
    const envs = options.apns.environments ?? ['production'];
    if (envs.includes('development')) exts.push(extension(OID.apnsDevelopment, false, der.null()));
    if (envs.includes('production')) exts.push(extension(OID.apnsProduction, false, der.null()));
    if (options.apns.topics !== undefined) exts.push(extension(OID.apnsTopics, false, apnsTopicsValue(options.apns.topics)));
  }
  if (options.passType) {
    const p = options.passType === true ? {} : options.passType;
    exts.push(extension(OID.passTypeId, false, der.utf8String(p.passTypeIdentifier ?? 'pass.com.example.app')));
  }
  for (const e of options.extensions ?? []) exts.push(extension(e.oid, e.critical ?? false, e.value));

  const { algId, digest } = signatureAlgorithm(signing.key);
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    der.integerRaw(serial.content),
    algId,
    signing.subjectDer,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    subjectDer,
    spki,
    der.explicit(3, der.sequence(...exts)),
  );
  const signature = sign(digest, tbs, signing.key);
  const certDer = der.sequence(tbs, algId, der.bitString(signature));
  const certPem = toPem(certDer);

  const keyDer = pkcs8Der(key);
  return {
    certDer,
    certPem,
    keyDer,
    keyPem: toPem(keyDer, 'PRIVATE KEY'),
    privateKey: key,
    chainDers,
    chainPem: chainDers.map((d) => toPem(d)).join(''),
    fullchainPem: certPem + (chainDers.length > 1 ? toPem(chainDers[0]) : ''),
    ca,
    keyType,
    serialNumber: serial.shown,
    notBefore,
    notAfter,
    subjectDer,
    subjectKeyId: skid,
  };
}

let caCounter = 0;

export interface TestCaOptions {
  /** Key type of the root and intermediate. Default 'ec-p256'. */
  keyType?: TestKeyType;
  /** Name prefix; a counter is appended so every CA's names are unique. */
  name?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/** A new root and intermediate CA, each with a fresh key and a unique name. */
export function createTestCa(options: TestCaOptions = {}): TestCa {
  const keyType = options.keyType ?? 'ec-p256';
  const n = ++caCounter;
  const prefix = options.name ?? 'certkeeper Test';
  const notBefore = options.notBefore ?? new Date(Date.UTC(2020, 0, 1));
  const notAfter = options.notAfter ?? new Date(Date.UTC(2045, 0, 1));
  const org = { O: 'certkeeper tests', C: 'US' };
  const ca = {} as TestCa;
  const root = mint(
    {
      key: distinctKey(keyType),
      isCa: true,
      commonName: `${prefix} Root CA ${n}`,
      subject: org,
      notBefore,
      notAfter,
      sans: [],
    },
    'self',
    ca,
    [],
  );
  const intermediate = mint(
    {
      key: distinctKey(keyType),
      isCa: true,
      commonName: `${prefix} Intermediate CA ${n}`,
      subject: org,
      notBefore,
      notAfter,
      sans: [],
    },
    { key: root.privateKey, subjectDer: root.subjectDer, subjectKeyId: root.subjectKeyId },
    ca,
    [root.certDer],
  );
  Object.assign(ca, {
    keyType,
    root,
    intermediate,
    chainPem: intermediate.certPem + root.certPem,
    issue: (o: Omit<CertificateOptions, 'ca'> = {}) => aCertificate({ ...o, ca }),
  });
  return ca;
}

const defaultCas = new Map<TestKeyType, TestCa>();

/** One CA per key type, created on first use and shared within the process. */
export function defaultTestCa(keyType: TestKeyType = 'ec-p256'): TestCa {
  let ca = defaultCas.get(keyType);
  if (ca === undefined) {
    ca = createTestCa({ keyType });
    defaultCas.set(keyType, ca);
  }
  return ca;
}

/** A certificate signed by a test CA (default: `defaultTestCa()`'s intermediate). */
export function aCertificate(options: CertificateOptions = {}): TestCertificate {
  const ca = options.ca ?? defaultTestCa();
  const issuer = options.issuer ?? 'intermediate';
  if (issuer === 'self') return mint(options, 'self', ca, []);
  const by = issuer === 'root' ? ca.root : ca.intermediate;
  const chain = issuer === 'root' ? [ca.root.certDer] : [ca.intermediate.certDer, ca.root.certDer];
  return mint(options, { key: by.privateKey, subjectDer: by.subjectDer, subjectKeyId: by.subjectKeyId }, ca, chain);
}

// ---------------------------------------------------------------------------------------------
// PKCS#12

export interface ToPkcs12Options {
  password: string;
  /**
   * Legacy encryption as macOS Keychain and old Windows export: RC2-40 certificates, 3DES
   * key, SHA-1 MAC (`openssl pkcs12 -export -legacy`). Default: OpenSSL 3's AES-256-CBC /
   * PBKDF2 with a SHA-256 MAC.
   */
  legacy?: boolean;
  /** Add the chain certificates. Default true. */
  includeChain?: boolean;
  /** Add the private key. Default true. */
  includeKey?: boolean;
  /** Add the certificates (false → a key-only file). Default true. */
  includeCertificates?: boolean;
  /** Add the integrity MAC. Default true. */
  mac?: boolean;
  friendlyName?: string;
  /** Iterations of the key derivations and the MAC. */
  iterations?: number;
}

/** A PKCS#12 file of the certificate (and key, chain) made by the `openssl` CLI. */
export function toPkcs12(cert: TestCertificate, options: ToPkcs12Options): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'certkeeper-p12-'));
  try {
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    const chainFile = join(dir, 'chain.pem');
    const out = join(dir, 'out.p12');
    writeFileSync(certFile, cert.certPem);
    writeFileSync(keyFile, cert.keyPem);
    const args = ['pkcs12', '-export', '-out', out, '-passout', `pass:${options.password}`];
    if (options.includeCertificates === false) args.push('-nocerts');
    else args.push('-in', certFile);
    if (options.includeKey === false) args.push('-nokeys');
    else args.push('-inkey', keyFile);
    if (options.includeChain !== false && options.includeCertificates !== false && cert.chainPem !== '') {
      writeFileSync(chainFile, cert.chainPem);
      args.push('-certfile', chainFile);
    }
    if (options.legacy) args.push('-legacy');
    if (options.mac === false) args.push('-nomac');
    if (options.friendlyName !== undefined) args.push('-name', options.friendlyName);
    if (options.iterations !== undefined) args.push('-iter', String(options.iterations));
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the `openssl` CLI with `input` on stdin and returns stdout (for cross-checks in tests). */
export function openssl(args: string[], input?: Buffer | string): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}
