import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../src/issuers/acme/solvers/dns-message.js';
import {
  decodeTsigRdata,
  encodeTsigRdata,
  signRequest,
  tsigMac,
  verifyResponse,
  type TsigAlgorithm,
  type TsigKey,
} from '../../../src/issuers/acme/solvers/tsig.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/**
 * Real exchanges, captured on the wire between nsupdate and named (BIND 9.18.49) with
 * `nsupdate -y hmac-ALG:vector-ALG:SECRET`, each adding `_acme-challenge.example.test. 60 IN TXT
 * "vector-ALG"` to example.test. The MACs were computed by BIND, not by this code.
 */
const vectors: Array<{ algorithm: TsigAlgorithm; secret: string; request: string; response: string }> = [
  {
    algorithm: 'hmac-sha256',
    secret: Buffer.from('certkeeper-tsig-vector-sha256-k!').toString('base64'),
    request:
      'ba0128000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e6765c00c001000010000003c000e0d766563746f722d7368613235360d766563746f722d7368613235360000fa00ff00000000003d0b686d61632d7368613235360000006b049690012c0020474736adf34768529d89293c6041b9466f218987ffa37355b246fa9ae4025cd7ba0100000000',
    response:
      'ba01a8000001000000000001076578616d706c65047465737400000600010d766563746f722d7368613235360000fa00ff00000000003d0b686d61632d7368613235360000006b049690012c00201fd7177260b1c27c000fceaad3dec0fcdcafd1ffc1916e9c223d7ca24e3b6ec5ba0100000000',
  },
  {
    algorithm: 'hmac-sha512',
    secret: Buffer.from('certkeeper-tsig-vector-key-for-hmac-sha512-is-64-bytes-long-ok!!').toString('base64'),
    request:
      '4d1328000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e6765c00c001000010000003c000e0d766563746f722d7368613531320d766563746f722d7368613531320000fa00ff00000000005d0b686d61632d7368613531320000006b049690012c004075f720614e9d9268fc59b83c7ca491bf27b7090ac92fc0c43551dbbb91fc070a538ee29dc6ad9cabcb65f067268a7eb122371dfbc3f71743544ae6cbb44e90334d1300000000',
    response:
      '4d13a8000001000000000001076578616d706c65047465737400000600010d766563746f722d7368613531320000fa00ff00000000005d0b686d61632d7368613531320000006b049690012c0040f2531047bb47c5b07802fc3a5c7e9e40d047dd0b3544ec72be6ecd74fc65767f8743ed2d86a1ea6e5cfd07dc983e241f2097c2c1eac96d86fe5951233e8b9dcf4d1300000000',
  },
  {
    algorithm: 'hmac-sha1',
    secret: Buffer.from('certkeeper-sha1-key!').toString('base64'),
    request:
      'c88428000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e6765c00c001000010000003c000c0b766563746f722d736861310b766563746f722d736861310000fa00ff00000000002f09686d61632d736861310000006b049690012c0014875de4726ce5f8b47b78fda33983ffcf46041684c88400000000',
    response:
      'c884a8000001000000000001076578616d706c65047465737400000600010b766563746f722d736861310000fa00ff00000000002f09686d61632d736861310000006b049690012c0014af161237b4bcfc54db94d0ffddc7f15c5b0848c0c88400000000',
  },
];

/** 0x6b049690: the time nsupdate signed at (2026-11-23T19:40:00Z). */
const signedAt = 0x6b049690;

const keyOf = (v: (typeof vectors)[number]): TsigKey => ({
  name: `vector-${v.algorithm.slice(5)}`,
  algorithm: v.algorithm,
  secret: Buffer.from(v.secret, 'base64'),
});

/** The request as it was before nsupdate appended its TSIG record (ARCOUNT back to 0). */
function unsignedRequest(raw: Buffer): Buffer {
  const decoded = decodeMessage(raw);
  const unsigned = Buffer.from(raw.subarray(0, decoded.tsigOffset));
  unsigned.writeUInt16BE(0, 10);
  return unsigned;
}

