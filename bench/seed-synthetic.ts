import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Store } from '../src/ports/store.js';
import type { Database, SqlDialect } from '../src/storage/database.js';
import { storeInternals } from '../src/storage/kysely-store.js';
import { generateUids } from '../src/domain/uid.js';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export interface SyntheticSeedOptions {
  projectId: string;
  organizationId: string;
  count: number;
  /** The clock's now: notAfter values are spread around it. */
  now: Date;
  /** Real certificates whose DER (and chain) the synthetic materials reuse, round-robin. */
  materials: Array<{ der: Buffer; chainPem: string }>;
  /** Certificates per INSERT … SELECT statement (default 100000). */
  batchSize?: number;
  /** Called after each batch with the number of certificates written so far. */
  onProgress?: (done: number) => void;
}

/**
 * A pseudo-random draw in [0, 1000003) from the row id: i·p mod a prime. Deterministic, so runs
 * are comparable, and usable several times in one row with the same value (random() is not).
 */
const M = 1_000_003;
const draw = (p: number) => sql.raw(`((s.i * ${p}) % ${M})`);
const P = {
  wildcard: 7919,
  extraNames: 104729,
  expired: 15485863,
  notAfter: 32452843,
  lifetime: 49979687,
  created: 67867967,
  status: 86028121,
  kind: 1_299_709,
  source: 2_750_159,
  algorithm: 4_256_249,
  privateKey: 5_800_079,
} as const;

/** Random SQL values, different in each row, for INSERT … SELECT over s(i, uid). */
interface RandomFragments {
  hex(bytes: number): RawBuilder<unknown>;
  upperHex(bytes: number): RawBuilder<unknown>;
  /** A material id: UUIDv7 layout (RFC 9562 §5.7), its 48-bit time part the base time + row id. */
  uuid: RawBuilder<unknown>;
  blob(bytes: number): RawBuilder<unknown>;
}

/** What a bulk load does differently in each dialect; everything else is portable SQL. */
interface SeedDialect {
  /** `baseMs`: the material ids' time part for row 0. */
  random(baseMs: number): RandomFragments;
  /**
   * Before the load's transaction, with the WAL checkpointer paused: settings that speed the load
   * up, pushing onto `restore` the statements that set them back.
   */
  prepare(db: Kysely<Database>, empty: boolean, restore: string[]): Promise<void>;
  /** First in the load's transaction: creates the scratch table `blobs` of the material blobs. */
  begin(tx: Kysely<Database>, blobs: string): Promise<void>;
  /** s(i, uid): the row ids from `from` on, with `uids` in order. */
  series(from: number, uids: string[]): RawBuilder<unknown>;
  /** The secondary (non-constraint) indexes of `tables`, with the DDL that builds them again. */
  secondaryIndexes(tx: Kysely<Database>, tables: readonly string[]): Promise<Array<{ name: string; ddl: string }>>;
  /** Last in the load's transaction. */
  end(tx: Kysely<Database>, blobs: string): Promise<void>;
  /** After the load: the planner statistics of what it wrote. */
  analyze(db: Kysely<Database>): Promise<void>;
}

// Material ids arrive in key order, so the primary key index is appended to rather than split.
const idTime = (baseMs: number) => sql.raw(`(${Math.trunc(baseMs)} + s.i)`);

