import { lineLength, type SocketReader } from './socket-reader.js';

/** The protocols a probe speaks before the TLS handshake (`tls`: none). */
export type ProbeProtocol = 'tls' | 'smtp' | 'imap' | 'ldap' | 'postgres';

export const probeProtocols: readonly ProbeProtocol[] = ['tls', 'smtp', 'imap', 'ldap', 'postgres'];

/** The usual port of each protocol, for targets given without one. */
export const defaultPorts: Record<ProbeProtocol, number> = { tls: 443, smtp: 25, imap: 143, ldap: 389, postgres: 5432 };

/** The server answered the plaintext steps, but not with a way into TLS. */
export class StartTlsRefused extends Error {
  constructor(
    readonly code: 'starttls_unsupported' | 'starttls_refused' | 'protocol_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'StartTlsRefused';
  }
}

/**
 * Runs the plaintext part of `protocol` on a connected socket, up to the point where the server
 * expects a TLS ClientHello. Throws `StartTlsRefused` when the server says no (or speaks
 * something else) and `PreambleError` on timeout, close or an over-long answer.
 */
export async function startTls(protocol: ProbeProtocol, reader: SocketReader, stepTimeoutMs: number): Promise<void> {
  switch (protocol) {
    case 'tls':
      return;
    case 'smtp':
      return smtp(reader, stepTimeoutMs);
    case 'imap':
      return imap(reader, stepTimeoutMs);
    case 'ldap':
      return ldap(reader, stepTimeoutMs);
    case 'postgres':
      return postgres(reader, stepTimeoutMs);
  }
}

/** Length of a complete SMTP reply (RFC 5321 §4.2: "250-…" lines, then "250 …"), 0 if incomplete. */
function smtpReplyLength(buffered: Buffer): number {
  let at = 0;
  for (;;) {
    const n = lineLength(buffered, at);
    if (n === 0) return 0;
    const line = buffered.subarray(at, at + n).toString('latin1');
    at += n;
    if (line.length < 4 || line[3] !== '-') return at;
  }
}

const smtpCode = (reply: string) => Number(reply.slice(0, 3));
const firstLine = (text: string) => text.split(/\r?\n/)[0].slice(0, 200);

/** RFC 3207: greeting 220, EHLO, STARTTLS advertised, STARTTLS → 220. */
async function smtp(reader: SocketReader, timeoutMs: number): Promise<void> {
  const greeting = (await reader.until(smtpReplyLength, timeoutMs, 'SMTP greeting')).toString('latin1');
  if (!/^\d{3}[ -]/.test(greeting)) throw new StartTlsRefused('protocol_mismatch', `not an SMTP greeting: ${JSON.stringify(firstLine(greeting))}`);
  if (smtpCode(greeting) !== 220) throw new StartTlsRefused('starttls_refused', `SMTP greeting: ${firstLine(greeting)}`);
  reader.write('EHLO certkeeper.invalid\r\n');
  const ehlo = (await reader.until(smtpReplyLength, timeoutMs, 'SMTP EHLO')).toString('latin1');
  if (smtpCode(ehlo) !== 250) throw new StartTlsRefused('starttls_refused', `SMTP EHLO: ${firstLine(ehlo)}`);
  if (!/^250[ -]STARTTLS\s*$/im.test(ehlo)) throw new StartTlsRefused('starttls_unsupported', 'the SMTP server does not advertise STARTTLS');
  reader.write('STARTTLS\r\n');
  const answer = (await reader.until(smtpReplyLength, timeoutMs, 'SMTP STARTTLS')).toString('latin1');
  if (smtpCode(answer) !== 220) throw new StartTlsRefused('starttls_refused', `SMTP STARTTLS: ${firstLine(answer)}`);
}

/** RFC 3501 §6.2.1: greeting "* OK", "a1 STARTTLS" → "a1 OK" (untagged lines before it are skipped). */
async function imap(reader: SocketReader, timeoutMs: number): Promise<void> {
  const greeting = (await reader.until((b) => lineLength(b), timeoutMs, 'IMAP greeting')).toString('latin1');
  if (!/^\* (OK|PREAUTH|BYE)\b/i.test(greeting)) throw new StartTlsRefused('protocol_mismatch', `not an IMAP greeting: ${JSON.stringify(firstLine(greeting))}`);
  if (!/^\* OK\b/i.test(greeting)) throw new StartTlsRefused('starttls_refused', `IMAP greeting: ${firstLine(greeting)}`);
  reader.write('a1 STARTTLS\r\n');
  for (;;) {
    const line = (await reader.until((b) => lineLength(b), timeoutMs, 'IMAP STARTTLS')).toString('latin1');
    if (line.startsWith('* ')) continue;
    if (/^a1 OK\b/i.test(line)) return;
    if (/^a1 (NO|BAD)\b/i.test(line)) throw new StartTlsRefused('starttls_refused', `IMAP STARTTLS: ${firstLine(line)}`);
    throw new StartTlsRefused('protocol_mismatch', `unexpected IMAP answer: ${JSON.stringify(firstLine(line))}`);
  }
}

