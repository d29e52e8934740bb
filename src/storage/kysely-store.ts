import { sql, type Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Repositories, Store } from '../ports/store.js';
import type { Atomic, ScanSession, TransactionOptions } from './atomic.js';
import type { Database, Executor } from './database.js';
import type { SqlDialectAdapter } from './dialect/sql-dialect-adapter.js';
import { KyselyApiKeyRepository } from './repositories/api-key-repository.js';
import { KyselyCertificateRepository } from './repositories/certificate-repository.js';
import { KyselyEventRepository } from './repositories/event-repository.js';
import { KyselyManagedCertificateRepository } from './repositories/managed-certificate-repository.js';
import { KyselyOrganizationRepository } from './repositories/organization-repository.js';
import { KyselyProjectRepository } from './repositories/project-repository.js';
import { KyselySettingRepository } from './repositories/setting-repository.js';
import { KyselyServiceRepository } from './repositories/service-repository.js';
import { KyselyAppRepository } from './repositories/app-repository.js';
import { KyselyPushHealthRepository } from './repositories/push-health-repository.js';
import { KyselyAccessKeyRepository } from './repositories/access-key-repository.js';
import { KyselyRevocationRepository } from './repositories/revocation-repository.js';
import { KyselyNotificationRepository } from './repositories/notification-repository.js';
import { KyselyEndpointRepository } from './repositories/endpoint-repository.js';
import { KyselySweepRepository } from './repositories/sweep-repository.js';
import { KyselyLeaseRepository } from './repositories/lease-repository.js';
import { KyselyDeploymentRepository } from './repositories/deployment-repository.js';
import { KyselyUserRepository } from './repositories/user-repository.js';
import { KyselyMembershipRepository } from './repositories/membership-repository.js';
import { KyselySessionRepository } from './repositories/session-repository.js';
import { KyselyOidcLoginRepository } from './repositories/oidc-login-repository.js';
import { KyselySignInThrottleRepository } from './repositories/sign-in-throttle-repository.js';
import { KyselyDashboardRepository } from './repositories/dashboard-repository.js';
import type { PlannerStatistics } from './planner-statistics.js';
import type { SqliteReader } from './sqlite-reader.js';
import { tupleReader, type TupleReader } from './pg-prepared.js';
import type { WalCheckpointer } from './wal-checkpointer.js';

/** What storage-private code, the benchmark's bulk seeding and storage tests may reach behind a Store. */
export interface StoreInternals {
  db: Kysely<Database>;
  /** What differs in the store's dialect. */
  adapter: SqlDialectAdapter;
  /** The better-sqlite3 handle (SQLite only). */
  sqlite?: BetterSqlite3.Database;
  /** The pg pool (PostgreSQL only). */
  pool?: pg.Pool;
  /** The background WAL checkpointer (SQLite files only): pause it while switching journal modes. */
  checkpointer?: WalCheckpointer;
  /** Runs fn in one transaction (SQLite: BEGIN IMMEDIATE). */
  transaction: Atomic;
}

const internals = new WeakMap<Store, StoreInternals>();

/** How long after a write transaction the planner statistics are looked at, and how often at most. */
const STATISTICS_DELAY_MS = 1000;
const STATISTICS_EVERY_MS = 10_000;

/** Storage-private: the Kysely database and driver handles behind a store made by createStore. */
export function storeInternals(store: Store): StoreInternals {
  const found = internals.get(store);
  if (!found) throw new Error('not a store made by createStore');
  return found;
}

/** The repositories bound to a transaction run a scan's chunks in it: there is no session to open. */
const inTransaction: ScanSession = (fn) => fn();

function repositories(db: Executor, atomic: Atomic, adapter: SqlDialectAdapter, scan: ScanSession = inTransaction, reader?: SqliteReader, tuples?: TupleReader): Repositories {
  return {
    organizations: new KyselyOrganizationRepository(db),
    projects: new KyselyProjectRepository(db),
    apiKeys: new KyselyApiKeyRepository(db),
    events: new KyselyEventRepository(db),
    certificates: new KyselyCertificateRepository(db, atomic, adapter, reader, tuples),
    managed: new KyselyManagedCertificateRepository(db),
    settings: new KyselySettingRepository(db),
    services: new KyselyServiceRepository(db),
    apps: new KyselyAppRepository(db),
    pushHealth: new KyselyPushHealthRepository(db),
    accessKeys: new KyselyAccessKeyRepository(db),
    revocation: new KyselyRevocationRepository(db),
    notifications: new KyselyNotificationRepository(db, adapter),
    endpoints: new KyselyEndpointRepository(db),
    sweeps: new KyselySweepRepository(db, atomic, adapter, scan),
    deployments: new KyselyDeploymentRepository(db),
    leases: new KyselyLeaseRepository(db),
    users: new KyselyUserRepository(db),
    memberships: new KyselyMembershipRepository(db),
    sessions: new KyselySessionRepository(db),
    signInThrottle: new KyselySignInThrottleRepository(db),
    oidcLogins: new KyselyOidcLoginRepository(db),
    dashboard: new KyselyDashboardRepository(db),
  };
}

