import type { ApiClient } from './api-client.js';
import { ApiError, CliError, ConnectionError } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';
import { findImportFiles, importItems, type ImportItem } from './import-sources.js';

export interface ImportOptions {
  projectId: string;
  inputs: string[];
  scopeId: 0 | 1;
  password?: string;
  concurrency: number;
  /** Certificates per request to the bulk endpoint (1 = one /import request per certificate). */
  batchSize?: number;
  json: boolean;
}

export interface ImportFailure {
  path: string;
  files: string[];
  code: string;
  message: string;
}

export interface ImportSummary {
  imported: number;
  duplicate: number;
  failed: number;
  skipped: number;
  files: number;
  elapsedMs: number;
  failures: ImportFailure[];
  skippedFiles: Array<{ path: string; reason: string }>;
  certificates: Array<{ path: string; id: number; duplicate: boolean }>;
}

/** Certificates per bulk request: large enough to amortise a request and a transaction, small enough to keep a progress bar moving. */
export const DEFAULT_BATCH_SIZE = 250;
/**
 * A bulk request stops growing past this many bytes of items, well under the server's default
 * body limit (1 MB), so large PKCS#12 files or long chains do not push a batch over it.
 */
export const MAX_BATCH_BYTES = 512 * 1024;

/** Codes that would fail every file the same way: stop at the first one instead of listing them all. */
const FATAL_CODES = new Set(['unauthorized', 'forbidden', 'project_not_found', 'organization_not_found', 'route_not_found', 'bad_response']);

/**
 * Imports files and directories: pairs certificates with keys (see import-sources.ts), sends
 * `concurrency` imports at a time over kept-alive connections, and reports what happened.
 */
export async function importCommand(client: ApiClient, options: ImportOptions, io: CliIo): Promise<ImportSummary> {
  const started = performance.now();
  const found = await findImportFiles(options.inputs);
  const summary: ImportSummary = {
    imported: 0,
    duplicate: 0,
    failed: 0,
    skipped: 0,
    files: found.fileCount,
    elapsedMs: 0,
    failures: [],
    skippedFiles: [],
    certificates: [],
  };
  // cli-progress is loaded only for a terminal (~20 ms of start-up otherwise spent for nothing).
  const cliProgress = io.isTTY && !options.json ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        { stream: io.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true, fps: 10, noTTYOutput: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(found.fileCount, 0);

  const batchPath = `/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates/import-batch?brief=true`;
  const batchSize = Math.max(1, Math.min(500, options.batchSize ?? DEFAULT_BATCH_SIZE));
  let fatal: CliError | undefined;

  const record = (item: ImportItem, outcome: { id: number; duplicate: boolean } | { code: string; message: string } | { skip: string }) => {
    if ('skip' in outcome) {
      summary.skipped += item.files.length || 1;
      summary.skippedFiles.push({ path: item.path, reason: outcome.skip });
    } else if ('code' in outcome) {
      summary.failed++;
      summary.failures.push({ path: item.path, files: item.files, code: outcome.code, message: outcome.message });
    } else {
      if (outcome.duplicate) summary.duplicate++;
      else summary.imported++;
      summary.certificates.push({ path: item.path, id: outcome.id, duplicate: outcome.duplicate });
    }
    bar?.increment(item.files.length);
  };

  const failure = (item: ImportItem, err: ApiError) => {
    const hint = err.code === 'private_key_encrypted' && options.password === undefined ? ' (give --password to decrypt it)' : '';
    record(item, { code: err.code, message: err.message + hint });
  };

  /** Sends a batch through the bulk endpoint: one request, one transaction, an outcome per item. */
  const handleBatch = async (batch: ImportItem[]): Promise<void> => {
    const toSend: Array<ImportItem & { kind: 'send' }> = [];
    for (const item of batch) {
      if (item.kind === 'skip') record(item, { skip: item.reason });
      else if (item.kind === 'fail') record(item, { code: item.code, message: item.message });
      else toSend.push(item);
    }
    if (toSend.length === 0) return;
    await sendBatch(toSend);
  };

  const sendBatch = async (toSend: Array<ImportItem & { kind: 'send' }>): Promise<void> => {
    try {
      const res = await client.post(batchPath, { items: toSend.map((item) => ({ ...item.body, scopeId: options.scopeId })) });
      const outcomes = res.result as Array<{ index: number; success: boolean; duplicate: boolean; code: string | null; errors: string[]; id: number | null }>;
      for (const o of outcomes) {
        const item = toSend[o.index];
        if (o.success && o.id !== null) record(item, { id: o.id, duplicate: o.duplicate });
        else failure(item, new ApiError(o.code ?? 'unknown_error', o.errors.join('; ') || 'import failed', 200));
      }
    } catch (err) {
      if (err instanceof ConnectionError) throw err;
      if (err instanceof ApiError) {
        // Over a body limit (a reverse proxy's: nginx refuses over 1 MB by default): halve and
        // retry; a single item still too large fails alone, with the server's or our code.
        if (err.status === 413) {
          if (toSend.length > 1) {
            const half = Math.ceil(toSend.length / 2);
            await sendBatch(toSend.slice(0, half));
            await sendBatch(toSend.slice(half));
          } else {
            failure(toSend[0]!, err.code === 'body_too_large' ? err : new ApiError('body_too_large', `the request was refused as too large (HTTP 413): ${err.message}`, 413));
          }
          return;
        }
        if (FATAL_CODES.has(err.code)) throw err;
        for (const item of toSend) failure(item, err);
        return;
      }
      throw err;
    }
  };

  for (const p of found.problems) record(p, p.kind === 'fail' ? { code: p.code, message: p.message } : { skip: (p as { reason: string }).reason });

  const items = importItems(found.batches, { password: options.password });
  const worker = async () => {
    while (!fatal) {
      const batch: ImportItem[] = [];
      let bytes = 0;
      while (batch.length < batchSize && bytes < MAX_BATCH_BYTES) {
        const next = await items.next();
        if (next.done) break;
        batch.push(next.value);
        if (next.value.kind === 'send') bytes += itemBytes(next.value.body);
      }
      if (batch.length === 0) return;
      try {
        await handleBatch(batch);
      } catch (err) {
        fatal ??= err instanceof CliError ? err : new CliError('internal_error', (err as Error).message);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    bar?.stop();
  }
  if (fatal) throw fatal;

  summary.elapsedMs = Math.round(performance.now() - started);
  summary.failures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify(summary));
  } else {
    const seconds = summary.elapsedMs / 1000;
    const sent = summary.imported + summary.duplicate + summary.failed;
    writeLine(
      io.stdout,
      `imported ${summary.imported}, duplicate ${summary.duplicate}, failed ${summary.failed}, skipped ${summary.skipped} ` +
        `(${summary.files} files in ${seconds.toFixed(1)} s${seconds > 0 && sent > 0 ? `, ${Math.round(sent / seconds)}/s` : ''})`,
    );
    if (summary.failures.length) {
      writeLine(io.stdout, 'failed:');
      for (const f of summary.failures) {
        const others = f.files.filter((p) => p !== f.path);
        writeLine(io.stdout, `  ${f.path}${others.length ? ` (with ${others.join(', ')})` : ''}: ${f.code}: ${f.message}`);
      }
    }
  }
  return summary;
}

/** The JSON size of an item's body, roughly: its string fields (PEM, base64), which are nearly all of it. */
function itemBytes(body: object): number {
  let n = 32;
  for (const v of Object.values(body)) if (typeof v === 'string') n += v.length + 16;
  return n;
}
