import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres.js';

/**
 * Starts ONE throwaway PostgreSQL cluster for the whole test run and hands its admin URL to
 * the tests (`inject('postgresUrl')`); each test then makes its own database in it. Fails the
 * run, loudly, when PostgreSQL is not installed.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return async () => {
    await cluster.stop();
  };
}
