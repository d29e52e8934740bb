/**
 * ACME Renewal Information (RFC 9773): the certificate id, reading `renewalInfo` from a test ARI
 * server (Pebble 2.4 has none), and `replaces` sent only to a CA that advertises renewalInfo.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { AcmeIssuer } from '../../../src/issuers/acme/acme-issuer.js';
import { renewalCertificateId } from '../../../src/pki/renewal-certificate-id.js';
import { der } from '../../../src/pki/der.js';
import { generateAccountKey } from '../../../src/pki/generate-key-pair.js';
import type { IssuerAccount } from '../../../src/ports/issuer.js';
import { startAriServer, type AriServer } from '../../support/ari-server.js';
import { FakeClock } from '../../support/fake-clock.js';
import { aCertificate, openssl } from '../../support/test-ca.js';

const HOUR = 3_600_000;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

/** A certificate with this AKI keyIdentifier (hex) and serial (hex magnitude). */
function certificateWith(akiHex: string, serialHex: string): Buffer {
  const aki = der.sequence(der.implicit(0, Buffer.from(akiHex, 'hex'))); // RFC 5280 §4.2.1.1
  return aCertificate({ serialNumber: serialHex, omitKeyIdentifiers: true, extensions: [{ oid: '2.5.29.35', value: aki }] }).certDer;
}

describe('renewalCertificateId (RFC 9773 §4.1)', () => {
  it('matches the example of RFC 9773 §4.1 (serial with a leading zero octet kept)', () => {
    // keyIdentifier 69:88:5B:…:D4, serial 0x87654321 encoded as 00 87 65 43 21.
    const cert = certificateWith('69885B6B87464041E1B37B847BA0AE2CDE01C8D4', '87654321');
    expect(renewalCertificateId(cert)).toBe('aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE');
  });

  it('needs no padding octet for a serial without the high bit', () => {
    expect(renewalCertificateId(certificateWith('0102030405', '12345678'))).toBe('AQIDBAU.EjRWeA');
  });

  it('agrees with what openssl reads from the certificate', () => {
    for (const serial of [`f0${randomBytes(15).toString('hex')}`, `1${randomBytes(15).toString('hex')}`, undefined]) {
      const cert = aCertificate({ serialNumber: serial }).certDer;
      const text = openssl(['x509', '-inform', 'DER', '-noout', '-serial', '-ext', 'authorityKeyIdentifier'], cert).toString('utf8');
      let serialHex = /serial=([0-9A-F]+)/.exec(text)![1];
      if (serialHex.length % 2) serialHex = `0${serialHex}`;
      if (parseInt(serialHex.slice(0, 2), 16) >= 0x80) serialHex = `00${serialHex}`; // DER INTEGER is signed
      const akiHex = /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/.exec(text)![1].replace(/:/g, '');
      const expected = `${Buffer.from(akiHex, 'hex').toString('base64url')}.${Buffer.from(serialHex, 'hex').toString('base64url')}`;
      expect(renewalCertificateId(cert)).toBe(expected);
    }
  });

  it('refuses a certificate without an authority key identifier, and bytes that are no certificate', () => {
    expect(thrown(() => renewalCertificateId(aCertificate({ omitKeyIdentifiers: true }).certDer)).code).toBe('certificate_invalid');
    expect(thrown(() => renewalCertificateId(Buffer.from('not a certificate'))).code).toBe('certificate_invalid');
  });
});