const sqliteSeed: SeedDialect = {
  random(baseMs) {
    const ts = idTime(baseMs);
    return {
      hex: (bytes) => sql.raw(`lower(hex(randomblob(${bytes})))`),
      upperHex: (bytes) => sql.raw(`hex(randomblob(${bytes}))`),
      uuid: sql`lower(printf('%08x-%04x-7', ${ts} >> 16, ${ts} & 65535) || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`,
      blob: (bytes) => sql.raw(`randomblob(${bytes})`),
    };
  },
  async prepare(db, empty, restore) {
    // A page cache that holds the whole load keeps SQLite from spilling and re-reading pages.
    const cache = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size;
    await sql`pragma cache_size = -4194304`.execute(db);
    restore.push(`pragma cache_size = ${Number(cache)}`);
    if (empty) {
      // Loading into an empty database: an in-memory rollback journal instead of the WAL halves
      // the bytes written (the WAL would be written, then checkpointed). Rollback still works;
      // a crash in the middle could damage the file, which held nothing yet.
      const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]?.journal_mode ?? 'wal';
      restore.push(`pragma journal_mode = ${mode.replace(/[^a-z]/gi, '')}`);
      await sql`pragma journal_mode = memory`.execute(db);
    }
  },
  async begin(tx, blobs) {
    await sql`create temp table ${sql.id(blobs)} (idx integer primary key, der blob not null, chain_sha256 text)`.execute(tx);
  },
  series(from, uids) {
    return sql`select cast(j.key + ${from} as integer) as i, j.value as uid from json_each(${JSON.stringify(uids)}) as j`;
  },
  async secondaryIndexes(tx, tables) {
    const rows = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(tx);
    return rows.rows.map((r) => ({ name: r.name, ddl: r.sql }));
  },
  async end(tx, blobs) {
    await sql`drop table ${sql.id(blobs)}`.execute(tx);
  },
  async analyze(db) {
    await sql`analyze`.execute(db);
  },
};

const md5 = 'md5(random()::text)';
const md5Hex = (bytes: number) => new Array(Math.ceil(bytes / 16)).fill(md5).join(' || ');