describe('TSIG against messages signed by BIND (RFC 8945)', () => {
  it.each(vectors)('computes nsupdate\'s request MAC with $algorithm (§4.3.3)', (v) => {
    const raw = hex(v.request);
    const tsig = decodeTsigRdata(decodeMessage(raw).additionals[0].rdata);
    expect(tsig).toMatchObject({ algorithm: v.algorithm, timeSigned: signedAt, fudge: 300, error: 0, originalId: raw.readUInt16BE(0) });
    expect(tsigMac(keyOf(v), unsignedRequest(raw), tsig).toString('hex')).toBe(tsig.mac.toString('hex'));
  });

  it.each(vectors)('signs the request exactly as nsupdate did with $algorithm (§5.1)', (v) => {
    const raw = hex(v.request);
    const { signed, mac } = signRequest(unsignedRequest(raw), keyOf(v), signedAt, 300);
    expect(signed.toString('hex')).toBe(v.request);
    expect(mac.toString('hex')).toBe(decodeTsigRdata(decodeMessage(raw).additionals[0].rdata).mac.toString('hex'));
  });

  it.each(vectors)('verifies named\'s response with $algorithm (request MAC + response, §4.3.2)', (v) => {
    const requestMac = decodeTsigRdata(decodeMessage(hex(v.request)).additionals[0].rdata).mac;
    const raw = hex(v.response);
    const verdict = verifyResponse(raw, decodeMessage(raw), keyOf(v), requestMac, signedAt + 10);
    expect(verdict).toMatchObject({ ok: true });
  });

  it.each(vectors)('refuses named\'s $algorithm response once any byte is changed', (v) => {
    const requestMac = decodeTsigRdata(decodeMessage(hex(v.request)).additionals[0].rdata).mac;
    const good = hex(v.response);
    const tsigOffset = decodeMessage(good).tsigOffset!;
    // Every byte before the TSIG record is covered, as is the request MAC.
    let checked = 0;
    for (const at of [2, 3, 5, 12, 20, tsigOffset - 1]) {
      const bad = Buffer.from(good);
      bad[at] ^= 0x01;
      let decoded;
      try {
        decoded = decodeMessage(bad);
      } catch {
        continue; // no longer a message at all: refused earlier
      }
      expect(verifyResponse(bad, decoded, keyOf(v), requestMac, signedAt)).toMatchObject({ ok: false });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    const otherRequestMac = Buffer.from(requestMac);
    otherRequestMac[0] ^= 0x80;
    expect(verifyResponse(good, decodeMessage(good), keyOf(v), otherRequestMac, signedAt)).toMatchObject({ ok: false, reason: expect.stringContaining('BADSIG') });
    const otherSecret = { ...keyOf(v), secret: Buffer.from('another secret') };
    expect(verifyResponse(good, decodeMessage(good), otherSecret, requestMac, signedAt)).toMatchObject({ ok: false });
  });

  it('refuses a verified response signed outside the fudge (BADTIME, §5.4.3)', () => {
    const v = vectors[0];
    const requestMac = decodeTsigRdata(decodeMessage(hex(v.request)).additionals[0].rdata).mac;
    const raw = hex(v.response);
    expect(verifyResponse(raw, decodeMessage(raw), keyOf(v), requestMac, signedAt + 300)).toMatchObject({ ok: true });
    expect(verifyResponse(raw, decodeMessage(raw), keyOf(v), requestMac, signedAt + 301)).toMatchObject({ ok: false, reason: expect.stringContaining('BADTIME') });
    expect(verifyResponse(raw, decodeMessage(raw), keyOf(v), requestMac, signedAt - 301)).toMatchObject({ ok: false, reason: expect.stringContaining('BADTIME') });
  });

  it('refuses a response signed with another key name or algorithm, or not signed at all', () => {
    const v = vectors[0];
    const requestMac = decodeTsigRdata(decodeMessage(hex(v.request)).additionals[0].rdata).mac;
    const raw = hex(v.response);
    expect(verifyResponse(raw, decodeMessage(raw), { ...keyOf(v), name: 'other-key' }, requestMac, signedAt)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('another key'),
    });
    expect(verifyResponse(raw, decodeMessage(raw), { ...keyOf(v), algorithm: 'hmac-sha512' }, requestMac, signedAt)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('another algorithm'),
    });
    const unsigned = Buffer.from(raw.subarray(0, decodeMessage(raw).tsigOffset));
    unsigned.writeUInt16BE(0, 10);
    expect(verifyResponse(unsigned, decodeMessage(unsigned), keyOf(v), requestMac, signedAt)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not signed'),
    });
  });
});

describe('TSIG MAC, derived by hand (RFC 8945 §4.3.3)', () => {
  it('is HMAC over the message then the TSIG variables in canonical form', () => {
    const key: TsigKey = { name: 'My-Key', algorithm: 'hmac-sha256', secret: Buffer.from('0123456789abcdef0123456789abcdef') };
    // A query for example.test SOA, id 0x1234.
    const message = hex('1234 0000 0001 0000 0000 0000 076578616d706c650474657374 00 0006 0001');
    const variables =
      '066d792d6b657900' + // key name, lower-cased: "my-key."
      '00ff' + // CLASS ANY
      '00000000' + // TTL 0
      '0b686d61632d73686132353600' + // algorithm "hmac-sha256."
      '000065a0bc00' + // time signed 0x65a0bc00
      '012c' + // fudge 300
      '0000' + // error
      '0000'; // other len, no other data
    const expected = createHmac('sha256', key.secret).update(Buffer.concat([message, hex(variables)])).digest('hex');
    expect(tsigMac(key, message, { timeSigned: 0x65a0bc00, fudge: 300, error: 0, otherData: Buffer.alloc(0) }).toString('hex')).toBe(expected);
  });

  it('digests the request MAC with its length first for a response (§4.3.2)', () => {
    const key: TsigKey = { name: 'k', algorithm: 'hmac-sha1', secret: Buffer.from('secret') };
    const requestMac = hex('aabbcc');
    const response = hex('1234 8000 0000 0000 0000 0000');
    const variables = '016b00' + '00ff00000000' + '09686d61632d7368613100' + '000000000001' + '0005' + '0012' + '0006' + '00000000002a';
    const expected = createHmac('sha1', key.secret)
      .update(Buffer.concat([hex('0003aabbcc'), response, hex(variables)]))
      .digest('hex');
    const otherData = hex('00000000002a');
    expect(tsigMac(key, response, { timeSigned: 1, fudge: 5, error: 18, otherData }, requestMac).toString('hex')).toBe(expected);
  });

  it('reads back the RDATA it writes', () => {
    const data = { algorithm: 'hmac-sha512', timeSigned: 0xffffffffffff, fudge: 300, mac: hex('0102'), originalId: 7, error: 18, otherData: hex('00000000002a') };
    expect(decodeTsigRdata(encodeTsigRdata(data))).toEqual(data);
  });
});
