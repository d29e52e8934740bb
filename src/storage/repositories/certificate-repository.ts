import { sql, type CompiledQuery, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { CertificateKind, CertificateRecord, CertificateSource, LifecycleStatus, ScopeId } from '../../domain/certificate.js';
import type { CertificateMetricRow, CertificateQuery, CertificateRepository, IssuedFacts, MaterialRecord, NewCertificate } from '../../ports/certificate-repository.js';
import type { PageResult } from '../../ports/page.js';
import { applyTallyDeltas, type TallyDelta } from '../certificate-tallies.js';
import type { Atomic } from '../atomic.js';
import type { Database, Executor } from '../database.js';
import type { SqlDialectAdapter } from '../dialect/sql-dialect-adapter.js';
import { certificateNames, certificateRecordColumns, managedRecordColumns, managedSelections, toCertificateRecord, toMaterialRecord, tupleToCertificateRecord, type CertificateRow } from '../rows.js';
import { CompiledShapes, precompile, sentinelPositions } from '../precompiled-query.js';
import { sentinelWindow, timeWindow, windowNumbers, windowShape, type TimeWindow } from '../time-window.js';
import type { SqliteReader } from '../sqlite-reader.js';
import type { TupleReader } from '../pg-prepared.js';
import { createHash } from 'node:crypto';
import { generateUid } from '../../domain/uid.js';

type CertEb = ExpressionBuilder<Database, 'certificates'>;

function chainHash(pem: string): string {
  return createHash('sha256').update(pem).digest('hex');
}

/** Inserts materials with one statement, their issuer chains first (stored once by hash). */
async function insertMaterials(db: Executor, items: ReadonlyArray<{ material: MaterialRecord; certificateId: number }>): Promise<void> {
  const chains = new Map<string, string>();
  for (const { material } of items) if (material.chainPem) chains.set(chainHash(material.chainPem), material.chainPem);
  if (chains.size > 0) {
    await db
      .insertInto('certificate_chains')
      .values([...chains].map(([sha256, pem]) => ({ sha256, pem })))
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
  await db
    .insertInto('certificate_materials')
    .values(
      items.map(({ material, certificateId }) => ({
        id: material.id,
        certificate_id: certificateId,
        der: material.certificateDer,
        chain_sha256: material.chainPem ? chainHash(material.chainPem) : null,
        encrypted_key: material.encryptedKey,
        fingerprint_sha256: material.fingerprintSha256,
        not_before: material.notBefore.getTime(),
        not_after: material.notAfter.getTime(),
        created_at: material.createdAt.getTime(),
      })),
    )
    .execute();
}

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 200;

const sortColumns = {
  notAfter: 'not_after',
  domainName: 'domain_name',
  lastModified: 'last_modified',
  id: 'id',
} as const;

const UID_ATTEMPTS = 8;

/** In a PostgreSQL page's tuples: the record's columns, the managed state's, then the total. */
const PAGE_TOTAL_AT = certificateRecordColumns.length + managedRecordColumns.length;

function tallyDelta(row: CertificateRow, delta: number): TallyDelta {
  return {
    projectId: row.project_id,
    organizationId: row.organization_id,
    scopeId: Number(row.scope_id),
    status: row.status,
    kind: row.kind,
    source: row.source,
    notAfter: Number(row.not_after),
    delta,
  };
}

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (ESCAPE '\'). */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page's LIMIT/OFFSET numbers (n = offset + limit: what each branch reads). */
interface Paging {
  limit: number;
  offset: number;
  n: number;
}

/** The page a query asks for: pageIndex from 1, pageSize from 0. */
function pagingOf(q: CertificateQuery): Paging {
  const limit = Math.max(0, Math.floor(q.pageSize));
  const offset = (Math.max(1, Math.floor(q.pageIndex)) - 1) * limit;
  return { limit, offset, n: offset + limit };
}

/** Sentinels standing for a page's numbers when its statement is compiled once per shape. */
const PAGING_SENTINELS: Paging = { limit: -8_000_000_000_000_001, offset: -8_000_000_000_000_002, n: -8_000_000_000_000_003 };

/** Sentinels standing for a point read's arguments when its query is compiled once (precompile). */
const ID_SENTINEL = -987654321;
const PROJECT_SENTINEL = '\u0000project';
const ORGANIZATION_SENTINEL = '\u0000organization';
const FIND_VISIBLE_SENTINELS: [number, string, string] = [ID_SENTINEL, PROJECT_SENTINEL, ORGANIZATION_SENTINEL];

/**
 * Certificates over Kysely. Visibility: a project sees its own certificates plus the
 * Organization-scoped ones of its organization. Every write keeps `certificate_tallies` and
 * `certificate_expiry_days` exact in the same transaction.
 */

export class KyselyCertificateRepository implements CertificateRepository {
  private readonly shapes = new CompiledShapes();
  private readonly fastFindVisible?: (id: number, projectId: string, organizationId: string) => unknown[] | undefined;
  private readonly tupleFindVisible?: (id: number, projectId: string, organizationId: string) => Promise<CertificateRecord | undefined>;
  private findVisibleCompiled?: (id: number, projectId: string, organizationId: string) => CompiledQuery;

  constructor(
    private readonly db: Executor,
    private readonly atomic: Atomic,
    private readonly adapter: SqlDialectAdapter,
    reader?: SqliteReader,
    /** PostgreSQL outside a transaction: rows as arrays, for list pages. */
    private readonly tuples?: TupleReader,
  ) {
    if (reader) {
      // The row by id alone; visibility is checked on the tuple. Measured on 1M rows, SQLite took
      // ~40 µs for the join with the visibility terms in SQL and ~9 µs without them.
      const byId = reader.prepareRaw(this.findByIdQuery(ID_SENTINEL).compile(), [ID_SENTINEL]);
      const [projectAt, organizationAt, scopeAt] = ['project_id', 'organization_id', 'scope_id'].map((c) => certificateRecordColumns.indexOf(c as never));
      this.fastFindVisible = (id, projectId, organizationId) => {
        const values = byId(id);
        if (!values) return undefined;
        const visible = values[projectAt] === projectId || (Number(values[scopeAt]) === 1 && values[organizationAt] === organizationId);
        return visible ? values : undefined;
      };
    } else if (tuples) {
      // PostgreSQL outside a transaction: the row as an array through the pool, past Kysely's
      // executor (a connection provider and result transforms, a promise each) and pg's row
      // objects. Compiled once; the values are bound into a plain array.
      const compiled = this.findVisibleQuery(...FIND_VISIBLE_SENTINELS).compile();
      const positions = sentinelPositions(compiled, FIND_VISIBLE_SENTINELS);
      this.tupleFindVisible = (id, projectId, organizationId) => {
        const args = [id, projectId, organizationId];
        const parameters = positions.map((at, k) => (at >= 0 ? args[at] : compiled.parameters[k]));
        return tuples({ sql: compiled.sql, parameters }).then((rows) => rows[0] && tupleToCertificateRecord(rows[0]));
      };
    }
  }

  private findByIdQuery(id: number) {
    return this.db
      .selectFrom('certificates')
      .leftJoin('managed_certificates as mc', 'mc.certificate_id', 'certificates.id')
      .select(certificateRecordColumns.map((c) => `certificates.${c}` as const))
      .select(managedSelections)
      .where('id', '=', id);
  }

  private findVisibleQuery(id: number, projectId: string, organizationId: string) {
    return this.findByIdQuery(id).where((eb) => this.visibleTo(eb, projectId, organizationId));
  }

  async insert(cert: NewCertificate, material: MaterialRecord): Promise<CertificateRecord> {
    return (await this.insertMany([{ cert, material }]))[0];
  }

  /**
   * Inserts many slots with their materials and names in one transaction, with multi-row
   * statements: a bulk import costs a few statements per batch, not per certificate.
   */
  async insertMany(items: ReadonlyArray<{ cert: NewCertificate; material: MaterialRecord }>): Promise<CertificateRecord[]> {
    for (const { cert, material } of items) {
      if (material.id !== cert.sslCertificateId) {
        throw new AppError('validation_failed', "the material id must equal the certificate slot's sslCertificateId");
      }
    }
    if (items.length === 0) return [];
    return this.atomic(async (db) => {
      const out: CertificateRow[] = new Array(items.length);
      for (let from = 0; from < items.length; from += INSERT_CHUNK) {
        const chunk = items.slice(from, from + INSERT_CHUNK);
        const rows = await this.insertSlots(db, chunk.map((i) => i.cert));
        rows.forEach((row, i) => (out[from + i] = row));
        await insertMaterials(db, chunk.map(({ material }, i) => ({ material, certificateId: rows[i].id })));
        const names = chunk.flatMap(({ cert }, i) => certificateNames(cert.domainName, cert.sans).map((name) => ({ certificate_id: rows[i].id, name })));
        if (names.length > 0) await db.insertInto('certificate_names').values(names).execute();
      }
      await applyTallyDeltas(db, out.map((row) => tallyDelta(row, 1)));
      return out.map(toCertificateRecord);
    });
  }

  /** Inserts the slot rows, picking fresh uids for any that collide; rows come back in input order. */
  private async insertSlots(db: Executor, certs: NewCertificate[]): Promise<CertificateRow[]> {
    const result: Array<CertificateRow | undefined> = new Array(certs.length);
    let pending = certs.map((cert, index) => ({ cert, index }));
    for (let attempt = 0; attempt < UID_ATTEMPTS && pending.length > 0; attempt++) {
      const uids = pending.map(({ cert }) => cert.uid ?? generateUid());
      // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed
      // statement would abort the surrounding transaction.
      const rows = await db
        .insertInto('certificates')
        .values(pending.map(({ cert }, i) => this.slotValues(cert, uids[i])))
        .onConflict((oc) => oc.column('uid').doNothing())
        .returningAll()
        .execute();
      const byUid = new Map(rows.map((r) => [r.uid, r as CertificateRow]));
      const next: typeof pending = [];
      pending.forEach((p, i) => {
        const row = byUid.get(uids[i]);
        if (row) result[p.index] = row;
        else if (p.cert.uid !== undefined) throw new AppError('validation_failed', `certificate uid ${p.cert.uid} is already in use`);
        else next.push(p);
      });
      pending = next;
    }
    if (pending.length > 0) throw new AppError('internal_error', 'could not pick an unused certificate uid');
    return result as CertificateRow[];
  }

  private slotValues(cert: NewCertificate, uid: string) {
    const names = certificateNames(cert.domainName, cert.sans);
    return {
      uid,
      project_id: cert.projectId,
      organization_id: cert.organizationId,
      scope_id: cert.scopeId,
      source: cert.source,
      kind: cert.kind,
      status: cert.status,
      ssl_certificate_id: cert.sslCertificateId,
      domain_name: cert.domainName,
      sans: JSON.stringify(cert.sans),
      names_lower: names.join(' '),
      subject: cert.subject,
      issuer: cert.issuer,
      serial_number: cert.serialNumber,
      not_before: cert.notBefore.getTime(),
      not_after: cert.notAfter.getTime(),
      fingerprint_sha1: cert.fingerprintSha1,
      fingerprint_sha256: cert.fingerprintSha256,
      public_key_info: cert.publicKeyInfo,
      signature_algorithm: cert.signatureAlgorithm,
      key_usage: JSON.stringify(cert.keyUsage),
      extended_key_usage: JSON.stringify(cert.extendedKeyUsage),
      apple: cert.apple === null ? null : JSON.stringify(cert.apple),
      has_private_key: cert.hasPrivateKey ? 1 : 0,
      created_at: cert.createdAt.getTime(),
      last_modified: cert.lastModified.getTime(),
    };
  }

  async findVisible(projectId: string, organizationId: string, id: number): Promise<CertificateRecord | undefined> {
    return this.findVisibleNow(projectId, organizationId, id);
  }

  findVisibleNow(projectId: string, organizationId: string, id: number): CertificateRecord | undefined | Promise<CertificateRecord | undefined> {
    if (this.fastFindVisible) {
      const values = this.fastFindVisible(id, projectId, organizationId);
      return values && tupleToCertificateRecord(values);
    }
    if (this.tupleFindVisible) return this.tupleFindVisible(id, projectId, organizationId);
    // Built and compiled once per repository (the SQL is the same every time), then bound.
    this.findVisibleCompiled ??= precompile(this.findVisibleQuery(...FIND_VISIBLE_SENTINELS).compile(), FIND_VISIBLE_SENTINELS);
    return this.db.executeQuery<CertificateRow>(this.findVisibleCompiled(id, projectId, organizationId)).then(({ rows }) => rows[0] && toCertificateRecord(rows[0]));
  }

  async lockForImport(projectId: string): Promise<void> {
    await this.adapter.lockForImport(this.db, projectId);
  }

  async findVisibleByFingerprints(projectId: string, organizationId: string, fingerprintsSha256: readonly string[]): Promise<Map<string, CertificateRecord>> {
    const found = new Map<string, CertificateRecord>();
    const unique = [...new Set(fingerprintsSha256)];
    for (let from = 0; from < unique.length; from += INSERT_CHUNK) {
      const rows = await this.db
        .selectFrom('certificates')
        .selectAll()
        .where('fingerprint_sha256', 'in', unique.slice(from, from + INSERT_CHUNK))
        .where((eb) => this.visibleTo(eb, projectId, organizationId))
        .orderBy('id')
        .execute();
      // Prefer the project's own certificate, then the lowest id.
      for (const row of rows) {
        const current = found.get(row.fingerprint_sha256);
        if (!current || (current.projectId !== projectId && row.project_id === projectId)) found.set(row.fingerprint_sha256, toCertificateRecord(row as CertificateRow));
      }
    }
    return found;
  }

  async findById(id: number): Promise<CertificateRecord | undefined> {
    const row = await this.db
      .selectFrom('certificates')
      .leftJoin('managed_certificates as mc', 'mc.certificate_id', 'certificates.id')
      .selectAll('certificates')
      .select(managedSelections)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCertificateRecord(row as CertificateRow);
  }

  async findByUid(uid: string): Promise<CertificateRecord | undefined> {
    const row = await this.db
      .selectFrom('certificates')
      .leftJoin('managed_certificates as mc', 'mc.certificate_id', 'certificates.id')
      .selectAll('certificates')
      .select(managedSelections)
      .where('uid', '=', uid)
      .executeTakeFirst();
    return row && toCertificateRecord(row as CertificateRow);
  }

  /**
   * One page plus the exact total. The page is a UNION ALL of two ordered, limited branches
   * (the project's own rows; Organization-scoped rows of other projects of the organization),
   * each served by a (project|organization, sort key, id) index, merged by the outer
   * ORDER BY/LIMIT/OFFSET; only the page's rows are then read in full. See `count` for totals.
   */
  async list(q: CertificateQuery): Promise<PageResult<CertificateRecord>> {
    const paging = pagingOf(q);
    const { limit, offset } = paging;
    const t = timeWindow(q);
    if ((q.coversNames !== undefined && q.coversNames.length === 0) || t.empty) return { items: [], totalCount: 0 };
    if (this.adapter.readsPageWithTotal) {
      if (limit === 0) return { items: [], totalCount: await this.count(q, t) };
      // PostgreSQL plans with real statistics: the page and its total in one statement, the
      // total as an InitPlan computed once. Run as two statements side by side, the second
      // backend competed with this process for the CPU while it read the page's rows: on 1M
      // certificates the expiring page's p50 / p99 dropped from 2.2 / 3.9 ms without the count.
      const compiled = this.compiledList('page+total', q, t, paging, false, (st, sp) => {
        const total = sql<string>`${sql.join(
          this.countParts(q, st).map((p) => sql`(${p})`),
          sql` + `,
        )}`;
        return this.pageQuery(q, st, sp, false).select(total.as('total_count')).compile();
      });
      if (this.tuples) {
        const tuples = await this.tuples(compiled);
        // An empty page carries no total (offset past the end, or nothing matches).
        if (tuples.length === 0) return { items: [], totalCount: await this.count(q, t) };
        return { items: tuples.map(tupleToCertificateRecord), totalCount: Number(tuples[0][PAGE_TOTAL_AT]) };
      }
      const { rows } = await this.db.executeQuery<Record<string, unknown>>(compiled);
      if (rows.length === 0) return { items: [], totalCount: await this.count(q, t) };
      return { items: await this.pageRecords(rows), totalCount: Number(rows[0].total_count) };
    }
    // SQLite runs one statement at a time anyway. Counting first lets us choose the plan the
    // planner cannot see: for a notAfter window or a status sorted by another key, walking the sort index
    // and filtering reads about n·N/M rows (n = offset + limit, N = all visible, M = matching),
    // while reading the window and sorting it reads M rows. Past M² > n·N the walk wins, and the
    // window's and the status index are kept out of the plan (unary + on the columns).
    const totalCount = await this.count(q, t);
    let walkSortIndex = false;
    if (limit > 0 && q.sort !== 'notAfter' && (t.bounded || q.status !== undefined) && q.search === undefined && q.coversNames === undefined && totalCount > 0) {
      const all = await this.count({ projectId: q.projectId, organizationId: q.organizationId, now: q.now, sort: q.sort, descending: q.descending, pageIndex: 1, pageSize: 0 });
      walkSortIndex = totalCount * totalCount > (offset + limit) * all;
    }
    const items = limit === 0 || offset >= totalCount ? [] : await this.page(q, t, paging, walkSortIndex);
    return { items, totalCount };
  }

  async listItems(q: CertificateQuery): Promise<CertificateRecord[]> {
    const paging = pagingOf(q);
    const t = timeWindow(q);
    if (paging.limit === 0 || (q.coversNames !== undefined && q.coversNames.length === 0) || t.empty) return [];
    return this.page(q, t, paging, false);
  }

  async updateScope(id: number, scopeId: ScopeId, at: Date): Promise<CertificateRecord | undefined> {
    return this.atomic(async (db) => {
      const before = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) return undefined;
      if (Number(before.scope_id) === scopeId) return toCertificateRecord(before);
      const after = await db
        .updateTable('certificates')
        .set({ scope_id: scopeId, last_modified: at.getTime() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await applyTallyDeltas(db, [tallyDelta(before, -1), tallyDelta(after, 1)]);
      return toCertificateRecord(after);
    });
  }

  /** Sets the stored lifecycle status (and lastModified) when it changes; unknown ids are ignored. */
  async updateStatus(id: number, status: LifecycleStatus, at: Date): Promise<void> {
    await this.atomic(async (db) => {
      const before = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before || before.status === status) return;
      const after = await db
        .updateTable('certificates')
        .set({ status, last_modified: at.getTime() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await applyTallyDeltas(db, [tallyDelta(before, -1), tallyDelta(after, 1)]);
    });
  }

  async delete(id: number): Promise<void> {
    await this.atomic(async (db) => {
      const before = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) return;
      // Materials and names go with it (ON DELETE CASCADE); deleted explicitly too, so the
      // outcome does not depend on SQLite's foreign_keys pragma.
      await db.deleteFrom('certificate_names').where('certificate_id', '=', id).execute();
      await db.deleteFrom('certificate_materials').where('certificate_id', '=', id).execute();
      await db.deleteFrom('certificates').where('id', '=', id).execute();
      await applyTallyDeltas(db, [tallyDelta(before, -1)]);
    });
  }

  async insertPending(cert: NewCertificate): Promise<CertificateRecord> {
    return this.atomic(async (db) => {
      const [row] = await this.insertSlots(db, [cert]);
      const names = certificateNames(cert.domainName, cert.sans).map((name) => ({ certificate_id: row.id, name }));
      if (names.length > 0) await db.insertInto('certificate_names').values(names).execute();
      await applyTallyDeltas(db, [tallyDelta(row, 1)]);
      return toCertificateRecord(row);
    });
  }

  async storeIssued(id: number, facts: IssuedFacts, material: MaterialRecord, at: Date): Promise<CertificateRecord> {
    if (material.id !== facts.sslCertificateId) throw new AppError('validation_failed', "the material id must equal the slot's new sslCertificateId");
    return this.atomic(async (db) => {
      const before = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('certificate_not_found', `certificate ${id} does not exist`);
      await insertMaterials(db, [{ material, certificateId: id }]);
      const names = certificateNames(facts.domainName, facts.sans);
      const after = await db
        .updateTable('certificates')
        .set({
          status: 'issued',
          ssl_certificate_id: facts.sslCertificateId,
          kind: facts.kind,
          domain_name: facts.domainName,
          sans: JSON.stringify(facts.sans),
          names_lower: names.join(' '),
          subject: facts.subject,
          issuer: facts.issuer,
          serial_number: facts.serialNumber,
          not_before: facts.notBefore.getTime(),
          not_after: facts.notAfter.getTime(),
          fingerprint_sha1: facts.fingerprintSha1,
          fingerprint_sha256: facts.fingerprintSha256,
          public_key_info: facts.publicKeyInfo,
          signature_algorithm: facts.signatureAlgorithm,
          key_usage: JSON.stringify(facts.keyUsage),
          extended_key_usage: JSON.stringify(facts.extendedKeyUsage),
          apple: facts.apple === null ? null : JSON.stringify(facts.apple),
          has_private_key: facts.hasPrivateKey ? 1 : 0,
          last_modified: at.getTime(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // The names follow the new material (a re-issue may change them).
      await db.deleteFrom('certificate_names').where('certificate_id', '=', id).execute();
      if (names.length > 0) await db.insertInto('certificate_names').values(names.map((name) => ({ certificate_id: id, name }))).execute();
      await applyTallyDeltas(db, [tallyDelta(before, -1), tallyDelta(after, 1)]);
      return toCertificateRecord(after);
    });
  }

  async getMaterial(sslCertificateId: string): Promise<MaterialRecord | undefined> {
    const row = await this.materials().where('m.id', '=', sslCertificateId).executeTakeFirst();
    return row && toMaterialRecord(row);
  }

  /** Oldest first. */
  async listMaterials(certificateId: number): Promise<MaterialRecord[]> {
    const rows = await this.materials().where('m.certificate_id', '=', certificateId).orderBy('m.created_at').orderBy('m.id').execute();
    return rows.map(toMaterialRecord);
  }

  /** Materials with their chain's PEM. */
  private materials() {
    return this.db
      .selectFrom('certificate_materials as m')
      .leftJoin('certificate_chains as ch', 'ch.sha256', 'm.chain_sha256')
      .selectAll('m')
      .select('ch.pem as chain_pem');
  }

  async listSealedKeys(afterId: string | null, limit: number): Promise<Array<{ id: string; encryptedKey: Buffer }>> {
    let qb = this.db
      .selectFrom('certificate_materials')
      .select(['id', 'encrypted_key'])
      .where('encrypted_key', 'is not', null);
    if (afterId !== null) qb = qb.where('id', '>', afterId);
    const rows = await qb.orderBy('id').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map((r) => ({ id: r.id, encryptedKey: Buffer.from(r.encrypted_key!) }));
  }

  async updateSealedKey(id: string, encryptedKey: Buffer): Promise<void> {
    await this.db.updateTable('certificate_materials').set({ encrypted_key: encryptedKey }).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------------------------------

  private visibleTo(eb: CertEb, projectId: string, organizationId: string): Expression<SqlBool> {
    return eb.or([eb('project_id', '=', projectId), eb.and([eb('scope_id', '=', sql.lit(1)), eb('organization_id', '=', organizationId)])]);
  }

  /** The branch conditions: the project's own rows, or other projects' Organization-scoped rows. */
  private branch(eb: CertEb, own: boolean, q: CertificateQuery): Expression<SqlBool>[] {
    if (own) return [eb('project_id', '=', q.projectId)];
    // The literal 1 (not a parameter) lets both planners match the partial indexes.
    return [eb('scope_id', '=', sql.lit(1)), eb('organization_id', '=', q.organizationId), eb('project_id', '<>', q.projectId)];
  }

  /** Every filter of the query except visibility; `noRangeIndex`: keep the notAfter index out of the plan (SQLite). */
  private filters(eb: CertEb, q: CertificateQuery, t: TimeWindow, noRangeIndex = false): Expression<SqlBool>[] {
    const now = t.now;
    const out: Expression<SqlBool>[] = [];
    const notAfter = noRangeIndex ? sql<number>`+${sql.ref('not_after')}` : eb.ref('not_after');
    const status = noRangeIndex ? sql<string>`+${sql.ref('status')}` : eb.ref('status');
    if (q.status === 'expired') out.push(eb(status, '=', 'issued'), eb(notAfter, '<=', now));
    else if (q.status === 'issued') out.push(eb(status, '=', 'issued'), eb(notAfter, '>', now));
    else if (q.status !== undefined) out.push(eb(status, '=', q.status));
    if (q.kind !== undefined) out.push(eb('kind', '=', q.kind));
    if (q.source !== undefined) out.push(eb('source', '=', q.source));
    if (q.expiringWithinDays !== undefined) {
      out.push(eb(notAfter, '>=', now), eb(notAfter, '<=', t.windowEnd!));
    }
    if (t.after !== undefined) out.push(eb(notAfter, '>=', t.after));
    if (t.before !== undefined) out.push(eb(notAfter, '<', t.before));
    if (q.search !== undefined && q.search !== '') {
      out.push(sql<SqlBool>`${eb.ref('names_lower')} like ${likeContains(q.search.toLowerCase())} escape '\\'`);
    }
    if (q.coversNames !== undefined) {
      const names = [...new Set(q.coversNames.map((n) => n.toLowerCase()))];
      out.push(eb('id', 'in', eb.selectFrom('certificate_names').select('certificate_names.certificate_id').where('certificate_names.name', 'in', names)));
    }
    return out;
  }

  private pageQuery(q: CertificateQuery, t: TimeWindow, { limit, offset, n }: Paging, walkSortIndex: boolean) {
    const column = sortColumns[q.sort];
    if (!column) throw new AppError('validation_failed', `unknown sort ${String(q.sort)}`);
    const dir = q.descending ? 'desc' : 'asc';
    const branch = (own: boolean) =>
      this.db
        .selectFrom('certificates')
        .select((eb) => ['id', eb.ref(column).as('k')])
        .where((eb) => eb.and([...this.branch(eb, own, q), ...this.filters(eb, q, t, walkSortIndex)]))
        .orderBy(column, dir)
        .orderBy('id', dir)
        .limit(n);
    const merged = this.db
      .selectFrom(branch(true).as('a'))
      .selectAll()
      .unionAll(this.db.selectFrom(branch(false).as('b')).selectAll());
    // Page the (id, key) pairs first, then read only the page's rows in full.
    const pageIds = this.db
      .selectFrom(merged.as('u'))
      .select(['u.id', 'u.k'])
      .orderBy('u.k', dir)
      .orderBy('u.id', dir)
      .limit(limit)
      .offset(offset);
    // The managed state: on PostgreSQL a LEFT JOIN on the page's rows (0.04 ms more than without,
    // a round trip less); on SQLite a second read (pageRecords), only for issued-by-certkeeper
    // rows, as the LEFT JOIN doubled the page's time there (1.5 ms against 0.7 ms for 100 rows of 1M).
    const joinManaged = this.adapter.joinsManagedIntoPages;
    return this.db
      .selectFrom(pageIds.as('p'))
      .innerJoin('certificates as c', 'c.id', 'p.id')
      // The record's columns only: not names_lower (a lower-cased copy of the names), 10% of a row.
      .select(certificateRecordColumns.map((c) => `c.${c}` as const))
      .$if(joinManaged, (qb) => qb.leftJoin('managed_certificates as mc', 'mc.certificate_id', 'c.id').select(managedSelections))
      .orderBy('p.k', dir)
      .orderBy('p.id', dir);
  }

  private async page(q: CertificateQuery, t: TimeWindow, paging: Paging, walkSortIndex: boolean): Promise<CertificateRecord[]> {
    const compiled = this.compiledList('page', q, t, paging, walkSortIndex, (st, sp) => this.pageQuery(q, st, sp, walkSortIndex).compile());
    return this.pageRecords((await this.db.executeQuery<Record<string, unknown>>(compiled)).rows);
  }

  /**
   * A list statement compiled once per shape (CompiledShapes): the query's own fields, `what`
   * and `flag` fix its SQL; the clock's numbers (TimeWindow) and the page's are bound.
   */
  private compiledList(what: string, q: CertificateQuery, t: TimeWindow, paging: Paging | undefined, flag: boolean, build: (t: TimeWindow, paging: Paging) => CompiledQuery): CompiledQuery {
    const key = JSON.stringify([what, flag, windowShape(t), { ...q, now: undefined, expiringWithinDays: q.expiringWithinDays !== undefined, expiringAfter: q.expiringAfter !== undefined, expiringBefore: q.expiringBefore !== undefined, pageIndex: undefined, pageSize: undefined }]);
    const numbers = (w: TimeWindow, p: Paging | undefined) => (p ? [...windowNumbers(w), p.limit, p.offset, p.n] : windowNumbers(w));
    return this.shapes.get(key, numbers(t, paging), () => {
      const st = sentinelWindow(t);
      return { compiled: build(st, PAGING_SENTINELS), sentinels: numbers(st, paging && PAGING_SENTINELS) };
    });
  }

  private async pageRecords(rows: Array<Record<string, unknown>>): Promise<CertificateRecord[]> {
    const managedIds = this.adapter.joinsManagedIntoPages ? [] : rows.filter((r) => r.source === 'acme').map((r) => Number(r.id));
    if (managedIds.length > 0) {
      const managed = await this.db.selectFrom('managed_certificates as mc').select('mc.certificate_id').select(managedSelections).where('mc.certificate_id', 'in', managedIds).execute();
      const byId = new Map(managed.map((m) => [Number(m.certificate_id), m]));
      for (const r of rows) Object.assign(r, byId.get(Number(r.id)));
    }
    return rows.map((r) => toCertificateRecord(r as unknown as CertificateRow));
  }

  /**
   * The exact number of visible certificates matching the query, without counting a million
   * rows:
   * - no time-dependent filter: a sum over `certificate_tallies` (a handful of rows);
   * - a notAfter window (expiringWithinDays, issued = not yet expired, expired): whole UTC days
   *   are summed from `certificate_expiry_days`, and only the two partial boundary days are
   *   counted from the (project_id, not_after, id) index;
   * - search / coversNames: counted from the rows (coversNames through the names index).
   */
  private async count(q: CertificateQuery, t: TimeWindow = timeWindow(q)): Promise<number> {
    if (t.empty) return 0;
    // One round trip: every part is a scalar subquery of one SELECT.
    const compiled = this.compiledList('count', q, t, undefined, false, (st) =>
      this.db.selectNoFrom(() => this.countParts(q, st).map((p, i) => p.as(`p${i}`))).compile(),
    );
    const [row] = (await this.db.executeQuery<Record<string, unknown>>(compiled)).rows;
    return Object.values(row).reduce<number>((sum, v) => sum + Number(v ?? 0), 0);
  }

  /** The one-row counts whose sum is the total (see count); the window must not be empty. */
  private countParts(q: CertificateQuery, t: TimeWindow): Array<SelectQueryBuilder<Database, any, { n: number }>> {
    const db = this.db;
    const parts: Array<SelectQueryBuilder<Database, any, { n: number }>> = [];
    if (q.search !== undefined || q.coversNames !== undefined) {
      parts.push(this.countRows(q, true, (eb) => this.filters(eb, q, t)), this.countRows(q, false, (eb) => this.filters(eb, q, t)));
      return parts;
    }
    const storedStatus = q.status === 'expired' || q.status === 'issued' ? 'issued' : q.status;
    if (!t.bounded) {
      for (const own of [true, false]) {
        parts.push(
          db
            .selectFrom('certificate_tallies')
            .select((eb) => eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('count'), sql.lit(0)), 'bigint').as('n'))
            .where((eb) => eb.and(this.counterConditions(eb, own, q, storedStatus))),
        );
      }
      return parts;
    }
    const days = t.days;
    if (days) {
      const [fullFrom, fullTo] = days;
      for (const own of [true, false]) {
        parts.push(
          db
            .selectFrom('certificate_expiry_days')
            .select((eb) => eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('count'), sql.lit(0)), 'bigint').as('n'))
            .where((eb) => {
              const c = this.counterConditions(eb, own, q, storedStatus);
              if (Number.isFinite(fullFrom)) c.push(eb('day', '>=', fullFrom));
              if (Number.isFinite(fullTo)) c.push(eb('day', '<=', fullTo));
              return eb.and(c);
            }),
        );
      }
    }
    for (const [from, to] of t.ranges) {
      const rangeFilters = (eb: CertEb): Expression<SqlBool>[] => {
        const c: Expression<SqlBool>[] = [];
        if (Number.isFinite(from)) c.push(eb('not_after', '>=', from));
        if (Number.isFinite(to)) c.push(eb('not_after', '<=', to));
        if (storedStatus !== undefined) c.push(eb('status', '=', storedStatus));
        if (q.kind !== undefined) c.push(eb('kind', '=', q.kind));
        if (q.source !== undefined) c.push(eb('source', '=', q.source));
        return c;
      };
      parts.push(this.countRows(q, true, rangeFilters), this.countRows(q, false, rangeFilters));
    }
    return parts;
  }

  private countRows(q: CertificateQuery, own: boolean, filters: (eb: CertEb) => Expression<SqlBool>[]): SelectQueryBuilder<Database, any, { n: number }> {
    return this.db
      .selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and([...this.branch(eb, own, q), ...filters(eb)]));
  }

  private counterConditions(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by the two counter tables
    eb: ExpressionBuilder<any, any>,
    own: boolean,
    q: CertificateQuery,
    storedStatus: string | undefined,
  ): Expression<SqlBool>[] {
    const c: Expression<SqlBool>[] = own
      ? [eb('project_id', '=', q.projectId)]
      : [eb('scope_id', '=', sql.lit(1)), eb('organization_id', '=', q.organizationId), eb('project_id', '<>', q.projectId)];
    if (storedStatus !== undefined) c.push(eb('status', '=', storedStatus));
    if (q.kind !== undefined) c.push(eb('kind', '=', q.kind));
    if (q.source !== undefined) c.push(eb('source', '=', q.source));
    return c;
  }

  /** Keyset page over the primary key: constant cost per page however deep the scan is. */
  async scanForMetrics(afterId: number, limit: number): Promise<CertificateMetricRow[]> {
    const rows = await this.metricColumns().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map(toMetricRow);
  }

  async soonestForMetrics(fromNotAfter: number, limit: number): Promise<{ rows: CertificateMetricRow[]; total: number }> {
    // certificates_not_after_idx (migration 0013): one index range, no sort.
    const rows = await this.metricColumns().where('not_after', '>=', fromNotAfter).orderBy('not_after').orderBy('id').limit(limit).execute();
    const total = await this.db.selectFrom('certificates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: rows.map(toMetricRow), total: Number(total.n) };
  }

  private metricColumns() {
    return (
      this.db
        .selectFrom('certificates')
        // As rows.ts: a managed slot before its first issuance has no fingerprint yet (compared in SQL: no 64-character string per row).
        .select(['id', 'project_id', 'domain_name', 'kind', 'source', 'status', 'not_after', sql<number>`case when fingerprint_sha256 = '' then 0 else 1 end`.as('issued')])
    );
  }
}

function toMetricRow(r: { id: number; project_id: string; domain_name: string; kind: string; source: string; status: string; not_after: number; issued: number }): CertificateMetricRow {
  return {
    id: Number(r.id),
    projectId: r.project_id,
    domainName: r.domain_name,
    kind: r.kind as CertificateKind,
    source: r.source as CertificateSource,
    status: r.status as LifecycleStatus,
    notAfter: Number(r.not_after),
    issued: Number(r.issued) === 1,
  };
}
