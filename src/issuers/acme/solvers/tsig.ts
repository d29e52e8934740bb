/**
 * TSIG (RFC 8945): signing a request and verifying the server's signed response with a shared
 * HMAC key. Only what an RFC 2136 client needs: one message per exchange, no multi-message
 * (zone transfer) chains.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalName,
  decodeName,
  DnsFormatError,
  dnsClasses,
  dnsTypes,
  encodeName,
  rcodeName,
  type DecodedDnsMessage,
} from './dns-message.js';

export const tsigAlgorithms = ['hmac-sha256', 'hmac-sha512', 'hmac-sha1'] as const;
export type TsigAlgorithm = (typeof tsigAlgorithms)[number];

const digestOf: Record<TsigAlgorithm, { hash: string; length: number }> = {
  'hmac-sha256': { hash: 'sha256', length: 32 },
  'hmac-sha512': { hash: 'sha512', length: 64 },
  'hmac-sha1': { hash: 'sha1', length: 20 },
};

/** A TSIG key: its name (as configured on the server), algorithm and decoded secret. */
export interface TsigKey {
  name: string;
  algorithm: TsigAlgorithm;
  secret: Buffer;
}

/** TSIG RDATA (RFC 8945 §4.2). `timeSigned` is in seconds since the epoch. */
export interface TsigRecordData {
  algorithm: string;
  timeSigned: number;
  fudge: number;
  mac: Buffer;
  originalId: number;
  error: number;
  otherData: Buffer;
}

/** RFC 8945 §10 recommends 300 seconds of allowed clock skew. */
export const defaultFudgeSeconds = 300;

export function isTsigAlgorithm(value: unknown): value is TsigAlgorithm {
  return typeof value === 'string' && (tsigAlgorithms as readonly string[]).includes(value);
}

function uint48(value: number): Buffer {
  const b = Buffer.alloc(6);
  b.writeUIntBE(value, 0, 6);
  return b;
}

/** TSIG RDATA on the wire; the algorithm name is never compressed (RFC 8945 §4.2). */
export function encodeTsigRdata(d: TsigRecordData): Buffer {
  const fudge = Buffer.alloc(4);
  fudge.writeUInt16BE(d.fudge, 0);
  fudge.writeUInt16BE(d.mac.length, 2);
  const tail = Buffer.alloc(6);
  tail.writeUInt16BE(d.originalId, 0);
  tail.writeUInt16BE(d.error, 2);
  tail.writeUInt16BE(d.otherData.length, 4);
  return Buffer.concat([encodeName(d.algorithm), uint48(d.timeSigned), fudge, d.mac, tail, d.otherData]);
}

export function decodeTsigRdata(rdata: Buffer): TsigRecordData {
  const { name: algorithm, next } = decodeName(rdata, 0);
  let pos = next;
  if (pos + 10 > rdata.length) throw new DnsFormatError('TSIG RDATA too short');
  const timeSigned = rdata.readUIntBE(pos, 6);
  const fudge = rdata.readUInt16BE(pos + 6);
  const macSize = rdata.readUInt16BE(pos + 8);
  pos += 10;
  if (pos + macSize + 6 > rdata.length) throw new DnsFormatError('TSIG MAC runs past its RDATA');
  const mac = Buffer.from(rdata.subarray(pos, pos + macSize));
  pos += macSize;
  const originalId = rdata.readUInt16BE(pos);
  const error = rdata.readUInt16BE(pos + 2);
  const otherLen = rdata.readUInt16BE(pos + 4);
  pos += 6;
  if (pos + otherLen !== rdata.length) throw new DnsFormatError('TSIG other data does not end its RDATA');
  return { algorithm, timeSigned, fudge, mac, originalId, error, otherData: Buffer.from(rdata.subarray(pos)) };
}

/**
 * The MAC over `message` (the DNS message as it is without its TSIG record, with its original
 * ID) followed by the TSIG variables, RFC 8945 §4.3.3. For a response, `requestMac` is the MAC
 * of the request it answers and is digested first, prefixed with its length (§4.3.2).
 */