const postgresSeed: SeedDialect = {
  random(baseMs) {
    const ts = idTime(baseMs);
    return {
      hex: (bytes) => sql.raw(`substr(${md5Hex(bytes)}, 1, ${bytes * 2})`),
      upperHex: (bytes) => sql.raw(`upper(substr(${md5Hex(bytes)}, 1, ${bytes * 2}))`),
      uuid: sql`lpad(to_hex(${ts} >> 16), 8, '0') || '-' || lpad(to_hex(${ts} & 65535), 4, '0') || '-7' ||
      substr(md5(random()::text), 1, 3) || '-' || substr('89ab', 1 + floor(random() * 4)::int, 1) ||
      substr(md5(random()::text), 1, 3) || '-' || substr(md5(random()::text), 1, 12)`,
      blob: (bytes) => sql.raw(`decode(${md5Hex(bytes)}, 'hex')`),
    };
  },
  async prepare() {},
  async begin(tx, blobs) {
    // Explicit ids: keep other writers out until the identity sequence has moved past them.
    await sql`lock table certificates in share row exclusive mode`.execute(tx);
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx); // for the index rebuilds
    await sql`create temp table ${sql.id(blobs)} (idx integer primary key, der bytea not null, chain_sha256 text) on commit drop`.execute(tx);
  },
  series(from, uids) {
    return sql`select (u.n + ${from - 1})::int8 as i, u.uid from unnest(${uids}::text[]) with ordinality as u(uid, n)`;
  },
  async secondaryIndexes(tx, tables) {
    const rows = await sql<{ name: string; ddl: string }>`
      select i.indexname as name, i.indexdef as ddl from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(tx);
    return rows.rows;
  },
  async end(tx) {
    await sql`select setval(pg_get_serial_sequence('certificates', 'id'), (select max(id) from certificates))`.execute(tx);
  },
  async analyze(db) {
    // VACUUM sets the visibility map, so the count queries' index-only scans really skip the
    // heap from the start (ANALYZE alone does not). The materials table too: left alone, its
    // first autovacuum (the inserts pass the insert threshold) reads the whole table minutes
    // later, in the middle of whatever the server is doing then.
    await sql`vacuum (analyze) certificates, certificate_names, certificate_tallies, certificate_expiry_days, certificate_materials`.execute(db);
  },
};

const seedDialects: Record<SqlDialect, SeedDialect> = { sqlite: sqliteSeed, postgres: postgresSeed };

/**
 * Inserts `count` realistic certificates into one project as fast as the database allows (for
 * the benchmark): distinct names (`host123456.zone456.example.com`, about 10% wildcards), 1-3
 * SANs, notAfter spread over the next 400 days with about 5% already expired (up to 90 days
 * ago), about 92% TLS, unique random fingerprints, a material row per certificate reusing one
 * of the given DER blobs, the names rows, and exact counters. The rows are generated inside the
 * database (`INSERT … SELECT` over the uids, which come from the same generator as the store's
 * own), all in one transaction; then ANALYZE (PostgreSQL: VACUUM ANALYZE of the listed tables). Creates the organization and project when
 * missing. Benchmark tooling: reaches the store's Kysely database through storeInternals.
 */
export async function seedSyntheticCertificates(store: Store, options: SyntheticSeedOptions): Promise<void> {
  if (options.materials.length === 0) throw new Error('seedSyntheticCertificates needs at least one material');
  const { db, adapter, transaction, checkpointer } = storeInternals(store);
  const seed = seedDialects[adapter.name];
  const now = options.now.getTime();
  if (!(await store.organizations.get(options.organizationId))) {
    await store.organizations.insert({ id: options.organizationId, name: 'Synthetic organization', createdAt: options.now });
  }
  if (!(await store.projects.get(options.projectId))) {
    await store.projects.insert({ id: options.projectId, organizationId: options.organizationId, name: 'Synthetic project', createdAt: options.now });
  }
  const rnd = seed.random(now);
  const batchSize = options.batchSize ?? 100_000;
  const blobs = `seed_blobs_${process.pid}_${Date.now()}`;

  const empty = (await db.selectFrom('certificates').select('id').limit(1).execute()).length === 0;
  const restore: string[] = [];
  // A checkpoint connection open in the worker would make the journal mode switches fail.
  await checkpointer?.pause();
  try {
    await seed.prepare(db, empty, restore);
    await seedInTransaction();
  } finally {
    for (const statement of restore.reverse()) await sql.raw(statement).execute(db);
    checkpointer?.resume();
  }
  await seed.analyze(db);

  async function seedInTransaction(): Promise<void> {
  await transaction(async (tx) => {
    await seed.begin(tx, blobs);
    await tx
      .withTables<Record<string, { idx: number; der: Buffer; chain_sha256: string | null }>>()
      .insertInto(blobs)
      .values(options.materials.map((m, idx) => ({ idx, der: m.der, chain_sha256: m.chainPem ? sha256Hex(m.chainPem) : null })))
      .execute();
    const chains = new Map(options.materials.filter((m) => m.chainPem).map((m) => [sha256Hex(m.chainPem), m.chainPem]));
    if (chains.size > 0) {
      await tx
        .insertInto('certificate_chains')
        .values([...chains].map(([sha256, pem]) => ({ sha256, pem })))
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    }

    const max = await tx.selectFrom('certificates').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    const firstId = Number(max?.m ?? 0) + 1;
    const lastId = firstId + options.count - 1;
    // Into empty tables, building the secondary indexes once at the end (sorted) is much
    // cheaper than maintaining them row by row.
    const deferred = empty ? await dropSecondaryIndexes(tx, seed) : [];

    for (let from = firstId; from <= lastId; from += batchSize) {
      const to = Math.min(lastId, from + batchSize - 1);
      const uids = generateUids(to - from + 1);
      await insertCertificates(tx, seed.series(from, uids), options, now, rnd);
      await sql`
        insert into certificate_materials (id, certificate_id, der, chain_sha256, encrypted_key, fingerprint_sha256, not_before, not_after, created_at)
        select c.ssl_certificate_id, c.id, b.der, b.chain_sha256,
               case when c.has_private_key = 1 then ${rnd.blob(96)} end,
               c.fingerprint_sha256, c.not_before, c.not_after, c.created_at
        from certificates c join ${sql.id(blobs)} b on b.idx = c.id % ${sql.lit(options.materials.length)}
        where c.id between ${from} and ${to}`.execute(tx);
      await insertNames(tx, from, to);
      options.onProgress?.(to - firstId + 1);
    }

    for (const ddl of deferred) await sql.raw(ddl).execute(tx);

    // The counters, from the rows just written (exact by construction): one GROUP BY into a
    // scratch table, then both counter tables from it.
    const counts = `${blobs}_counts`;
    await sql`create temp table ${sql.id(counts)} as
      select project_id, organization_id, scope_id, status, kind, source, not_after / 86400000 as day, count(*) as n
      from certificates where id between ${firstId} and ${lastId}
      group by project_id, organization_id, scope_id, status, kind, source, not_after / 86400000`.execute(tx);
    await sql`
      insert into certificate_expiry_days (project_id, organization_id, scope_id, status, kind, source, day, count)
      select project_id, organization_id, scope_id, status, kind, source, day, n from ${sql.id(counts)} where true
      on conflict (project_id, day, scope_id, status, kind, source) do update set count = certificate_expiry_days.count + excluded.count`.execute(tx);
    await sql`
      insert into certificate_tallies (project_id, organization_id, scope_id, status, kind, source, count)
      select project_id, organization_id, scope_id, status, kind, source, sum(n) from ${sql.id(counts)} where true
      group by project_id, organization_id, scope_id, status, kind, source
      on conflict (project_id, scope_id, status, kind, source) do update set count = certificate_tallies.count + excluded.count`.execute(tx);
    await sql`drop table ${sql.id(counts)}`.execute(tx);

    await seed.end(tx, blobs);
  });
  }
}

async function insertCertificates(
  tx: Kysely<Database>,
  series: RawBuilder<unknown>,
  o: SyntheticSeedOptions,
  nowMs: number,
  rnd: RandomFragments,
): Promise<void> {
  const host = sql`'host' || s.i || '.zone' || (s.i % 1000) || '.example.com'`;
  const wildcard = sql`${draw(P.wildcard)} < 100000`;
  const extra = sql`(${draw(P.extraNames)} % 3)`;
  const domain = sql`case when ${wildcard} then '*.' || ${host} else ${host} end`;
  const sans = sql`case when ${wildcard} then '["*.' || ${host} || '","' || ${host} || '"]'
    when ${extra} = 0 then '["' || ${host} || '"]'
    when ${extra} = 1 then '["' || ${host} || '","www.' || ${host} || '"]'
    else '["' || ${host} || '","www.' || ${host} || '","api.' || ${host} || '"]' end`;
  const namesLower = sql`case when ${wildcard} then '*.' || ${host} || ' ' || ${host}
    when ${extra} = 0 then ${host}
    when ${extra} = 1 then ${host} || ' www.' || ${host}
    else ${host} || ' www.' || ${host} || ' api.' || ${host} end`;
  // 5% expired up to 90 days ago; the rest over the next 400 days (draw · 7776 ≤ 90 d, · 34560 ≤ 400 d).
  const notAfter = sql`case when ${draw(P.expired)} < 50000 then ${nowMs - 1} - ${draw(P.notAfter)} * 7776 else ${nowMs} + ${draw(P.notAfter)} * 34560 end`;
  const lifetime = sql`(case when ${draw(P.lifetime)} < 600000 then 7776000000 else 34300800000 end)`;
  const status = sql`case when ${draw(P.status)} < 970000 then 'issued' when ${draw(P.status)} < 980000 then 'revoked'
    when ${draw(P.status)} < 990000 then 'failed' when ${draw(P.status)} < 995000 then 'pending_validation' else 'validating' end`;
  const kindDraw = draw(P.kind);
  const kind = sql`case when ${kindDraw} < 920000 then 'tls' when ${kindDraw} < 950000 then 'apns' when ${kindDraw} < 970000 then 'pass'
    when ${kindDraw} < 990000 then 'client' when ${kindDraw} < 995000 then 'ca' else 'other' end`;
  const sourceDraw = draw(P.source);
  const source = sql`case when ${sourceDraw} < 600000 then 'imported' when ${sourceDraw} < 900000 then 'acme' else 'discovered' end`;
  const hasKey = sql`case when ${sourceDraw} >= 600000 and ${sourceDraw} < 900000 then 1 when ${sourceDraw} < 600000 and ${draw(P.privateKey)} < 500000 then 1 else 0 end`;
  const algo = sql`(${draw(P.algorithm)} % 4)`;
  const issuer = sql`case ${algo} when 0 then 'CN=E6, O=Let''s Encrypt, C=US' when 1 then 'CN=R11, O=Let''s Encrypt, C=US'
    when 2 then 'CN=GTS CA 1P5, O=Google Trust Services LLC, C=US' else 'CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB' end`;
  const keyInfo = sql`case ${algo} when 0 then 'EC P-256' when 1 then 'RSA 2048' when 2 then 'EC P-384' else 'RSA 4096' end`;
  const sigAlg = sql`case ${algo} when 0 then 'ecdsa-with-SHA256' when 2 then 'ecdsa-with-SHA384' else 'sha256WithRSAEncryption' end`;
  const keyUsage = sql`case when ${kindDraw} < 920000 then '["digitalSignature"]' else '["digitalSignature","keyEncipherment"]' end`;
  const eku = sql`case when ${kindDraw} < 920000 then '["serverAuth","clientAuth"]' else '["clientAuth"]' end`;
  const created = sql`${nowMs} - ${draw(P.created)} * 34560`;

  await sql`
    insert into certificates (id, uid, project_id, organization_id, scope_id, source, kind, status, ssl_certificate_id,
      domain_name, sans, names_lower, subject, issuer, serial_number, not_before, not_after, fingerprint_sha1,
      fingerprint_sha256, public_key_info, signature_algorithm, key_usage, extended_key_usage, apple, has_private_key,
      created_at, last_modified)
    select s.i, s.uid, ${o.projectId}, ${o.organizationId}, 0, ${source}, ${kind}, ${status}, ${rnd.uuid},
      ${domain}, ${sans}, ${namesLower}, 'CN=' || ${domain}, ${issuer}, ${rnd.upperHex(8)}, ${notAfter} - ${lifetime}, ${notAfter},
      ${rnd.hex(20)}, ${rnd.hex(32)}, ${keyInfo}, ${sigAlg}, ${keyUsage}, ${eku}, null, ${hasKey}, ${created}, ${created}
    from (${series}) as s`.execute(tx);
}

const BULK_TABLES = ['certificates', 'certificate_materials', 'certificate_names'];

/** Drops the secondary (non-constraint) indexes of the bulk tables; returns their DDL. */
async function dropSecondaryIndexes(tx: Kysely<Database>, seed: SeedDialect): Promise<string[]> {
  const indexes = await seed.secondaryIndexes(tx, BULK_TABLES);
  for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(tx);
  return indexes.map((i) => i.ddl);
}

async function insertNames(tx: Kysely<Database>, from: number, to: number): Promise<void> {
  // The same names as names_lower: the domain name; for a wildcard also its base host; else
  // www. and api. variants by the same draw as insertCertificates.
  const extra = sql.raw(`((cast(c.id as bigint) * ${P.extraNames}) % ${M} % 3)`);
  await sql`
    insert into certificate_names (certificate_id, name)
    select c.id, c.domain_name from certificates c where c.id between ${from} and ${to}
    union all
    select c.id, substr(c.domain_name, 3) from certificates c where c.id between ${from} and ${to} and c.domain_name like '*.%'
    union all
    select c.id, 'www.' || c.domain_name from certificates c where c.id between ${from} and ${to} and c.domain_name not like '*.%' and ${extra} >= 1
    union all
    select c.id, 'api.' || c.domain_name from certificates c where c.id between ${from} and ${to} and c.domain_name not like '*.%' and ${extra} = 2`.execute(tx);
}