/**
 * The Store over a migrated Kysely database. Not safe to use the store itself (rather than the
 * repositories handed to fn) inside `transaction(fn)` on SQLite: there is one connection, held
 * by the transaction, so such a call would wait for ever.
 */
export class KyselyStore implements Store {
  readonly organizations;
  readonly projects;
  readonly apiKeys;
  readonly events;
  readonly certificates;
  readonly managed;
  readonly settings;
  readonly services;
  readonly apps;
  readonly pushHealth;
  readonly accessKeys;
  readonly revocation;
  readonly notifications;
  readonly endpoints;
  readonly sweeps;
  readonly deployments;
  readonly leases;
  readonly users;
  readonly memberships;
  readonly sessions;
  readonly signInThrottle;
  readonly oidcLogins;
  readonly dashboard;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: SqlDialectAdapter,
    private readonly handles: { sqlite?: BetterSqlite3.Database; pool?: pg.Pool; checkpointer?: WalCheckpointer; planner?: PlannerStatistics } = {},
    /** SQLite file databases: a read-only connection for hot point reads outside transactions. */
    private readonly reader?: SqliteReader,
  ) {
    // PostgreSQL: reads outside transactions may take their rows as arrays (hot list pages).
    const repos = repositories(db, this.runInTransaction, adapter, (fn) => adapter.scan(db, fn), reader, handles.pool && tupleReader(handles.pool));
    this.organizations = repos.organizations;
    this.projects = repos.projects;
    this.apiKeys = repos.apiKeys;
    this.events = repos.events;
    this.certificates = repos.certificates;
    this.managed = repos.managed;
    this.settings = repos.settings;
    this.services = repos.services;
    this.apps = repos.apps;
    this.pushHealth = repos.pushHealth;
    this.accessKeys = repos.accessKeys;
    this.revocation = repos.revocation;
    this.notifications = repos.notifications;
    this.endpoints = repos.endpoints;
    this.sweeps = repos.sweeps;
    this.deployments = repos.deployments;
    this.leases = repos.leases;
    this.users = repos.users;
    this.memberships = repos.memberships;
    this.sessions = repos.sessions;
    this.signInThrottle = repos.signInThrottle;
    this.oidcLogins = repos.oidcLogins;
    this.dashboard = repos.dashboard;
    internals.set(this, { db, adapter, ...handles, transaction: this.runInTransaction });
  }

  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.runInTransaction((tx) => fn(repositories(tx, (inner) => inner(tx), this.adapter)));
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.statisticsTimer);
    await this.handles.checkpointer?.close();
    this.reader?.close();
    await this.db.destroy();
  }

  private readonly runInTransaction = async <T>(fn: (tx: Executor) => Promise<T>, options: TransactionOptions = {}): Promise<T> => {
    const result = await this.adapter.transaction(this.db, fn, options);
    this.maintainStatistics();
    return result;
  };

  private closed = false;
  private statisticsCheckedAt = -Infinity;
  private statisticsTimer?: ReturnType<typeof setTimeout>;

  /**
   * After a write transaction, at most every STATISTICS_EVERY_MS: refreshes the planner
   * statistics if the data outgrew them (a bulk import, a first sweep's 118k events), a second
   * later, so that an ANALYZE (0.5 s for the events of that sweep) stays out of the path of the
   * request that wrote; then on the connection once it is free.
   */
  private maintainStatistics(): void {
    const planner = this.handles.planner;
    if (!planner || this.statisticsTimer || this.closed) return;
    if (performance.now() - this.statisticsCheckedAt < STATISTICS_EVERY_MS) return;
    this.statisticsTimer = setTimeout(() => {
      this.statisticsTimer = undefined;
      // Not while a sweep's chunks run: each ANALYZE would stall the requests between them
      // (0.1 s for the events table half-way through a first sweep over 1M certificates), and
      // the tables it grows are worth analyzing once it is done.
      if (this.adapter.scanning) {
        this.maintainStatistics();
        return;
      }
      this.statisticsCheckedAt = performance.now();
      // A failure (SQLITE_BUSY: another process writing; the store closed) leaves it to the next check.
      void planner
        .refreshGradually(async (analyze) => {
          // A sweep that began meanwhile: the rest waits for the next check after it.
          if (this.closed || this.adapter.scanning) throw new Error('store closed or scanning');
          await this.db.connection().execute(async () => analyze());
        })
        .catch(() => undefined);
    }, STATISTICS_DELAY_MS);
    this.statisticsTimer.unref();
  }
}
