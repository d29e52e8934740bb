import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  decodeMessage,
  decodeName,
  decodeTxt,
  DnsFormatError,
  dnsClasses,
  dnsMessage,
  dnsOpcodes,
  dnsTypes,
  encodeMessage,
  encodeName,
  encodeTxt,
  nameError,
  rcodeName,
  type DnsMessage,
} from '../../../src/issuers/acme/solvers/dns-message.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** An UPDATE nsupdate (BIND 9.18) sent: zone example.test, add `_acme-challenge.example.test. 60 IN TXT "vector-sha256"`, TSIG-signed. */
const nsupdateRequest = hex(
  'ba0128000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e6765c00c001000010000003c000e0d766563746f722d7368613235360d766563746f722d7368613235360000fa00ff00000000003d0b686d61632d7368613235360000006b049690012c0020474736adf34768529d89293c6041b9466f218987ffa37355b246fa9ae4025cd7ba0100000000',
);

describe('DNS names (RFC 1035 §3.1)', () => {
  it.each([
    ['example.test', '076578616d706c65047465737400'],
    ['example.test.', '076578616d706c650474657374 00'],
    ['', '00'],
    ['a', '016100'],
    ['_acme-challenge.x', '0f5f61636d652d6368616c6c656e6765017800'],
  ])('writes %j uncompressed', (name, wire) => {
    expect(encodeName(name).toString('hex')).toBe(hex(wire).toString('hex'));
  });

  it.each([
    ['a..b', 'empty label'],
    ['.a', 'empty label'],
    ['x'.repeat(64) + '.test', 'longer than 63'],
    [Array.from({ length: 5 }, () => 'y'.repeat(63)).join('.'), 'longer than 255'],
    ['bücher.test', 'ASCII'],
    ['has space.test', 'ASCII'],
  ])('refuses %j', (name, why) => {
    expect(nameError(name)).toContain(why);
    expect(() => encodeName(name)).toThrow(RangeError);
  });

  it('accepts a 63-octet label and a 255-octet name', () => {
    const longest = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.');
    expect(encodeName(longest).length).toBe(255);
    expect(nameError(longest)).toBeUndefined();
  });

  it('compares names in lower case without the trailing dot (RFC 4034 §6.2)', () => {
    expect(canonicalName('_ACME-Challenge.Example.TEST.')).toBe('_acme-challenge.example.test');
  });

  it('follows compression pointers (RFC 1035 §4.1.4) and refuses loops', () => {
    // nsupdate's update section names its owner as "_acme-challenge" + pointer to offset 12.
    expect(decodeName(nsupdateRequest, 30)).toEqual({ name: '_acme-challenge.example.test', next: 48 });
    const loop = Buffer.concat([Buffer.alloc(12), hex('c00c')]);
    expect(() => decodeName(loop, 12)).toThrow(DnsFormatError);
  });
});

describe('TXT RDATA (RFC 1035 §3.3.14)', () => {
  it('writes one character-string for a short value', () => {
    expect(encodeTxt('hello').toString('hex')).toBe('0568656c6c6f');
  });

  it('splits a value longer than 255 octets and reads it back', () => {
    const value = 'v'.repeat(300);
    const rdata = encodeTxt(value);
    expect(rdata[0]).toBe(255);
    expect(rdata[256]).toBe(45);
    expect(decodeTxt(rdata)).toEqual(['v'.repeat(255), 'v'.repeat(45)]);
  });

  it('writes an empty value as one empty string', () => {
    expect(encodeTxt('').toString('hex')).toBe('00');
    expect(decodeTxt(hex('00'))).toEqual(['']);
  });

  it('refuses a character-string that runs past its RDATA', () => {
    expect(() => decodeTxt(hex('0561'))).toThrow(DnsFormatError);
  });
});

