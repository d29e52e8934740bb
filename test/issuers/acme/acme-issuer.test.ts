/**
 * AcmeIssuer against a real Pebble (no mocks): accounts, dns-01 and http-01 issuance, a failed
 * validation, revocation, and how refusals surface as AppErrors with the CA's problem type.
 * One Pebble per file (a start takes a few hundred milliseconds).
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { AcmeIssuer } from '../../../src/issuers/acme/acme-issuer.js';
import { createCsr } from '../../../src/pki/create-csr.js';
import { generateAccountKey, generateKeyPair } from '../../../src/pki/generate-key-pair.js';
import type { IssuerAccount, IssuerOrder } from '../../../src/ports/issuer.js';
import { freePort, startPebble, type Pebble } from '../../support/pebble.js';

let pebble: Pebble;
let issuer: AcmeIssuer;
let account: IssuerAccount;
let certificateKeyPem: string;

beforeAll(async () => {
  pebble = await startPebble();
  issuer = new AcmeIssuer({ caPem: pebble.caPem });
  account = { directoryUrl: pebble.directoryUrl, accountKeyPem: await generateAccountKey(), contactEmail: 'ops@example.com' };
  await issuer.ensureAccount(account);
  certificateKeyPem = (await generateKeyPair('ec-p256')).privateKeyPem;
});

afterAll(async () => {
  issuer?.close();
  await pebble?.stop();
});

let counter = 0;
/** A name no other test of this file orders. */
const uniqueName = (label: string) => `${label}-${++counter}-${Date.now().toString(36)}.example.com`;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** RFC 7638 thumbprint computed here, independently of the issuer. */
function thumbprintOf(accountKeyPem: string): string {
  const { crv, kty, x, y } = createPublicKey(accountKeyPem).export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}

async function issueWithDns(names: string[], who: IssuerAccount = account) {
  const order = await issuer.createOrder(who, names, 'dns-01');
  for (const c of order.challenges) await pebble.challtestsrv.setTxt(c.dnsRecordName, c.dnsRecordValue);
  const ready = await issuer.completeChallenges(who, order);
  const chain = await issuer.finalize(who, ready, await createCsr(certificateKeyPem, names));
  for (const c of order.challenges) await pebble.challtestsrv.clearTxt(c.dnsRecordName);
  return { order, ready, chain };
}

