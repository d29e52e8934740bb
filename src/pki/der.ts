/**
 * Minimal DER (ITU-T X.690) reading and writing over Buffers: just what the PKI module needs,
 * written by hand because generic ASN.1 libraries cost more than the whole certificate budget.
 *
 * Reading is strict where OpenSSL is strict (definite lengths, minimal INTEGER and OID
 * encodings) so that what parses here also parses in OpenSSL. Errors are `DerError`; callers
 * turn them into the `AppError` code of their domain.
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Universal tags and common context tags (identifier octet, tag number < 31). */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** One element: identifier octet and the offsets of its header and contents in the buffer. */
export interface Tlv {
  /** The identifier octet: class | constructed | tag number. */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  valueStart: number;
  /** Offset just past the last content octet. */
  end: number;
}

/** Reads the element starting at `pos`, which must end at or before `limit`. */
export function readTlv(buf: Buffer, pos: number, limit: number = buf.length): Tlv {
  if (pos >= limit) throw new DerError(`expected an element at offset ${pos}, found the end of the data`);
  if (pos + 2 > limit) throw new DerError(`truncated element header at offset ${pos}`);
  const tag = buf[pos];
  if ((tag & 0x1f) === 0x1f) throw new DerError(`unsupported high tag number at offset ${pos}`);
  let len = buf[pos + 1];
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0) throw new DerError(`indefinite length (BER, not DER) at offset ${pos}`);
    if (n > 4) throw new DerError(`length of ${n} octets at offset ${pos} is too large`);
    if (p + n > limit) throw new DerError(`truncated length at offset ${pos}`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
  }
  const end = p + len;
  if (end > limit) {
    throw new DerError(`truncated: the element at offset ${pos} declares ${len} bytes but only ${limit - p} remain`);
  }
  return { tag, start: pos, valueStart: p, end };
}

/** Reads the element at `pos` and checks its identifier octet. */
export function expectTlv(buf: Buffer, pos: number, limit: number, tag: number, what: string): Tlv {
  const tlv = readTlv(buf, pos, limit);
  if (tlv.tag !== tag) {
    throw new DerError(`${what}: expected tag 0x${hex2(tag)} at offset ${pos}, found 0x${hex2(tlv.tag)}`);
  }
  return tlv;
}

/** The elements directly inside a constructed element. */
export function readChildren(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.valueStart;
  while (p < parent.end) {
    const child = readTlv(buf, p, parent.end);
    out.push(child);
    p = child.end;
  }
  return out;
}

/** The contents of an element (a view, not a copy). */
export function contents(buf: Buffer, tlv: Tlv): Buffer {
  return buf.subarray(tlv.valueStart, tlv.end);
}

/** The whole encoding of an element (a view, not a copy). */
export function encoding(buf: Buffer, tlv: Tlv): Buffer {
  return buf.subarray(tlv.start, tlv.end);
}

/** Lower-case hex of an OID's content octets: a cheap, exact key for OID tables. */
export function oidKey(buf: Buffer, tlv: Tlv): string {
  return buf.toString('hex', tlv.valueStart, tlv.end);
}

/** Checks an OBJECT IDENTIFIER's content octets (X.690 §8.19: minimal base-128 subidentifiers). */
export function checkOid(buf: Buffer, tlv: Tlv): void {
  if (tlv.tag !== Tag.OID) throw new DerError(`expected an OBJECT IDENTIFIER at offset ${tlv.start}`);
  if (tlv.end === tlv.valueStart) throw new DerError(`empty OBJECT IDENTIFIER at offset ${tlv.start}`);
  let first = true;
  for (let i = tlv.valueStart; i < tlv.end; i++) {
    if (first && buf[i] === 0x80) throw new DerError(`non-minimal OBJECT IDENTIFIER at offset ${tlv.start}`);
    first = (buf[i] & 0x80) === 0;
  }
  if (!first) throw new DerError(`truncated OBJECT IDENTIFIER at offset ${tlv.start}`);
}

