/** One armored block of a PEM file (RFC 7468). */
export interface PemBlock {
  label: string;
  /** The whole block, BEGIN to END line, with a trailing newline. */
  text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #-]+)-----[\s\S]*?-----END \1-----/g;

export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) out.push({ label: m[1], text: m[0].replace(/\r\n/g, '\n') + '\n' });
  return out;
}

export const isCertificateLabel = (label: string): boolean => label === 'CERTIFICATE' || label === 'X509 CERTIFICATE';
/** PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA/EC/DSA PRIVATE KEY. */
export const isPrivateKeyLabel = (label: string): boolean => label.endsWith('PRIVATE KEY');

/** Whether a private key block is password-protected (PKCS#8 encrypted, or legacy OpenSSL Proc-Type). */
export function isEncryptedKeyBlock(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block.text);
}

/** The certificate blocks as standard `CERTIFICATE` blocks. */
export function normalizeCertificateBlock(block: PemBlock): string {
  return block.label === 'CERTIFICATE' ? block.text : block.text.replaceAll('X509 CERTIFICATE', 'CERTIFICATE');
}

/**
 * What a DER (binary ASN.1) file holds, from its first two tags: a certificate is
 * SEQUENCE { SEQUENCE tbsCertificate, … } (RFC 5280 §4.1); a private key (PKCS#8, PKCS#1, SEC1)
 * is SEQUENCE { INTEGER version, … }. Anything else, or a length that does not match, is 'none'.
 */
export function sniffDer(bytes: Buffer): 'certificate' | 'key' | 'none' {
  if (bytes.length < 4 || bytes[0] !== 0x30) return 'none';
  let offset = 1;
  let length = bytes[offset++];
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || offset + n > bytes.length) return 'none';
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[offset++];
  }
  if (offset + length !== bytes.length) return 'none';
  const inner = bytes[offset];
  if (inner === 0x30) return 'certificate';
  if (inner === 0x02) return 'key';
  return 'none';
}
