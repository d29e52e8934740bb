import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isCertificateLabel, isEncryptedKeyBlock, isPrivateKeyLabel, normalizeCertificateBlock, pemBlocks, sniffDer } from './pem-blocks.js';

/** The body of `POST …/certificates/import`, without scopeId. */
export type ImportRequestBody =
  | { certificateBody: string; certificatePrivateKey?: string; certificateChain?: string }
  | { pkcs12: string; password: string };

/** One thing the import command does with files: send one import, skip them, or fail them locally. */
export type ImportItem =
  | { kind: 'send'; path: string; keyPath?: string; chainPaths: string[]; files: string[]; body: ImportRequestBody }
  | { kind: 'skip'; path: string; files: string[]; reason: string }
  | { kind: 'fail'; path: string; files: string[]; code: string; message: string };

/** The files of one directory (or the files named on the command line in one directory). */
export interface DirectoryBatch {
  dir: string;
  paths: string[];
}

export interface ImportSourceOptions {
  /** Password of PKCS#12 files (default '') and, when given, of encrypted PEM private keys. */
  password?: string;
}

/** Files larger than this are not read (the server takes at most 512 KiB of PEM anyway). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const CLAIMED_EXTENSIONS = /\.(pem|crt|cer|cert|der|key)$/i;
const PKCS12_EXTENSIONS = /\.(p12|pfx)$/i;
const STRIPPED_EXTENSIONS = /\.(pem|crt|cer|cert|der|key|txt|ca-bundle)$/i;
const ROLE_SUFFIX = /^(.+?)[-_.](key|privkey|private[-_]?key|private|chain|ca|ca[-_]?bundle|bundle|intermediate|cert|crt|certificate|fullchain)$/i;
/** Names of certbot (`live/NAME/{cert,chain,fullchain,privkey}.pem`, `archive/NAME/cert1.pem`…) and similar CA layouts. */
const LAYOUT_NAME = /^(fullchain|cert|certificate|chain|ca|ca[-_]?bundle|intermediate|privkey|key|private|private[-_]?key|privatekey)(\d*)$/i;
const CHAIN_WORD = /^(chain|ca|ca[-_]?bundle|bundle|intermediate)$/i;

type Content =
  | { type: 'pkcs12'; bytes: Buffer }
  | { type: 'certs'; certs: string[] }
  | { type: 'key'; key: string; encrypted: boolean; der: boolean }
  | { type: 'bundle'; certs: string[]; key: string; encrypted: boolean }
  | { type: 'none'; reason: string };

interface FileInfo {
  path: string;
  name: string;
  content: Content;
}

/**
 * Expands files and directories (recursively, following symbolic links once) into per-directory
 * batches. Paths that do not exist come back as failures.
 */
export async function findImportFiles(inputs: string[]): Promise<{ batches: DirectoryBatch[]; fileCount: number; problems: ImportItem[] }> {
  const byDir = new Map<string, DirectoryBatch>();
  const problems: ImportItem[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  let fileCount = 0;

  const addFile = (p: string) => {
    const abs = path.resolve(p);
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    const dir = path.dirname(p);
    let batch = byDir.get(dir);
    if (!batch) byDir.set(dir, (batch = { dir, paths: [] }));
    batch.paths.push(p);
    fileCount++;
  };

  const walkDir = async (dir: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(dir);
      if (seenDirs.has(real)) return; // a symbolic link loop, or the same tree given twice
      seenDirs.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ kind: 'fail', path: dir, files: [dir], code: 'file_unreadable', message: (err as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isFile()) addFile(p);
      else if (e.isDirectory()) subdirs.push(p);
      else if (e.isSymbolicLink()) {
        const st = await stat(p).catch(() => undefined);
        if (st?.isFile()) addFile(p);
        else if (st?.isDirectory()) subdirs.push(p);
      }
    }
    for (const d of subdirs) await walkDir(d);
  };

  for (const input of inputs) {
    const st = await stat(input).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      const code = st.code === 'ENOENT' ? 'file_not_found' : 'file_unreadable';
      problems.push({ kind: 'fail', path: input, files: [input], code, message: st.code === 'ENOENT' ? 'no such file or directory' : st.message });
      continue;
    }
    if (st.isDirectory()) await walkDir(input);
    else addFile(input);
  }
  return { batches: [...byDir.values()], fileCount: fileCount + problems.length, problems };
}