describe('DNS messages', () => {
  it('writes an RFC 2136 UPDATE byte for byte', () => {
    const m = dnsMessage({
      id: 0x1234,
      opcode: dnsOpcodes.UPDATE,
      questions: [{ name: 'example.test', type: dnsTypes.SOA, class: dnsClasses.IN }],
      authorities: [{ name: '_acme-challenge.example.test', type: dnsTypes.TXT, class: dnsClasses.IN, ttl: 60, rdata: encodeTxt('hello') }],
    });
    // Header: id, flags (opcode 5 in bits 11-14), ZOCOUNT 1, PRCOUNT 0, UPCOUNT 1, ADCOUNT 0 (RFC 2136 §2.2).
    const expected =
      '1234 2800 0001 0000 0001 0000' +
      ' 076578616d706c650474657374 00 0006 0001' +
      ' 0f5f61636d652d6368616c6c656e6765 076578616d706c650474657374 00 0010 0001 0000003c 0006 0568656c6c6f';
    expect(encodeMessage(m).toString('hex')).toBe(hex(expected).toString('hex'));
  });

  it('reads what nsupdate sent', () => {
    const m = decodeMessage(nsupdateRequest);
    expect(m).toMatchObject({ id: 0xba01, qr: false, opcode: dnsOpcodes.UPDATE, rcode: 0, tsigOffset: 72 });
    expect(m.questions).toEqual([{ name: 'example.test', type: dnsTypes.SOA, class: dnsClasses.IN }]);
    expect(m.answers).toEqual([]);
    expect(m.authorities).toHaveLength(1);
    expect(m.authorities[0]).toMatchObject({ name: '_acme-challenge.example.test', type: dnsTypes.TXT, class: dnsClasses.IN, ttl: 60 });
    expect(decodeTxt(m.authorities[0].rdata)).toEqual(['vector-sha256']);
    expect(m.additionals[0]).toMatchObject({ name: 'vector-sha256', type: dnsTypes.TSIG, class: dnsClasses.ANY, ttl: 0 });
  });

  it('reads header flags', () => {
    // QR, opcode UPDATE, AA, TC, RD, RA, RCODE 9 (NOTAUTH).
    const m = decodeMessage(hex('beef af89 0000 0000 0000 0000'));
    expect(m).toMatchObject({ id: 0xbeef, qr: true, opcode: 5, aa: true, tc: true, rd: true, ra: true, rcode: 9 });
    expect(m.tsigOffset).toBeUndefined();
  });

  const record = fc.record({
    name: fc
      .array(fc.stringMatching(/^[a-z0-9_-]{1,20}$/), { minLength: 0, maxLength: 5 })
      .map((labels) => labels.join('.')),
    type: fc.integer({ min: 0, max: 0xffff }),
    class: fc.integer({ min: 0, max: 0xffff }),
    ttl: fc.integer({ min: 0, max: 0xffffffff }),
    rdata: fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  });
  const message = fc.record({
    id: fc.integer({ min: 0, max: 0xffff }),
    qr: fc.boolean(),
    opcode: fc.integer({ min: 0, max: 15 }),
    aa: fc.boolean(),
    tc: fc.boolean(),
    rd: fc.boolean(),
    ra: fc.boolean(),
    rcode: fc.integer({ min: 0, max: 15 }),
    questions: fc.array(
      fc.record({ name: fc.stringMatching(/^[a-z]{1,10}(\.[a-z]{1,10}){0,3}$/), type: fc.integer({ min: 0, max: 0xffff }), class: fc.integer({ min: 0, max: 0xffff }) }),
      { maxLength: 2 },
    ),
    answers: fc.array(record, { maxLength: 3 }),
    authorities: fc.array(record, { maxLength: 3 }),
    additionals: fc.array(record.filter((r) => r.type !== dnsTypes.TSIG), { maxLength: 3 }),
  });

  it('reads back every message it writes', () => {
    fc.assert(
      fc.property(message, (m: DnsMessage) => {
        expect(decodeMessage(encodeMessage(m))).toEqual(m);
      }),
    );
  });

  it.each([
    ['a short header', '1234 0000 0000'],
    ['a missing question', '1234 0000 0001 0000 0000 0000'],
    ['RDATA past the end', '1234 0000 0000 0001 0000 0000 00 0010 0001 00000000 0005 0161'],
    ['trailing bytes', '1234 0000 0000 0000 0000 0000 00'],
    ['an unknown label type', '1234 0000 0001 0000 0000 0000 40 0006 0001'],
  ])('refuses %s', (_what, bytes) => {
    expect(() => decodeMessage(hex(bytes))).toThrow(DnsFormatError);
  });

  it.each([
    [0, 'NOERROR'],
    [5, 'REFUSED'],
    [9, 'NOTAUTH'],
    [16, 'BADSIG'],
    [17, 'BADKEY'],
    [18, 'BADTIME'],
    [42, 'RCODE42'],
  ])('names RCODE %i %s', (code, name) => {
    expect(rcodeName(code)).toBe(name);
  });
});
