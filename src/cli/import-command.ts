import cliProgress from 'cli-progress';
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

/** The server says "already in the inventory" (a success that stored nothing). */
const DUPLICATE_MESSAGE = /already (in the inventory|exists)/i;

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
  const bar = io.isTTY && !options.json
    ? new cliProgress.SingleBar(
        { stream: io.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true, fps: 10, noTTYOutput: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(found.fileCount, 0);

  const importPath = `/api/v1/projects/${encodeURIComponent(options.projectId)}/certificates/import`;
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

  const handle = async (item: ImportItem): Promise<void> => {
    if (item.kind === 'skip') return record(item, { skip: item.reason });
    if (item.kind === 'fail') return record(item, { code: item.code, message: item.message });
    try {
      const res = await client.post(importPath, { ...item.body, scopeId: options.scopeId });
      const id = (res.result as { id: number }).id;
      record(item, { id, duplicate: res.messages.some((m) => DUPLICATE_MESSAGE.test(m)) });
    } catch (err) {
      if (err instanceof ConnectionError) throw err;
      if (err instanceof ApiError) {
        if (FATAL_CODES.has(err.code)) throw err;
        const hint = err.code === 'private_key_encrypted' && options.password === undefined ? ' (give --password to decrypt it)' : '';
        return record(item, { code: err.code, message: err.message + hint });
      }
      throw err;
    }
  };

  for (const p of found.problems) record(p, p.kind === 'fail' ? { code: p.code, message: p.message } : { skip: (p as { reason: string }).reason });

  const items = importItems(found.batches, { password: options.password });
  const worker = async () => {
    while (!fatal) {
      const next = await items.next();
      if (next.done) return;
      try {
        await handle(next.value);
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
