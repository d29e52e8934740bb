/**
 * The console's API types (web/src/api/schema.d.ts) are generated from the server's own
 * OpenAPI document with openapi-typescript, and committed: this test fails when they no longer
 * match what GET /openapi.json serves, so the pages and the API cannot drift apart. To
 * regenerate after an API change: `npm run api-types`.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const HEADER = [
  '// Generated from GET /openapi.json by openapi-typescript (test/web/api-types.test.ts).',
  '// Do not edit: run `npm run api-types` after changing the API.',
  '',
].join('\n');

describe('the console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('match the OpenAPI document the server serves', async () => {
    const res = await t.call('GET', '/openapi.json', { key: null });
    expect(res.statusCode).toBe(200);
    const generated = HEADER + astToString(await openapiTS(res.json(), { alphabetize: true }));
    await expect(generated, 'web/src/api/schema.d.ts is stale: run `npm run api-types`').toMatchFileSnapshot('../../web/src/api/schema.d.ts');
  });
});
