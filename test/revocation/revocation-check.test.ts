import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { freePort, revocationExtensions, startRevocationPeer, type RevocationPeer } from '../support/ocsp-responder.js';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { revocationJob } from '../../src/jobs/revocation-job.js';

// Certificates, the CA database and the responders are made once; each test gets its own app
// (own database, own fake clock set to the real now: openssl stamps its answers with real time).
let ca: TestCa;
let peer: RevocationPeer;
const leaves = {} as Record<
  'ocspGood' | 'ocspRevoked' | 'ocspUnknown' | 'ocspTampered' | 'ocspCached' | 'crlGood' | 'crlRevoked' | 'crlCached' | 'both' | 'unreachable' | 'noSource' | 'dueGood' | 'dueRevoked',
  TestCertificate
>;
const REVOKED_AT = new Date(Math.floor(Date.now() / 1000 - 7200) * 1000);

beforeAll(async () => {
  ca = createTestCa();
  const port = await freePort();
  const dead = await freePort(); // nothing listens there
  const base = `http://127.0.0.1:${port}`;
  const ocsp = revocationExtensions({ ocsp: `${base}/ocsp` });
  const crl = revocationExtensions({ crl: `${base}/intermediate.crl` });
  const issue = (name: string, extensions: ReturnType<typeof revocationExtensions>) => ca.issue({ sans: [`${name}.revocation.test`], extensions });
  leaves.ocspGood = issue('ocsp-good', ocsp);
  leaves.ocspRevoked = issue('ocsp-revoked', ocsp);
  leaves.ocspUnknown = issue('ocsp-unknown', ocsp);
  leaves.ocspTampered = issue('ocsp-tampered', ocsp);
  leaves.ocspCached = issue('ocsp-cached', ocsp);
  leaves.crlGood = issue('crl-good', crl);
  leaves.crlRevoked = issue('crl-revoked', crl);
  leaves.crlCached = issue('crl-cached', crl);
  leaves.both = issue('both', revocationExtensions({ ocsp: `${base}/ocsp`, crl: `${base}/intermediate.crl` }));
  leaves.unreachable = issue('unreachable', revocationExtensions({ ocsp: `http://127.0.0.1:${dead}/ocsp` }));
  leaves.noSource = issue('no-source', []);
  leaves.dueGood = issue('due-good', crl);
  leaves.dueRevoked = issue('due-revoked', ocsp);
  const revoked = { at: REVOKED_AT };
  peer = await startRevocationPeer(
    ca,
    [
      { cert: leaves.ocspGood },
      { cert: leaves.ocspRevoked, revoked: { ...revoked, reason: 'keyCompromise' } },
      // ocspUnknown is not in the database
      { cert: leaves.ocspTampered },
      { cert: leaves.ocspCached },
      { cert: leaves.crlGood },
      { cert: leaves.crlRevoked, revoked: { ...revoked, reason: 'superseded' } },
      { cert: leaves.crlCached },
      { cert: leaves.both, revoked: { ...revoked, reason: 'cessationOfOperation' } },
      { cert: leaves.dueGood },
      { cert: leaves.dueRevoked, revoked: { ...revoked, reason: 'keyCompromise' } },
    ],
    { frontPort: port, ocspMinutes: 60, crlHours: 24 },
  );
}, 60_000);

afterAll(async () => {
  await peer?.close();
});

