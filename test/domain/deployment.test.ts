import { describe, expect, it } from 'vitest';
import { defaultDeploymentName, deploymentBackoffMs, effectiveDeploymentStatus, hookNameProblem, relativeDirectory, segmentProblem } from '../../src/domain/deployment.js';

describe('deployment paths', () => {
  it.each([
    ['certs', ['certs']],
    ['nginx/certs', ['nginx', 'certs']],
    ['nginx/certs/', ['nginx', 'certs']],
    ['a_b-c.d/e', ['a_b-c.d', 'e']],
  ])('%s is the directory %j', (input, segments) => {
    expect(relativeDirectory(input)).toEqual({ segments });
  });

  it.each(['', '/etc', '/', '..', '../x', 'a/../b', 'a/..', './a', 'a/./b', 'a//b', '.hidden', 'a/.git', 'a\\b', '-rf', 'a b', 'a/*', `${'a/'.repeat(17)}a`, 'x'.repeat(1025), 'é'])('%j is refused', (input) => {
    expect(relativeDirectory(input)).toHaveProperty('problem');
  });

  it.each([['shop.example.com', undefined], ['_.example.com', undefined], ['..', 'may not contain ".."'], ['a/b', expect.any(String)], ['', 'has an empty part'], ['.env', expect.any(String)]])('segment %j', (input, problem) => {
    expect(segmentProblem(input)).toEqual(problem);
  });

  it('names a deployment after its domain, a wildcard with _', () => {
    expect(defaultDeploymentName('shop.example.com')).toBe('shop.example.com');
    expect(defaultDeploymentName('*.example.com')).toBe('_.example.com');
    expect(segmentProblem(defaultDeploymentName('*.example.com'))).toBeUndefined();
  });

  it.each([['reload-nginx', true], ['reload.sh', true], ['../reload', false], ['/usr/bin/reload', false], ['a/b', false], ['.hidden', false], ['..', false], ['', false]])('hook %j allowed: %s', (name, allowed) => {
    expect(hookNameProblem(name) === undefined).toBe(allowed);
  });
});

describe('deployment status and backoff', () => {
  const stored = { status: 'deployed' as const, deployedMaterialId: 'm1', attemptedMaterialId: 'm1', requestedAt: null };
  it.each([
    ['written and current', stored, 'm1', 'deployed'],
    ['a new version is pending', stored, 'm2', 'pending'],
    ['verified and current', { ...stored, status: 'verified' as const }, 'm1', 'verified'],
    ['a deploy was asked for', { ...stored, requestedAt: new Date() }, 'm1', 'pending'],
    ['failed at the current version', { ...stored, status: 'failed' as const, attemptedMaterialId: 'm2' }, 'm2', 'failed'],
    ['failed at an older version', { ...stored, status: 'failed' as const }, 'm2', 'pending'],
    ['not issued yet', { ...stored, deployedMaterialId: null }, null, 'pending'],
  ] as const)('%s → %s', (_name, d, current, expected) => {
    expect(effectiveDeploymentStatus(d, current)).toBe(expected);
  });

  it('waits 1 minute after the first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 6, 7, 8, 30].map((n) => deploymentBackoffMs(n) / 60_000)).toEqual([1, 2, 4, 32, 60, 60, 60]);
  });
});
