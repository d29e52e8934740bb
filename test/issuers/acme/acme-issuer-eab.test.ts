/**
 * External account binding (RFC 8555 §7.3.4) against a Pebble that requires it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { AcmeIssuer } from '../../../src/issuers/acme/acme-issuer.js';
import { generateAccountKey } from '../../../src/pki/generate-key-pair.js';
import { startPebble, type Pebble } from '../../support/pebble.js';

let pebble: Pebble;
let issuer: AcmeIssuer;

beforeAll(async () => {
  pebble = await startPebble({ eab: true });
  issuer = new AcmeIssuer({ caPem: pebble.caPem });
});

afterAll(async () => {
  issuer?.close();
  await pebble?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

describe('external account binding', () => {
  it('is required by this CA: registering without it is refused with the CA problem', async () => {
    const err = await rejection(issuer.ensureAccount({ directoryUrl: pebble.directoryUrl, accountKeyPem: await generateAccountKey() }));
    expect(err.code).toBe('acme_error');
    expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:externalAccountRequired' });
  });

  it('refuses a binding signed with the wrong HMAC key, without echoing the key', async () => {
    const wrongKey = randomBytes(32).toString('base64url');
    const err = await rejection(
      issuer.ensureAccount({
        directoryUrl: pebble.directoryUrl,
        accountKeyPem: await generateAccountKey(),
        externalAccountBinding: { keyId: pebble.eab!.keyId, hmacKey: wrongKey },
      }),
    );
    expect(err.code).toBe('acme_error');
    expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:unauthorized' });
    expect(err.message).not.toContain(wrongKey);
    expect(JSON.stringify(err.details)).not.toContain(wrongKey);
  });

  it('accepts the right binding, and finds the same account again', async () => {
    const account = {
      directoryUrl: pebble.directoryUrl,
      accountKeyPem: await generateAccountKey(),
      contactEmail: 'eab@example.com',
      externalAccountBinding: { keyId: pebble.eab!.keyId, hmacKey: pebble.eab!.hmacKey },
    };
    const { accountUrl } = await issuer.ensureAccount(account);
    expect(accountUrl).toMatch(/^https:/);
    const other = new AcmeIssuer({ caPem: pebble.caPem });
    try {
      expect(await other.ensureAccount(account)).toEqual({ accountUrl });
    } finally {
      other.close();
    }
  });
});
