/**
 * The values a fuzzed request carries that are not plain JSON: references to objects of the
 * fixture (resolved when the request is sent, since ids are the server's), long strings made
 * only when sent (a drawn request stays small to keep and to print), and JSON text written
 * verbatim (numbers JavaScript cannot hold, keys an object literal cannot own).
 */

/** The kinds of fixture objects a request may name; see fuzz-world.ts. */
export type RefKind =
  | 'organization'
  | 'project'
  | 'apiKeyId'
  | 'certificate'
  | 'certificateUid'
  | 'service'
  | 'domain'
  | 'appId'
  | 'appKey'
  | 'channel'
  | 'notification'
  | 'endpoint'
  | 'accessKeyId'
  | 'pem'
  | 'privateKey'
  | 'chain'
  | 'pkcs12'
  | 'apnsPkcs12'
  | 'webhookUrl';

/** The `slot`-th object of a kind (modulo how many there are when the request is sent). */
export class Ref {
  constructor(
    readonly kind: RefKind,
    readonly slot: number,
  ) {}
  toJSON(): string {
    return `<${this.kind}#${this.slot}>`;
  }
}

/** `unit` repeated `count` times, made when the request is sent. */
export class BigText {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  /** Made anew each time: a draw kept for the rest of the run must not keep megabytes. */
  text(): string {
    return this.unit.repeat(this.count);
  }
  toJSON(): string {
    return `<${JSON.stringify(this.unit)} x ${this.count}>`;
  }
}

/** JSON text put into a body as it is: `1e400`, `-0`, a `__proto__` key, deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `<raw ${this.text.length > 80 ? `${this.text.slice(0, 80)}… (${this.text.length} chars)` : this.text}>`;
  }
}

/** A drawn value with its markers replaced: refs by `resolveRef`, long texts made. */
export function resolveValue(value: unknown, resolveRef: (ref: Ref) => unknown): unknown {
  if (value instanceof Ref) return resolveRef(value);
  if (value instanceof BigText) return value.text();
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, resolveRef));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, resolveRef)]));
  }
  return value;
}

/**
 * JSON text of a resolved value; RawJson is written verbatim, own `__proto__` keys are kept.
 * Text beyond `limit` characters is cut off there (an array of 500 items of 512 KB each would
 * be 256 MB; any body past the server's limit is refused alike, and the cut one still is).
 */
export function jsonText(value: unknown, limit = 4 * 1024 * 1024): string {
  const parts: string[] = [];
  let length = 0;
  const put = (text: string) => {
    if (length > limit) return;
    parts.push(text);
    length += text.length;
  };
  const write = (v: unknown): void => {
    if (length > limit) return;
    if (v instanceof RawJson) put(v.text);
    else if (v instanceof BigText) put(JSON.stringify(v.text()));
    else if (Array.isArray(v)) {
      put('[');
      v.forEach((item, i) => {
        if (i > 0) put(',');
        write(item);
      });
      put(']');
    } else if (typeof v === 'object' && v !== null) {
      put('{');
      Object.keys(v).forEach((k, i) => {
        if (i > 0) put(',');
        put(`${JSON.stringify(k)}:`);
        write((v as Record<string, unknown>)[k]);
      });
      put('}');
    } else if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) put('null');
    else put(JSON.stringify(v));
  };
  write(value);
  const text = parts.join('');
  return text.length > limit ? text.slice(0, limit) : text;
}

/** A resolved value as the text of a path segment, query value or header. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return '';
  return jsonText(value);
}

/** A drawn value for printing: markers as short labels, long strings cut. */
export function describeValue(value: unknown, max = 600): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));
  return text === undefined ? 'undefined' : text.length > max ? `${text.slice(0, max)}…` : text;
}
