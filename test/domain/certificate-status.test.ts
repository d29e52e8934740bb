import { describe, expect, it } from 'vitest';
import { additionalNames, daysLeft, effectiveStatus } from '../../src/domain/certificate.js';
import { coverCandidates, nameCovers, normalizeHostName } from '../../src/domain/host-name.js';

const now = new Date('2026-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('effectiveStatus and daysLeft', () => {
  it.each([
    ['issued, one ms before notAfter', 'issued', '2026-06-01T12:00:00.001Z', 'issued', 0],
    ['issued, exactly at notAfter', 'issued', '2026-06-01T12:00:00.000Z', 'expired', 0],
    ['issued, one ms after notAfter', 'issued', '2026-06-01T11:59:59.999Z', 'expired', -1],
    ['issued, 30 days and 1 hour left', 'issued', '2026-07-01T13:00:00Z', 'issued', 30],
    ['issued, 29 days 23 hours left', 'issued', '2026-07-01T11:00:00Z', 'issued', 29],
    ['issued, expired 10 days ago', 'issued', '2026-05-22T12:00:00Z', 'expired', -10],
    ['revoked stays revoked after expiry', 'revoked', '2026-01-01T00:00:00Z', 'revoked', -152],
    ['failed stays failed', 'failed', '2026-01-01T00:00:00Z', 'failed', -152],
    ['pending validation', 'pending_validation', '2027-01-01T00:00:00Z', 'pending_validation', 213],
  ] as const)('%s', (_name, stored, notAfter, expected, days) => {
    expect(effectiveStatus(stored, at(notAfter), now)).toBe(expected);
    expect(daysLeft(at(notAfter), now)).toBe(days);
  });

  it('additionalNames excludes the domain name', () => {
    expect(additionalNames('a.example', ['a.example', 'b.example', '*.c.example'])).toBe('b.example,*.c.example');
    expect(additionalNames('a.example', ['a.example'])).toBe('');
  });
});

describe('RFC 6125 host matching', () => {
  it.each([
    ['www.example.com', ['www.example.com', '*.example.com']],
    ['WWW.Example.COM.', ['www.example.com', '*.example.com']],
    ['example.com', ['example.com']],
    ['10.0.0.1', ['10.0.0.1']],
    ['bücher.example.com', ['xn--bcher-kva.example.com', '*.example.com']],
    ['*.example.com', []],
    ['', []],
    ['bad host!', []],
  ])('cover candidates of %s', (host, expected) => {
    expect(coverCandidates(host)).toEqual(expected);
  });

  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['example.com', 'example.com', true],
    ['*.com', 'example.com', false],
    ['a.example.com', 'b.example.com', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(nameCovers(pattern, host)).toBe(expected);
  });

  it('normalizes IDN to punycode', () => {
    expect(normalizeHostName('Bücher.Example')).toBe('xn--bcher-kva.example');
  });
});
