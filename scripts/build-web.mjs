#!/usr/bin/env node
// Builds the web console (web/ → dist/web): type-checks it with tsc, bundles it with Vite, and
// writes a stamp of what it was built from. `--if-stale` builds only when the stamp differs
// from the sources now (the test run's global setup uses it; `npm run build` always builds).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
const stampFile = path.join(outDir, '.source-sha256');

function* filesUnder(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** A digest of everything the build reads: web/ and the locked tool versions. */
export function sourceDigest() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(path.join(root, 'web')), path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)]) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildWeb({ ifStale = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const digest = sourceDigest();
  if (ifStale && existsSync(path.join(outDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) return false;
  const require = createRequire(import.meta.url);
  // Vite only strips types: tsc checks them, as for the server.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'web/tsconfig.json')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
  writeFileSync(stampFile, digest);
  log(`web console built into ${path.relative(root, outDir)}`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildWeb({ ifStale: process.argv.includes('--if-stale') });
  } catch (err) {
    // tsc has printed its messages already.
    if (err && err.status === undefined) console.error(err);
    process.exit(1);
  }
}
