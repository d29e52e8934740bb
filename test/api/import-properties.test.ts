import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, isAppError } from '../../src/domain/app-error.js';
import { resolveImportMaterial } from '../../src/pki/resolve-import-material.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const rsa = aCertificate({ commonName: 'rsa.example.com', keyType: 'rsa-2048', keySlot: 'prop-rsa' });
const ec = aCertificate({ commonName: 'ec.example.com', sans: ['ec.example.com', '*.ec.example.com'] });
const ed = aCertificate({ commonName: 'ed.example.com', keyType: 'ed25519' });
const samples = [rsa, ec, ed];
const p12s = [toPkcs12(ec, { password: 'pw', legacy: false }), toPkcs12(rsa, { password: 'pw', legacy: true })];

/** A valid input, mutated: bit flips, truncation, insertion, or byte overwrites. */
const mutated = (source: Buffer) =>
  fc.oneof(
    fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) => {
      const b = Buffer.from(source);
      b[at % b.length] ^= 1 << bit;
      return b;
    }),
    fc.nat().map((n) => source.subarray(0, n % source.length)),
    fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }).map(({ at, bytes }) => {
      const i = at % source.length;
      return Buffer.concat([source.subarray(0, i), Buffer.from(bytes), source.subarray(i)]);
    }),
    fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }).map(({ at, bytes }) => {
      const b = Buffer.from(source);
      b.set(bytes.subarray(0, Math.max(0, b.length - (at % b.length))), at % b.length);
      return b;
    }),
  );

const pem = (der: Buffer, label: string) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

const certificateField = fc.oneof(
  fc.constantFrom(...samples).chain((s) => mutated(s.certDer)).map((b) => pem(b, 'CERTIFICATE')),
  fc.constantFrom(...samples).chain((s) => mutated(s.certDer)).map((b) => b.toString('base64')),
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b).toString('base64')),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(...samples).map((s) => s.certPem.repeat(3)),
  fc.constantFrom(...samples).map((s) => s.keyPem),
);
const keyField = fc.option(
  fc.oneof(
    fc.constantFrom(...samples).map((s) => s.keyPem),
    fc.constantFrom(...samples).chain((s) => mutated(s.keyDer)).map((b) => pem(b, 'PRIVATE KEY')),
    fc.string({ maxLength: 200 }),
  ),
  { nil: undefined },
);
const chainField = fc.option(
  fc.oneof(
    fc.constantFrom(...samples).map((s) => s.chainPem),
    fc.constantFrom(...samples).chain((s) => mutated(Buffer.from(s.chainPem))).map((b) => b.toString('latin1')),
    fc.constantFrom(...samples).map((s) => s.certPem),
  ),
  { nil: undefined },
);
const pemInput = fc.record({ certificateBody: certificateField, certificatePrivateKey: keyField, certificateChain: chainField });
const pkcs12Input = fc.record({
  pkcs12: fc.oneof(fc.constantFrom(...p12s).chain(mutated), fc.uint8Array({ maxLength: 1024 }).map((b) => Buffer.from(b))),
  password: fc.constantFrom('pw', '', 'wrong'),
});

describe('the importer never fails but with a stable error code', () => {
  it('on random and mutated certificates, keys and chains', () => {
    fc.assert(
      fc.property(pemInput, (input) => {
        try {
          const m = resolveImportMaterial(input);
          expect(m.leaf.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
        } catch (err) {
          if (!isAppError(err)) throw err;
          expect(errorCodes).toContain(err.code);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on random and mutated PKCS#12 files', () => {
    fc.assert(
      fc.property(pkcs12Input, (input) => {
        try {
          resolveImportMaterial(input);
        } catch (err) {
          if (!isAppError(err)) throw err;
          expect(errorCodes).toContain(err.code);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe.each(dialects)('the import API never answers 500 and never leaves a partial record on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
  });
  afterAll(async () => t.close());

  it('on random and mutated requests', async () => {
    const base = `/api/v1/projects/${t.project.id}/certificates`;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          pemInput.map((i) => ({ ...i, scopeId: 0 })),
          pkcs12Input.map((i) => ({ pkcs12: i.pkcs12.toString('base64'), password: i.password })),
          fc.jsonValue(),
        ),
        async (body) => {
          const res = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: body as object });
          expect([200, 400, 413, 415], res.body).toContain(res.statusCode);
          const json = res.json();
          if (res.statusCode === 200) {
            const got = await t.call('GET', `${base}/${json.result.id}`, { key: t.keys.viewer });
            expect(got.statusCode).toBe(200);
            if (!json.messages.some((m: string) => /already/.test(m))) stored++;
          } else {
            expect(errorCodes).toContain(json.code);
          }
          const count = (await t.call('GET', `${base}?pageSize=1`, { key: t.keys.viewer })).json().resultInfo.totalCount;
          expect(count).toBe(stored);
        },
      ),
      { numRuns: 150 },
    );
  });
});
