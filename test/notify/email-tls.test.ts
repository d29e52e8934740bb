import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects, type Dialect } from '../support/test-store.js';
import { SmtpCapture } from '../support/smtp-capture.js';

/**
 * Email channels against a real SMTP server with TLS: STARTTLS on `smtp://`, TLS from the start
 * on `smtps://`, the server's certificate verified (its chain against Node's roots plus
 * CERTKEEPER_SMTP_CA_FILE, and its name).
 */
let dir: string;
let ca: TestCa;
let stranger: TestCa;
/** CERTKEEPER_SMTP_CA_FILE: the root of `ca`. */
let caFile: string;
const servers: SmtpCapture[] = [];
const apps: TestApp[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-smtp-tls-'));
  ca = createTestCa({ name: 'smtp' });
  stranger = createTestCa({ name: 'smtp untrusted' });
  caFile = path.join(dir, 'smtp-ca.pem');
  writeFileSync(caFile, ca.root.certPem);
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** An SMTP server on 127.0.0.1 whose certificate `issuer` signed for `names`. */
async function smtpServer(mode: 'starttls' | 'smtps', issuer: TestCa, names = ['127.0.0.1']): Promise<SmtpCapture> {
  const leaf = issuer.issue({ commonName: 'mail.example.test', sans: names });
  const server = await SmtpCapture.start({ tls: { cert: leaf.certPem + issuer.intermediate.certPem, key: leaf.keyPem }, implicitTls: mode === 'smtps' });
  servers.push(server);
  return server;
}

/** A test message through an email channel of a server on `dialect` configured with `env`: the delivery as the API answers it. */
async function testSend(dialect: Dialect, env: Record<string, string>) {
  const t = await createTestApp({ dialect, env: { CERTKEEPER_SMTP_FROM: 'certkeeper <certs@example.test>', ...env } });
  apps.push(t);
  const base = `/api/v1/projects/${t.project.id}/notification-channels`;
  const channel = await t.call('POST', base, { body: { name: 'mail', type: 'email', config: { to: ['oncall@example.test'] } } });
  expect(channel.statusCode, channel.body).toBe(200);
  const sent = await t.call('POST', `${base}/${channel.json().result.id}/test`);
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json().result as { status: string; lastError: string | null };
}

describe.each(dialects)('email channels over TLS on %s', (dialect) => {
  describe.each(['starttls', 'smtps'] as const)('email over %s', (mode) => {
    it('goes over TLS to a server whose certificate chains to CERTKEEPER_SMTP_CA_FILE, and authenticates inside it', async () => {
      const server = await smtpServer(mode, ca);
      expect(server.url).toMatch(mode === 'smtps' ? /^smtps:\/\// : /^smtp:\/\//);
      const delivery = await testSend(dialect, { CERTKEEPER_SMTP_URL: server.url, CERTKEEPER_SMTP_CA_FILE: caFile });
      expect(delivery, JSON.stringify(delivery)).toMatchObject({ status: 'delivered', lastError: null });
      expect(server.messages).toHaveLength(1);
      // The session was encrypted when the message came; the server forgets a login made before
      // STARTTLS, so the user it knows was authenticated over TLS.
      expect(server.messages[0]).toMatchObject({ secure: true, user: 'mailer', rcptTo: ['oncall@example.test'] });
      expect(server.messages[0].headers.subject).toMatch(/Test notification/);
    });

    it('refuses a server certificate from a CA it does not trust: the attempt fails, nothing is sent', async () => {
      const server = await smtpServer(mode, stranger);
      const delivery = await testSend(dialect, { CERTKEEPER_SMTP_URL: server.url, CERTKEEPER_SMTP_CA_FILE: caFile });
      expect(delivery.status).toBe('failed');
      expect(delivery.lastError).toMatch(/certificate/i);
      expect(server.messages).toHaveLength(0);
    });

    it('trusts only Node’s roots without CERTKEEPER_SMTP_CA_FILE: a test CA’s certificate is refused', async () => {
      const server = await smtpServer(mode, ca);
      const delivery = await testSend(dialect, { CERTKEEPER_SMTP_URL: server.url });
      expect(delivery.status).toBe('failed');
      expect(delivery.lastError).toMatch(/certificate/i);
      expect(server.messages).toHaveLength(0);
    });

    it('refuses a trusted certificate made out for another name', async () => {
      const server = await smtpServer(mode, ca, ['mail.example.test']);
      const delivery = await testSend(dialect, { CERTKEEPER_SMTP_URL: server.url, CERTKEEPER_SMTP_CA_FILE: caFile });
      expect(delivery.status).toBe('failed');
      expect(delivery.lastError).toMatch(/127\.0\.0\.1|altnames|does not match/i);
      expect(server.messages).toHaveLength(0);
    });
  });

  describe('CERTKEEPER_SMTP_CA_FILE', () => {
    it('must be readable: the server refuses to start with config_invalid', async () => {
      const missing = path.join(dir, 'no-such-ca.pem');
      await expect(createTestApp({ dialect, env: { CERTKEEPER_SMTP_URL: 'smtp://127.0.0.1:25', CERTKEEPER_SMTP_FROM: 'certs@example.test', CERTKEEPER_SMTP_CA_FILE: missing } })).rejects.toMatchObject({
        code: 'config_invalid',
        message: expect.stringContaining('CERTKEEPER_SMTP_CA_FILE'),
      });
    });
  });
});
