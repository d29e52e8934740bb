/** The fields of the API's certificate view that the CLI shows (src/api/certificate-view.ts). */
export interface CertificateJson {
  id: number;
  projectId: string;
  organizationId: string;
  scopeId: number;
  scope: string;
  sslCertificateId: string;
  domainName: string;
  domainNameUnicode?: string;
  additionalNames: string;
  publicKeyInfo: string;
  signatureAlgorithm: string;
  issuer: string;
  subject: string;
  certificateType: string;
  certificateStatus: string;
  serialNumber: string;
  /** null until a managed certificate is first issued. */
  notBefore: string | null;
  notAfter: string | null;
  lastModified: string;
  createdAt: string;
  uid: string;
  kind: string;
  source: string;
  status: string;
  sans: string[];
  sansUnicode?: string[];
  fingerprintSha1: string;
  fingerprintSha256: string;
  daysLeft: number | null;
  hasPrivateKey: boolean;
  keyUsage: string[];
  extendedKeyUsage: string[];
  apple: Record<string, unknown> | null;
}

/** A plain text table: columns padded to their widest cell, two spaces apart. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
