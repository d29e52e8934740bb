/**
 * Pure logic of importing files in the browser: what a file holds (PEM, DER or PKCS#12), the
 * API item it becomes, certificates paired with key files of the same name, batches cut to
 * the API's limits, and the progress in words.
 */

export type ImportItem = {
  certificateBody?: string;
  certificatePrivateKey?: string;
  pkcs12?: string;
  password?: string;
};

/** One chosen file as the import sees it. */
export type ReadFile =
  | { name: string; kind: 'certificate'; body: string; key?: string; size: number }
  | { name: string; kind: 'pkcs12'; pkcs12: string; size: number }
  | { name: string; kind: 'key'; key: string; size: number }
  | { name: string; kind: 'unreadable'; reason: string; size: number };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * DER: a PKCS#12 file is SEQUENCE { INTEGER 3, … }, a certificate SEQUENCE { SEQUENCE … }: the
 * first element after the outer header tells them apart.
 */
export function derKind(bytes: Uint8Array): 'pkcs12' | 'certificate' | undefined {
  if (bytes.length < 4 || bytes[0] !== 0x30) return undefined;
  const len = bytes[1];
  const header = len < 0x80 ? 2 : 2 + (len & 0x7f);
  const next = bytes[header];
  if (next === 0x02) return 'pkcs12';
  if (next === 0x30) return 'certificate';
  return undefined;
}

/** Reads a file's bytes: PEM text (certificates, maybe with a key), a DER certificate, or a PKCS#12 file. */
export function readFileBytes(name: string, bytes: Uint8Array): ReadFile {
  const size = bytes.length;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (head.includes('-----BEGIN ')) {
    const certs: string[] = [];
    const keys: string[] = [];
    for (const m of head.matchAll(PEM_BLOCK)) {
      if (m[1] === 'CERTIFICATE' || m[1] === 'TRUSTED CERTIFICATE' || m[1] === 'X509 CERTIFICATE') certs.push(m[0]);
      else if (m[1].endsWith('PRIVATE KEY')) keys.push(m[0]);
    }
    if (certs.length > 0) return { name, kind: 'certificate', body: certs.join('\n') + '\n', key: keys[0] ? keys[0] + '\n' : undefined, size };
    if (keys.length > 0) return { name, kind: 'key', key: keys[0] + '\n', size };
    return { name, kind: 'unreadable', reason: 'The file holds no PEM certificate or private key.', size };
  }
  const der = derKind(bytes);
  if (der === 'pkcs12' || /\.(p12|pfx)$/i.test(name)) return { name, kind: 'pkcs12', pkcs12: base64Of(bytes), size };
  if (der === 'certificate') return { name, kind: 'certificate', body: base64Of(bytes), size };
  return { name, kind: 'unreadable', reason: 'This is neither a PEM, DER nor PKCS#12 file.', size };
}

/** `site.example.com.key.pem` → `site.example.com`: the name a certificate and its key file share. */
export function stemOf(name: string): string {
  return name.replace(/(\.(pem|crt|cer|der|key|cert|txt))+$/i, '').replace(/[._-](key|cert|crt|certificate|privkey|fullchain|chain)$/i, '');
}

export interface PlannedFile {
  /** The file names this item is made of (a certificate and its key file). */
  names: string[];
  item: ImportItem | undefined;
  /** Why nothing is sent for it. */
  refused: string | undefined;
  size: number;
}

/**
 * One import item per certificate or PKCS#12 file; a key-only file joins the certificate of
 * the same stem (a key left alone is refused here, in words, and never sent).
 */
export function planImport(files: readonly ReadFile[], password: string): PlannedFile[] {
  const out: PlannedFile[] = [];
  const byStem = new Map<string, PlannedFile & { hasKey: boolean }>();
  const keys: ReadFile[] = [];
  for (const f of files) {
    if (f.kind === 'certificate') {
      const p = { names: [f.name], item: { certificateBody: f.body, ...(f.key ? { certificatePrivateKey: f.key } : {}) }, refused: undefined, size: f.size, hasKey: f.key !== undefined };
      out.push(p);
      if (!byStem.has(stemOf(f.name))) byStem.set(stemOf(f.name), p);
    } else if (f.kind === 'pkcs12') out.push({ names: [f.name], item: { pkcs12: f.pkcs12, password }, refused: undefined, size: f.size });
    else if (f.kind === 'key') keys.push(f);
    else out.push({ names: [f.name], item: undefined, refused: f.reason, size: f.size });
  }
  for (const k of keys) {
    const owner = byStem.get(stemOf(k.name));
    if (owner && !owner.hasKey && owner.item && k.kind === 'key') {
      owner.item.certificatePrivateKey = k.key;
      owner.hasKey = true;
      owner.names.push(k.name);
      owner.size += k.size;
    } else out.push({ names: [k.name], item: undefined, refused: 'A private key without a certificate file of the same name.', size: k.size });
  }
  return out.map(({ names, item, refused, size }) => ({ names, item, refused, size }));
}

/**
 * Cuts the items into requests of at most `maxItems` and about `maxBytes` (base64 and JSON
 * grow a file: a file over the limit goes alone, and the server answers for it).
 */
export function chunk<T>(items: readonly T[], sizeOf: (item: T) => number, maxItems = 20, maxBytes = 512 * 1024): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export interface Progress {
  total: number;
  /** Files answered so far (imported, already there, or failed). */
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  cancelled: boolean;
}

/** "12 of 40 imported, 1 failed" (files already in the inventory count as imported, and are said). */
export function progressText(p: Progress): string {
  const parts = [`${p.imported + p.duplicates} of ${p.total} imported`];
  if (p.duplicates > 0) parts.push(`${p.duplicates} already in the inventory`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  let text = parts.join(', ');
  if (p.cancelled) text += `; cancelled, ${p.total - p.done} not sent`;
  return text;
}