/** Dotted form of an OBJECT IDENTIFIER element. */
export function oidToString(buf: Buffer, tlv: Tlv): string {
  const parts: string[] = [];
  let value = 0n;
  let small = 0;
  let useBig = false;
  let firstDone = false;
  for (let i = tlv.valueStart; i < tlv.end; i++) {
    const b = buf[i];
    if (useBig) value = (value << 7n) | BigInt(b & 0x7f);
    else {
      small = small * 128 + (b & 0x7f);
      if (small > 0x1fffffffffff) {
        useBig = true;
        value = BigInt(small);
      }
    }
    if ((b & 0x80) === 0) {
      const v = useBig ? value : BigInt(small);
      if (!firstDone) {
        const arc0 = v < 40n ? 0n : v < 80n ? 1n : 2n;
        parts.push(String(arc0), String(v - arc0 * 40n));
        firstDone = true;
      } else parts.push(String(v));
      small = 0;
      value = 0n;
      useBig = false;
    }
  }
  return parts.join('.');
}

/** Encodes a dotted OID's content octets (no header). */
export function oidContent(dotted: string): Buffer {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new Error(`invalid OID ${dotted}`);
    return BigInt(a);
  });
  if (arcs.length < 2) throw new Error(`invalid OID ${dotted}`);
  const out: number[] = [];
  const push = (v: bigint): void => {
    const bytes = [Number(v & 0x7fn)];
    v >>= 7n;
    while (v > 0n) {
      bytes.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...bytes);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const a of arcs.slice(2)) push(a);
  return Buffer.from(out);
}

/** The `oidKey` of a dotted OID, for building lookup tables. */
export function oidKeyOf(dotted: string): string {
  return oidContent(dotted).toString('hex');
}

/** Checks an INTEGER's encoding (X.690 §8.3.2: non-empty, minimal, as OpenSSL requires). */
export function checkInteger(buf: Buffer, tlv: Tlv, what: string): void {
  if (tlv.tag !== Tag.INTEGER) throw new DerError(`${what}: expected an INTEGER at offset ${tlv.start}`);
  const len = tlv.end - tlv.valueStart;
  if (len === 0) throw new DerError(`${what}: empty INTEGER`);
  if (len > 1) {
    const a = buf[tlv.valueStart];
    const b = buf[tlv.valueStart + 1];
    if ((a === 0x00 && (b & 0x80) === 0) || (a === 0xff && (b & 0x80) !== 0)) {
      throw new DerError(`${what}: INTEGER has illegal padding`);
    }
  }
}

/** A small non-negative INTEGER's value (for versions and counts); throws when it does not fit. */
export function smallInteger(buf: Buffer, tlv: Tlv, what: string): number {
  checkInteger(buf, tlv, what);
  const len = tlv.end - tlv.valueStart;
  if (buf[tlv.valueStart] & 0x80) throw new DerError(`${what}: negative INTEGER`);
  if (len > 6) throw new DerError(`${what}: INTEGER too large`);
  return buf.readUIntBE(tlv.valueStart, len);
}

/**
 * Upper-case hex of an INTEGER's magnitude with leading zero octets dropped, as OpenSSL prints
 * a serial number ("00" for zero). A negative value (two's complement) yields its magnitude.
 */
export function integerMagnitudeHex(buf: Buffer, tlv: Tlv): string {
  let bytes = buf.subarray(tlv.valueStart, tlv.end);
  if (bytes.length > 0 && bytes[0] & 0x80) {
    // two's complement negation: invert and add one
    const neg = Buffer.alloc(bytes.length);
    let carry = 1;
    for (let i = bytes.length - 1; i >= 0; i--) {
      const v = (~bytes[i] & 0xff) + carry;
      neg[i] = v & 0xff;
      carry = v >> 8;
    }
    bytes = neg;
  }
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const hex = bytes.toString('hex', i).toUpperCase();
  return hex === '' ? '00' : hex;
}

