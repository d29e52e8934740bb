import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';

export interface ExportOptions {
  projectId: string;
  id: number;
  format: 'pem' | 'pkcs12';
  password?: string;
  /** A directory for pem, a file (or directory) for pkcs12, or '-' for stdout. */
  out?: string;
}

interface ExportResult {
  format: string;
  certificate?: string;
  chain?: string;
  fullChain?: string;
  privateKey?: string;
  pkcs12?: string;
}

/**
 * Exports a certificate with its private key. pem writes cert.pem, chain.pem, fullchain.pem and
 * privkey.pem (certbot's names) into a directory; pkcs12 writes one .p12 file. Every file is
 * written with mode 0600 through a temporary file and a rename, so a reader never sees half a
 * key. The private key goes to stdout only with `--out -`. Returns the paths written.
 */
export async function exportCommand(client: ApiClient, options: ExportOptions, io: CliIo): Promise<string[]> {
  const body: { format: string; password?: string } = { format: options.format };
  if (options.password !== undefined) body.password = options.password;
  const res = await client.post(`/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates/${options.id}/export`, body);
  const r = res.result as ExportResult;

  if (options.format === 'pkcs12') {
    if (!r.pkcs12) throw new CliError('bad_response', 'the server sent no PKCS#12 file');
    const bytes = Buffer.from(r.pkcs12, 'base64');
    if (options.out === '-') {
      io.stdout.write(bytes);
      return [];
    }
    let file = options.out ?? `${options.id}.p12`;
    const isDir = options.out !== undefined && (/[\\/]$/.test(options.out) || (await stat(options.out).then((s) => s.isDirectory(), () => false)));
    if (isDir) file = path.join(options.out!, `${options.id}.p12`);
    await mkdir(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    await writeSecret(file, bytes);
    writeLine(io.stdout, `wrote ${file}`);
    return [file];
  }

  if (r.certificate === undefined || r.privateKey === undefined) throw new CliError('bad_response', 'the server sent no certificate or key');
  const chain = r.chain ?? '';
  const fullChain = r.fullChain ?? r.certificate + chain;
  if (options.out === '-') {
    io.stdout.write(fullChain + r.privateKey);
    return [];
  }
  const dir = options.out ?? String(options.id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const files: Array<[string, string]> = [
    ['cert.pem', r.certificate],
    ['chain.pem', chain],
    ['fullchain.pem', fullChain],
    ['privkey.pem', r.privateKey],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    await writeSecret(file, Buffer.from(content));
    written.push(file);
  }
  writeLine(io.stdout, `wrote ${files.map(([n]) => n).join(', ')} to ${dir}`);
  return written;
}

/** Writes a file with mode 0600, atomically (temporary file in the same directory, then rename). */
async function writeSecret(file: string, data: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new CliError('write_failed', `cannot write ${file}: ${(err as Error).message}`);
  }
}
