import type { ApiClient } from './api-client.js';
import type { CertificateJson } from './certificate-json.js';
import { writeLine, type CliIo } from './cli-io.js';

/** Shows one certificate: readable `label: value` lines, or the API's JSON. */
export async function showCommand(client: ApiClient, options: { projectId: string; id: number; json: boolean }, io: CliIo): Promise<CertificateJson> {
  const res = await client.get(`/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates/${options.id}`);
  const c = res.result as CertificateJson;
  if (options.json) {
    writeLine(io.stdout, JSON.stringify(c, null, 2));
    return c;
  }
  const unicode = c.domainNameUnicode && c.domainNameUnicode !== c.domainName ? ` (${c.domainNameUnicode})` : '';
  const days = c.daysLeft === null ? 'not issued yet' : c.daysLeft >= 0 ? `${c.daysLeft} days left` : `expired ${-c.daysLeft} days ago`;
  const lines: Array<[string, string]> = [
    ['id', String(c.id)],
    ['domain', c.domainName + unicode],
    ['names', c.sans.join(', ') || '-'],
    ['status', `${c.status} (${c.certificateStatus}), ${days}`],
    ['not before', c.notBefore ?? '-'],
    ['not after', c.notAfter ?? '-'],
    ['kind', c.kind],
    ['source', `${c.source} (${c.certificateType})`],
    ['scope', c.scope],
    ['subject', c.subject],
    ['issuer', c.issuer],
    ['serial', c.serialNumber],
    ['public key', c.publicKeyInfo],
    ['signature', c.signatureAlgorithm],
    ['sha-256', c.fingerprintSha256],
    ['sha-1', c.fingerprintSha1],
    ['private key', c.hasPrivateKey ? 'stored (encrypted)' : 'none'],
    ['key usage', c.keyUsage.join(', ') || '-'],
    ['extended key usage', c.extendedKeyUsage.join(', ') || '-'],
  ];
  if (c.apple) {
    for (const [k, v] of Object.entries(c.apple)) if (v !== undefined && v !== null) lines.push([`apple ${k}`, Array.isArray(v) ? v.join(', ') : String(v)]);
  }
  lines.push(
    ['uid', c.uid],
    ['material', c.sslCertificateId],
    ['project', c.projectId],
    ['organization', c.organizationId],
    ['created', c.createdAt],
    ['last modified', c.lastModified],
  );
  const width = Math.max(...lines.map(([k]) => k.length)) + 1;
  for (const [k, v] of lines) writeLine(io.stdout, `${(k + ':').padEnd(width)} ${v}`);
  return c;
}
