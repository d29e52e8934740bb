/** PEM (RFC 7468) and base64 helpers shared by the PKI decoders. */

/** One PEM block as found in text. */
export interface PemBlock {
  /** The label between "BEGIN " and the dashes, upper-cased, e.g. "CERTIFICATE". */
  label: string;
  /** RFC 1421 headers ("Proc-Type", "DEK-Info"), when the block has any. */
  headers: Record<string, string>;
  /** The base64 body with all whitespace removed (not yet decoded). */
  base64: string;
  /** 0-based position among the blocks of the text. */
  index: number;
}

/** Result of scanning text for PEM blocks. */
export interface PemScan {
  blocks: PemBlock[];
  /** Label of a BEGIN line without a matching END line (truncated input), if any. */
  unterminated: string | null;
}

const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 #._/-]{0,62})-----/gi;

/**
 * Finds every PEM block in `text`: leading and trailing text, CRLF line ends, indentation and
 * blank lines are tolerated. Linear in the length of the text.
 */
export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = [];
  let upper: string | null = null; // computed once, only if an END line is cased differently
  BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN.exec(text)) !== null) {
    const label = m[1].trim().toUpperCase();
    const bodyStart = m.index + m[0].length;
    const endMarker = `-----END ${m[1]}-----`;
    let endAt = text.indexOf(endMarker, bodyStart);
    if (endAt < 0) {
      // tolerate a differently-cased END line
      upper ??= text.toUpperCase();
      const idx = upper.length === text.length ? upper.indexOf(`-----END ${label}-----`, bodyStart) : -1;
      if (idx < 0) return { blocks, unterminated: label };
      endAt = idx;
    }
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (nextBegin >= 0 && nextBegin < endAt) return { blocks, unterminated: label };
    const body = text.slice(bodyStart, endAt);
    const headers: Record<string, string> = {};
    let base64Part = body;
    if (body.includes(':')) {
      // RFC 1421 encapsulated headers end at the first blank line
      const lines = body.split(/\r?\n/);
      let i = 0;
      while (i < lines.length && lines[i].trim() === '') i++;
      while (i < lines.length && /^[A-Za-z-]+:/.test(lines[i].trim())) {
        const line = lines[i].trim();
        const colon = line.indexOf(':');
        headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
        i++;
      }
      base64Part = lines.slice(i).join('\n');
    }
    blocks.push({ label, headers, base64: base64Part.replace(/\s+/g, ''), index: blocks.length });
    BEGIN.lastIndex = endAt + endMarker.length;
  }
  return { blocks, unterminated: null };
}

/** Base64 alphabet, then at most two '=' (the length rule is checked by `isBase64`). */
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Standard base64: quartets, then optionally 2 characters + "==", 3 + "=", or 2–3 unpadded.
 * Same language as `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$`
 * but a plain character-class scan plus a length rule, several times cheaper on certificate-sized input.
 */
function isBase64(compact: string): boolean {
  if (!BASE64_CHARS.test(compact)) return false;
  let pad = 0;
  while (pad < 2 && compact.charCodeAt(compact.length - 1 - pad) === 0x3d) pad++;
  const rest = (compact.length - pad) % 4;
  return pad === 0 ? rest !== 1 : pad === 1 ? rest === 3 : rest === 2;
}

/**
 * Decodes base64 (or base64url) text whose whitespace was already removed; returns null when
 * it is not base64, rather than silently skipping bad characters as `Buffer.from` does.
 */
export function decodeBase64Strict(compact: string): Buffer | null {
  if (compact.length === 0) return null;
  if (isBase64(compact)) return Buffer.from(compact, 'base64');
  if (BASE64URL.test(compact) && compact.length % 4 !== 1) return Buffer.from(compact, 'base64url');
  return null;
}

/** A PEM block of `der` with the given label (default CERTIFICATE), 64-column lines, trailing newline. */
export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const b64 = der.toString('base64');
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** Input given as a string or bytes, read as text (UTF-8, a leading BOM dropped). */
export function asText(input: string | Buffer): string {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
