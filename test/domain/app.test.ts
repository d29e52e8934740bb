import { describe, expect, it } from 'vitest';
import { apnsBindingRefusal, normalizeAppId, normalizePlatforms, randomAppKey } from '../../src/domain/app.js';
import type { AppleInfo, CertificateKind } from '../../src/domain/certificate.js';

describe('apps: pure rules', () => {
  it.each([
    ['com.example.app', 'com.example.app'],
    ['  AppForAll1 ', 'AppForAll1'],
    ['testAuto3005', 'testAuto3005'],
    ['my_app-2', 'my_app-2'],
    ['', undefined],
    ['.leading', undefined],
    ['has space', undefined],
    ['slash/x', undefined],
    ['x'.repeat(156), undefined],
  ])('normalizeAppId(%j) → %j', (input, expected) => {
    expect(normalizeAppId(input)).toBe(expected);
  });

  it.each([
    [['ios'], ['ios']],
    [['android', 'ios', 'ios'], ['ios', 'android']],
    [[], undefined],
    [['ios', 'windows'], undefined],
  ])('normalizePlatforms(%j) → %j', (input, expected) => {
    expect(normalizePlatforms(input)).toEqual(expected);
  });

  it('app keys have 8 digits', () => {
    expect(randomAppKey(() => 0)).toBe(10_000_000);
    expect(randomAppKey(() => 0.999_999_999)).toBe(99_999_999);
    for (let i = 0; i < 100; i++) expect(String(randomAppKey())).toMatch(/^[1-9][0-9]{7}$/);
  });

  const apns = (apple: AppleInfo, kind: CertificateKind = 'apns') => ({ kind, apple });
  it.each([
    ['production cert, production', apns({ environments: ['production'], bundleId: 'com.a' }), 'com.a', 'production', undefined],
    ['production cert, development', apns({ environments: ['production'], bundleId: 'com.a' }), 'com.a', 'development', 'app_certificate_wrong_environment'],
    ['universal cert, development', apns({ environments: ['production', 'development'], bundleId: 'com.a', topics: ['com.a', 'com.a.voip'] }), 'com.a', 'development', undefined],
    ['topic of a universal cert', apns({ environments: ['production', 'development'], bundleId: 'com.a', topics: ['com.a', 'com.b'] }), 'com.b', 'production', undefined],
    ['bundle id differs', apns({ environments: ['production'], bundleId: 'com.a' }), 'com.other', 'production', 'app_certificate_topic_mismatch'],
    ['bundle id case', apns({ environments: ['production'], bundleId: 'com.Example.App' }), 'com.example.app', 'production', undefined],
    ['a pass certificate', apns({ passTypeIdentifier: 'pass.com.a', passTeamIdentifier: 'T' }, 'pass'), 'com.a', 'production', 'app_certificate_not_apns'],
    ['a TLS certificate', { kind: 'tls' as const, apple: null }, 'com.a', 'production', 'app_certificate_not_apns'],
  ] as const)('%s', (_name, cert, appId, env, expected) => {
    expect(apnsBindingRefusal(cert, appId, env)).toBe(expected);
  });
});
