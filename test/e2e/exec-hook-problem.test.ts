/**
 * Who sees a failed exec DNS hook's output: a real hook in a temporary hook directory writes to
 * stderr (its own path, what its provider said, a lot of filler) and exits 3 while Pebble waits
 * for the dns-01 record. Viewers and editors read the certificate's problem without the output
 * and without the server's paths; admins read it with the output's last 4 KiB. Events (read by
 * viewers, sent to notification channels) never carry the output, and the stored problem stays
 * bounded.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hookStderrMaxBytes } from '../../src/issuers/acme/solvers/exec-hook-solver.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('an exec DNS hook against Pebble on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let hookDir: string;
  let base: string;
  let id: number;

  const PROVIDER_SAID = 'provider said: zone example.test is locked by change 4711';
  const HOOK = 'failing-hook';

  beforeAll(async () => {
    pebble = await startPebble();
    hookDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-hooks-'));
    // 8 KiB of filler first: only the end of stderr is kept.
    writeFileSync(
      path.join(hookDir, HOOK),
      `#!/bin/sh\ni=0; while [ $i -lt 128 ]; do echo "FILLER-$i-0123456789012345678901234567890123456789012345678901234" >&2; i=$((i+1)); done\necho "running $0 $1" >&2\necho "${PROVIDER_SAID}" >&2\nexit 3\n`,
    );
    chmodSync(path.join(hookDir, HOOK), 0o755);
    const caFile = path.join(hookDir, 'pebble-ca.pem');
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_DNS_HOOK_DIR: hookDir, CERTKEEPER_INSTANCE_ID: 'hook-problem-test' },
    });
    base = `/api/v1/projects/${t.project.id}/certificates`;
    const put = await t.call('PUT', `/api/v1/projects/${t.project.id}/settings`, { key: t.keys.admin, body: { dnsProvider: { type: 'exec', hook: HOOK } } });
    if (put.statusCode !== 200) throw new Error(put.body);
    const created = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'hook.example.test' } });
    if (created.statusCode !== 200) throw new Error(created.body);
    id = created.json().result.id;
    await t.services.managed.idle();
  }, 60_000);

  afterAll(async () => {
    await t?.services.managed.idle();
    await t?.close();
    await pebble?.stop();
    if (hookDir) rmSync(hookDir, { recursive: true, force: true });
  });

  const publicProblem = { type: 'certkeeper:challenge_hook_failed', detail: `the DNS hook ${HOOK} present exited with code 3` };

  describe('a failed exec DNS hook in a certificate’s problem', () => {
    it.each(['viewer', 'editor'] as const)('as %s: the problem without the hook’s output or the server’s paths', async (role) => {
      const key = t.keys[role];
      const one = await t.call('GET', `${base}/${id}`, { key });
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json().result).toMatchObject({ certificateStatus: 'Failed' });
      expect(one.json().result.managed.lastProblem).toEqual(publicProblem);
      const list = await t.call('GET', `${base}?source=acme`, { key });
      for (const res of [one, list]) {
        expect(res.body).not.toContain(hookDir);
        expect(res.body).not.toContain('provider said');
        expect(res.body).not.toContain('hookStderr');
      }
    });

    it('an admin (and a superuser) sees the output too, its last 4 KiB only', async () => {
      for (const key of [t.keys.admin, SUPER_TOKEN]) {
        const problem = (await t.call('GET', `${base}/${id}`, { key })).json().result.managed.lastProblem;
        expect(problem).toMatchObject(publicProblem);
        expect(problem.hookStderr.endsWith(PROVIDER_SAID)).toBe(true);
        expect(problem.hookStderr).toContain(`running ${path.join(hookDir, HOOK)} present`);
        expect(problem.hookStderr).not.toContain('FILLER-0-');
        expect(Buffer.byteLength(problem.hookStderr)).toBeLessThanOrEqual(hookStderrMaxBytes);
        const list = (await t.call('GET', `${base}?source=acme`, { key })).json().result;
        expect(list.find((c: { id: number }) => c.id === id).managed.lastProblem.hookStderr).toBe(problem.hookStderr);
      }
    });

    it('the stored problem is bounded, and the failure event carries none of the output', async () => {
      const stored = (await t.services.store.managed.get(id))!.lastProblem!;
      expect(JSON.stringify(stored).length).toBeLessThan(hookStderrMaxBytes + 1024);
      const events = await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.validation_failed`, { key: t.keys.viewer });
      expect(events.json().result.length).toBeGreaterThanOrEqual(1);
      expect(events.json().result[0].data).toMatchObject({ code: 'challenge_hook_failed', problem: publicProblem });
      expect(events.body).not.toContain(hookDir);
      expect(events.body).not.toContain('provider said');
    });

    it('a validate call answers an editor without the output, an admin with it in the certificate', async () => {
      const byEditor = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.editor });
      expect(byEditor.statusCode, byEditor.body).toBe(502);
      expect(byEditor.json()).toMatchObject({ success: false, code: 'challenge_hook_failed', errors: [publicProblem.detail] });
      expect(byEditor.json().result.managed.lastProblem).toEqual(publicProblem);
      expect(byEditor.body).not.toContain(hookDir);
      expect(byEditor.body).not.toContain('provider said');

      const byAdmin = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.admin });
      expect(byAdmin.statusCode, byAdmin.body).toBe(502);
      expect(byAdmin.json().result.managed.lastProblem.hookStderr.endsWith(PROVIDER_SAID)).toBe(true);
    });

    it('a hook that is no longer executable fails the attempt without the hook directory in the problem', async () => {
      chmodSync(path.join(hookDir, HOOK), 0o644);
      try {
        const res = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.editor });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().code).toBe('dns_provider_invalid');
        expect(res.body).not.toContain(hookDir);
        const problem = (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result.managed.lastProblem;
        expect(problem).toEqual({ type: 'certkeeper:dns_provider_invalid', detail: `exec hook provider: the hook ${HOOK} is not an executable file in the hook directory` });
      } finally {
        chmodSync(path.join(hookDir, HOOK), 0o755);
      }
    });

    it('a problem stored before the output was kept apart is shown to viewers as a bare hook failure', async () => {
      const legacy = { type: 'certkeeper:challenge_hook_failed', detail: `the hook ${path.join(hookDir, HOOK)} present exited with code 3; stderr: ${PROVIDER_SAID}` };
      await t.services.store.managed.update(id, { lastProblem: legacy, updatedAt: t.clock.now() });
      const viewer = (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result.managed.lastProblem;
      expect(viewer).toEqual({ type: 'certkeeper:challenge_hook_failed', detail: 'the DNS hook failed' });
      const admin = (await t.call('GET', `${base}/${id}`, { key: t.keys.admin })).json().result.managed.lastProblem;
      expect(admin).toEqual(legacy);
    });
  });
});
