/**
 * A manual dns-01 certificate whose renewal order the CA authorizes from its earlier validation
 * (CAs reuse recent authorizations: Let's Encrypt for 30 days; Pebble told to, always): the
 * order asks for no record, so no person has anything to do, and the scheduler renews it.
 * Before, such an order waited for a person who was never asked, until the certificate expired.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('a manual renewal the CA authorizes from earlier validations, on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    pebble = await startPebble({ extraEnv: { PEBBLE_AUTHZREUSE: '100' } });
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_ACME_EMAIL: 'ops@example.test', CERTKEEPER_INSTANCE_ID: 'test-a' },
    });
    base = `/api/v1/projects/${t.project.id}/certificates`;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pebble?.stop();
  });

  it('is renewed by the scheduler with no record to publish and no validate call', async () => {
    const created = (await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'reuse.example.test', additionalDomainNames: [], scopeId: 0 } })).json().result;
    expect(created.dnsRecords).toHaveLength(1);
    for (const r of created.dnsRecords as Array<{ key: string; value: string }>) await pebble.challtestsrv.setTxt(`${r.key}.`, r.value);
    const issued = (await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor })).json().result;
    expect(issued.certificateStatus).toBe('Active');
    // The person takes the records down once the certificate is issued.
    for (const r of created.dnsRecords as Array<{ key: string }>) await pebble.challtestsrv.clearTxt(`${r.key}.`);

    // Due; Pebble lives in real time, so the renewal is made due now rather than the clock moved.
    await t.services.store.managed.update(created.id, { renewAt: new Date(t.clock.now().getTime() - 1000) });
    await t.services.managed.runDue();

    const renewed = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
    expect(renewed.certificateStatus).toBe('Active');
    expect(renewed.sslCertificateId).not.toBe(issued.sslCertificateId);
    expect(renewed.dnsRecords).toEqual([]);
    expect(renewed.managed.renewAt).not.toBeNull();
    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewed`, { key: t.keys.viewer })).json().result;
    expect(events.filter((e: { objectId: string }) => e.objectId === String(created.id))).toHaveLength(1);
    const asked = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewal_action_required`, { key: t.keys.viewer })).json().result;
    expect(asked.filter((e: { objectId: string }) => e.objectId === String(created.id))).toEqual([]);
  });
});
