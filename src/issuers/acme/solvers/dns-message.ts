/**
 * The small part of the DNS wire format (RFC 1035 §4) that RFC 2136 updates, SOA lookups and
 * TSIG need. Names are strings of dot-separated labels without the trailing dot (the root is
 * ""); they are written uncompressed (RFC 1035 §4.1.4 makes compression optional for a
 * sender) and read with compression pointers followed.
 */

export const dnsTypes = { A: 1, NS: 2, SOA: 6, TXT: 16, TSIG: 250, ANY: 255 } as const;
/** RFC 2136 §2.4 uses ANY and NONE as classes in the update section. */
export const dnsClasses = { IN: 1, NONE: 254, ANY: 255 } as const;
export const dnsOpcodes = { QUERY: 0, UPDATE: 5 } as const;

/** RCODE names (RFC 1035 §4.1.1, RFC 2136 §2.2) and TSIG error names (RFC 8945 §4.3.1, §5.3). */
const rcodeNames: Record<number, string> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
  6: 'YXDOMAIN',
  7: 'YXRRSET',
  8: 'NXRRSET',
  9: 'NOTAUTH',
  10: 'NOTZONE',
  16: 'BADSIG',
  17: 'BADKEY',
  18: 'BADTIME',
  22: 'BADTRUNC',
};

/** The mnemonic of an RCODE or TSIG error, e.g. `REFUSED`, `BADSIG`; `RCODE42` when unknown. */
export function rcodeName(code: number): string {
  return rcodeNames[code] ?? `RCODE${code}`;
}

export interface DnsQuestion {
  name: string;
  type: number;
  class: number;
}

export interface DnsRecord {
  name: string;
  type: number;
  class: number;
  ttl: number;
  /** RDATA as on the wire. A decoded record's names inside RDATA may be compressed pointers into the message. */
  rdata: Buffer;
}

/** A DNS message. For UPDATE (RFC 2136 §2) the sections are zone, prerequisite, update, additional. */
export interface DnsMessage {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  rcode: number;
  questions: DnsQuestion[];
  answers: DnsRecord[];
  authorities: DnsRecord[];
  additionals: DnsRecord[];
}

export interface DecodedDnsMessage extends DnsMessage {
  /** Offset of the last additional record when it is a TSIG record (RFC 8945 §5.2: TSIG must be last). */
  tsigOffset?: number;
}

/** The fields a caller usually leaves at their defaults. */
export function dnsMessage(fields: Partial<DnsMessage> & { id: number; opcode: number }): DnsMessage {
  return {
    qr: false,
    aa: false,
    tc: false,
    rd: false,
    ra: false,
    rcode: 0,
    questions: [],
    answers: [],
    authorities: [],
    additionals: [],
    ...fields,
  };
}

/** Thrown by the decoder for bytes that are not a well-formed DNS message. */
export class DnsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DnsFormatError';
  }
}

