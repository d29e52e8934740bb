import { describe, expect, it } from 'vitest';
import { certificateCoversDomain, normalizeServiceDomain } from '../../src/domain/service-domain.js';

describe('normalizeServiceDomain', () => {
  it.each([
    ['www.example.com', 'www.example.com'],
    ['  WWW.Example.COM.  ', 'www.example.com'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['*.example.com', '*.example.com'],
    ['*.Bücher.example', '*.xn--bcher-kva.example'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
    ['192.0.2.10', '192.0.2.10'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeServiceDomain(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['localhost'],
    ['*.com'],
    ['a.*.example.com'],
    ['*example.com'],
    ['**.example.com'],
    ['www.*'],
    ['exa mple.com'],
    ['a..example.com'],
    ['-a.example.com'],
    ['a-.example.com'],
    ['a_b.example.com'],
    ['ex%41mple.com'],
    ['1.2'],
    ['host.123'],
    ['01.2.3.4'],
    ['fe80::1%eth0'],
    [`${'a'.repeat(64)}.example.com`],
    [`${'a.'.repeat(130)}com`],
    ['https://example.com'],
    ['example.com/path'],
    ['example.com:443'],
    ['user@example.com'],
  ])('refuses %j', (input) => {
    expect(normalizeServiceDomain(input)).toBeUndefined();
  });
});

describe('certificateCoversDomain (RFC 6125 §6.4.3)', () => {
  it.each([
    [['www.example.com'], 'www.example.com', true],
    [['WWW.Example.com'], 'www.example.com', true],
    [['other.example.com'], 'www.example.com', false],
    [['*.example.com'], 'www.example.com', true],
    [['*.example.com'], 'a.b.example.com', false],
    [['*.example.com'], 'example.com', false],
    [['*.b.example.com'], 'a.b.example.com', true],
    [['*.com'], 'example.com', false],
    [['example.com', '*.example.com'], 'example.com', true],
    [['*.example.com'], '*.example.com', true],
    [['www.example.com'], '*.example.com', false],
    [['*.b.example.com'], '*.example.com', false],
    [['192.0.2.10'], '192.0.2.10', true],
    [['192.0.2.11'], '192.0.2.10', false],
    [['2001:db8::1'], '2001:db8::1', true],
    [['*.0.2.10'], '192.0.2.10', false],
    [['xn--bcher-kva.example'], 'xn--bcher-kva.example', true],
    [[], 'www.example.com', false],
  ])('%j covers %j: %s', (names, domain, expected) => {
    expect(certificateCoversDomain(names, domain)).toBe(expected);
  });
});
