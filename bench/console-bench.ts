/**
 * The console over 1,000,000 certificates (npm run bench -- --only-console): the dashboard's one
 * request and the certificate list page the console asks for, one client at a time (p50/p99),
 * then the dashboard page in Chromium from navigation start to its figures drawn (the
 * performance mark the page sets), and the first page's JS+CSS gzipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createStore } from '../src/storage/create-store.js';
import { aCertificate } from '../test/support/test-ca.js';
import { startPostgresCluster } from '../test/support/postgres.js';
import { seedSyntheticCertificates } from './seed-synthetic.js';
import { apiResult, distRoot, fmt, latencyDone, percentile, request, settle, startServerProcess, wrkLatency, writeLua } from './bench-lib.js';

const DRAWN_MARK = 'certkeeper:dashboard-drawn';
const CHROMIUM = process.env.CERTKEEPER_CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'bench password that is long enough';

export interface ConsoleBenchResult {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  seedSeconds: number;
  dashboard: { p50: number; p99: number; requests: number };
  listPage: { p50: number; p99: number; requests: number };
  weekWindow: { p50: number; p99: number; requests: number };
  pageDrawn: { p50: number; p99: number; loads: number };
  firstPageGzipBytes: number;
}

/** The built console (dist/web), where a server started from dist-bench looks for it (src/http/console.ts: ../../dist/web). */
function consoleForBenchServer(): string {
  const repo = path.resolve(distRoot, '..');
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-web.mjs'), '--if-stale'], { cwd: repo, stdio: 'inherit' });
  const built = path.join(repo, 'dist', 'web');
  const linkDir = path.join(distRoot, 'dist');
  if (!existsSync(path.join(linkDir, 'web'))) {
    mkdirSync(linkDir, { recursive: true });
    symlinkSync(built, path.join(linkDir, 'web'));
  }
  return built;
}

