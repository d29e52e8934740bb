import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

const base = { CERTKEEPER_DATA_DIR: '/tmp/certkeeper-config-test' };

describe('CERTKEEPER_REVOCATION_INTERVAL_SECONDS', () => {
  it('defaults to 6 hours and takes seconds', () => {
    expect(loadConfig(base).revocationIntervalMs).toBe(21_600_000);
    expect(loadConfig({ ...base, CERTKEEPER_REVOCATION_INTERVAL_SECONDS: '90' }).revocationIntervalMs).toBe(90_000);
  });
  it('refuses what is not a number >= 1', () => {
    for (const bad of ['0', '-5', 'often']) {
      expect(() => loadConfig({ ...base, CERTKEEPER_REVOCATION_INTERVAL_SECONDS: bad })).toThrow(/CERTKEEPER_REVOCATION_INTERVAL_SECONDS must be a number >= 1/);
    }
  });
});