export function tsigMac(
  key: TsigKey,
  message: Buffer,
  variables: Pick<TsigRecordData, 'timeSigned' | 'fudge' | 'error' | 'otherData'>,
  requestMac?: Buffer,
): Buffer {
  const hmac = createHmac(digestOf[key.algorithm].hash, key.secret);
  if (requestMac) {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(requestMac.length, 0);
    hmac.update(len).update(requestMac);
  }
  hmac.update(message);
  const classTtl = Buffer.alloc(6);
  classTtl.writeUInt16BE(dnsClasses.ANY, 0); // TTL stays 0
  const fudgeError = Buffer.alloc(6);
  fudgeError.writeUInt16BE(variables.fudge, 0);
  fudgeError.writeUInt16BE(variables.error, 2);
  fudgeError.writeUInt16BE(variables.otherData.length, 4);
  // Key and algorithm names in canonical form: lower case, uncompressed (§4.3.3).
  hmac
    .update(encodeName(canonicalName(key.name)))
    .update(classTtl)
    .update(encodeName(canonicalName(key.algorithm)))
    .update(uint48(variables.timeSigned))
    .update(fudgeError)
    .update(variables.otherData);
  return hmac.digest();
}

/**
 * Appends a TSIG record to an encoded request (RFC 8945 §5.1) and returns the signed bytes and
 * the MAC (needed to verify the response).
 */
export function signRequest(
  message: Buffer,
  key: TsigKey,
  timeSigned: number,
  fudge: number = defaultFudgeSeconds,
): { signed: Buffer; mac: Buffer } {
  const variables = { timeSigned, fudge, error: 0, otherData: Buffer.alloc(0) };
  const mac = tsigMac(key, message, variables);
  const rdata = encodeTsigRdata({ algorithm: key.algorithm, ...variables, mac, originalId: message.readUInt16BE(0) });
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(dnsTypes.TSIG, 0);
  fixed.writeUInt16BE(dnsClasses.ANY, 2);
  fixed.writeUInt32BE(0, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  const signed = Buffer.concat([message, encodeName(key.name), fixed, rdata]);
  signed.writeUInt16BE(message.readUInt16BE(10) + 1, 10); // ARCOUNT + 1
  return { signed, mac };
}

export type TsigVerdict =
  | { ok: true; tsig: TsigRecordData }
  | { ok: false; reason: string; tsig?: TsigRecordData };

/**
 * Checks the TSIG record of a response to a request signed with `key` (RFC 8945 §5.3, §5.4):
 * present and last, same key and algorithm, no TSIG error, a full-length MAC over request MAC +
 * response (TSIG removed, ARCOUNT decremented, original ID restored), time within the fudge.
 */
export function verifyResponse(
  raw: Buffer,
  decoded: DecodedDnsMessage,
  key: TsigKey,
  requestMac: Buffer,
  nowSeconds: number,
): TsigVerdict {
  if (decoded.tsigOffset === undefined) return { ok: false, reason: 'the response is not signed (no TSIG record)' };
  const record = decoded.additionals[decoded.additionals.length - 1];
  const tsig = decodeTsigRdata(record.rdata);
  if (canonicalName(record.name) !== canonicalName(key.name)) {
    return { ok: false, reason: `the response is signed with another key (${record.name})`, tsig };
  }
  if (canonicalName(tsig.algorithm) !== key.algorithm) {
    return { ok: false, reason: `the response is signed with another algorithm (${tsig.algorithm})`, tsig };
  }
  if (tsig.error !== 0) return { ok: false, reason: `TSIG error ${rcodeName(tsig.error)}`, tsig };
  // Truncated MACs (RFC 8945 §5.2.2.1) are not accepted: servers send the full digest by default.
  if (tsig.mac.length !== digestOf[key.algorithm].length) {
    return { ok: false, reason: `the response MAC has ${tsig.mac.length} octets, expected ${digestOf[key.algorithm].length}`, tsig };
  }
  const unsigned = Buffer.from(raw.subarray(0, decoded.tsigOffset));
  unsigned.writeUInt16BE(tsig.originalId, 0);
  unsigned.writeUInt16BE(decoded.additionals.length - 1, 10);
  const expected = tsigMac(key, unsigned, tsig, requestMac);
  if (!timingSafeEqual(expected, tsig.mac)) return { ok: false, reason: 'the response MAC does not verify (BADSIG)', tsig };
  // Time is checked after the MAC, so an unauthenticated time is never trusted (§5.4.3).
  if (Math.abs(nowSeconds - tsig.timeSigned) > tsig.fudge) {
    return { ok: false, reason: `the response was signed at ${tsig.timeSigned}, outside the fudge of ${tsig.fudge} s (BADTIME)`, tsig };
  }
  return { ok: true, tsig };
}
