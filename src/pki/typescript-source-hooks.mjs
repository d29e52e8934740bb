// Module hooks (node:module `register`) that let a worker thread run this repository's
// TypeScript source, as the test suite does: Node 20 does not load .ts files by itself.
// `pkcs12-worker-pool.ts` registers them only when it runs from source; the built server
// (dist/, compiled JavaScript) never loads this file. Needs the `typescript` dev dependency.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const typescriptVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('typescript/package.json'), 'utf8')).version;
const compilerOptions = { module: 'esnext', target: 'es2022', esModuleInterop: true, inlineSourceMap: true };
// Loading the compiler costs most of a second of CPU per thread: each file is transpiled once
// and kept, by its path and contents, for every later thread.
const cacheDir = path.join(tmpdir(), 'certkeeper-typescript-workers');
let typescript;

/** The source imports its modules by their compiled names: `./x.js` is `./x.ts` until built. */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return next(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw err;
  }
}

/** A .ts file, its types stripped (one file at a time, no type check: tsc does that). */
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const key = createHash('sha256').update(JSON.stringify([typescriptVersion, compilerOptions, fileName, source])).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = await readFile(cached, 'utf8');
  } catch {
    typescript ??= (await import('typescript')).default;
    const options = typescript.convertCompilerOptionsFromJson(compilerOptions).options;
    output = typescript.transpileModule(source, { fileName, compilerOptions: options }).outputText;
    await mkdir(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}-${threadId}`;
    await writeFile(partial, output);
    await rename(partial, cached);
  }
  return { format: 'module', source: output, shortCircuit: true };
}
