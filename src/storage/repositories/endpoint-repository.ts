import type { Generated, Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Endpoint, EndpointProbe, EndpointProtocol } from '../../domain/endpoint.js';
import type { EndpointRepository, NewEndpoint } from '../../ports/endpoint-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { ClaimWindow } from '../../ports/leases.js';
import type { Database, Executor } from '../database.js';
import { pageWindow } from './paging.js';

/** The table of migration 0011 as Kysely sees it. */
export interface EndpointsTable {
  id: Generated<number>;
  project_id: string;
  organization_id: string;
  host: string;
  port: number;
  server_name: string;
  protocol: string;
  created_at: number;
  certificate_id: number | null;
  probed_at: number | null;
  probe_error: string | null;
  chain_fingerprints: string | null;
  probe: string | null;
  claimed_at: number | null;
}

type EndpointDatabase = Database & { endpoints: EndpointsTable };
type Row = Omit<EndpointsTable, 'id'> & { id: number };

/** The stored JSON of a probe: dates as ISO strings. */
function probeOf(json: string | null): EndpointProbe | null {
  if (json === null) return null;
  const p = JSON.parse(json) as EndpointProbe & { probedAt: string; leaf: (EndpointProbe['leaf'] & { notBefore: string; notAfter: string }) | null };
  return {
    ...p,
    probedAt: new Date(p.probedAt),
    leaf: p.leaf === null ? null : { ...p.leaf, notBefore: new Date(p.leaf.notBefore), notAfter: new Date(p.leaf.notAfter) },
  };
}

function toEndpoint(row: Row): Endpoint {
  return {
    id: Number(row.id),
    projectId: row.project_id,
    organizationId: row.organization_id,
    host: row.host,
    port: Number(row.port),
    serverName: row.server_name === '' ? null : row.server_name,
    protocol: row.protocol as EndpointProtocol,
    createdAt: new Date(Number(row.created_at)),
    certificateId: row.certificate_id === null ? null : Number(row.certificate_id),
    lastProbe: probeOf(row.probe),
  };
}

/** Watched endpoints and their last probe (migration 0011). */
export class KyselyEndpointRepository implements EndpointRepository {
  private readonly db: Kysely<EndpointDatabase>;

  constructor(db: Executor) {
    // The 0011 table is declared here rather than in database.ts: only this repository reads it.
    this.db = db as unknown as Kysely<EndpointDatabase>;
  }

  async insert(e: NewEndpoint): Promise<Endpoint> {
    const row = await this.db
      .insertInto('endpoints')
      .values({
        project_id: e.projectId,
        organization_id: e.organizationId,
        host: e.host,
        port: e.port,
        server_name: e.serverName ?? '',
        protocol: e.protocol,
        created_at: e.createdAt.getTime(),
        certificate_id: null,
        probed_at: null,
        probe_error: null,
        chain_fingerprints: null,
        probe: null,
        claimed_at: null,
      })
      // A concurrent create of the same target loses here, without aborting a PostgreSQL transaction.
      .onConflict((oc) => oc.columns(['project_id', 'host', 'port', 'protocol', 'server_name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('endpoint_already_exists', `the project already watches ${e.protocol}://${e.host}:${e.port}${e.serverName ? ` (server name ${e.serverName})` : ''}`);
    return toEndpoint(row);
  }

  async get(id: number): Promise<Endpoint | undefined> {
    const row = await this.db.selectFrom('endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEndpoint(row);
  }

  async list(projectId: string, page: Page, filter: { certificateId?: number } = {}): Promise<PageResult<Endpoint>> {
    const { limit, offset } = pageWindow(page);
    const { certificateId } = filter;
    const base = () => {
      const q = this.db.selectFrom('endpoints').where('project_id', '=', projectId);
      return certificateId === undefined ? q : q.where('certificate_id', '=', certificateId);
    };
    const [rows, total] = await Promise.all([
      base().selectAll().orderBy('id').limit(limit).offset(offset).execute(),
      base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toEndpoint), totalCount: Number(total.n) };
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('endpoints').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async recordProbe(id: number, probe: EndpointProbe, certificateId: number | null): Promise<boolean> {
    const result = await this.db
      .updateTable('endpoints')
      .set({
        probed_at: probe.probedAt.getTime(),
        probe_error: probe.error?.code ?? null,
        chain_fingerprints: JSON.stringify(probe.chainFingerprints),
        probe: JSON.stringify(probe),
        certificate_id: certificateId,
        claimed_at: null,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

/** Leases' `probe` queue: endpoints last probed at or before `dueBefore` (or never), one conditional UPDATE per row. */
export async function claimDueEndpoints(executor: Executor, { now, dueBefore, claimExpiredBefore }: ClaimWindow, limit: number): Promise<Endpoint[]> {
  const db = executor as unknown as Kysely<EndpointDatabase>;
  const due = dueBefore.getTime();
  const expired = claimExpiredBefore.getTime();
  const candidates = await db
    .selectFrom('endpoints')
    .select('id')
    .where((eb) => eb.or([eb('probed_at', 'is', null), eb('probed_at', '<=', due)]))
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
    .orderBy('probed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: Endpoint[] = [];
  for (const c of candidates) {
    // Lock, then check again: only one server's UPDATE matches the still-due, unclaimed row.
    const row = await db
      .updateTable('endpoints')
      .set({ claimed_at: now.getTime() })
      .where('id', '=', c.id)
      .where((eb) => eb.or([eb('probed_at', 'is', null), eb('probed_at', '<=', due)]))
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(toEndpoint(row));
  }
  return claimed;
}
