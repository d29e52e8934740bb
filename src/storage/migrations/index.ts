import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../database.js';
import { initialSchema } from './0001-initial-schema.js';
import { managedCertificates } from './0002-managed-certificates.js';
import { servicesAndDomains } from './0003-services-and-domains.js';
import { apps } from './0004-apps.js';
import { pushHealth } from './0005-push-health.js';
import { accessKeys } from './0006-access-keys.js';
import { organizationStatus } from './0007-organization-status.js';
import { revocation } from './0008-revocation.js';
import { sweeps } from './0009-sweeps.js';
import { notificationChannels } from './0010-notification-channels.js';
import { endpoints } from './0011-endpoints.js';
import { notificationCursors } from './0012-notification-cursors.js';
import { metricsExpiryIndex } from './0013-metrics-expiry-index.js';
import { deployments } from './0014-deployments.js';
import { accounts } from './0015-accounts.js';
import { deploymentKeys } from './0016-deployment-keys.js';
import { singleSignOn } from './0017-single-sign-on.js';
import { dashboardIndexes } from './0018-dashboard-indexes.js';

/**
 * Every migration, defined in code (no files read at run time), keyed by a name that sorts in
 * the order they apply. Append new ones; never edit one that has shipped.
 */
export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial-schema': initialSchema(dialect),
        '0002-managed-certificates': managedCertificates(dialect),
        '0003-services-and-domains': servicesAndDomains(dialect),
        '0004-apps': apps(dialect),
        '0005-push-health': pushHealth(dialect),
        '0006-access-keys': accessKeys(dialect),
        '0007-organization-status': organizationStatus(dialect),
        '0008-revocation': revocation(dialect),
        '0009-sweeps': sweeps(dialect),
        '0010-notification-channels': notificationChannels(dialect),
        '0011-endpoints': endpoints(dialect),
        '0012-notification-cursors': notificationCursors(dialect),
        '0013-metrics-expiry-index': metricsExpiryIndex(dialect),
        '0014-deployments': deployments(dialect),
        '0015-accounts': accounts(dialect),
        '0016-deployment-keys': deploymentKeys(dialect),
        '0017-single-sign-on': singleSignOn(dialect),
        '0018-dashboard-indexes': dashboardIndexes(dialect),
      };
    },
  };
}