/** Lower case (ASCII only, RFC 4034 §6.2) without the trailing dot: the form names are compared in. */
export function canonicalName(name: string): string {
  return name.replace(/\.$/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Why `name` cannot be written as a domain name (RFC 1035 §2.3.4), or undefined when it can. */
export function nameError(name: string): string | undefined {
  const n = name.replace(/\.$/, '');
  if (n === '') return undefined;
  if (!/^[\x21-\x7e]+$/.test(n)) return 'only printable ASCII is allowed (use A-labels for IDNs)';
  let wire = 1;
  for (const label of n.split('.')) {
    if (label.length === 0) return 'empty label';
    if (label.length > 63) return `label longer than 63 octets: ${label.slice(0, 20)}…`;
    wire += label.length + 1;
  }
  if (wire > 255) return 'name longer than 255 octets';
  return undefined;
}

/** The uncompressed wire form of a name (RFC 1035 §3.1). Throws RangeError for a name nameError rejects. */
export function encodeName(name: string): Buffer {
  const problem = nameError(name);
  if (problem) throw new RangeError(`invalid domain name "${name}": ${problem}`);
  const n = name.replace(/\.$/, '');
  const parts: Buffer[] = [];
  if (n !== '') {
    for (const label of n.split('.')) {
      parts.push(Buffer.from([label.length]), Buffer.from(label, 'latin1'));
    }
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * TXT RDATA (RFC 1035 §3.3.14): one or more <character-string>s of at most 255 octets each;
 * a longer value is split, as resolvers join the strings back.
 */
export function encodeTxt(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

/** The character-strings of TXT RDATA. */
export function decodeTxt(rdata: Buffer): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < rdata.length) {
    const len = rdata[i];
    if (i + 1 + len > rdata.length) throw new DnsFormatError('TXT character-string runs past its RDATA');
    out.push(rdata.subarray(i + 1, i + 1 + len).toString('utf8'));
    i += 1 + len;
  }
  return out;
}

function encodeRecord(r: DnsRecord): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(r.type, 0);
  fixed.writeUInt16BE(r.class, 2);
  fixed.writeUInt32BE(r.ttl >>> 0, 4);
  fixed.writeUInt16BE(r.rdata.length, 8);
  return Buffer.concat([encodeName(r.name), fixed, r.rdata]);
}

/** The wire form of a message (RFC 1035 §4.1), names uncompressed. */
export function encodeMessage(m: DnsMessage): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(m.id, 0);
  const flags =
    (m.qr ? 0x8000 : 0) |
    ((m.opcode & 0xf) << 11) |
    (m.aa ? 0x0400 : 0) |
    (m.tc ? 0x0200 : 0) |
    (m.rd ? 0x0100 : 0) |
    (m.ra ? 0x0080 : 0) |
    (m.rcode & 0xf);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(m.questions.length, 4);
  header.writeUInt16BE(m.answers.length, 6);
  header.writeUInt16BE(m.authorities.length, 8);
  header.writeUInt16BE(m.additionals.length, 10);
  const parts: Buffer[] = [header];
  for (const q of m.questions) {
    const fixed = Buffer.alloc(4);
    fixed.writeUInt16BE(q.type, 0);
    fixed.writeUInt16BE(q.class, 2);
    parts.push(encodeName(q.name), fixed);
  }
  for (const r of [...m.answers, ...m.authorities, ...m.additionals]) parts.push(encodeRecord(r));
  return Buffer.concat(parts);
}

/** Reads a possibly compressed name at `offset`; returns it and the offset after it in the original stream. */
export function decodeName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  let jumps = 0;
  let wire = 1;
  for (;;) {
    if (pos >= buf.length) throw new DnsFormatError('name runs past the message');
    const len = buf[pos];
    if ((len & 0xc0) === 0xc0) {
      // RFC 1035 §4.1.4 pointer; a bound on jumps stops loops.
      if (pos + 1 >= buf.length) throw new DnsFormatError('truncated compression pointer');
      if (++jumps > 127) throw new DnsFormatError('compression pointer loop');
      if (next < 0) next = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1];
      continue;
    }
    if ((len & 0xc0) !== 0) throw new DnsFormatError(`unsupported label type 0x${len.toString(16)}`);
    if (len === 0) {
      if (next < 0) next = pos + 1;
      break;
    }
    if (pos + 1 + len > buf.length) throw new DnsFormatError('label runs past the message');
    wire += len + 1;
    if (wire > 255) throw new DnsFormatError('name longer than 255 octets');
    labels.push(buf.subarray(pos + 1, pos + 1 + len).toString('latin1'));
    pos += 1 + len;
  }
  return { name: labels.join('.'), next };
}

/** Parses a whole message; throws DnsFormatError when it is malformed or has trailing bytes. */
export function decodeMessage(buf: Buffer): DecodedDnsMessage {
  if (buf.length < 12) throw new DnsFormatError('message shorter than its 12-octet header');
  const flags = buf.readUInt16BE(2);
  const counts = [buf.readUInt16BE(4), buf.readUInt16BE(6), buf.readUInt16BE(8), buf.readUInt16BE(10)];
  let pos = 12;
  const questions: DnsQuestion[] = [];
  for (let i = 0; i < counts[0]; i++) {
    const { name, next } = decodeName(buf, pos);
    if (next + 4 > buf.length) throw new DnsFormatError('question runs past the message');
    questions.push({ name, type: buf.readUInt16BE(next), class: buf.readUInt16BE(next + 2) });
    pos = next + 4;
  }
  const sections: DnsRecord[][] = [[], [], []];
  let lastOffset = -1;
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      lastOffset = pos;
      const { name, next } = decodeName(buf, pos);
      if (next + 10 > buf.length) throw new DnsFormatError('record header runs past the message');
      const rdlength = buf.readUInt16BE(next + 8);
      if (next + 10 + rdlength > buf.length) throw new DnsFormatError('RDATA runs past the message');
      sections[s].push({
        name,
        type: buf.readUInt16BE(next),
        class: buf.readUInt16BE(next + 2),
        ttl: buf.readUInt32BE(next + 4),
        rdata: Buffer.from(buf.subarray(next + 10, next + 10 + rdlength)),
      });
      pos = next + 10 + rdlength;
    }
  }
  if (pos !== buf.length) throw new DnsFormatError(`${buf.length - pos} octets after the last record`);
  const [answers, authorities, additionals] = sections;
  const last = additionals[additionals.length - 1];
  return {
    id: buf.readUInt16BE(0),
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    rcode: flags & 0xf,
    questions,
    answers,
    authorities,
    additionals,
    ...(last?.type === dnsTypes.TSIG ? { tsigOffset: lastOffset } : {}),
  };
}
