import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createStore } from '../../src/storage/create-store.js';
import { startPostgresCluster } from './postgres.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Brings `dist/` up to date with `src/` (`tsc -b tsconfig.json`), because the end-to-end and
 * CLI tests run the built server (support/server-process.ts), not the sources: without this,
 * `npx vitest run FILE` would test whatever was built last. The build is incremental; with
 * nothing changed, tsc only compares timestamps (about half a second of CPU). A source that
 * does not compile stops the run, with tsc's messages.
 */
async function buildDist(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      const output = `${stdout}${stderr}`.trim() || String(err);
      reject(new Error(`dist/ could not be brought up to date with src/ (tsc -b tsconfig.json failed); the tests that run the built server would test an old build, so none run:\n${output}`));
    });
  });
}

const TEMPLATE = 'certkeeper_migrated';

/**
 * (Re)makes the cluster's template database with every migration of `src/` applied: a test's
 * fresh store is a copy of it (support/test-store.ts), instead of migrating an empty database
 * each time. Nothing stays connected to it, as copying requires.
 */
async function makeTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE}`;
  const store = await createStore({ databaseUrl: url.toString(), sqlitePath: ':memory:' });
  await store.close();
}

/**
 * Brings `dist/web` (the web console the server serves, and the browser tests open) up to date
 * with `web/`: scripts/build-web.mjs compares a digest of web/ and the lock file with the one
 * the last build stamped, and builds (tsc, then Vite) only when they differ, so a fresh clone
 * gets its console and an unchanged one costs a hash of a few files.
 */
async function buildWeb(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      const output = `${stdout}${stderr}`.trim() || String(err);
      reject(new Error(`dist/web could not be brought up to date with web/ (node scripts/build-web.mjs failed); the console's tests would test an old build, so none run:\n${output}`));
    });
  });
}

const buildAll = async () => {
  await buildDist();
  // `npm run api-types` regenerates the types the console compiles against: it must run
  // while the console does not compile yet against a changed API.
  if (process.env.CERTKEEPER_SKIP_WEB_BUILD !== '1') await buildWeb();
};

/**
 * Builds `dist/` and `dist/web` and starts ONE throwaway PostgreSQL cluster for the whole test run, side by
 * side, and hands the cluster's admin URL to the tests (`inject('postgresUrl')`); each test
 * then makes its own database in it. Fails the run, loudly, when the build fails or PostgreSQL
 * is not installed. In watch mode, every rerun builds again first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [built, started] = await Promise.allSettled([buildAll(), startPostgresCluster()]);
  if (built.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.stop();
    throw built.reason;
  }
  if (started.status === 'rejected') throw started.reason;
  const cluster = started.value;
  try {
    await makeTemplate(cluster.url);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresTemplate', TEMPLATE);
  project.onTestsRerun(async () => {
    await buildAll();
    await makeTemplate(cluster.url);
  });
  return async () => {
    await cluster.stop();
  };
}
