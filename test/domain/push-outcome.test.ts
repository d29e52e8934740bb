import { describe, expect, it } from 'vitest';
import { classifyCheckResponse, classifyPushOutcome, tlsAlertOf, type PushOutcome } from '../../src/domain/push-outcome.js';

describe('classifyPushOutcome', () => {
  const table: Array<[PushOutcome, ReturnType<typeof classifyPushOutcome>]> = [
    [{ outcome: 'rejected', tlsAlert: 42 }, { kind: 'revoked', reason: 'tls_alert_42_bad_certificate' }],
    [{ outcome: 'rejected', tlsAlert: 44 }, { kind: 'revoked', reason: 'tls_alert_44_certificate_revoked' }],
    [{ outcome: 'rejected', tlsAlert: 45 }, { kind: 'revoked', reason: 'tls_alert_45_certificate_expired' }],
    [{ outcome: 'rejected', apnsStatus: 403, apnsReason: 'BadCertificate' }, { kind: 'revoked', reason: 'BadCertificate' }],
    [{ outcome: 'rejected', apnsStatus: 403, apnsReason: 'BadCertificateEnvironment' }, { kind: 'revoked', reason: 'BadCertificateEnvironment' }],
    [{ outcome: 'rejected', tlsAlert: 40 }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 403, apnsReason: 'InvalidProviderToken' }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 400, apnsReason: 'BadCertificate' }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 400, apnsReason: 'BadDeviceToken' }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 410, apnsReason: 'Unregistered' }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 429, apnsReason: 'TooManyRequests' }, { kind: 'none' }],
    [{ outcome: 'rejected', apnsStatus: 503 }, { kind: 'none' }],
    [{ outcome: 'rejected' }, { kind: 'none' }],
    [{ outcome: 'delivered', apnsStatus: 200 }, { kind: 'authenticated' }],
  ];
  it.each(table)('%j → %j', (input, expected) => expect(classifyPushOutcome(input)).toEqual(expected));
});

describe('tlsAlertOf', () => {
  it.each([
    [{ code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED' }, 44],
    [{ code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED' }, 45],
    [{ code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' }, 42],
    [{ message: 'C0:error:0A000414:SSL routines:ssl3_read_bytes:sslv3 alert certificate revoked:../deps/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 44' }, 44],
    [{ message: 'ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40' }, undefined],
    [{ code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' }, undefined],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, undefined],
  ])('%j → %s', (err, alert) => expect(tlsAlertOf(err)).toBe(alert));
});

describe('classifyCheckResponse', () => {
  it.each([
    [400, 'BadDeviceToken', 'ok'],
    [400, 'DeviceTokenNotForTopic', 'ok'],
    [200, undefined, 'ok'],
    [403, 'BadCertificate', 'revoked'],
    [403, 'BadCertificateEnvironment', 'revoked'],
    [400, 'TopicDisallowed', 'failed'],
    [500, 'InternalServerError', 'failed'],
    [503, 'ServiceUnavailable', 'failed'],
    [429, 'TooManyRequests', 'failed'],
  ] as const)('%i %s → %s', (status, reason, outcome) => expect(classifyCheckResponse(status, reason).outcome).toBe(outcome));
});
