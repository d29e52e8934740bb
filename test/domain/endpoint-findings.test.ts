import { describe, expect, it } from 'vitest';
import { changedFindings, endpointFindings, type FindingInput } from '../../src/domain/endpoint.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T00:00:00Z');
const leaf = (notAfterDays: number, notBeforeDays = -30) => ({
  fingerprintSha256: 'aa',
  subject: 'CN=x.test',
  issuer: 'CN=CA',
  domainName: 'x.test',
  sans: ['x.test'],
  notBefore: new Date(NOW.getTime() + notBeforeDays * DAY),
  notAfter: new Date(NOW.getTime() + notAfterDays * DAY),
});
const base: FindingInput = { checkedName: 'x.test', error: null, leaf: leaf(60), chainTrusted: true, trustError: null, nameMatches: true, nameError: null, newer: null };
const types = (i: Partial<FindingInput>) => endpointFindings({ ...base, ...i }, NOW).map((f) => f.type);

describe('endpointFindings', () => {
  it.each([
    ['healthy', {}, []],
    ['expiring within 30 days', { leaf: leaf(30) }, ['expiring']],
    ['31 days left', { leaf: leaf(31) }, []],
    ['expired (its date error is not untrusted too)', { leaf: leaf(-1), chainTrusted: false, trustError: 'CERT_HAS_EXPIRED' }, ['expired']],
    ['name mismatch', { nameMatches: false, nameError: 'no' }, ['mismatch']],
    ['untrusted', { chainTrusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }, ['untrusted']],
    ['stale deployment', { newer: { id: 7, fingerprintSha256: 'bb', notBefore: new Date(NOW.getTime() - DAY) } }, ['stale_deployment']],
    ['an older inventory certificate is not newer', { newer: { id: 7, fingerprintSha256: 'bb', notBefore: new Date(NOW.getTime() - 40 * DAY) } }, []],
    ['unreachable, nothing else', { error: { code: 'timeout', message: 't' }, leaf: null }, ['unreachable']],
  ] as Array<[string, Partial<FindingInput>, string[]]>)('%s', (_name, input, expected) => {
    expect(types(input)).toEqual(expected);
  });

  const deployed = (fingerprintSha256: string, windowOpen: boolean) => ({ deploymentId: 4, deploymentName: 'x.test', targetName: 'web', certificateId: 7, fingerprintSha256, windowOpen });
  const newer = { id: 7, fingerprintSha256: 'bb', notBefore: new Date(NOW.getTime() - DAY) };

  it('a deployment that wrote another certificate is a stale deployment naming it once its window has closed', () => {
    const [finding] = endpointFindings({ ...base, newer, deployments: [deployed('bb', false)] }, NOW);
    expect(finding).toMatchObject({ type: 'stale_deployment', data: { deploymentId: 4, deploymentName: 'x.test', targetName: 'web', deployedFingerprintSha256: 'bb', fingerprintSha256: 'aa' } });
    expect(finding!.message).toContain('deployment x.test (id 4) to target web');
    // While a window is open, the server may not have picked the files up: no stale deployment yet, not even the inventory's.
    expect(types({ newer, deployments: [deployed('bb', true)] })).toEqual([]);
    // Serving what was deployed: nothing to report about the deployment.
    expect(types({ deployments: [deployed('aa', false)] })).toEqual([]);
  });

  it('reports a finding again only when it appears or changes', () => {
    const first = endpointFindings({ ...base, error: { code: 'timeout', message: '' }, leaf: null }, NOW);
    expect(changedFindings([], first).map((f) => f.type)).toEqual(['unreachable']);
    expect(changedFindings(first, endpointFindings({ ...base, error: { code: 'timeout', message: 'again' }, leaf: null }, NOW))).toEqual([]);
    const refused = endpointFindings({ ...base, error: { code: 'connection_refused', message: '' }, leaf: null }, NOW);
    expect(changedFindings(first, refused).map((f) => f.key)).toEqual(['connection_refused']);
  });
});
