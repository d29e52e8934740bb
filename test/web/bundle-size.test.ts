/**
 * The console's first page must stay light: the JavaScript and CSS that index.html loads
 * (its scripts, module preloads and style sheets) weigh at most 200 KB gzip-compressed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultConsoleDir } from '../../src/http/console.js';

const BUDGET = 200 * 1024;

describe('the console bundle', () => {
  it(`the first page's JS and CSS are at most ${BUDGET / 1024} KB gzipped`, () => {
    const dir = defaultConsoleDir();
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const assets = [...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    const sizes = assets.map((a) => ({ asset: a, gzip: gzipSync(readFileSync(path.join(dir, a.slice(1)))).length }));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    console.info(`console first page: ${sizes.map((s) => `${s.asset} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}; total ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
});
