import { hash } from 'node:crypto';

/** Digests the PKCS#12 key derivation is used with, and their block sizes in bytes. */
const blockSizes: Record<string, number> = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };
const digestSizes: Record<string, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** Purpose of derived bytes (RFC 7292 Appendix B.3). */
export type Pkcs12KeyPurpose = 1 | 2 | 3;

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2) with native hashing: `id` 1 for
 * a cipher key, 2 for an IV, 3 for a MAC key. The password is taken as a BMPString with a
 * two-byte terminator (B.1); `null` means no password at all (zero bytes), which some
 * encoders use for an empty password.
 */
export function derivePkcs12Key(
  password: string | null,
  salt: Buffer,
  id: Pkcs12KeyPurpose,
  iterations: number,
  length: number,
  digest: string,
): Buffer {
  const v = blockSizes[digest];
  const u = digestSizes[digest];
  if (v === undefined || u === undefined) throw new Error(`unsupported PKCS#12 KDF digest ${digest}`);
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new Error('PKCS#12 KDF iteration count must be >= 1');
  const pass =
    password === null ? Buffer.alloc(0) : Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
  const repeat = (src: Buffer): Buffer => {
    if (src.length === 0) return src;
    const out = Buffer.alloc(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length];
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeat(salt), repeat(pass)]);
  const blocks = Math.ceil(length / u);
  const out: Buffer[] = [];
  for (let i = 0; i < blocks; i++) {
    let A = hash(digest, Buffer.concat([D, I]), 'buffer');
    for (let r = 1; r < iterations; r++) A = hash(digest, A, 'buffer');
    out.push(A);
    if (i === blocks - 1) break;
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes
    const B = Buffer.alloc(v);
    for (let k = 0; k < v; k++) B[k] = A[k % u];
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const s = I[j + k] + B[k] + carry;
        I[j + k] = s & 0xff;
        carry = s >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}
