import { describe, expect, it } from 'vitest';
import { checkCertificateStatus, type BoundCertificateFacts, type PushVerdictFacts } from '../../../src/compat/alibaba-mpush/check-certificate-status.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000);
const b = (over: Partial<BoundCertificateFacts>): BoundCertificateFacts => ({
  platform: 'iPhone',
  environment: 'production',
  certificateId: 1,
  notAfter: inDays(100),
  lifecycleStatus: 'issued',
  ...over,
});
const revokedVerdict = (over: Partial<PushVerdictFacts> = {}): PushVerdictFacts => ({
  environment: 'production',
  certificateId: 1,
  status: 'revoked',
  reason: 'tls_alert_44_certificate_revoked',
  at: inDays(-1),
  ...over,
});

describe('checkCertificateStatus (CheckCertificate’s Status)', () => {
  it.each<[string, BoundCertificateFacts[], PushVerdictFacts[], Record<string, [string, number, string | null] | undefined>]>([
    ['nothing bound: both environments left out', [], [], { production: undefined, development: undefined }],
    ['a valid certificate is OK', [b({})], [], { production: ['OK', 1, null], development: undefined }],
    ['expired at notAfter exactly', [b({ notAfter: NOW })], [], { production: ['EXPIRED', 1, null] }],
    ['one millisecond before notAfter is OK', [b({ notAfter: new Date(NOW.getTime() + 1) })], [], { production: ['OK', 1, null] }],
    ['stored status revoked → REVOKED', [b({ lifecycleStatus: 'revoked' })], [], { production: ['REVOKED', 1, null] }],
    ['revoked and expired → REVOKED', [b({ lifecycleStatus: 'revoked', notAfter: inDays(-3) })], [], { production: ['REVOKED', 1, null] }],
    ['push-health revoked verdict → REVOKED, with the reason', [b({})], [revokedVerdict()], { production: ['REVOKED', 1, 'tls_alert_44_certificate_revoked'] }],
    ['an ok verdict changes nothing', [b({})], [revokedVerdict({ status: 'ok', reason: 'BadDeviceToken' })], { production: ['OK', 1, null] }],
    ['a verdict about another certificate does not count', [b({})], [revokedVerdict({ certificateId: 9 })], { production: ['OK', 1, null] }],
    ['a verdict of the other environment does not count', [b({})], [revokedVerdict({ environment: 'development' })], { production: ['OK', 1, null] }],
    [
      'each environment on its own',
      [b({}), b({ environment: 'development', certificateId: 2, notAfter: inDays(-1) })],
      [],
      { production: ['OK', 1, null], development: ['EXPIRED', 2, null] },
    ],
    [
      'a universal certificate bound in both, revoked only in development',
      [b({ certificateId: 5 }), b({ environment: 'development', certificateId: 5 })],
      [revokedVerdict({ environment: 'development', certificateId: 5 })],
      { production: ['OK', 5, null], development: ['REVOKED', 5, 'tls_alert_44_certificate_revoked'] },
    ],
    [
      'iPhone and iPad both OK: the one expiring first',
      [b({ certificateId: 1, notAfter: inDays(300) }), b({ platform: 'iPad', certificateId: 2, notAfter: inDays(30) })],
      [],
      { production: ['OK', 2, null] },
    ],
    [
      'iPhone and iPad: the worse status wins over the sooner expiry',
      [b({ certificateId: 1, notAfter: inDays(300), lifecycleStatus: 'revoked' }), b({ platform: 'iPad', certificateId: 2, notAfter: inDays(30) })],
      [],
      { production: ['REVOKED', 1, null] },
    ],
    [
      'iPhone and iPad: EXPIRED beats OK',
      [b({ certificateId: 1, notAfter: inDays(-1) }), b({ platform: 'iPad', certificateId: 2, notAfter: inDays(30) })],
      [],
      { production: ['EXPIRED', 1, null] },
    ],
    [
      'same status and expiry: iPhone first, whatever the order',
      [b({ platform: 'iPad', certificateId: 1 }), b({ platform: 'iPhone', certificateId: 2 })],
      [],
      { production: ['OK', 2, null] },
    ],
  ])('%s', (_name, bound, verdicts, expected) => {
    const out = checkCertificateStatus(bound, verdicts, NOW);
    for (const env of ['production', 'development'] as const) {
      if (!(env in expected)) continue;
      const want = expected[env];
      if (!want) {
        expect(out[env]).toBeUndefined();
        continue;
      }
      expect(out[env]).toMatchObject({ status: want[0], certificateId: want[1], pushHealthReason: want[2] });
      expect(out[env]!.expireTime).toEqual(bound.find((x) => x.certificateId === want[1] && x.environment === env)!.notAfter);
    }
  });
});
