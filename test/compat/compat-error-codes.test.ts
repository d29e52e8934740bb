import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpStatusOf } from '../../src/api/error-map.js';
import { compatErrorOf } from '../../src/compat/compat-errors.js';
import { AppError, errorCodes } from '../../src/domain/app-error.js';
import { scmErrorCodes, scmErrorMapping, scmErrors } from '../../src/compat/huawei-scm/scm-error.js';
import { waapErrorCodes, waapErrorMapping, waapErrors } from '../../src/compat/swiftfederation-waap/waap-error.js';

const doc = readFileSync(new URL('../../docs/compat-errors.md', import.meta.url), 'utf8');

/** The `| \`code\` | status |` rows of one section of docs/compat-errors.md. */
function documented(section: string): Map<string, number> {
  const start = doc.indexOf(section);
  expect(start, `section ${section}`).toBeGreaterThanOrEqual(0);
  const next = doc.indexOf('\n## ', start + 1);
  const text = doc.slice(start, next < 0 ? undefined : next);
  return new Map([...text.matchAll(/^\| `([^`]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));
}

describe('compat error codes are documented in docs/compat-errors.md', () => {
  const waap = documented('## SwiftFederation WAAP');
  const scm = documented('## Huawei Cloud SCM');

  it.each(waapErrorCodes.map((c) => [c]))('WAAP %s is documented with its HTTP status', (code) => {
    expect(waap.get(code)).toBe(waapErrors[code].status);
  });
  it.each(scmErrorCodes.map((c) => [c]))('SCM %s is documented with its HTTP status', (code) => {
    expect(scm.get(code)).toBe(scmErrors[code].status);
  });
  it('documents no code the compat modules cannot emit', () => {
    expect([...waap.keys()].sort()).toEqual([...waapErrorCodes].sort());
    expect([...scm.keys()].sort()).toEqual([...scmErrorCodes].sort());
  });
  it('keeps the WAAP’s own codes and messages as the vendor gives them', () => {
    expect(waapErrors['ServiceId.Invalid']).toEqual({ status: 400, message: 'ServiceId is empty or invalid.' });
    expect(waapErrors['Domain.Invalid']).toEqual({ status: 400, message: 'Domain is empty or invalid.' });
    expect(waapErrors['ServiceId.NotFound']).toEqual({ status: 404, message: 'ServiceId is not found.' });
    expect(waapErrors['Domain.NotFound']).toEqual({ status: 404, message: 'Domain is not found.' });
    expect(waapErrors['Certificate.OperationFailed']).toEqual({ status: 400, message: 'The certificate operation failed.' });
  });
  it('uses SCM’s code shape: SCM. and 3 to 36 characters', () => {
    for (const code of scmErrorCodes) expect(code).toMatch(/^SCM\.[0-9]{4}$/);
  });
});

describe('compat APIs keep the native status of a refused key', () => {
  // 401 and 403 of the native API (a bad key, a disabled organization, a role too low) must not
  // become a validation error of the compatible API: the caller would look for a fault in its request.
  const refusals = errorCodes.filter((code) => httpStatusOf[code] === 401 || httpStatusOf[code] === 403);
  it.each(refusals.flatMap((code) => [['WAAP', code], ['SCM', code]]))('%s answers %s with the native status', (api, code) => {
    const err = new AppError(code, 'refused');
    const error = api === 'WAAP' ? compatErrorOf(err, waapErrorMapping) : compatErrorOf(err, scmErrorMapping);
    expect(error.status).toBe(httpStatusOf[code]);
  });
});