/** The first page's JS and CSS, gzipped, as test/web/bundle-size.test.ts weighs them. */
export function firstPageGzipBytes(dir: string): number {
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const assets = [...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return assets.reduce((n, a) => n + gzipSync(readFileSync(path.join(dir, a.slice(1)))).length, 0);
}

export async function consoleBench(o: { rows: number; dialect: 'sqlite' | 'postgres'; token: string; loads: number; quick: boolean; log: (s: string) => void }): Promise<ConsoleBenchResult> {
  const { dialect, rows, token, log } = o;
  const webDir = consoleForBenchServer();
  const work = mkdtempSync(path.join(tmpdir(), `certkeeper-bench-console-${dialect}-`));
  const dataDir = path.join(work, 'data');
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ settings: { shared_buffers: '512MB', fsync: 'off', synchronous_commit: 'off' } }) : undefined;
  const env: Record<string, string> = { CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: token, ...(cluster ? { DATABASE_URL: cluster.url } : {}) };
  try {
    let server = await startServerProcess(env);
    const org = await apiResult('POST', `${server.url}/api/v1/organizations`, token, { name: 'bench' });
    const project = await apiResult('POST', `${server.url}/api/v1/projects`, token, { organizationId: org.id, name: 'bench' });
    const email = 'bench@example.com';
    await apiResult('POST', `${server.url}/api/v1/users`, token, { email, password: PASSWORD, superuser: true });
    await server.stop();
    const materials = Array.from({ length: 8 }, (_, i) => {
      const c = aCertificate({ commonName: `seed${i}.example.com` });
      return { der: c.certDer, chainPem: c.chainPem };
    });
    const store = await createStore({ databaseUrl: cluster?.url, sqlitePath: path.join(dataDir, 'certkeeper.db') });
    const t0 = Date.now();
    await seedSyntheticCertificates(store, { projectId: project.id, organizationId: org.id, count: rows, now: new Date(), materials, onProgress: (n) => log(`  ${dialect}: seeded ${n}`) });
    const seedSeconds = (Date.now() - t0) / 1000;
    await store.close();
    await settle(dialect, cluster?.url, path.join(dataDir, 'certkeeper.db'));
    log(`${dialect}: seeded ${rows} certificates in ${fmt(seedSeconds)} s`);

    server = await startServerProcess(env);
    try {
      // The first expiry sweep after a bulk load records many events: done now, not during the series.
      let sweep = await request('POST', `${server.url}/api/v1/projects/${project.id}/sweep`, { token });
      for (let i = 0; i < 5 && sweep.status === 409; i++) sweep = await request('POST', `${server.url}/api/v1/projects/${project.id}/sweep`, { token });
      execFileSync('sync');
      const api = `/api/v1/projects/${project.id}`;
      const dash = JSON.parse((await request('GET', `${server.url}${api}/dashboard`, { token })).body).result;
      const busiest = (dash.timeline as Array<{ from: string | null; to: string; total: number }>).filter((b) => b.from !== null).sort((a, b) => b.total - a.total)[0];
      log(`${dialect}: dashboard counts ${dash.counts.total} certificates; busiest week ${busiest.total}`);
      const series = (name: string, urlPath: string) => {
        const script = writeLua(path.join(work, `${name}.lua`), `request = function()\n  return wrk.format("GET", "${urlPath}")\nend\n${latencyDone}`);
        wrkLatency(`${server.url}/`, { seconds: o.quick ? 1 : 2, token, luaScript: script }); // warm-up: JIT, statements, pages
        return wrkLatency(`${server.url}/`, { seconds: o.quick ? 3 : 10, token, luaScript: script });
      };
      const dashboard = series('dashboard', `${api}/dashboard`);
      // What the console's certificates page asks for (web/src/lib/filters.ts: 50 a page, soonest expiry first), and a bar's link.
      const listPage = series('list', `${api}/certificates?pageIndex=1&pageSize=50&sort=notAfter&order=asc`);
      const weekWindow = series('week', `${api}/certificates?pageIndex=1&pageSize=50&sort=notAfter&order=asc&expiringAfter=${encodeURIComponent(busiest.from!)}&expiringBefore=${encodeURIComponent(busiest.to)}`);
      log(`${dialect}: dashboard p50 ${fmt(dashboard.p50, 2)} p99 ${fmt(dashboard.p99, 2)} ms; list page p50 ${fmt(listPage.p50, 2)} p99 ${fmt(listPage.p99, 2)} ms; week window p50 ${fmt(weekWindow.p50, 2)} p99 ${fmt(weekWindow.p99, 2)} ms`);

      // Chromium: navigation start → the figures drawn, each load a fresh page of one signed-in context.
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
      const drawn: number[] = [];
      try {
        const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
        const signIn = await context.request.post('/api/v1/auth/sign-in', { data: { email, password: PASSWORD } });
        if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
        for (let i = 0; i < o.loads + 2; i++) {
          const page = await context.newPage();
          await page.goto(`/projects/${project.id}`);
          await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, DRAWN_MARK, { timeout: 30_000 });
          const at = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, DRAWN_MARK);
          await page.close();
          if (i >= 2) drawn.push(at); // the first two warm the browser's cache of the assets, as a returning visitor has it
        }
      } finally {
        await browser.close();
      }
      drawn.sort((a, b) => a - b);
      const pageDrawn = { p50: percentile(drawn, 50), p99: percentile(drawn, 99), loads: drawn.length };
      const firstPage = firstPageGzipBytes(webDir);
      log(`${dialect}: dashboard page drawn p50 ${fmt(pageDrawn.p50, 0)} p99 ${fmt(pageDrawn.p99, 0)} ms over ${drawn.length} loads; first page ${fmt(firstPage / 1024)} KB gzipped`);
      return { dialect, rows, seedSeconds, dashboard, listPage, weekWindow, pageDrawn, firstPageGzipBytes: firstPage };
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function consoleTableRows(results: readonly ConsoleBenchResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const d = r.dialect;
    lines.push(`| ${d}: console — dashboard request over ${r.rows} certificates, p50 / p99 | ${fmt(r.dashboard.p50, 2)} / ${fmt(r.dashboard.p99, 2)} ms | p99 ≤ 100 ms |`);
    lines.push(`| ${d}: console — certificates list page (50, soonest expiry first), p50 / p99 | ${fmt(r.listPage.p50, 2)} / ${fmt(r.listPage.p99, 2)} ms | p99 ≤ 5 ms |`);
    lines.push(`| ${d}: console — a timeline bar's list (busiest week window), p50 / p99 | ${fmt(r.weekWindow.p50, 2)} / ${fmt(r.weekWindow.p99, 2)} ms | p99 ≤ 5 ms |`);
    lines.push(`| ${d}: console — dashboard page in Chromium, navigation start → figures drawn, p50 / p99 (${r.pageDrawn.loads} loads) | ${fmt(r.pageDrawn.p50, 0)} / ${fmt(r.pageDrawn.p99, 0)} ms | ≤ 1.5 s |`);
  }
  if (results.length > 0) lines.push(`| console — first page JS+CSS gzipped | ${fmt(results[0].firstPageGzipBytes / 1024)} KB | ≤ 200 KB |`);
  return lines;
}
