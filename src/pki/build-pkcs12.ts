import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { der } from './der.js';
import { derivePkcs12Key } from './derive-pkcs12-key.js';
import { oids } from './oids.js';

export interface BuildPkcs12Input {
  /** The leaf certificate (DER). */
  certificateDer: Buffer;
  /** Its issuers (DER), leaf's issuer first. */
  chainDers?: Buffer[];
  /** The leaf's private key (PKCS#8 DER); null for a certificates-only file. */
  pkcs8Der: Buffer | null;
  password: string;
  /** friendlyName of the leaf and key bags (shown by Keychain / Windows as the name). */
  friendlyName?: string;
  /** Iterations of every key derivation; default 2048 as OpenSSL 3. */
  iterations?: number;
}

/**
 * Writes a PKCS#12 file (RFC 7292) as OpenSSL 3 does by default: certificates in an
 * encryptedData SafeContents and the key in a pkcs8ShroudedKeyBag, both under PBES2 (PBKDF2
 * with HMAC-SHA-256, AES-256-CBC, RFC 8018), a SHA-256 integrity MAC keyed by the PKCS#12
 * KDF, 2048 iterations. The leaf and key bags share a localKeyId (SHA-1 of the leaf DER) and
 * the friendlyName. Built here with node:crypto rather than node-forge, whose writer only
 * takes RSA keys and always uses a SHA-1 MAC. Readable by `readPkcs12`, OpenSSL 3
 * (`openssl pkcs12`), macOS 10.15+ and Windows 10+; for older importers convert with
 * `openssl pkcs12 -legacy`.
 */
export function buildPkcs12(input: BuildPkcs12Input): Buffer {
  const { certificateDer, chainDers = [], pkcs8Der, password, friendlyName } = input;
  const iterations = input.iterations ?? 2048;
  const localKeyId = createHash('sha1').update(certificateDer).digest();

  const leafAttributes: Buffer[] = [];
  if (friendlyName !== undefined && friendlyName !== '') {
    leafAttributes.push(der.sequence(der.oid(oids.pkcs9FriendlyName), der.set(der.bmpString(friendlyName))));
  }
  leafAttributes.push(der.sequence(der.oid(oids.pkcs9LocalKeyId), der.set(der.octetString(localKeyId))));

  const certBag = (cert: Buffer, attributes: Buffer[]): Buffer =>
    der.sequence(
      der.oid(oids.pkcs12CertBag),
      der.explicit(0, der.sequence(der.oid(oids.pkcs9X509Certificate), der.explicit(0, der.octetString(cert)))),
      ...(attributes.length > 0 ? [der.set(...attributes)] : []),
    );
  const certContents = der.sequence(
    certBag(certificateDer, leafAttributes),
    ...chainDers.map((c) => certBag(c, [])),
  );

  // certificates: ContentInfo encryptedData (RFC 2315 §13)
  const certEnc = pbes2Encrypt(certContents, password, iterations);
  const certsInfo = der.sequence(
    der.oid(oids.pkcs7EncryptedData),
    der.explicit(
      0,
      der.sequence(
        der.integer(0),
        der.sequence(der.oid(oids.pkcs7Data), certEnc.algorithm, der.implicit(0, certEnc.ciphertext)),
      ),
    ),
  );
  const safes = [certsInfo];

  if (pkcs8Der !== null) {
    const keyEnc = pbes2Encrypt(pkcs8Der, password, iterations);
    const keyBag = der.sequence(
      der.oid(oids.pkcs12ShroudedKeyBag),
      der.explicit(0, der.sequence(keyEnc.algorithm, der.octetString(keyEnc.ciphertext))),
      der.set(...leafAttributes),
    );
    safes.push(der.sequence(der.oid(oids.pkcs7Data), der.explicit(0, der.octetString(der.sequence(keyBag)))));
  }

  const authSafe = der.sequence(...safes);
  const macSalt = randomBytes(16);
  const macKey = derivePkcs12Key(password, macSalt, 3, iterations, 32, 'sha256');
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  return der.sequence(
    der.integer(3),
    der.sequence(der.oid(oids.pkcs7Data), der.explicit(0, der.octetString(authSafe))),
    der.sequence(
      der.sequence(der.sequence(der.oid(oids.sha256), der.null()), der.octetString(mac)),
      der.octetString(macSalt),
      der.integer(iterations),
    ),
  );
}

/** PBES2 (RFC 8018 §6.2) with PBKDF2-HMAC-SHA-256 and AES-256-CBC; the password as UTF-8. */
function pbes2Encrypt(plain: Buffer, password: string, iterations: number): { algorithm: Buffer; ciphertext: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const algorithm = der.sequence(
    der.oid(oids.pbes2),
    der.sequence(
      der.sequence(
        der.oid(oids.pbkdf2),
        der.sequence(der.octetString(salt), der.integer(iterations), der.sequence(der.oid(oids.hmacWithSha256), der.null())),
      ),
      der.sequence(der.oid(oids.aes256Cbc), der.octetString(iv)),
    ),
  );
  return { algorithm, ciphertext };
}
