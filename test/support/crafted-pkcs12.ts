/**
 * PKCS#12 files no exporter writes, for the iteration limits' tests:
 *
 *   pfxDeclaring({ mac: 800_000, encryptedData: [800_000], shroudedKeys: [800_000] })
 *     iteration counts only, around junk (never readable: nothing must be derived from it);
 *     pfxAround(safeContents, macIterations) and pfxKeyBag(iterations) to build other shapes
 *   pfxWithKeyInEncryptedContents(c, { password, macIterations, contentsIterations, keyIterations })
 *     a readable file whose key bag sits inside its encrypted contents, where no count shows
 *     before decryption
 *   toBer(file)
 *     the same file in BER as some exporters write it: indefinite lengths, the authenticated
 *     safe as a constructed OCTET STRING in two segments
 */
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { der, readChildren, readTlv } from '../../src/pki/der.js';
import { derivePkcs12Key } from '../../src/pki/derive-pkcs12-key.js';
import { oids } from '../../src/pki/oids.js';
import type { TestCertificate } from './test-ca.js';

const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

function pbes2Algorithm(iterations: number, salt = Buffer.alloc(16, 7), iv = Buffer.alloc(16, 9)): Buffer {
  return der.sequence(
    der.oid(oids.pbes2),
    der.sequence(
      der.sequence(der.oid(oids.pbkdf2), der.sequence(der.octetString(salt), der.integer(iterations), der.sequence(der.oid(oids.hmacWithSha256), der.null()))),
      der.sequence(der.oid(oids.aes256Cbc), der.octetString(iv)),
    ),
  );
}

function pbes2Encrypt(plain: Buffer, password: string, iterations: number): { algorithm: Buffer; ciphertext: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256'), iv);
  return { algorithm: pbes2Algorithm(iterations, salt, iv), ciphertext: Buffer.concat([cipher.update(plain), cipher.final()]) };
}

const encryptedDataInfo = (algorithm: Buffer, ciphertext: Buffer): Buffer =>
  der.sequence(der.oid(oids.pkcs7EncryptedData), der.explicit(0, der.sequence(der.integer(0), der.sequence(der.oid(oids.pkcs7Data), algorithm, der.implicit(0, ciphertext)))));
const dataInfo = (content: Buffer): Buffer => der.sequence(der.oid(oids.pkcs7Data), der.explicit(0, der.octetString(content)));
const shroudedKeyBag = (algorithm: Buffer, ciphertext: Buffer): Buffer =>
  der.sequence(der.oid(oids.pkcs12ShroudedKeyBag), der.explicit(0, der.sequence(algorithm, der.octetString(ciphertext))));
const certBag = (cert: Buffer): Buffer =>
  der.sequence(der.oid(oids.pkcs12CertBag), der.explicit(0, der.sequence(der.oid(oids.pkcs9X509Certificate), der.explicit(0, der.octetString(cert)))));

function pfx(authSafe: Buffer, mac: Buffer | null): Buffer {
  return der.sequence(der.integer(3), dataInfo(authSafe), ...(mac ? [mac] : []));
}

export interface DeclaredCounts {
  /** MacData iterations; absent: no MAC. */
  mac?: number;
  /** One encryptedData ContentInfo per count, under PBES2 (one PBKDF2), or the PKCS#12 PBE (key and IV: two). */
  encryptedData?: Array<number | { pkcs12Pbe: number }>;
  /** One data ContentInfo holding a shrouded key bag (PBES2) per count. */
  shroudedKeys?: number[];
}

/** A shrouded key bag under PBES2 with `iterations`, around junk. */
export function pfxKeyBag(iterations: number): Buffer {
  return shroudedKeyBag(pbes2Algorithm(iterations), Buffer.alloc(32, 1));
}

/** A PFX holding one data ContentInfo of these SafeContents (a DER SEQUENCE), with a junk MAC of `macIterations`. */
export function pfxAround(safeContents: Buffer, macIterations: number): Buffer {
  const junk = Buffer.alloc(32, 1);
  return pfx(der.sequence(dataInfo(safeContents)), der.sequence(der.sequence(der.sequence(der.oid(oids.sha256), der.null()), der.octetString(junk)), der.octetString(Buffer.alloc(8, 3)), der.integer(macIterations)));
}

/** A PFX declaring these iteration counts around junk: reading it fails, but only after deriving. */
export function pfxDeclaring(counts: DeclaredCounts): Buffer {
  const junk = Buffer.alloc(32, 1);
  const pbe = (iterations: number) => der.sequence(der.oid(PBE_SHA1_3DES), der.sequence(der.octetString(Buffer.alloc(8, 2)), der.integer(iterations)));
  const authSafe = der.sequence(
    ...(counts.encryptedData ?? []).map((n) => encryptedDataInfo(typeof n === 'number' ? pbes2Algorithm(n) : pbe(n.pkcs12Pbe), junk)),
    ...(counts.shroudedKeys ?? []).map((n) => dataInfo(der.sequence(shroudedKeyBag(pbes2Algorithm(n), junk)))),
  );
  const mac = counts.mac === undefined ? null : der.sequence(der.sequence(der.sequence(der.oid(oids.sha256), der.null()), der.octetString(junk)), der.octetString(Buffer.alloc(8, 3)), der.integer(counts.mac));
  return pfx(authSafe, mac);
}

/** A readable PFX whose certificates and shrouded key bag are both inside one encryptedData, under a SHA-256 MAC. */
export function pfxWithKeyInEncryptedContents(
  c: TestCertificate,
  options: { password: string; macIterations: number; contentsIterations: number; keyIterations: number },
): Buffer {
  const key = pbes2Encrypt(c.keyDer, options.password, options.keyIterations);
  const inner = der.sequence(certBag(c.certDer), ...c.chainDers.map(certBag), shroudedKeyBag(key.algorithm, key.ciphertext));
  const contents = pbes2Encrypt(inner, options.password, options.contentsIterations);
  const authSafe = der.sequence(encryptedDataInfo(contents.algorithm, contents.ciphertext));
  const macSalt = randomBytes(16);
  const macKey = derivePkcs12Key(options.password, macSalt, 3, options.macIterations, 32, 'sha256');
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  return pfx(
    authSafe,
    der.sequence(der.sequence(der.sequence(der.oid(oids.sha256), der.null()), der.octetString(mac)), der.octetString(macSalt), der.integer(options.macIterations)),
  );
}

/** An indefinite-length BER element around `content`. */
const indefinite = (tag: number, ...content: Buffer[]): Buffer => Buffer.concat([Buffer.from([tag, 0x80]), ...content, Buffer.from([0, 0])]);

/** The file (DER, as OpenSSL writes it) re-encoded in BER: same contents, same MAC. */
export function toBer(file: Buffer): Buffer {
  const [version, authSafe, ...rest] = readChildren(file, readTlv(file, 0));
  const [contentType, wrapper] = readChildren(file, authSafe);
  const octets = readChildren(file, wrapper)[0];
  const bytes = file.subarray(octets.valueStart, octets.end);
  const half = Math.floor(bytes.length / 2);
  const segmented = indefinite(0x24, der.octetString(bytes.subarray(0, half)), der.octetString(bytes.subarray(half)));
  const piece = (t: { start: number; end: number }) => file.subarray(t.start, t.end);
  return indefinite(0x30, piece(version), indefinite(0x30, piece(contentType), indefinite(0xa0, segmented)), ...rest.map(piece));
}
