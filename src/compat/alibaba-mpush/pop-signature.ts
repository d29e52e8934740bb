import { createHmac, timingSafeEqual } from 'node:crypto';
import { isSingleLineText } from '../../domain/text.js';
import { PopError } from './pop-error.js';

/**
 * Alibaba Cloud RPC request signatures, version 1.0 (HMAC-SHA1), as the official SDKs compute
 * them (`@alicloud/pop-core` lib/rpc.js: `encode`, `normalize`, `canonicalize`). Pure functions:
 * no clock, no storage. The string to sign is
 *
 *     METHOD + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery)
 *
 * where canonicalizedQuery is every parameter but `Signature`, sorted by name, each name and
 * value percent-encoded, joined as `k=v&…`; the signature is base64(HMAC-SHA1(secret + "&",
 * stringToSign)). Percent-encoding is RFC 3986's: only `A-Z a-z 0-9 - _ . ~` stay as they are,
 * so a space is `%20` (never `+`), `*` is `%2A` and `~` is not encoded (the Java SDK's
 * URLEncoder-then-replace `+`→`%20`, `*`→`%2A`, `%7E`→`~` gives the same).
 */

/** The parameters every signed request carries (besides `Action`). */
export const signatureParameterNames = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp'] as const;

/** How far a request's Timestamp may be from the server's clock, either way. */
export const MAX_TIMESTAMP_SKEW_MS = 15 * 60_000;
/** Longest accepted SignatureNonce (pop-core sends 32 hex characters; UUIDs are 36). */
export const MAX_NONCE_LENGTH = 255;

/** RFC 3986 percent-encoding of a name or value, as Alibaba Cloud signs it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Parameters of a query string or an `application/x-www-form-urlencoded` body. Decoded with
 * decodeURIComponent only: a `+` is a plus sign here, not a space (the SDKs send a space as
 * `%20`). A parameter given twice, or a malformed escape, is an InvalidParameter error (a
 * signature over an ambiguous request would mean nothing), and so is a control character in a
 * name or value (domain/text.ts).
 */
export function parsePopParameters(raw: string, into: Map<string, string> = new Map()): Map<string, string> {
  if (raw === '') return into;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName);
      value = decodeURIComponent(rawValue);
    } catch {
      throw new PopError('InvalidParameter', 'The request has a malformed percent-encoded parameter.');
    }
    // decodeURIComponent never yields an unpaired surrogate; a control character would reach
    // the database (SignatureNonce), which cannot store U+0000 on PostgreSQL.
    if (!isSingleLineText(name) || !isSingleLineText(value)) throw new PopError('InvalidParameter', 'The request has a parameter with a control character.');
    if (into.has(name)) throw new PopError('InvalidParameter', `The parameter ${name.slice(0, 100)} is given more than once.`);
    into.set(name, value);
  }
  return into;
}

/** `k=v&…` of every parameter but `Signature`, sorted by name (UTF-16 order, as the SDKs sort), percent-encoded. */
export function canonicalizedQuery(params: ReadonlyMap<string, string>): string {
  return [...params.keys()]
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params.get(k) ?? '')}`)
    .join('&');
}

/** The string to sign: `METHOD&%2F&` + the percent-encoded canonicalized query. */
export function stringToSign(method: string, params: ReadonlyMap<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** base64(HMAC-SHA1(secret + "&", stringToSign(method, params))). */
export function popSignature(method: string, params: ReadonlyMap<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** The parameters with their `Signature` added (for clients and tests). */
export function signPopParameters(method: string, params: ReadonlyMap<string, string> | Record<string, string>, accessKeySecret: string): Map<string, string> {
  const map = params instanceof Map ? new Map(params) : new Map(Object.entries(params));
  map.delete('Signature');
  map.set('Signature', popSignature(method, map, accessKeySecret));
  return map;
}

/** The parameters as a query string or form body, each name and value percent-encoded, in the map's order. */
export function encodePopParameters(params: ReadonlyMap<string, string>): string {
  return [...params].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** Whether `signature` is the request's signature under `accessKeySecret` (constant time). */
export function popSignatureMatches(method: string, params: ReadonlyMap<string, string>, accessKeySecret: string): boolean {
  const given = Buffer.from(params.get('Signature') ?? '', 'utf8');
  const expected = Buffer.from(popSignature(method, params, accessKeySecret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature parameters of a request whose shape has been checked. */
export interface SignatureFacts {
  accessKeyId: string;
  nonce: string;
  timestamp: Date;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

/** An ISO 8601 UTC time as the SDKs send it (`2026-11-22T12:21:09Z`, optional milliseconds); undefined otherwise. */
export function parsePopTimestamp(value: string): Date | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  const date = new Date(value);
  // Reject what Date would roll over (Feb 30, 25:00): the fields must survive a round trip.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== value.slice(0, 19)) return undefined;
  return date;
}

/**
 * Everything about the signature parameters that needs no key: present and non-empty
 * (IncompleteSignature), HMAC-SHA1 (InvalidSignatureMethod), version 1.0
 * (InvalidSignatureVersion), a well-formed Timestamp (InvalidTimeStamp.Format) within
 * `maxSkewMs` of `now` either way (InvalidTimeStamp.Expired), a nonce of sane length. Throws
 * the PopError of the first failure, in that order.
 */
export function checkSignatureParameters(params: ReadonlyMap<string, string>, now: Date, maxSkewMs = MAX_TIMESTAMP_SKEW_MS): SignatureFacts {
  const missing = signatureParameterNames.filter((n) => !params.get(n));
  if (missing.length > 0) throw new PopError('IncompleteSignature', `The request signature does not conform to Aliyun standards: ${missing.join(', ')} missing.`);
  if (params.get('SignatureMethod') !== 'HMAC-SHA1') throw new PopError('InvalidSignatureMethod');
  if (params.get('SignatureVersion') !== '1.0') throw new PopError('InvalidSignatureVersion');
  const timestamp = parsePopTimestamp(params.get('Timestamp')!);
  if (!timestamp) throw new PopError('InvalidTimeStamp.Format');
  if (Math.abs(now.getTime() - timestamp.getTime()) > maxSkewMs) throw new PopError('InvalidTimeStamp.Expired');
  const nonce = params.get('SignatureNonce')!;
  if (nonce.length > MAX_NONCE_LENGTH) throw new PopError('InvalidParameter', `SignatureNonce is longer than ${MAX_NONCE_LENGTH} characters.`);
  return { accessKeyId: params.get('AccessKeyId')!, nonce, timestamp };
}