describe('renewalInfo', () => {
  const clock = new FakeClock('2031-02-01T00:00:00Z');
  let ari: AriServer;
  let noAri: AriServer;
  let issuer: AcmeIssuer;
  let accountKeyPem: string;
  const accountOf = (server: AriServer): IssuerAccount => ({ directoryUrl: server.directoryUrl, accountKeyPem, accountUrl: `${server.directoryUrl}/acct/1` });

  beforeAll(async () => {
    ari = await startAriServer();
    noAri = await startAriServer({ renewalInfo: false });
    issuer = new AcmeIssuer({ clock });
    accountKeyPem = await generateAccountKey();
  });
  afterAll(async () => {
    issuer?.close();
    await ari?.stop();
    await noAri?.stop();
  });

  it('reads the suggested window, the explanation URL and Retry-After', async () => {
    const cert = aCertificate().certDer;
    const id = renewalCertificateId(cert);
    const start = new Date('2031-02-03T04:00:00Z');
    const end = new Date('2031-02-04T04:00:00Z');
    ari.setRenewalInfo(id, { start, end, explanationUrl: 'https://ca.example/incident/42', retryAfterSeconds: 6 * 3600 });
    const info = await issuer.renewalInfo(accountOf(ari), cert);
    expect(info).not.toBeNull();
    expect(info!.windowStart.toISOString()).toBe(start.toISOString());
    expect(info!.windowEnd.toISOString()).toBe(end.toISOString());
    expect(info!.explanationUrl).toBe('https://ca.example/incident/42');
    // delay-seconds counts from the answer (RFC 9110 §10.2.3), on the injected clock.
    expect(info!.retryAfter).toEqual(new Date(clock.now().getTime() + 6 * HOUR));
    expect(ari.lookups).toContain(id);
  });

  it('leaves explanation and Retry-After null when the CA sends none', async () => {
    const cert = aCertificate().certDer;
    ari.setRenewalInfo(renewalCertificateId(cert), { start: new Date('2030-01-01T00:00:00Z'), end: new Date('2030-01-02T00:00:00Z') });
    expect(await issuer.renewalInfo(accountOf(ari), cert)).toEqual({
      windowStart: new Date('2030-01-01T00:00:00Z'),
      windowEnd: new Date('2030-01-02T00:00:00Z'),
      explanationUrl: null,
      retryAfter: null,
    });
  });

  it('reads a Retry-After given as an HTTP-date', async () => {
    const cert = aCertificate().certDer;
    const at = new Date('2031-03-01T12:00:00Z');
    ari.setRenewalInfo(renewalCertificateId(cert), { start: new Date('2031-04-01T00:00:00Z'), end: new Date('2031-04-02T00:00:00Z'), retryAfterDate: at });
    expect((await issuer.renewalInfo(accountOf(ari), cert))!.retryAfter).toEqual(at);
  });

  it('is null when the CA does not know the certificate (404)', async () => {
    expect(await issuer.renewalInfo(accountOf(ari), aCertificate().certDer)).toBeNull();
  });

  it('is null when the directory advertises no renewalInfo, and asks nothing', async () => {
    expect(await issuer.renewalInfo(accountOf(noAri), aCertificate().certDer)).toBeNull();
    expect(noAri.lookups).toEqual([]);
  });

  it('refuses a window whose end is not after its start (RFC 9773 §4.2), and reports a failing server as unavailable', async () => {
    const bad = aCertificate().certDer;
    ari.setRenewalInfo(renewalCertificateId(bad), { start: new Date('2030-01-02T00:00:00Z'), end: new Date('2030-01-01T00:00:00Z') });
    const err = await rejection(issuer.renewalInfo(accountOf(ari), bad));
    expect(err.code).toBe('acme_error');
    expect(err.retryable).toBe(true);

    const garbled = aCertificate().certDer;
    ari.setRenewalInfo(renewalCertificateId(garbled), { start: new Date(), end: new Date(), rawBody: { suggestedWindow: { start: 'soon' } } });
    expect((await rejection(issuer.renewalInfo(accountOf(ari), garbled))).code).toBe('acme_error');

    const failing = aCertificate().certDer;
    ari.setRenewalInfo(renewalCertificateId(failing), { start: new Date(), end: new Date(), status: 503 });
    const down = await rejection(issuer.renewalInfo(accountOf(ari), failing));
    expect(down.code).toBe('acme_unavailable');
    expect(down.retryable).toBe(true);
  });
});

describe('replaces (RFC 9773 §5)', () => {
  let ari: AriServer;
  let noAri: AriServer;
  let issuer: AcmeIssuer;
  let accountKeyPem: string;

  beforeAll(async () => {
    ari = await startAriServer();
    noAri = await startAriServer({ renewalInfo: false });
    issuer = new AcmeIssuer();
    accountKeyPem = await generateAccountKey();
  });
  afterAll(async () => {
    issuer?.close();
    await ari?.stop();
    await noAri?.stop();
  });

  it('is sent in newOrder when the directory advertises renewalInfo, and left out otherwise', async () => {
    const replaces = 'aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE';
    // The test server records the order and refuses it (it is not a CA): the refusal keeps its problem.
    for (const server of [ari, noAri]) {
      const err = await rejection(
        issuer.createOrder({ directoryUrl: server.directoryUrl, accountKeyPem, accountUrl: `${server.directoryUrl}/acct/1` }, ['renew.example.com'], 'dns-01', replaces),
      );
      expect(err.details?.problem).toMatchObject({ type: 'urn:ietf:params:acme:error:unauthorized' });
    }
    expect(ari.orders).toEqual([{ identifiers: [{ type: 'dns', value: 'renew.example.com' }], replaces }]);
    expect(noAri.orders).toEqual([{ identifiers: [{ type: 'dns', value: 'renew.example.com' }] }]);
  });
});
