import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate } from './certificate-builder.js';

const CHAIN = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

describe.each(dialects)('issuer chains on %s', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: new Date() });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: new Date() });
  });
  afterEach(async () => store.close());

  const chainRows = async () => Number((await storeInternals(store).db.selectFrom('certificate_chains').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stores a chain shared by many certificates once, and gives each material its chain back', async () => {
    const shared = [aCertificate({}, { chainPem: CHAIN }), aCertificate({}, { chainPem: CHAIN })];
    const alone = aCertificate({}, { chainPem: '' });
    const [a, b] = await store.certificates.insertMany(shared);
    const c = await store.certificates.insert(alone.cert, alone.material);
    const later = aCertificate({}, { chainPem: CHAIN });
    await store.certificates.insert(later.cert, later.material);
    expect(await chainRows()).toBe(1);
    expect((await store.certificates.getMaterial(a.sslCertificateId))!.chainPem).toBe(CHAIN);
    expect((await store.certificates.listMaterials(b.id))[0].chainPem).toBe(CHAIN);
    expect((await store.certificates.getMaterial(c.sslCertificateId))!.chainPem).toBe('');
    await store.certificates.delete(a.id);
    expect((await store.certificates.getMaterial(b.sslCertificateId))!.chainPem).toBe(CHAIN);
  });
});
