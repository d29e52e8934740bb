import { sql } from 'kysely';
import type { AcmeProblem, ChallengeType, DnsRecord, KeyType } from '../../domain/managed-certificate.js';
import type { AcmeAccountRecord, IssuanceSecret, ManagedCertificateRepository, ManagedPatch, ManagedState, OrganizationSettings, ProjectSettings } from '../../ports/managed-certificate-repository.js';
import type { Executor, ManagedCertificatesTable } from '../database.js';

const ms = (d: Date | null | undefined): number | null => (d ? d.getTime() : null);
const date = (v: number | null): Date | null => (v === null ? null : new Date(Number(v)));

function toState(row: ManagedCertificatesTable): ManagedState {
  return {
    certificateId: Number(row.certificate_id),
    challengeType: row.challenge_type as ChallengeType,
    keyType: row.key_type as KeyType,
    identifiers: JSON.parse(row.identifiers) as string[],
    automated: Number(row.automated) !== 0,
    orderUrl: row.order_url,
    orderCreatedAt: date(row.order_created_at),
    dnsRecords: JSON.parse(row.dns_records) as DnsRecord[],
    pendingKey: row.pending_key,
    renewAt: date(row.renew_at),
    nextAttemptAt: date(row.next_attempt_at),
    failureCount: Number(row.failure_count),
    lastProblem: row.last_problem ? (JSON.parse(row.last_problem) as AcmeProblem) : null,
    revokeReason: row.revoke_reason,
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function patchValues(p: ManagedPatch): Partial<ManagedCertificatesTable> {
  const v: Partial<ManagedCertificatesTable> = {};
  if (p.challengeType !== undefined) v.challenge_type = p.challengeType;
  if (p.keyType !== undefined) v.key_type = p.keyType;
  if (p.identifiers !== undefined) v.identifiers = JSON.stringify(p.identifiers);
  if (p.automated !== undefined) v.automated = p.automated ? 1 : 0;
  if (p.orderUrl !== undefined) v.order_url = p.orderUrl;
  if (p.orderCreatedAt !== undefined) v.order_created_at = ms(p.orderCreatedAt);
  if (p.dnsRecords !== undefined) v.dns_records = JSON.stringify(p.dnsRecords);
  if (p.pendingKey !== undefined) v.pending_key = p.pendingKey;
  if (p.renewAt !== undefined) v.renew_at = ms(p.renewAt);
  if (p.nextAttemptAt !== undefined) v.next_attempt_at = ms(p.nextAttemptAt);
  if (p.failureCount !== undefined) v.failure_count = p.failureCount;
  if (p.lastProblem !== undefined) v.last_problem = p.lastProblem === null ? null : JSON.stringify(p.lastProblem);
  if (p.revokeReason !== undefined) v.revoke_reason = p.revokeReason;
  if (p.updatedAt !== undefined) v.updated_at = p.updatedAt.getTime();
  return v;
}

/** Managed certificates' issuing state, leases, ACME accounts, http-01 tokens and issuance settings over Kysely. */
export class KyselyManagedCertificateRepository implements ManagedCertificateRepository {
  constructor(private readonly db: Executor) {}

  async insert(s: ManagedState): Promise<void> {
    await this.db
      .insertInto('managed_certificates')
      .values({
        certificate_id: s.certificateId,
        challenge_type: s.challengeType,
        key_type: s.keyType,
        identifiers: JSON.stringify(s.identifiers),
        automated: s.automated ? 1 : 0,
        order_url: s.orderUrl,
        order_created_at: ms(s.orderCreatedAt),
        dns_records: JSON.stringify(s.dnsRecords),
        pending_key: s.pendingKey,
        renew_at: ms(s.renewAt),
        next_attempt_at: ms(s.nextAttemptAt),
        failure_count: s.failureCount,
        last_problem: s.lastProblem === null ? null : JSON.stringify(s.lastProblem),
        revoke_reason: s.revokeReason,
        lease_owner: null,
        lease_expires_at: null,
        updated_at: s.updatedAt.getTime(),
      })
      .execute();
  }

  async get(certificateId: number): Promise<ManagedState | undefined> {
    const row = await this.db.selectFrom('managed_certificates').selectAll().where('certificate_id', '=', certificateId).executeTakeFirst();
    return row && toState(row);
  }

  async update(certificateId: number, patch: ManagedPatch): Promise<void> {
    const values = patchValues(patch);
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('managed_certificates').set(values).where('certificate_id', '=', certificateId).execute();
  }

  async listDue(now: Date, limit: number, owner?: string): Promise<number[]> {
    const t = now.getTime();
    // Free: no lease, an expired one, or one this server itself (same instance id) left behind
    // when it died, which the issuance lease (Leases.acquire) lets it take back at once.
    const free =
      owner === undefined
        ? sql<boolean>`(m.lease_expires_at is null or m.lease_expires_at <= ${t})`
        : sql<boolean>`(m.lease_expires_at is null or m.lease_expires_at <= ${t} or m.lease_owner = ${owner})`;
    const rows = await this.db
      .selectFrom('managed_certificates as m')
      .innerJoin('certificates as c', 'c.id', 'm.certificate_id')
      .select(['m.certificate_id', sql<number>`coalesce(m.next_attempt_at, m.renew_at, m.updated_at)`.as('due')])
      .where(free)
      .where((eb) =>
        eb.or([
          // Renewal due (and not backing off).
          eb.and([eb('c.status', '=', 'issued'), eb('m.renew_at', '<=', t), eb.or([eb('m.next_attempt_at', 'is', null), eb('m.next_attempt_at', '<=', t)])]),
          // An automated attempt due (first issuance, retry after a failure, a renewal order in progress).
          eb.and([eb('m.automated', '=', 1), eb('m.next_attempt_at', '<=', t), eb('c.status', 'in', ['pending_validation', 'failed', 'issued', 'validating'])]),
          // A server died while validating: its lease expired (the `free` condition) and nobody finished.
          eb('c.status', '=', 'validating'),
        ]),
      )
      .orderBy('due')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.certificate_id));
  }

  async putHttpTokens(certificateId: number, tokens: ReadonlyArray<{ token: string; keyAuthorization: string }>, at: Date): Promise<void> {
    if (tokens.length === 0) return;
    await this.db
      .insertInto('acme_http_tokens')
      .values(tokens.map((t) => ({ token: t.token, key_authorization: t.keyAuthorization, certificate_id: certificateId, created_at: at.getTime() })))
      .onConflict((oc) => oc.column('token').doUpdateSet((eb) => ({ key_authorization: eb.ref('excluded.key_authorization'), certificate_id: eb.ref('excluded.certificate_id') })))
      .execute();
  }

  async deleteHttpTokens(certificateId: number): Promise<void> {
    await this.db.deleteFrom('acme_http_tokens').where('certificate_id', '=', certificateId).execute();
  }

  async findHttpKeyAuthorization(token: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('acme_http_tokens').select('key_authorization').where('token', '=', token).executeTakeFirst();
    return row?.key_authorization;
  }

  async getAccount(organizationId: string, directoryUrl: string): Promise<AcmeAccountRecord | undefined> {
    const row = await this.db
      .selectFrom('acme_accounts')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('directory_url', '=', directoryUrl)
      .executeTakeFirst();
    return (
      row && {
        organizationId: row.organization_id,
        directoryUrl: row.directory_url,
        accountUrl: row.account_url,
        sealedKey: row.sealed_key,
        contactEmail: row.contact_email,
        createdAt: new Date(Number(row.created_at)),
      }
    );
  }

  async insertAccountIfAbsent(a: AcmeAccountRecord): Promise<AcmeAccountRecord> {
    await this.db
      .insertInto('acme_accounts')
      .values({
        organization_id: a.organizationId,
        directory_url: a.directoryUrl,
        account_url: a.accountUrl,
        sealed_key: a.sealedKey,
        contact_email: a.contactEmail,
        created_at: a.createdAt.getTime(),
      })
      .onConflict((oc) => oc.columns(['organization_id', 'directory_url']).doNothing())
      .execute();
    return (await this.getAccount(a.organizationId, a.directoryUrl))!;
  }

  async setAccountUrl(organizationId: string, directoryUrl: string, accountUrl: string): Promise<void> {
    await this.db
      .updateTable('acme_accounts')
      .set({ account_url: accountUrl })
      .where('organization_id', '=', organizationId)
      .where('directory_url', '=', directoryUrl)
      .execute();
  }

  async listIssuanceSecrets(): Promise<IssuanceSecret[]> {
    const accounts = await this.db.selectFrom('acme_accounts').select(['organization_id', 'directory_url', 'sealed_key']).execute();
    const pending = await this.db.selectFrom('managed_certificates').select(['certificate_id', 'pending_key']).where('pending_key', 'is not', null).execute();
    const dns = await this.db.selectFrom('project_settings').select(['project_id', 'dns_provider_secret']).where('dns_provider_secret', 'is not', null).execute();
    return [
      ...accounts.map((a) => ({ kind: 'acmeAccountKey' as const, organizationId: a.organization_id, directoryUrl: a.directory_url, sealed: a.sealed_key })),
      ...pending.map((p) => ({ kind: 'pendingKey' as const, certificateId: Number(p.certificate_id), sealed: p.pending_key! })),
      ...dns.map((d) => ({ kind: 'dnsProviderSecret' as const, projectId: d.project_id, sealed: d.dns_provider_secret! })),
    ];
  }

  async updateIssuanceSecret(secret: IssuanceSecret, sealed: Buffer): Promise<void> {
    if (secret.kind === 'acmeAccountKey') {
      await this.db
        .updateTable('acme_accounts')
        .set({ sealed_key: sealed })
        .where('organization_id', '=', secret.organizationId)
        .where('directory_url', '=', secret.directoryUrl)
        .execute();
    } else if (secret.kind === 'pendingKey') {
      await this.db.updateTable('managed_certificates').set({ pending_key: sealed }).where('certificate_id', '=', secret.certificateId).execute();
    } else {
      await this.db.updateTable('project_settings').set({ dns_provider_secret: sealed }).where('project_id', '=', secret.projectId).execute();
    }
  }

  async getProjectSettings(projectId: string): Promise<ProjectSettings | undefined> {
    const row = await this.db.selectFrom('project_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    if (!row) return undefined;
    return {
      projectId: row.project_id,
      renewBeforeDays: row.renew_before_days === null ? null : Number(row.renew_before_days),
      dnsProvider: row.dns_provider_type
        ? {
            type: row.dns_provider_type as 'rfc2136' | 'exec',
            settings: JSON.parse(row.dns_provider_settings ?? '{}') as Record<string, unknown>,
            sealedSecret: row.dns_provider_secret,
          }
        : null,
      updatedAt: new Date(Number(row.updated_at)),
    };
  }

  async putProjectSettings(s: ProjectSettings): Promise<void> {
    const values = {
      renew_before_days: s.renewBeforeDays,
      dns_provider_type: s.dnsProvider?.type ?? null,
      dns_provider_settings: s.dnsProvider ? JSON.stringify(s.dnsProvider.settings) : null,
      dns_provider_secret: s.dnsProvider?.sealedSecret ?? null,
      updated_at: s.updatedAt.getTime(),
    };
    await this.db
      .insertInto('project_settings')
      .values({ project_id: s.projectId, ...values })
      .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
      .execute();
  }

  async bringRenewalsForward(projectId: string, leadMs: number, now: Date): Promise<number> {
    // Set-based: every issued certificate of the project whose renewAt is later than notAfter - lead.
    const target = sql<number>`(select c.not_after - ${leadMs} from certificates c where c.id = managed_certificates.certificate_id)`;
    const result = await this.db
      .updateTable('managed_certificates')
      .set({ renew_at: target, updated_at: now.getTime() })
      .where('renew_at', 'is not', null)
      .where('certificate_id', 'in', (eb) => eb.selectFrom('certificates').select('id').where('project_id', '=', projectId).where('status', '=', 'issued'))
      .where('renew_at', '>', target)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async getOrganizationSettings(organizationId: string): Promise<OrganizationSettings | undefined> {
    const row = await this.db.selectFrom('organization_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
    return (
      row && {
        organizationId: row.organization_id,
        acmeDirectoryUrl: row.acme_directory_url,
        acmeContactEmail: row.acme_contact_email,
        updatedAt: new Date(Number(row.updated_at)),
      }
    );
  }

  async putOrganizationSettings(s: OrganizationSettings): Promise<void> {
    const values = { acme_directory_url: s.acmeDirectoryUrl, acme_contact_email: s.acmeContactEmail, updated_at: s.updatedAt.getTime() };
    await this.db
      .insertInto('organization_settings')
      .values({ organization_id: s.organizationId, ...values })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
      .execute();
  }
}