function splitPem(text: string): X509Certificate[] {
  return (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((p) => new X509Certificate(p));
}

describe('accounts', () => {
  it('registers an account once and finds the same one again, also from a second issuer instance', async () => {
    const key = await generateAccountKey();
    const mine: IssuerAccount = { directoryUrl: pebble.directoryUrl, accountKeyPem: key, contactEmail: 'a@example.com' };
    const { accountUrl } = await issuer.ensureAccount(mine);
    expect(accountUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
    expect(await issuer.ensureAccount(mine)).toEqual({ accountUrl });

    const second = new AcmeIssuer({ caPem: pebble.caPem });
    try {
      expect(await second.ensureAccount({ ...mine })).toEqual({ accountUrl });
      // Without ensureAccount the issuer looks the account up (onlyReturnExisting) before ordering.
      const third = new AcmeIssuer({ caPem: pebble.caPem });
      try {
        const order = await third.createOrder({ directoryUrl: pebble.directoryUrl, accountKeyPem: key }, [uniqueName('lookup')], 'dns-01');
        expect(order.status).toBe('pending');
      } finally {
        third.close();
      }
    } finally {
      second.close();
    }

    const other = await issuer.ensureAccount({ directoryUrl: pebble.directoryUrl, accountKeyPem: await generateAccountKey() });
    expect(other.accountUrl).not.toBe(accountUrl);
  });

  it('refuses to order for a key the CA has no account for, keeping the problem type', async () => {
    const stranger: IssuerAccount = { directoryUrl: pebble.directoryUrl, accountKeyPem: await generateAccountKey() };
    const err = await rejection(issuer.createOrder(stranger, [uniqueName('stranger')], 'dns-01'));
    expect(err.code).toBe('acme_error');
    expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:accountDoesNotExist' });
  });

  it('rejects an account key that is not a private key, without echoing it', async () => {
    const err = await rejection(issuer.ensureAccount({ directoryUrl: pebble.directoryUrl, accountKeyPem: 'not a key: s3cr3t' }));
    expect(err.code).toBe('private_key_invalid');
    expect(err.message).not.toContain('s3cr3t');
  });
});

describe('dns-01', () => {
  it('orders a name and its wildcard, publishes the records, validates, finalizes and downloads the chain', async () => {
    const base = uniqueName('dns');
    const names = [base, `*.${base}`];
    const order = await issuer.createOrder(account, names, 'dns-01');
    expect(order.status).toBe('pending');
    expect(order.identifiers.sort()).toEqual([...names].sort());
    expect(order.finalizeUrl).toMatch(/^https:/);
    expect(order.challenges).toHaveLength(2);
    const thumbprint = thumbprintOf(account.accountKeyPem);
    for (const c of order.challenges) {
      expect(c.type).toBe('dns-01');
      expect(c.status).toBe('pending');
      expect(c.wildcard).toBe(c.identifier.startsWith('*.'));
      // RFC 8555 §8.1 and §8.4, computed independently.
      expect(c.keyAuthorization).toBe(`${c.token}.${thumbprint}`);
      expect(c.dnsRecordValue).toBe(createHash('sha256').update(c.keyAuthorization).digest('base64url'));
      expect(c.dnsRecordName).toBe(`_acme-challenge.${base}`);
    }
    expect(order.challenges.map((c) => c.identifier).sort()).toEqual([...names].sort());

    // Both values live at the same name (the wildcard uses its base name).
    for (const c of order.challenges) await pebble.challtestsrv.setTxt(c.dnsRecordName, c.dnsRecordValue);
    const ready = await issuer.completeChallenges(account, order);
    expect(ready.status).toBe('ready');
    expect(ready.challenges.map((c) => c.status)).toEqual(['valid', 'valid']);

    const chain = await issuer.finalize(account, ready, await createCsr(certificateKeyPem, names));
    const [leaf, ...rest] = splitPem(chain.certificatePem);
    expect(rest).toHaveLength(0);
    const issuers = splitPem(chain.chainPem);
    expect(issuers.length).toBeGreaterThanOrEqual(1);
    expect(leaf.subjectAltName?.split(', ').sort()).toEqual(names.map((n) => `DNS:${n}`).sort());
    expect(leaf.checkPrivateKey(createPrivateKey(certificateKeyPem))).toBe(true);
    expect(leaf.verify(issuers[0].publicKey)).toBe(true);
    const root = new X509Certificate(await pebble.rootPem());
    expect(issuers[issuers.length - 1].verify(root.publicKey)).toBe(true);

    const after = await issuer.getOrder(account, order.orderUrl, 'dns-01');
    expect(after.status).toBe('valid');
    expect(after.certificateUrl).toMatch(/^https:/);
  });

  it('fails validation when the TXT record is wrong: acme_validation_failed with the CA problem type', async () => {
    const name = uniqueName('wrong');
    const order = await issuer.createOrder(account, [name], 'dns-01');
    await pebble.challtestsrv.setTxt(order.challenges[0].dnsRecordName, 'not-the-right-value');
    const err = await rejection(issuer.completeChallenges(account, order));
    expect(err.code).toBe('acme_validation_failed');
    expect(err.retryable).toBe(false);
    expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:unauthorized' });
    expect((err.details?.problem as { detail: string }).detail).not.toBe('');
    expect(err.details?.identifier).toBe(name);

    const after = await issuer.getOrder(account, order.orderUrl, 'dns-01');
    expect(after.status).toBe('invalid');
    expect(after.challenges[0].status).toBe('invalid');
  });

  it('refuses to finalize an order that is not ready, keeping the problem type', async () => {
    const name = uniqueName('early');
    const order = await issuer.createOrder(account, [name], 'dns-01');
    const err = await rejection(issuer.finalize(account, order, await createCsr(certificateKeyPem, [name])));
    expect(err.code).toBe('acme_error');
    expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:orderNotReady' });
  });

  it('reports that a wildcard has no http-01 challenge', async () => {
    const err = await rejection(issuer.createOrder(account, [`*.${uniqueName('wild')}`], 'http-01'));
    expect(err.code).toBe('acme_error');
    expect(err.message).toContain('dns-01');
  });
});

describe('http-01', () => {
  it('issues through a responder on Pebble’s http port', async () => {
    const names = [uniqueName('web'), uniqueName('www')];
    const order = await issuer.createOrder(account, names, 'http-01');
    expect(order.challenges.map((c) => c.type)).toEqual(['http-01', 'http-01']);
    const served = new Map(order.challenges.map((c) => [`/.well-known/acme-challenge/${c.token}`, c.keyAuthorization]));
    const asked: string[] = [];
    // RFC 8555 §8.3: the validator GETs the token path on port 80 (Pebble: httpPort) of each name.
    const responder = http.createServer((req, res) => {
      asked.push(`${req.headers.host?.split(':')[0]} ${req.url}`);
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => responder.listen(pebble.httpPort, '127.0.0.1', resolve));
    try {
      const ready = await issuer.completeChallenges(account, order);
      expect(ready.status).toBe('ready');
      const chain = await issuer.finalize(account, ready, await createCsr(certificateKeyPem, names));
      expect(splitPem(chain.certificatePem)[0].subjectAltName?.split(', ').sort()).toEqual(names.map((n) => `DNS:${n}`).sort());
    } finally {
      await new Promise((resolve) => responder.close(resolve));
    }
    for (const c of order.challenges) expect(asked).toContain(`${c.identifier} /.well-known/acme-challenge/${c.token}`);
  });

  it('gives up waiting for a validation that does not finish: acme_unavailable, retryable', async () => {
    const impatient = new AcmeIssuer({ caPem: pebble.caPem, timeoutMs: 300 });
    const order = await impatient.createOrder(account, [uniqueName('slow')], 'http-01');
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    // Never answers: Pebble's validator keeps the authorization processing.
    const responder = http.createServer(() => asked());
    await new Promise<void>((resolve) => responder.listen(pebble.httpPort, '127.0.0.1', resolve));
    try {
      const err = await rejection(impatient.completeChallenges(account, order));
      expect(err.code).toBe('acme_unavailable');
      expect(err.retryable).toBe(true);
      await wasAsked;
    } finally {
      responder.closeAllConnections();
      await new Promise((resolve) => responder.close(resolve));
      impatient.close();
    }
  });
});

describe('revocation', () => {
  it('revokes a certificate; revoking it again is refused with the CA problem', async () => {
    const { chain } = await issueWithDns([uniqueName('revoke')]);
    const leaf = splitPem(chain.certificatePem)[0];
    await issuer.revoke(account, leaf.raw, 4); // RFC 5280 §5.3.1 superseded

    // Pebble's management interface, independently of the issuer.
    const status = await new Promise<string>((resolve, reject) => {
      https
        .get(`${pebble.managementUrl}/cert-status-by-serial/${leaf.serialNumber.toLowerCase()}`, { ca: pebble.caPem }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
    expect(JSON.parse(status)).toMatchObject({ Status: 'Revoked' });

    const again = await rejection(issuer.revoke(account, leaf.raw, 4));
    expect(again.code).toBe('acme_error');
    expect(again.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:alreadyRevoked' });
  });
});

describe('renewal information and failures', () => {
  it('has no renewal information from Pebble 2.4 (its directory has no renewalInfo)', async () => {
    const { chain } = await issueWithDns([uniqueName('ari')]);
    expect(await issuer.renewalInfo(account, splitPem(chain.certificatePem)[0].raw)).toBeNull();
  });

  it('orders with `replaces` against a CA without renewalInfo by leaving it out', async () => {
    const order: IssuerOrder = await issuer.createOrder(account, [uniqueName('replaces')], 'dns-01', 'aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE');
    expect(order.status).toBe('pending');
  });

  it('reports an unreachable CA as acme_unavailable, retryable', async () => {
    const port = await freePort();
    const err = await rejection(
      issuer.ensureAccount({ directoryUrl: `https://127.0.0.1:${port}/dir`, accountKeyPem: account.accountKeyPem }),
    );
    expect(err.code).toBe('acme_unavailable');
    expect(err.retryable).toBe(true);
  });
});