const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function asciiOnly(buf: Buffer, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = buf[i];
    s += b < 0x80 ? String.fromCharCode(b) : REPLACEMENT;
  }
  return s;
}

/**
 * Text of a directory string or IA5String element. Undecodable input never throws: invalid
 * UTF-8, odd-length BMPString, lone surrogates and out-of-range UniversalString code points
 * become U+FFFD. T61String is read as Latin-1, as OpenSSL does. Returns null for a tag that
 * is not a string type.
 */
export function decodeString(buf: Buffer, tlv: Tlv): string | null {
  const { valueStart: s, end: e } = tlv;
  switch (tlv.tag) {
    case Tag.UTF8_STRING:
      return buf.toString('utf8', s, e);
    case Tag.PRINTABLE_STRING:
    case Tag.IA5_STRING:
    case Tag.VISIBLE_STRING:
    case Tag.NUMERIC_STRING:
      return asciiOnly(buf, s, e);
    case Tag.T61_STRING:
      return buf.toString('latin1', s, e);
    case Tag.BMP_STRING: {
      const even = e - ((e - s) & 1);
      const swapped = Buffer.from(buf.subarray(s, even)).swap16();
      let text = swapped.toString('utf16le');
      if (even !== e) text += REPLACEMENT;
      return text.replace(LONE_SURROGATE, REPLACEMENT);
    }
    case Tag.UNIVERSAL_STRING: {
      let text = '';
      let i = s;
      for (; i + 4 <= e; i += 4) {
        const cp = buf.readUInt32BE(i);
        text += cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? REPLACEMENT : String.fromCodePoint(cp);
      }
      if (i !== e) text += REPLACEMENT;
      return text;
    }
    default:
      return null;
  }
}

function digits(buf: Buffer, pos: number, n: number, what: string): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[pos + i] - 0x30;
    if (c < 0 || c > 9) throw new DerError(`${what}: invalid time`);
    v = v * 10 + c;
  }
  return v;
}

/**
 * A UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5). Accepts the DER forms and, leniently, a
 * missing seconds field, fractional seconds and a ±hhmm offset, which some issuers still emit.
 */
export function decodeTime(buf: Buffer, tlv: Tlv, what: string): Date {
  const s = tlv.valueStart;
  const len = tlv.end - s;
  let pos: number;
  let year: number;
  if (tlv.tag === Tag.UTC_TIME) {
    if (len < 11) throw new DerError(`${what}: UTCTime too short`);
    const yy = digits(buf, s, 2, what);
    year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 §4.1.2.5.1
    pos = s + 2;
  } else if (tlv.tag === Tag.GENERALIZED_TIME) {
    if (len < 13) throw new DerError(`${what}: GeneralizedTime too short`);
    year = digits(buf, s, 4, what);
    pos = s + 4;
  } else {
    throw new DerError(`${what}: expected UTCTime or GeneralizedTime`);
  }
  const end = tlv.end;
  const month = digits(buf, pos, 2, what);
  const day = digits(buf, pos + 2, 2, what);
  const hour = digits(buf, pos + 4, 2, what);
  const minute = digits(buf, pos + 6, 2, what);
  pos += 8;
  let second = 0;
  let ms = 0;
  if (pos + 2 <= end && buf[pos] >= 0x30 && buf[pos] <= 0x39) {
    second = digits(buf, pos, 2, what);
    pos += 2;
    if (pos < end && (buf[pos] === 0x2e || buf[pos] === 0x2c)) {
      pos++;
      let frac = '';
      while (pos < end && buf[pos] >= 0x30 && buf[pos] <= 0x39) frac += String.fromCharCode(buf[pos++]);
      if (frac === '') throw new DerError(`${what}: invalid fractional seconds`);
      ms = Math.floor(Number(`0.${frac}`) * 1000);
    }
  }
  let offsetMinutes = 0;
  if (pos < end && buf[pos] === 0x5a /* Z */) pos++;
  else if (pos + 5 === end && (buf[pos] === 0x2b || buf[pos] === 0x2d)) {
    const sign = buf[pos] === 0x2b ? 1 : -1;
    offsetMinutes = sign * (digits(buf, pos + 1, 2, what) * 60 + digits(buf, pos + 3, 2, what));
    pos += 5;
  } else throw new DerError(`${what}: time must end in Z`);
  if (pos !== end) throw new DerError(`${what}: trailing characters in time`);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    throw new DerError(`${what}: time out of range`);
  }
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, Math.min(second, 59), ms));
  date.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years below 100 literal
  if (date.getUTCDate() !== day) throw new DerError(`${what}: invalid date`);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  return date;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Writing

