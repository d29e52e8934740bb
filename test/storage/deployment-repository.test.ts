import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDeployment } from '../../src/ports/deployment-repository.js';
import type { Store } from '../../src/ports/store.js';
import { aCertificate } from './certificate-builder.js';
import { createTestStore, dialects } from '../support/test-store.js';

const T0 = new Date('2026-06-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

describe.each(dialects)('deployment repository on %s', (dialect) => {
  let store: Store;
  let targetId: number;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'o', createdAt: T0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'p', createdAt: T0 });
    targetId = (await store.deployments.insertTarget({ projectId: 'p1', organizationId: 'o1', name: 'web', type: 'local', config: { directory: 'web' }, createdAt: T0, updatedAt: T0 }, () => null)).id;
  });
  afterEach(async () => store.close());

  const bind = async (overrides: Partial<NewDeployment> = {}) => {
    const { cert, material } = aCertificate();
    const rec = await store.certificates.insert(cert, material);
    const d = await store.deployments.insertDeployment({
      projectId: 'p1',
      organizationId: 'o1',
      targetId,
      certificateId: rec.id,
      name: rec.domainName,
      endpointIds: [],
      status: 'pending',
      deployedMaterialId: null,
      deployedFingerprintSha256: null,
      deployedAt: null,
      attemptedMaterialId: null,
      attempts: 0,
      nextAttemptAt: null,
      lastAttemptAt: null,
      lastError: null,
      requestedAt: null,
      verifiedAt: null,
      verifyNextAt: null,
      verifyDeadline: null,
      createdAt: T0,
      updatedAt: T0,
      ...overrides,
    });
    return { d, rec };
  };
  const due = async (now: Date) => (await store.deployments.listDueDeployments(targetId, now, 100)).map((x) => x.id);
  /** A new version of the certificate, as a renewal stores it. */
  const newVersion = async (certificateId: number) => {
    const { cert, material } = aCertificate({ sslCertificateId: randomUUID(), fingerprintSha256: randomBytes(32).toString('hex') });
    const { projectId: _p, organizationId: _o, scopeId: _s, source: _src, status: _st, createdAt: _c, lastModified: _l, ...facts } = cert;
    await store.certificates.storeIssued(certificateId, facts, { ...material, certificateId }, at(1));
    return material.id;
  };

  it('a deployment is due until its certificate’s current version is written, and again at every new version', async () => {
    const { d, rec } = await bind();
    expect(await due(T0)).toEqual([d.id]);
    expect(await store.deployments.listTargetsWithDueWork(T0, 10)).toEqual([targetId]);
    await store.deployments.updateDeployment(d.id, { status: 'deployed', deployedMaterialId: rec.sslCertificateId, deployedFingerprintSha256: rec.fingerprintSha256, attemptedMaterialId: rec.sslCertificateId, updatedAt: T0 });
    expect(await due(T0)).toEqual([]);
    expect(await store.deployments.listTargetsWithDueWork(T0, 10)).toEqual([]);
    const v2 = await newVersion(rec.id);
    const [listed] = await store.deployments.listDueDeployments(targetId, T0, 100);
    expect(listed).toMatchObject({ id: d.id, currentMaterialId: v2, deployedMaterialId: rec.sslCertificateId });
    // Asked for: due even when the version is written.
    await store.deployments.updateDeployment(d.id, { deployedMaterialId: v2, attemptedMaterialId: v2, requestedAt: T0, updatedAt: T0 });
    expect(await due(T0)).toEqual([d.id]);
  });

  it('a failed version waits for its backoff, unless a newer version comes', async () => {
    const { d, rec } = await bind();
    await store.deployments.updateDeployment(d.id, { status: 'failed', attemptedMaterialId: rec.sslCertificateId, attempts: 1, nextAttemptAt: at(MINUTE), lastError: { code: 'deploy_hook_failed', message: 'x' }, updatedAt: T0 });
    expect(await due(T0)).toEqual([]);
    expect(await due(at(MINUTE))).toEqual([d.id]);
    await newVersion(rec.id);
    expect(await due(T0)).toEqual([d.id]);
  });

  it('a managed certificate before its first issuance, or a revoked one, is not due', async () => {
    const { d, rec } = await bind();
    await store.certificates.updateStatus(rec.id, 'revoked', T0);
    expect(await due(T0)).toEqual([]);
    const pending = await store.certificates.insertPending({ ...aCertificate({ source: 'acme', status: 'pending_validation', fingerprintSha256: '' }).cert });
    const p = await store.deployments.insertDeployment({ ...(await store.deployments.getDeployment('p1', d.id))!, certificateId: pending.id, name: 'pending' });
    expect(await due(T0)).toEqual([]);
    expect((await store.deployments.getDeployment('p1', p.id))!.currentMaterialId).toBeNull();
  });

  it('a target whose lease is held is left out of the due targets; verifications come due at their time', async () => {
    const { d } = await bind();
    expect(await store.leases.acquire({ kind: 'deployment', targetId }, 'a', T0, at(MINUTE))).toBe(true);
    expect(await store.deployments.listTargetsWithDueWork(T0, 10)).toEqual([]);
    expect(await store.deployments.listTargetsWithDueWork(at(MINUTE), 10)).toEqual([targetId]);
    await store.leases.release({ kind: 'deployment', targetId }, 'a');
    await store.deployments.updateDeployment(d.id, { requestedAt: null, deployedMaterialId: (await store.deployments.getDeployment('p1', d.id))!.currentMaterialId, verifyNextAt: at(MINUTE), updatedAt: T0 });
    expect(await store.deployments.listTargetsWithDueWork(T0, 10)).toEqual([]);
    expect(await store.deployments.listTargetsWithDueWork(at(MINUTE), 10)).toEqual([targetId]);
    expect((await store.deployments.listDueVerifications(targetId, at(MINUTE), 10)).map((x) => x.id)).toEqual([d.id]);
  });

  it('deleting the certificate removes its deployments; a target in use cannot be deleted', async () => {
    const { d, rec } = await bind();
    await expect(store.deployments.deleteTarget('p1', targetId)).rejects.toMatchObject({ code: 'deployment_target_in_use' });
    await store.certificates.delete(rec.id);
    expect(await store.deployments.getDeployment('p1', d.id)).toBeUndefined();
    expect(await store.deployments.deleteTarget('p1', targetId)).toBe(true);
  });
});
