import { probeEndpoint, type ProbeResult, type ProbeTrust } from './probe-endpoint.js';
import type { ScanEndpoint } from './scan-targets.js';

export interface ProbeManyOptions {
  /** Probes in flight at once. */
  concurrency: number;
  timeoutMs: number;
  trust?: ProbeTrust;
  /** SNI and checked name for every endpoint (default: each endpoint's host). */
  serverName?: string;
  /** Called as each probe completes (in completion order). */
  onResult?: (result: ProbeResult, index: number) => void;
  signal?: AbortSignal;
}

/**
 * Probes `endpoints` with at most `concurrency` connections open, and returns the results in the
 * order of `endpoints`. Never throws for an endpoint's failure (see `probeEndpoint`); an aborted
 * signal stops starting new probes (the ones not started are left out of the result).
 */
export async function probeMany(endpoints: ScanEndpoint[], options: ProbeManyOptions): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(endpoints.length);
  let next = 0;
  const worker = async () => {
    while (next < endpoints.length && !options.signal?.aborted) {
      const index = next++;
      const e = endpoints[index];
      const result = await probeEndpoint({ host: e.host, port: e.port, protocol: e.protocol, serverName: options.serverName, timeoutMs: options.timeoutMs, trust: options.trust });
      results[index] = result;
      options.onResult?.(result, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, endpoints.length)) }, worker));
  return results.filter((r) => r !== undefined);
}
