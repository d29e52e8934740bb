import { buildPkcs12 } from '../pki/build-pkcs12.js';
import { toPem } from '../pki/pem.js';
import type { DeployItem } from '../ports/deployer.js';

/** The files of one deployment, in certbot's layout (every target type writes the same). */
export const certbotFileNames = { cert: 'cert.pem', chain: 'chain.pem', fullchain: 'fullchain.pem', privkey: 'privkey.pem', pkcs12: 'cert.p12' } as const;

/** One file of a deployment: its name in the deployment's folder, its bytes and its mode. */
export interface CertbotFile {
  name: string;
  data: Buffer;
  mode: number;
}

/**
 * The files of one item: `cert.pem`, `chain.pem` (the leaf's issuer first), `fullchain.pem` and
 * `privkey.pem` (PKCS#8, mode 0600), and `cert.p12` (mode 0600) when `pkcs12Password` is given.
 * They hold the private key: the caller zeroes `data` once written.
 */
export function certbotFiles(item: DeployItem, pkcs12Password: string | undefined): CertbotFile[] {
  const files = certbotPemFiles({
    certificate: toPem(item.certificateDer, 'CERTIFICATE'),
    chain: item.chainDers.map((d) => toPem(d, 'CERTIFICATE')).join(''),
    privateKey: toPem(item.pkcs8Der, 'PRIVATE KEY'),
  });
  if (pkcs12Password !== undefined) {
    const pkcs12 = buildPkcs12({ certificateDer: item.certificateDer, chainDers: item.chainDers, pkcs8Der: item.pkcs8Der, password: pkcs12Password, friendlyName: item.domainName });
    files.push({ name: certbotFileNames.pkcs12, data: pkcs12, mode: 0o600 });
  }
  return files;
}

/**
 * The same files from PEM text, as `certkeeper agent` receives a version (its key as PKCS#8 PEM):
 * cert.pem, chain.pem, fullchain.pem (0644) and privkey.pem (0600). The caller zeroes `data`
 * once written.
 */
export function certbotPemFiles(pem: { certificate: string; chain: string; privateKey: string }): CertbotFile[] {
  return [
    { name: certbotFileNames.cert, data: Buffer.from(pem.certificate), mode: 0o644 },
    { name: certbotFileNames.chain, data: Buffer.from(pem.chain), mode: 0o644 },
    { name: certbotFileNames.fullchain, data: Buffer.from(pem.certificate + pem.chain), mode: 0o644 },
    { name: certbotFileNames.privkey, data: Buffer.from(pem.privateKey), mode: 0o600 },
  ];
}
