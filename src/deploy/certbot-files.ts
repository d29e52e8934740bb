import type { FileToWrite } from './confined-directory.js';

/** The files of one deployment, in certbot's layout. */
export const localFiles = { cert: 'cert.pem', chain: 'chain.pem', fullchain: 'fullchain.pem', privkey: 'privkey.pem', pkcs12: 'cert.p12' } as const;

/**
 * cert.pem, chain.pem, fullchain.pem (0644) and privkey.pem (0600) of one version, as the
 * `local` target and `certkeeper agent` both write them. The buffers hold the key: callers zero
 * them once written.
 */
export function certbotFiles(pem: { certificate: string; chain: string; privateKey: string }): FileToWrite[] {
  return [
    { name: localFiles.cert, data: Buffer.from(pem.certificate), mode: 0o644 },
    { name: localFiles.chain, data: Buffer.from(pem.chain), mode: 0o644 },
    { name: localFiles.fullchain, data: Buffer.from(pem.certificate + pem.chain), mode: 0o644 },
    { name: localFiles.privkey, data: Buffer.from(pem.privateKey), mode: 0o600 },
  ];
}
