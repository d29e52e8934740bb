import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/domain/app-error.js';
import { httpStatusOf } from '../../src/api/error-map.js';

describe('error codes', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  it.each(errorCodes.map((c) => [c]))('%s is documented in docs/errors.md and mapped to an HTTP status', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
    expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
  });
  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...errorCodes].sort());
  });
});