/** Reads, classifies and pairs the files of each batch, yielding what to import. */
export async function* importItems(batches: DirectoryBatch[], options: ImportSourceOptions = {}): AsyncGenerator<ImportItem> {
  for (const batch of batches) {
    // Pairing only ever joins files that share a stem or a certbot-style group number, both read
    // from the names: pair each such group of names on its own, so that the first requests leave
    // after a few files are read instead of after the whole (possibly huge) directory.
    let read = 0;
    for (const group of nameGroups(batch.paths)) {
      const infos: FileInfo[] = [];
      const failed: ImportItem[] = [];
      for (const p of group) {
        const r = readClassified(p);
        if ('item' in r) failed.push(r.item);
        else infos.push(r);
        // Let responses in between: a huge directory must not stall the requests in flight.
        if (++read % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      yield* failed;
      yield* pairFiles(infos, options);
    }
  }
}

/**
 * Splits the paths of one directory into the smallest groups that `pairFiles` never pairs
 * across: files are joined when they share a stem, or a certbot-style layout group (`cert3.pem`
 * + `privkey3.pem`). Groups come in the order of their first file, files in their given order.
 */
export function nameGroups(paths: string[]): string[][] {
  const parent: number[] = new Array(paths.length);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const owner = new Map<string, number>();
  const join = (key: string, i: number) => {
    const o = owner.get(key);
    if (o === undefined) {
      owner.set(key, i);
      return;
    }
    const a = find(o);
    const b = find(i);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  for (let i = 0; i < paths.length; i++) {
    parent[i] = i;
    const parts = nameParts(path.basename(paths[i]));
    join(`s:${parts.stem}`, i);
    if (parts.layout) join(`l:${parts.layout.group}`, i);
  }
  const groups = new Map<number, string[]>();
  for (let i = 0; i < paths.length; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(paths[i]);
    else groups.set(root, [paths[i]]);
  }
  return [...groups.values()];
}

/**
 * Reads one file synchronously: for small files one blocking read is several times cheaper than
 * the four thread-pool round trips of fs/promises, and the batch it belongs to is small.
 */
function readClassified(p: string): FileInfo | { item: ImportItem } {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(p, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      return { path: p, name: path.basename(p), content: { type: 'none', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` } };
    }
    bytes = readFileSync(fd);
  } catch (err) {
    return { item: { kind: 'fail', path: p, files: [p], code: 'file_unreadable', message: (err as Error).message } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { path: p, name: path.basename(p), content: classify(p, bytes) };
}

/** What a file holds, from its content (PEM anywhere; DER and PKCS#12 by extension). */
export function classify(p: string, bytes: Buffer): Content {
  if (PKCS12_EXTENSIONS.test(p)) return { type: 'pkcs12', bytes };
  if (bytes.includes('-----BEGIN ')) {
    const blocks = pemBlocks(bytes.toString('latin1'));
    const certs = blocks.filter((b) => isCertificateLabel(b.label)).map(normalizeCertificateBlock);
    const keyBlock = blocks.find((b) => isPrivateKeyLabel(b.label));
    if (certs.length > 0 && keyBlock) return { type: 'bundle', certs, key: keyBlock.text, encrypted: isEncryptedKeyBlock(keyBlock) };
    if (certs.length > 0) return { type: 'certs', certs };
    if (keyBlock) return { type: 'key', key: keyBlock.text, encrypted: isEncryptedKeyBlock(keyBlock), der: false };
    const labels = [...new Set(blocks.map((b) => b.label))];
    return { type: 'none', reason: labels.length ? `holds no certificate or private key (only ${labels.join(', ')})` : 'damaged PEM (no complete BEGIN/END block)' };
  }
  if (CLAIMED_EXTENSIONS.test(p)) {
    const der = sniffDer(bytes);
    if (der === 'certificate') return { type: 'certs', certs: [derToPem(bytes)] };
    if (der === 'key') return { type: 'key', key: bytes.toString('base64'), encrypted: false, der: true };
    return { type: 'none', reason: 'neither PEM nor DER' };
  }
  return { type: 'none', reason: 'not a certificate, key or PKCS#12 file' };
}

function derToPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** The stem a file shares with its partners, and the role its name suggests. */
export function nameParts(name: string): { stem: string; chain: boolean; layout?: { role: 'cert' | 'chain' | 'key'; group: string; word: string } } {
  let s = name;
  let chain = false;
  for (let m = STRIPPED_EXTENSIONS.exec(s); m && m.index > 0; m = STRIPPED_EXTENSIONS.exec(s)) {
    if (m[1].toLowerCase() === 'ca-bundle') chain = true;
    s = s.slice(0, m.index);
  }
  const layout = LAYOUT_NAME.exec(s);
  if (layout) {
    const word = layout[1].toLowerCase();
    const role = /^(privkey|key|private|private[-_]?key|privatekey)$/.test(word) ? 'key' : /^(fullchain|cert|certificate)$/.test(word) ? 'cert' : 'chain';
    return { stem: s, chain: chain || role === 'chain', layout: { role, group: layout[2], word } };
  }
  const suffix = ROLE_SUFFIX.exec(s);
  if (suffix) return { stem: suffix[1], chain: chain || CHAIN_WORD.test(suffix[2]) };
  return { stem: s, chain };
}

/**
 * Pairs certificates with their keys and chains inside one directory: self-contained files
 * (PKCS#12, a PEM with certificate and key) on their own; then certbot-style names
 * (`fullchain.pem`/`cert.pem` + `chain.pem` + `privkey.pem`, optionally numbered); then files
 * sharing a stem (`site.crt` + `site.key`, `site.pem` + `site-key.pem`/`site.key.pem`).
 */
export function* pairFiles(files: FileInfo[], options: ImportSourceOptions): Generator<ImportItem> {
  const pool: FileInfo[] = [];
  for (const f of files) {
    const c = f.content;
    switch (c.type) {
      case 'pkcs12':
        yield { kind: 'send', path: f.path, chainPaths: [], files: [f.path], body: { pkcs12: c.bytes.toString('base64'), password: options.password ?? '' } };
        break;
      case 'bundle': {
        const key = prepareKey(c.key, c.encrypted, options);
        if (typeof key !== 'string') yield { kind: 'fail', path: f.path, files: [f.path], ...key };
        else yield { kind: 'send', path: f.path, chainPaths: [], files: [f.path], body: { certificateBody: c.certs.join(''), certificatePrivateKey: key } };
        break;
      }
      case 'none':
        if (CLAIMED_EXTENSIONS.test(f.name)) yield { kind: 'fail', path: f.path, files: [f.path], code: 'unrecognized_content', message: c.reason };
        else yield { kind: 'skip', path: f.path, files: [f.path], reason: c.reason };
        break;
      default:
        pool.push(f);
    }
  }

  const counted = new Set<string>();
  const filesOf = (all: FileInfo[]) => {
    const out: string[] = [];
    for (const f of all) if (!counted.has(f.path)) (counted.add(f.path), out.push(f.path));
    return out;
  };

  // certbot-like layouts, grouped by their number (archive/NAME/cert3.pem goes with privkey3.pem).
  const layoutGroups = new Map<string, FileInfo[]>();
  for (const f of pool) {
    const parts = nameParts(f.name);
    if (!parts.layout) continue;
    const list = layoutGroups.get(parts.layout.group) ?? [];
    list.push(f);
    layoutGroups.set(parts.layout.group, list);
  }
  const used = new Set<FileInfo>();
  for (const group of layoutGroups.values()) {
    const keys = group.filter((f) => f.content.type === 'key');
    const certFiles = group.filter((f) => f.content.type === 'certs');
    const word = (f: FileInfo) => nameParts(f.name).layout!.word;
    const primary = certFiles.find((f) => word(f) === 'fullchain') ?? certFiles.find((f) => nameParts(f.name).layout!.role === 'cert');
    if (!primary) continue;
    const chains = word(primary) === 'fullchain' ? [] : certFiles.filter((f) => nameParts(f.name).layout!.role === 'chain');
    yield buildItem(primary, chains, keys, options, filesOf(group));
    for (const f of group) used.add(f);
  }

  // Files sharing a stem.
  const stems = new Map<string, FileInfo[]>();
  for (const f of pool) {
    if (used.has(f)) continue;
    const { stem } = nameParts(f.name);
    const list = stems.get(stem) ?? [];
    list.push(f);
    stems.set(stem, list);
  }
  for (const group of stems.values()) {
    const keys = group.filter((f) => f.content.type === 'key');
    const certFiles = group.filter((f) => f.content.type === 'certs');
    let chains = certFiles.filter((f) => nameParts(f.name).chain);
    let certs = certFiles.filter((f) => !nameParts(f.name).chain);
    if (certs.length === 0) [certs, chains] = [chains, []];
    for (const cert of certs) yield buildItem(cert, chains, keys, options, filesOf([cert, ...chains, ...keys]));
    if (certs.length === 0) {
      for (const k of keys) yield { kind: 'skip', path: k.path, files: filesOf([k]), reason: 'a private key without a certificate beside it' };
    }
  }
}

function buildItem(cert: FileInfo, chains: FileInfo[], keys: FileInfo[], options: ImportSourceOptions, files: string[]): ImportItem {
  const certs = (cert.content as { certs: string[] }).certs;
  const keyFile = pickKey(certs[0], keys);
  const chainPem = chains.flatMap((c) => (c.content as { certs: string[] }).certs).join('');
  const body: ImportRequestBody = { certificateBody: certs.join('') };
  if (chainPem) body.certificateChain = chainPem;
  if (keyFile) {
    const c = keyFile.content as Extract<Content, { type: 'key' }>;
    const key = prepareKey(c.key, c.encrypted, options);
    if (typeof key !== 'string') return { kind: 'fail', path: cert.path, files, ...key };
    body.certificatePrivateKey = key;
  }
  return { kind: 'send', path: cert.path, keyPath: keyFile?.path, chainPaths: chains.map((c) => c.path), files, body };
}

/** With several candidate keys, the one whose public key is the certificate's. */
function pickKey(certPem: string, keys: FileInfo[]): FileInfo | undefined {
  if (keys.length <= 1) return keys[0];
  try {
    const cert = new X509Certificate(certPem);
    for (const k of keys) {
      const key = toKeyObject(k.content as Extract<Content, { type: 'key' }>);
      if (key && cert.checkPrivateKey(key)) return k;
    }
  } catch {
    // let the server say what is wrong with the certificate
  }
  return keys[0];
}

function toKeyObject(c: Extract<Content, { type: 'key' }>): KeyObject | undefined {
  if (c.encrypted) return undefined;
  if (!c.der) return tryKey(() => createPrivateKey(c.key));
  const der = Buffer.from(c.key, 'base64');
  return (
    tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })) ??
    tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })) ??
    tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'sec1' }))
  );
}

function tryKey(f: () => KeyObject): KeyObject | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** An encrypted PEM key is decrypted here when --password is given (the API takes clear keys only). */
function prepareKey(key: string, encrypted: boolean, options: ImportSourceOptions): string | { code: string; message: string } {
  if (!encrypted || options.password === undefined) return key;
  try {
    return createPrivateKey({ key, format: 'pem', passphrase: options.password }).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    return { code: 'private_key_encrypted', message: 'the private key is encrypted and --password does not open it' };
  }
}
