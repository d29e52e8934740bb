/**
 * AcmeIssuer and the outbound AddressPolicy: a directory from an organization's settings
 * (`tenantDirectory`) connects only where the policy allows, for the directory itself and every
 * URL it hands out, and only over https; the operator's directory is not checked. A directory
 * on loopback hands out URLs on listeners that count connections; the policy's resolver is the
 * test's, so a name reaches a listener only through the policy's own lookup.
 */
import { createServer, type Server, type Socket } from 'node:net';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { AcmeIssuer } from '../../../src/issuers/acme/acme-issuer.js';
import { AddressPolicy } from '../../../src/net/address-policy.js';
import { generateAccountKey } from '../../../src/pki/generate-key-pair.js';
import type { IssuerAccount } from '../../../src/ports/issuer.js';
import { aCertificate, createTestCa } from '../../support/test-ca.js';

/** Loopback addresses (127.0.0.0/8): one the deny list covers, one it does not. */
const DENIED = '127.0.0.2';
const ALLOWED = '127.0.0.3';
const names: Record<string, string[]> = { 'denied.acme.test': [DENIED], 'allowed.acme.test': [ALLOWED] };

interface Counted {
  server: Server;
  port: number;
  accepted: number;
}
const sockets = new Set<Socket>();
let denied: Counted;
let allowed: Counted;
let directory: https.Server;
let directoryBase: string;
let issuer: AcmeIssuer;
let accountKeyPem: string;

/** A listener that counts connections and closes each at once. */
async function countingListener(host: string): Promise<Counted> {
  const counted = { accepted: 0 } as Counted;
  counted.server = createServer((socket) => {
    counted.accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.destroy();
  });
  await new Promise<void>((resolve) => counted.server.listen(0, host, resolve));
  counted.port = (counted.server.address() as { port: number }).port;
  return counted;
}

/** The directory at `/<case>`: Pebble-like resources, `newNonce` (or `renewalInfo`) where the case says. */
function directoryFor(name: string): Record<string, string> {
  const deniedBase = `https://${DENIED}:${denied.port}`;
  const resources: Record<string, Record<string, string>> = {
    'nonce-literal': { newNonce: `${deniedBase}/nonce` },
    'nonce-name': { newNonce: `https://denied.acme.test:${denied.port}/nonce` },
    'nonce-allowed-name': { newNonce: `https://allowed.acme.test:${allowed.port}/nonce` },
    'nonce-plain-http': { newNonce: `http://${ALLOWED}:${allowed.port}/nonce` },
    'renewal-info': { newNonce: `${directoryBase}/nonce`, renewalInfo: `${deniedBase}/renewal-info` },
  };
  return { newAccount: `${directoryBase}/new-account`, newOrder: `${directoryBase}/new-order`, revokeCert: `${directoryBase}/revoke`, ...resources[name] };
}

beforeAll(async () => {
  denied = await countingListener(DENIED);
  allowed = await countingListener(ALLOWED);
  const day = 86_400_000;
  const tlsCa = createTestCa({ name: 'certkeeper policy directory', notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + 7 * day) });
  const tlsCert = tlsCa.issue({ sans: ['127.0.0.1'], notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + 7 * day) });
  directory = https.createServer({ cert: tlsCert.fullchainPem, key: tlsCert.keyPem }, (req, res) => {
    const name = (req.url ?? '/').slice(1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(directoryFor(name)));
  });
  await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
  directoryBase = `https://127.0.0.1:${(directory.address() as { port: number }).port}`;
  const resolve = async (host: string) => {
    const found = names[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };
  issuer = new AcmeIssuer({ caPem: tlsCa.root.certPem, policy: new AddressPolicy({ deny: [DENIED] }, resolve), requestTimeoutMs: 5000 });
  accountKeyPem = await generateAccountKey();
});

afterAll(async () => {
  issuer?.close();
  for (const s of sockets) s.destroy();
  for (const c of [denied, allowed]) await new Promise((resolve) => c?.server.close(resolve));
  directory?.closeAllConnections();
  await new Promise((resolve) => directory?.close(resolve));
});

const tenant = (name: string): IssuerAccount => ({ directoryUrl: `${directoryBase}/${name}`, accountKeyPem, tenantDirectory: true });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

describe("an organization's directory", () => {
  it('handing out a denied address: refused before connecting', async () => {
    const err = await rejection(issuer.ensureAccount(tenant('nonce-literal')));
    expect(err.code).toBe('acme_directory_forbidden');
    expect(err.retryable).toBe(false);
    expect(err.message).toBe(`ACME request refused (HEAD https://${DENIED}:${denied.port}/nonce): ${DENIED} is refused: it is in CERTKEEPER_OUTBOUND_DENY`);
    expect(denied.accepted).toBe(0);
  });

  it('handing out a name that resolves to a denied address: refused by the lookup, before connecting', async () => {
    const err = await rejection(issuer.ensureAccount(tenant('nonce-name')));
    expect(err.code).toBe('acme_directory_forbidden');
    expect(err.message).toContain(`denied.acme.test resolves to ${DENIED} is refused: it is in CERTKEEPER_OUTBOUND_DENY`);
    expect(denied.accepted).toBe(0);
  });

  it('handing out a name that resolves to an allowed address: connected through the policy (its resolver found it)', async () => {
    const err = await rejection(issuer.ensureAccount(tenant('nonce-allowed-name')));
    // The listener hangs up: a network failure, not a refusal.
    expect(err.code).toBe('acme_unavailable');
    expect(allowed.accepted).toBeGreaterThan(0);
  });

  it('handing out a plain http URL: refused, ACME is https only (RFC 8555 §6.1)', async () => {
    const before = allowed.accepted;
    const err = await rejection(issuer.ensureAccount(tenant('nonce-plain-http')));
    expect(err.code).toBe('acme_directory_forbidden');
    expect(err.message).toMatch(/ACME is served over https only, not http$/);
    expect(allowed.accepted).toBe(before);
  });

  it('handing out a denied renewalInfo: refused before connecting', async () => {
    const err = await rejection(issuer.renewalInfo(tenant('renewal-info'), aCertificate().certDer));
    expect(err.code).toBe('acme_directory_forbidden');
    expect(err.message).toContain(`https://${DENIED}:${denied.port}/renewal-info/`);
    expect(denied.accepted).toBe(0);
  });

  it('at a metadata address itself: refused before connecting', async () => {
    for (const directoryUrl of ['https://169.254.169.254/directory', 'https://[fd00:ec2::254]/directory', 'https://metadata.google.internal/directory']) {
      const err = await rejection(issuer.ensureAccount({ directoryUrl, accountKeyPem, tenantDirectory: true }));
      expect(err.code, directoryUrl).toBe('acme_directory_forbidden');
      expect(err.message, directoryUrl).toMatch(/is refused: .*CERTKEEPER_OUTBOUND_ALLOW to allow it$/);
    }
  });
});

describe("the operator's directory (CERTKEEPER_ACME_DIRECTORY_URL)", () => {
  it('is not checked: the same URL is connected to', async () => {
    const err = await rejection(issuer.ensureAccount({ directoryUrl: `${directoryBase}/nonce-literal`, accountKeyPem }));
    expect(err.code).toBe('acme_unavailable');
    expect(denied.accepted).toBeGreaterThan(0);
  });
});