function lengthOctets(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element from its identifier octet and contents. */
export function encodeTlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthOctets(content.length), content]);
}

/** Two's-complement minimal encoding of an integer's content octets. */
export function integerContent(value: number | bigint): Buffer {
  let v = BigInt(value);
  const bytes: number[] = [];
  if (v >= 0n) {
    do {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
    if (bytes[0] & 0x80) bytes.unshift(0);
  } else {
    do {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v < -1n);
    if ((bytes[0] & 0x80) === 0) bytes.unshift(0xff);
  }
  return Buffer.from(bytes);
}

function timeString(date: Date, generalized: boolean): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const compact = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19);
  return (generalized ? compact : compact.slice(2)) + 'Z';
}

/** DER builders: each returns a complete element. */
export const der = {
  tlv: encodeTlv,
  sequence: (...items: Buffer[]): Buffer => encodeTlv(Tag.SEQUENCE, Buffer.concat(items)),
  set: (...items: Buffer[]): Buffer => encodeTlv(Tag.SET, Buffer.concat(items)),
  /** A SET OF, its elements sorted as DER requires (X.690 §11.6). */
  setOf: (...items: Buffer[]): Buffer => encodeTlv(Tag.SET, Buffer.concat([...items].sort(Buffer.compare))),
  oid: (dotted: string): Buffer => encodeTlv(Tag.OID, oidContent(dotted)),
  integer: (value: number | bigint): Buffer => encodeTlv(Tag.INTEGER, integerContent(value)),
  /** An INTEGER with the given content octets, unchecked (to build malformed test input). */
  integerRaw: (content: Buffer): Buffer => encodeTlv(Tag.INTEGER, content),
  boolean: (value: boolean): Buffer => encodeTlv(Tag.BOOLEAN, Buffer.from([value ? 0xff : 0])),
  null: (): Buffer => Buffer.from([Tag.NULL, 0]),
  octetString: (content: Buffer): Buffer => encodeTlv(Tag.OCTET_STRING, content),
  bitString: (content: Buffer, unusedBits = 0): Buffer =>
    encodeTlv(Tag.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), content])),
  utf8String: (s: string): Buffer => encodeTlv(Tag.UTF8_STRING, Buffer.from(s, 'utf8')),
  printableString: (s: string): Buffer => encodeTlv(Tag.PRINTABLE_STRING, Buffer.from(s, 'latin1')),
  ia5String: (s: string): Buffer => encodeTlv(Tag.IA5_STRING, Buffer.from(s, 'latin1')),
  bmpString: (s: string): Buffer => encodeTlv(Tag.BMP_STRING, Buffer.from(s, 'utf16le').swap16()),
  /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
  time: (date: Date): Buffer => {
    const y = date.getUTCFullYear();
    return y >= 1950 && y < 2050
      ? encodeTlv(Tag.UTC_TIME, Buffer.from(timeString(date, false), 'latin1'))
      : encodeTlv(Tag.GENERALIZED_TIME, Buffer.from(timeString(date, true), 'latin1'));
  },
  /** [n] EXPLICIT: a constructed context-specific element wrapping `inner`. */
  explicit: (n: number, ...inner: Buffer[]): Buffer => encodeTlv(0xa0 | n, Buffer.concat(inner)),
  /** [n] IMPLICIT over primitive contents. */
  implicit: (n: number, content: Buffer): Buffer => encodeTlv(0x80 | n, content),
};
