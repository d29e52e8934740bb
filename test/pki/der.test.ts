import { describe, expect, it } from 'vitest';
import { decodeTime, der, encodeTlv, integerMagnitudeHex, oidToString, readTlv, Tag } from '../../src/pki/der.js';
import { formatIp } from '../../src/pki/parse-certificate.js';
import { decodeBase64Strict, scanPem, toPem } from '../../src/pki/pem.js';

const time = (tag: number, s: string): Date => {
  const b = encodeTlv(tag, Buffer.from(s, 'latin1'));
  return decodeTime(b, readTlv(b, 0), 't');
};

describe('DER helpers', () => {
  it.each([
    [Tag.UTC_TIME, '491231235959Z', '2049-12-31T23:59:59.000Z'],
    [Tag.UTC_TIME, '500101000000Z', '1950-01-01T00:00:00.000Z'],
    [Tag.UTC_TIME, '2402291200Z', '2024-02-29T12:00:00.000Z'],
    [Tag.UTC_TIME, '240229120000+0130', '2024-02-29T10:30:00.000Z'],
    [Tag.GENERALIZED_TIME, '20500101000000Z', '2050-01-01T00:00:00.000Z'],
    [Tag.GENERALIZED_TIME, '99991231235959Z', '9999-12-31T23:59:59.000Z'],
    [Tag.GENERALIZED_TIME, '00500101000000Z', '0050-01-01T00:00:00.000Z'],
    [Tag.GENERALIZED_TIME, '20240102030405.25Z', '2024-01-02T03:04:05.250Z'],
  ])('reads time %#', (tag, text, iso) => {
    expect(time(tag, text).toISOString()).toBe(iso);
  });

  it.each(['230229120000Z', '241301000000Z', '2401011200', '24010112000Z', 'AB0101120000Z', '240101120000ZZ'])('refuses the bad UTCTime %s', (text) => {
    expect(() => time(Tag.UTC_TIME, text)).toThrow();
  });

  it.each([
    ['01', '01'],
    ['00ff', 'FF'],
    ['ff', '01'],
    ['ff00', '0100'],
    ['80', '80'],
    ['00', '00'],
    ['0000', '00'],
  ])('shows the INTEGER %s as %s', (hex, shown) => {
    const b = encodeTlv(Tag.INTEGER, Buffer.from(hex, 'hex'));
    expect(integerMagnitudeHex(b, readTlv(b, 0))).toBe(shown);
  });

  it('round-trips OIDs with large arcs', () => {
    for (const dotted of ['1.2.840.113549.1.1.11', '2.999.18446744073709551617', '0.9.2342.19200300.100.1.1']) {
      const b = der.oid(dotted);
      expect(oidToString(b, readTlv(b, 0))).toBe(dotted);
    }
  });

  it('encodes negative and positive integers minimally', () => {
    expect(der.integer(-1).toString('hex')).toBe('0201ff');
    expect(der.integer(-129).toString('hex')).toBe('0202ff7f');
    expect(der.integer(128).toString('hex')).toBe('02020080');
    expect(der.integer(0).toString('hex')).toBe('020100');
  });

  it.each([
    ['c0000201', '192.0.2.1'],
    ['20010db8000000000000000000000001', '2001:db8::1'],
    ['20010db8000000010000000000000000', '2001:db8:0:1::'],
    ['00000000000000000000000000000000', '::'],
    ['20010db8000100010001000100010001', '2001:db8:1:1:1:1:1:1'],
    ['20010000000000010000000000000001', '2001:0:0:1::1'],
    ['20010db8000000000001000000000001', '2001:db8::1:0:0:1'],
  ])('formats the IP %s as %s (RFC 5952)', (hex, text) => {
    expect(formatIp(Buffer.from(hex, 'hex'))).toBe(text);
  });
});

describe('PEM helpers', () => {
  it('writes 64-column lines with a trailing newline', () => {
    const pem = toPem(Buffer.alloc(100, 7), 'PRIVATE KEY');
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN PRIVATE KEY-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-1)).toBe('-----END PRIVATE KEY-----');
    expect(pem.endsWith('\n')).toBe(true);
  });

  it('reads RFC 1421 headers and reports an unterminated block', () => {
    const scan = scanPem('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nAAAA');
    expect(scan.blocks).toHaveLength(1);
    expect(scan.blocks[0].headers['Proc-Type']).toBe('4,ENCRYPTED');
    expect(scan.blocks[0].base64).toBe('AAAA');
    expect(scan.unterminated).toBe('CERTIFICATE');
  });

  it('decodes strict base64 only', () => {
    expect(decodeBase64Strict('AAEC')?.toString('hex')).toBe('000102');
    expect(decodeBase64Strict('AAE')?.toString('hex')).toBe('0001');
    expect(decodeBase64Strict('AA*C')).toBeNull();
    expect(decodeBase64Strict('')).toBeNull();
    expect(decodeBase64Strict('AAE=')?.toString('hex')).toBe('0001');
    expect(decodeBase64Strict('AA==')?.toString('hex')).toBe('00');
    expect(decodeBase64Strict('A=AA')).toBeNull();
    expect(decodeBase64Strict('AAE==')).toBeNull();
    expect(decodeBase64Strict('AAECA')).toBeNull();
  });
});