/** OID of the LDAP StartTLS extended operation (RFC 4511 §4.14.1). */
const LDAP_START_TLS_OID = '1.3.6.1.4.1.1466.20037';

/**
 * The StartTLS ExtendedRequest, BER by hand (RFC 4511 §4.12):
 * LDAPMessage ::= SEQUENCE { messageID INTEGER (1), [APPLICATION 23] SEQUENCE { [0] requestName } }.
 */
export function ldapStartTlsRequest(): Buffer {
  const oid = Buffer.from(LDAP_START_TLS_OID, 'latin1');
  const requestName = Buffer.concat([Buffer.from([0x80, oid.length]), oid]);
  const extendedRequest = Buffer.concat([Buffer.from([0x77, requestName.length]), requestName]);
  const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), extendedRequest]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** A BER TLV header: tag byte, content length, header length; undefined when incomplete. */
function berHeader(b: Buffer, at: number): { tag: number; length: number; header: number } | undefined {
  if (b.length < at + 2) return undefined;
  const first = b[at + 1];
  if (first < 0x80) return { tag: b[at], length: first, header: 2 };
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4) return { tag: b[at], length: -1, header: 2 }; // indefinite or absurd: not LDAP
  if (b.length < at + 2 + octets) return undefined;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + b[at + 2 + i];
  return { tag: b[at], length, header: 2 + octets };
}

/** RFC 4511 §4.14: send the StartTLS request, expect ExtendedResponse resultCode success (0). */
async function ldap(reader: SocketReader, timeoutMs: number): Promise<void> {
  reader.write(ldapStartTlsRequest());
  for (;;) {
    const message = await reader.until(
      (b) => {
        if (b[0] !== 0x30) return 1; // not a SEQUENCE: hand it over to be refused below
        const h = berHeader(b, 0);
        if (h === undefined) return 0;
        if (h.length < 0) return b.length;
        return b.length >= h.header + h.length ? h.header + h.length : 0;
      },
      timeoutMs,
      'LDAP StartTLS',
    );
    if (message[0] !== 0x30) throw new StartTlsRefused('protocol_mismatch', 'the server does not answer in LDAP (BER)');
    const outer = berHeader(message, 0)!;
    let at = outer.header;
    const id = berHeader(message, at);
    if (!id || id.tag !== 0x02 || id.length < 1 || id.length > 4) throw new StartTlsRefused('protocol_mismatch', 'malformed LDAP message (messageID)');
    const messageId = message.subarray(at + id.header, at + id.header + id.length).readUIntBE(0, id.length);
    at += id.header + id.length;
    const op = berHeader(message, at);
    if (!op || op.tag !== 0x78) {
      if (messageId === 1) throw new StartTlsRefused('protocol_mismatch', `unexpected LDAP answer (operation tag 0x${op?.tag.toString(16) ?? '??'})`);
      continue; // an unrelated message (not ours): keep reading
    }
    at += op.header;
    const result = berHeader(message, at);
    if (!result || result.tag !== 0x0a || result.length < 1) throw new StartTlsRefused('protocol_mismatch', 'malformed LDAP ExtendedResponse (resultCode)');
    const resultCode = message.subarray(at + result.header, at + result.header + result.length).readUIntBE(0, Math.min(result.length, 4));
    // messageID 0 is an unsolicited Notice of Disconnection (RFC 4511 §4.4.1).
    if (messageId === 0) throw new StartTlsRefused('starttls_refused', `LDAP notice of disconnection (resultCode ${resultCode})`);
    if (messageId !== 1) continue;
    if (resultCode !== 0) throw new StartTlsRefused(resultCode === 2 ? 'starttls_unsupported' : 'starttls_refused', `LDAP StartTLS resultCode ${resultCode}`);
    return;
  }
}

/** SSLRequest: Int32 length 8, Int32 80877103 (PostgreSQL protocol §55.2.10). */
export const POSTGRES_SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** The server answers one byte: 'S' (go ahead with TLS) or 'N' (no TLS); 'E' from servers older than 3.0. */
async function postgres(reader: SocketReader, timeoutMs: number): Promise<void> {
  reader.write(POSTGRES_SSL_REQUEST);
  const answer = await reader.until((b) => 1, timeoutMs, 'PostgreSQL SSLRequest');
  const c = String.fromCharCode(answer[0]);
  if (c === 'S') return;
  if (c === 'N') throw new StartTlsRefused('starttls_unsupported', 'the PostgreSQL server does not accept TLS (answered N to SSLRequest)');
  if (c === 'E') throw new StartTlsRefused('starttls_refused', 'the server answered SSLRequest with an error');
  throw new StartTlsRefused('protocol_mismatch', `not a PostgreSQL server (answered 0x${answer[0].toString(16)} to SSLRequest)`);
}