describe.each(dialects)('revocation checks on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ dialect, clock: new FakeClock(new Date()) });
    peer.tamper = false;
  });
  afterEach(async () => {
    await t.close();
  });

  async function importLeaf(cert: TestCertificate, withChain = true): Promise<number> {
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, {
      key: t.keys.editor,
      body: { certificateBody: cert.certPem, ...(withChain ? { certificateChain: ca.chainPem } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  }

  async function check(id: number, body: Record<string, unknown> = {}) {
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${id}/revocation-check`, { key: t.keys.editor, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  }

  async function certificate(id: number) {
    return (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result;
  }

  async function revokedEvents() {
    return (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.revoked`, { key: t.keys.viewer })).json();
  }

  describe('OCSP (openssl ocsp on loopback, delegated responder)', () => {
    it('good: answers good with the responder\'s time window; the certificate stays Active', async () => {
      const id = await importLeaf(leaves.ocspGood);
      const f = await check(id);
      expect(f).toMatchObject({ certificateId: id, method: 'ocsp', status: 'good', reason: null, revokedAt: null, url: peer.ocspUrl, cached: false, changed: false, error: null });
      expect(new Date(f.nextUpdate).getTime() - new Date(f.thisUpdate).getTime()).toBe(60 * 60_000);
      expect((await certificate(id)).certificateStatus).toBe('Active');
      expect((await revokedEvents()).resultInfo.totalCount).toBe(0);
    });

    it('revoked: the status becomes Revoked with reason and time stored, and a certificate.revoked event (source ocsp)', async () => {
      const id = await importLeaf(leaves.ocspRevoked);
      const f = await check(id);
      expect(f).toMatchObject({ method: 'ocsp', status: 'revoked', reason: 'keyCompromise', revokedAt: REVOKED_AT.toISOString(), changed: true, error: null });
      const view = await certificate(id);
      expect(view.certificateStatus).toBe('Revoked');
      expect(view.status).toBe('revoked');
      const last = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}/revocation`, { key: t.keys.viewer })).json().result;
      expect(last).toMatchObject({ status: 'revoked', reason: 'keyCompromise', revokedAt: REVOKED_AT.toISOString(), method: 'ocsp', cached: true });
      const events = await revokedEvents();
      expect(events.resultInfo.totalCount).toBe(1);
      expect(events.result[0]).toMatchObject({ objectType: 'certificate', objectId: String(id), data: { source: 'ocsp', reason: 'keyCompromise', revokedAt: REVOKED_AT.toISOString() } });
      // Checking again (forced) finds it revoked again but changes nothing and adds no event.
      expect(await check(id, { force: true })).toMatchObject({ status: 'revoked', changed: false });
      expect((await revokedEvents()).resultInfo.totalCount).toBe(1);
    });

    it('unknown: a certificate the responder does not know is answered unknown, status unchanged', async () => {
      const id = await importLeaf(leaves.ocspUnknown);
      expect(await check(id)).toMatchObject({ method: 'ocsp', status: 'unknown', error: null, changed: false });
      expect((await certificate(id)).certificateStatus).toBe('Active');
    });

    it('a response whose signature does not verify is refused: no answer, status unchanged', async () => {
      const id = await importLeaf(leaves.ocspTampered);
      peer.tamper = true;
      const f = await check(id);
      expect(f).toMatchObject({ method: null, status: 'unknown', changed: false });
      expect(f.error).toMatch(/OCSP .*signature is invalid/);
      expect((await certificate(id)).certificateStatus).toBe('Active');
      peer.tamper = false;
      // An error is not cached: the next check asks again and gets the real answer.
      expect(await check(id)).toMatchObject({ method: 'ocsp', status: 'good', cached: false });
    });

    it('caches the answer until its nextUpdate: no second request before, a new one after', async () => {
      const id = await importLeaf(leaves.ocspCached);
      const before = peer.counts.ocsp;
      const first = await check(id);
      expect(first).toMatchObject({ status: 'good', cached: false });
      expect(peer.counts.ocsp).toBe(before + 1);
      t.clock.advance(59 * 60_000);
      expect(await check(id)).toMatchObject({ status: 'good', cached: true, nextUpdate: first.nextUpdate });
      expect(peer.counts.ocsp).toBe(before + 1);
      t.clock.advance(2 * 60_000); // past nextUpdate
      expect(await check(id)).toMatchObject({ status: 'good', cached: false });
      expect(peer.counts.ocsp).toBe(before + 2);
    });

    it('an unreachable responder: no status change and a clear finding', async () => {
      const id = await importLeaf(leaves.unreachable);
      const f = await check(id);
      expect(f).toMatchObject({ method: null, status: 'unknown', changed: false, cached: false });
      expect(f.error).toMatch(/^OCSP http:\/\/127\.0\.0\.1:\d+\/ocsp: unreachable \(ECONNREFUSED\)/);
      expect((await certificate(id)).certificateStatus).toBe('Active');
      expect((await revokedEvents()).resultInfo.totalCount).toBe(0);
    });
  });

  describe('CRL (openssl ca -gencrl, served over HTTP)', () => {
    it('good: not on the CRL', async () => {
      const id = await importLeaf(leaves.crlGood);
      const f = await check(id);
      expect(f).toMatchObject({ method: 'crl', status: 'good', url: peer.crlUrl, error: null });
      expect(new Date(f.nextUpdate).getTime() - new Date(f.thisUpdate).getTime()).toBe(24 * 3_600_000);
      expect((await certificate(id)).certificateStatus).toBe('Active');
    });

    it('revoked: on the CRL with its reason → Revoked, event with source crl', async () => {
      const id = await importLeaf(leaves.crlRevoked);
      expect(await check(id)).toMatchObject({ method: 'crl', status: 'revoked', reason: 'superseded', revokedAt: REVOKED_AT.toISOString(), changed: true });
      expect((await certificate(id)).certificateStatus).toBe('Revoked');
      const events = await revokedEvents();
      expect(events.result[0]).toMatchObject({ objectId: String(id), data: { source: 'crl', reason: 'superseded' } });
    });

    it('prefers the CRL when the certificate names both', async () => {
      const id = await importLeaf(leaves.both);
      const ocspBefore = peer.counts.ocsp;
      expect(await check(id)).toMatchObject({ method: 'crl', status: 'revoked', reason: 'cessationOfOperation' });
      expect(peer.counts.ocsp).toBe(ocspBefore);
    });

    it('caches the answer until the CRL\'s nextUpdate', async () => {
      const id = await importLeaf(leaves.crlCached);
      const first = await check(id, { force: true });
      const fetched = peer.counts.crl;
      t.clock.advance(23 * 3_600_000);
      expect(await check(id)).toMatchObject({ status: 'good', cached: true, nextUpdate: first.nextUpdate });
      expect(peer.counts.crl).toBe(fetched);
      t.clock.advance(3_600_000 + 60_000);
      expect(await check(id)).toMatchObject({ method: 'crl', cached: false });
      expect(peer.counts.crl).toBe(fetched + 1);
    });

    it('a CRL not signed by the issuer is refused', async () => {
      const other = createTestCa();
      const leaf = other.issue({ sans: ['foreign.revocation.test'], extensions: revocationExtensions({ crl: peer.crlUrl }) });
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: leaf.certPem, certificateChain: other.chainPem } });
      const f = await check(res.json().result.id);
      expect(f).toMatchObject({ status: 'unknown', method: null });
      expect(f.error).toMatch(/CRL .* not by the certificate's issuer/);
    });
  });

  describe('scheduled checks and refusals', () => {
    it('checkDue checks certificates whose cache expired, skips revoked and cached ones', async () => {
      const good = await importLeaf(leaves.dueGood);
      const revoked = await importLeaf(leaves.dueRevoked);
      await importLeaf(leaves.noSource, false); // no chain: never due
      const first = await t.services.revocation.checkDue(10);
      expect(first).toEqual({ checked: 2, revoked: 1, failed: 0 });
      expect((await certificate(revoked)).certificateStatus).toBe('Revoked');
      expect((await certificate(good)).certificateStatus).toBe('Active');
      expect((await revokedEvents()).result[0]).toMatchObject({ actor: 'system', objectId: String(revoked), data: { source: 'ocsp' } });
      // The good one is cached until the CRL's nextUpdate; the revoked one is done.
      expect(await t.services.revocation.checkDue(10)).toEqual({ checked: 0, revoked: 0, failed: 0 });
      t.clock.advance(24 * 3_600_000 + 60_000);
      expect((await t.services.revocation.checkDue(10)).checked).toBe(1);
    });

    it('the revocation job runs checkDue on an interval until stop()', async () => {
      const id = await importLeaf(leaves.dueRevoked);
      const jobs = new JobRunner([revocationJob(t.services.revocation, 50)], t.clock);
      jobs.start();
      try {
        const deadline = Date.now() + 10_000;
        while ((await certificate(id)).certificateStatus !== 'Revoked' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect((await certificate(id)).certificateStatus).toBe('Revoked');
      } finally {
        await jobs.stop();
      }
    });

    it('refuses a certificate without its issuer, or without any source; viewers may not check', async () => {
      const noChain = await importLeaf(leaves.crlGood, false);
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${noChain}/revocation-check`, { key: t.keys.editor, body: {} });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('revocation_issuer_unknown');
      const noSource = await importLeaf(leaves.noSource);
      const res2 = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${noSource}/revocation-check`, { key: t.keys.editor, body: {} });
      expect(res2.statusCode).toBe(409);
      expect(res2.json().code).toBe('revocation_source_unknown');
      const res3 = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${noSource}/revocation-check`, { key: t.keys.viewer, body: {} });
      expect(res3.statusCode).toBe(403);
      expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${noSource}/revocation`, { key: t.keys.viewer })).json().result).toBeNull();
    });
  });
});
