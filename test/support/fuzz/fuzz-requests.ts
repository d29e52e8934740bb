import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { signPopParameters } from '../../../src/compat/alibaba-mpush/pop-signature.js';
import type { Caller, FuzzWorld, Knowledge } from './fuzz-world.js';
import type { FuzzOperation, Parameter } from './openapi-operations.js';
import { forbiddenStrings, mutatedOf, printableHostileStrings, validOf, type Hints, type JsonSchema } from './schema-arbitraries.js';
import { BigText, RawJson, Ref, jsonText, resolveValue, textOf } from './values.js';

/** How the key travels: each API reads its own header (src/api/auth.ts, the SCM's X-Auth-Token). */
type Carrier = 'authorization' | 'x-api-key' | 'lowercase-bearer' | 'both' | 'basic' | 'bearer-only' | 'padded';

/** A path segment: a value to percent-encode, or text put in the path as it is. */
type Segment = { value: unknown } | { raw: string };

/** Edits of a body's JSON text that no value can make. */
type TextEdit = 'proto' | 'constructor' | 'duplicate' | 'bom' | 'truncate' | 'trailing' | 'deep' | 'utf16' | 'latin1' | 'invalid-utf8' | 'comment' | 'single-quotes';

type DrawnBody =
  | { kind: 'none'; contentType?: string }
  | { kind: 'json'; value: unknown; contentType?: string | null; edit?: TextEdit }
  | { kind: 'text'; text: string | BigText; contentType?: string | null };

export interface HttpDraw {
  kind: 'http';
  op: string;
  method: string;
  segments: Record<string, Segment>;
  query: Array<[string, unknown]>;
  rawQuery?: string;
  headers: Array<[string, unknown]>;
  caller: Caller;
  carrier: Carrier;
  body: DrawnBody;
  notes: string[];
  /** Whether the path or method no longer names the operation (its documented statuses do not apply). */
  offRoute: boolean;
}

/** A CheckCertificate timestamp: the server clock's now plus `shiftMs`, or a fixed text. */
export class Stamp {
  constructor(readonly shiftMs: number) {}
  toJSON(): string {
    return `<now${this.shiftMs >= 0 ? '+' : ''}${this.shiftMs}ms>`;
  }
}

type PopAfter =
  | { kind: 'drop'; name: string }
  | { kind: 'change'; name: string; value: string }
  | { kind: 'duplicate'; name: string }
  | { kind: 'append'; raw: string }
  | { kind: 'replay' }
  | { kind: 'other-method' };

export interface PopDraw {
  kind: 'pop';
  op: string;
  method: 'GET' | 'POST';
  params: Array<[string, unknown]>;
  sign: 'right' | 'none' | 'wrong-secret' | 'other-key';
  after?: PopAfter;
  /** Where the parameters go; a GET puts them all in the query. */
  placement: 'query' | 'body' | 'split' | 'both';
  contentType?: string | null;
  bodyText?: string | BigText;
  notes: string[];
}

export type Draw = HttpDraw | PopDraw;

const CALLERS = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Caller>('none') },
  { weight: 3, arbitrary: fc.constant<Caller>('viewer') },
  { weight: 4, arbitrary: fc.constant<Caller>('editor') },
  { weight: 4, arbitrary: fc.constant<Caller>('admin') },
  { weight: 5, arbitrary: fc.constant<Caller>('superuser') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('otherTenant', 'revoked', 'unknown') },
);
const CARRIERS = fc.oneof({ weight: 8, arbitrary: fc.constant<Carrier>('authorization') }, { weight: 3, arbitrary: fc.constant<Carrier>('x-api-key') });
const ODD_CARRIERS = fc.constantFrom<Carrier>('lowercase-bearer', 'both', 'basic', 'bearer-only', 'padded');

const RAW_SEGMENTS = ['', '%', '%zz', '%ED%A0%80', '%00', '%2F', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AF', '%FF', '%E2%80%AE', 'x'.repeat(300), 'x'.repeat(507), '%F0%9F%98%80'.repeat(254), `${'%C3%A9'.repeat(253)}`, '9'.repeat(400)];
const RAW_QUERIES = ['%', 'a=%zz', '&&&', '=', '==', '=x', 'pageSize', 'pageSize=', 'pageIndex=%00', '__proto__[x]=1', '__proto__=1', 'constructor[prototype][x]=1', '%00=%00', `${'a'.repeat(10_000)}=1`, 'pageIndex=1&pageIndex=2', 'a=%ED%A0%80', 'pageSize=%EF%BC%91', 'x=1;y=2', '?a=1', '#frag'];
const JUNK_HEADERS: Array<[string, string]> = [
  ['x-forwarded-for', '127.0.0.1, 169.254.169.254'],
  ['x-forwarded-host', 'evil.example.com'],
  ['host', 'evil.example.com'],
  ['host', ''],
  ['accept', 'application/xml'],
  ['accept-encoding', 'gzip, br, zstd'],
  ['content-encoding', 'gzip'],
  ['origin', 'null'],
  ['cookie', '__proto__=1'],
  ['x-http-method-override', 'DELETE'],
  ['if-none-match', '*'],
  ['range', 'bytes=0-1'],
  ['x-request-id', '\u00ff'.repeat(100)],
  ['content-type', 'application/json'],
  ['accept-language', 'tr-TR'],
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/jsonx',
  '*/*',
  'application/json, text/plain',
  ';;;',
  'application/xml',
  'application/octet-stream',
];

const EMPTY_SEGMENT = { value: '' };

/** The path and query parameters of an operation, by place. */
function parametersIn(op: FuzzOperation, place: Parameter['in']): Parameter[] {
  return op.parameters.filter((p) => p.in === place);
}

function validSegments(op: FuzzOperation, hints: Hints): fc.Arbitrary<Record<string, Segment>> {
  const params = parametersIn(op, 'path');
  return fc.record(Object.fromEntries(params.map((p) => [p.name, validOf(p.schema, hints, 'path', p.name).map((value) => ({ value }) as Segment)])));
}

function validQuery(op: FuzzOperation, hints: Hints): fc.Arbitrary<Array<[string, unknown]>> {
  const params = parametersIn(op, 'query');
  const model = Object.fromEntries(params.map((p) => [p.name, validOf(p.schema, hints, 'query', p.name)]));
  return fc.record(model, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) }).map((r) => Object.entries(r));
}

/** A valid body: drawn from the schema, or one of the fixture's known-good ones (half the time, where it has some). */
function validBody(op: FuzzOperation, knowledge: Knowledge): fc.Arbitrary<unknown> {
  const bySchema = validOf(op.body!.schema, knowledge.hints, 'body');
  const known = knowledge.bodies(op.operationId);
  return known ? fc.oneof(bySchema, known) : bySchema;
}

/** A valid request of the operation, from a caller of any role. */
function validHttp(op: FuzzOperation, knowledge: Knowledge): fc.Arbitrary<HttpDraw> {
  const hints = knowledge.hints;
  const body: fc.Arbitrary<DrawnBody> = op.body ? validBody(op, knowledge).map((value) => ({ kind: 'json', value }) as DrawnBody) : fc.constant({ kind: 'none' } as DrawnBody);
  return fc.record({ segments: validSegments(op, hints), query: validQuery(op, hints), caller: CALLERS, carrier: CARRIERS, body }).map((r) => ({
    kind: 'http',
    op: op.operationId,
    method: op.method,
    segments: r.segments,
    query: r.query,
    headers: [],
    caller: r.caller,
    carrier: r.carrier,
    body: r.body,
    notes: [],
    offRoute: false,
  }));
}

type Edit = (d: HttpDraw) => HttpDraw;
const note = (d: HttpDraw, text: string): HttpDraw => ({ ...d, notes: [...d.notes, text] });

function pathMutations(op: FuzzOperation, hints: Hints): Array<fc.Arbitrary<Edit>> {
  const params = parametersIn(op, 'path');
  if (params.length === 0) return [];
  const param = fc.constantFrom(...params);
  return [
    param.chain((p) =>
      mutatedOf(p.schema, hints, 'path', `params/${p.name}`, p.name).map((m): Edit => (d) => note({ ...d, segments: { ...d.segments, [p.name]: { value: m.value } } }, m.note)),
    ),
    fc.tuple(param, fc.constantFrom(...RAW_SEGMENTS)).map(
      ([p, raw]): Edit =>
        (d) => note({ ...d, segments: { ...d.segments, [p.name]: raw === '' ? EMPTY_SEGMENT : { raw } }, offRoute: d.offRoute || raw === '' || raw.includes('%2F') || raw === '..' || raw === '.' }, `params/${p.name}: raw ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…(${raw.length})` : raw)}`),
    ),
  ];
}

function queryMutations(op: FuzzOperation, hints: Hints): Array<fc.Arbitrary<Edit>> {
  const params = parametersIn(op, 'query');
  const arbs: Array<fc.Arbitrary<Edit>> = [
    fc
      .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'pageSize ', 'PageSize', '\u00e9', 'a\u0000'), fc.constantFrom(...printableHostileStrings, ...forbiddenStrings))
      .map(([name, value]): Edit => (d) => note({ ...d, query: [...d.query, [name, value]] }, `query: extra ${JSON.stringify(name)}=${JSON.stringify(value).slice(0, 40)}`)),
    fc.constantFrom(...RAW_QUERIES).map((raw): Edit => (d) => note({ ...d, rawQuery: raw }, `query: raw ${JSON.stringify(raw.slice(0, 40))}`)),
  ];
  if (params.length > 0) {
    const param = fc.constantFrom(...params);
    arbs.push(
      param.chain((p) => mutatedOf(p.schema, hints, 'query', `querystring/${p.name}`, p.name).map((m): Edit => (d) => note({ ...d, query: [...d.query.filter(([k]) => k !== p.name), [p.name, m.value]] }, m.note))),
      param.chain((p) =>
        fc.array(validOf(p.schema, hints, 'query', p.name), { minLength: 2, maxLength: 3 }).map((values): Edit => (d) => note({ ...d, query: [...d.query.filter(([k]) => k !== p.name), ...values.map((v) => [p.name, v] as [string, unknown])] }, `querystring/${p.name}: given ${values.length} times`)),
      ),
    );
    const required = params.filter((p) => p.required);
    if (required.length > 0) arbs.push(fc.constantFrom(...required).map((p): Edit => (d) => note({ ...d, query: d.query.filter(([k]) => k !== p.name) }, `querystring/${p.name}: required, missing`)));
  }
  return arbs;
}

function headerMutations(op: FuzzOperation, hints: Hints): Array<fc.Arbitrary<Edit>> {
  const arbs: Array<fc.Arbitrary<Edit>> = [
    fc.constantFrom(...JUNK_HEADERS).map(([name, value]): Edit => (d) => note({ ...d, headers: [...d.headers, [name, value]] }, `header ${name}: ${JSON.stringify(value).slice(0, 40)}`)),
    ODD_CARRIERS.map((carrier): Edit => (d) => note({ ...d, carrier }, `key carried as ${carrier}`)),
    fc
      .tuple(fc.constantFrom('authorization', 'x-api-key', 'x-auth-token'), fc.constantFrom(...printableHostileStrings, ...forbiddenStrings, 'Bearer', 'Bearer ', `Bearer ${'a'.repeat(8000)}`, 'Bearer \u00ff\u00fe'))
      .map(([name, value]): Edit => (d) => note({ ...d, caller: 'none', headers: [...d.headers, [name, value]] }, `header ${name}: ${JSON.stringify(value).slice(0, 40)}`)),
  ];
  for (const p of parametersIn(op, 'header')) {
    arbs.push(mutatedOf(p.schema, hints, 'header', `headers/${p.name}`, p.name).map((m): Edit => (d) => note({ ...d, headers: [...d.headers, [p.name, m.value]] }, m.note)));
  }
  return arbs;
}

const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;

function bodyMutations(op: FuzzOperation, knowledge: Knowledge): Array<{ weight: number; arbitrary: fc.Arbitrary<Edit> }> {
  const hints = knowledge.hints;
  const setBody = (body: DrawnBody, text: string): Edit => (d) => note({ ...d, body }, text);
  const anyJson = fc.constantFrom<unknown>(null, [], 'x', 1, true, {}, [{}], new RawJson('1e400'), new RawJson(DEEP), new RawJson(DEEP_OBJECT));
  const otherTypes = fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.constantFrom('{}', 'a=1&b=2', '<x/>', '', 'null'));
  if (!op.body) {
    return [
      { weight: 2, arbitrary: anyJson.map((value) => setBody({ kind: 'json', value }, `body on a bodyless route: ${jsonText(value).slice(0, 40)}`)) },
      { weight: 1, arbitrary: otherTypes.map(([contentType, text]) => setBody({ kind: 'text', text, contentType }, `body ${contentType}: ${JSON.stringify(text)}`)) },
      { weight: 1, arbitrary: fc.constantFrom<string | null>('application/json', null).map((contentType) => setBody({ kind: 'text', text: '', contentType }, `empty body, content-type ${contentType}`)) },
    ];
  }
  const schema = op.body.schema;
  const valid = validBody(op, knowledge);
  return [
    { weight: 12, arbitrary: mutatedOf(schema, hints, 'body', 'body').map((m) => setBody({ kind: 'json', value: m.value }, m.note)) },
    { weight: 2, arbitrary: anyJson.map((value) => setBody({ kind: 'json', value }, `body: ${jsonText(value).slice(0, 40)}`)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.constantFrom<TextEdit>('proto', 'constructor', 'duplicate', 'bom', 'truncate', 'trailing', 'deep', 'utf16', 'latin1', 'invalid-utf8', 'comment', 'single-quotes'))
        .map(([value, edit]) => setBody({ kind: 'json', value, edit }, `body text: ${edit}`)),
    },
    { weight: 2, arbitrary: fc.tuple(valid, fc.constantFrom<string | null>(...CONTENT_TYPES, null)).map(([value, contentType]) => setBody({ kind: 'json', value, contentType }, `valid JSON sent as ${contentType}`)) },
    { weight: 1, arbitrary: otherTypes.map(([contentType, text]) => setBody({ kind: 'text', text, contentType }, `body ${contentType}: ${JSON.stringify(text)}`)) },
    { weight: 1, arbitrary: fc.constantFrom<string | null>('application/json', null).map((contentType) => setBody({ kind: 'text', text: '', contentType }, `empty body, content-type ${contentType}`)) },
    { weight: 1, arbitrary: fc.constantFrom(new BigText(' ', 2 * 1024 * 1024), new BigText('[', 1024 * 1024 + 1)).map((text) => setBody({ kind: 'text', text, contentType: 'application/json' }, `body of ${text.count} bytes`)) },
  ];
}

function methodMutations(op: FuzzOperation): fc.Arbitrary<Edit> {
  const others = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => m !== op.method);
  return fc.constantFrom(...others).map((method): Edit => (d) => note({ ...d, method, offRoute: true }, `method ${method}`));
}

/** A request of the operation with one or two things wrong (or, one time in six, nothing). */
function mutatedHttp(op: FuzzOperation, knowledge: Knowledge): fc.Arbitrary<HttpDraw> {
  const hints = knowledge.hints;
  const edits: Array<{ weight: number; arbitrary: fc.Arbitrary<Edit> }> = [
    ...pathMutations(op, hints).map((arbitrary) => ({ weight: 4, arbitrary })),
    ...queryMutations(op, hints).map((arbitrary) => ({ weight: parametersIn(op, 'query').length > 0 ? 3 : 1, arbitrary })),
    ...headerMutations(op, hints).map((arbitrary) => ({ weight: 1, arbitrary })),
    ...bodyMutations(op, knowledge).map(({ weight, arbitrary }) => ({ weight: op.body ? weight : 1, arbitrary })),
    { weight: 1, arbitrary: methodMutations(op) },
  ];
  const edit = fc.oneof(...edits);
  return fc.tuple(validHttp(op, knowledge), fc.array(edit, { minLength: 1, maxLength: 2 })).map(([draw, chosen]) => chosen.reduce((d, e) => e(d), draw));
}

// --- Alibaba Cloud CheckCertificate --------------------------------------------------------------

const POP_SIGNATURE_PARAMS = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp'];

function validPop(op: FuzzOperation): fc.Arbitrary<PopDraw> {
  const method = op.method as 'GET' | 'POST';
  return fc
    .record({
      appKey: fc.oneof({ weight: 6, arbitrary: fc.constant(new Ref('appKey', 0)) }, { weight: 3, arbitrary: fc.nat(8).map((n) => new Ref('appKey', n)) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 99_999_999 }).map(String) }),
      accessKey: fc.oneof({ weight: 8, arbitrary: fc.constant(new Ref('accessKeyId', 0)) }, { weight: 1, arbitrary: fc.constant(new Ref('accessKeyId', 1)) }),
      nonce: fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/)),
      shift: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: -14 * 60_000, max: 14 * 60_000 }) }),
      region: fc.option(fc.constant('cn-hangzhou')),
      placement: method === 'GET' ? fc.constant<'query'>('query') : fc.constantFrom<PopDraw['placement']>('body', 'body', 'query', 'split'),
    })
    .map((r) => ({
      kind: 'pop',
      op: op.operationId,
      method,
      params: [
        ['Action', 'CheckCertificate'],
        ['AppKey', r.appKey],
        ['Format', 'JSON'],
        ['Version', '2016-08-01'],
        ['AccessKeyId', r.accessKey],
        ['SignatureMethod', 'HMAC-SHA1'],
        ['SignatureVersion', '1.0'],
        ['SignatureNonce', r.nonce],
        ['Timestamp', new Stamp(Math.floor(r.shift / 1000) * 1000)],
        ...(r.region ? [['RegionId', r.region] as [string, unknown]] : []),
      ],
      sign: 'right',
      placement: r.placement,
      contentType: method === 'POST' && r.placement !== 'query' ? 'application/x-www-form-urlencoded' : undefined,
      notes: [],
    }));
}

type PopEdit = (d: PopDraw) => PopDraw;
const popNote = (d: PopDraw, text: string): PopDraw => ({ ...d, notes: [...d.notes, text] });
const setParam = (d: PopDraw, name: string, value: unknown): PopDraw => {
  const found = d.params.some(([k]) => k === name);
  const params = value === undefined ? d.params.filter(([k]) => k !== name) : found ? d.params.map(([k, v]) => [k, k === name ? value : v] as [string, unknown]) : [...d.params, [name, value] as [string, unknown]];
  return { ...d, params };
};

function mutatedPop(op: FuzzOperation): fc.Arbitrary<PopDraw> {
  const before = (name: string, values: unknown[]) => fc.constantFrom(...values).map((value): PopEdit => (d) => popNote(setParam(d, name, value), `${name}: ${value === undefined ? 'missing' : JSON.stringify(value)?.slice(0, 40)}`));
  const edits: Array<fc.Arbitrary<PopEdit>> = [
    before('Action', [undefined, '', 'checkcertificate', 'CheckCertificates', 'Push', 'constructor', '__proto__', ...printableHostileStrings.slice(0, 20)]),
    before('AppKey', [undefined, '', '0', '-1', '1e3', '9'.repeat(16), '9'.repeat(15), '٣', ' 1', '1 ', '0x10', '1.0', new Ref('appKey', 2), new Ref('appKey', 1), ...printableHostileStrings.slice(30, 60)]),
    before('Timestamp', [undefined, '', new Stamp(-16 * 60_000), new Stamp(16 * 60_000), new Stamp(-15 * 60_000 - 1000), '2026-06-01T00:00:00', '2026-02-30T00:00:00Z', '2026-06-01T00:00:00.1234Z', 'yesterday', '2026-06-01T24:00:00Z', '+002026-06-01T00:00:00Z', '1780272000']),
    before('SignatureMethod', [undefined, '', 'HMAC-SHA256', 'hmac-sha1', 'HMAC-SHA1 ']),
    before('SignatureVersion', [undefined, '', '2.0', '1', '1.0.0']),
    before('SignatureNonce', [undefined, '', 'n'.repeat(255), 'n'.repeat(256), new BigText('n', 65_536), ...printableHostileStrings.slice(0, 30)]),
    before('AccessKeyId', [undefined, '', `LTAI${'0'.repeat(20)}`, 'LTAI', ...printableHostileStrings.slice(60, 80)]),
    fc
      .tuple(fc.constantFrom('Extra', 'extra', '__proto__', 'constructor', 'Signature ', 'Ä', '🔐', 'a b', 'Action '), fc.constantFrom(...printableHostileStrings, ...forbiddenStrings))
      .map(([name, value]): PopEdit => (d) => popNote({ ...d, params: [...d.params, [name, value]] }, `extra ${JSON.stringify(name)}=${JSON.stringify(value).slice(0, 40)}`)),
    fc.constantFrom<PopDraw['sign']>('none', 'wrong-secret', 'other-key').map((sign): PopEdit => (d) => popNote({ ...d, sign }, `signature: ${sign}`)),
    fc.constantFrom(...POP_SIGNATURE_PARAMS, 'Action', 'AppKey').map((name): PopEdit => (d) => popNote({ ...d, after: { kind: 'drop', name } }, `${name} dropped after signing`)),
    fc.tuple(fc.constantFrom('AppKey', 'Action', 'Timestamp', 'Signature', 'SignatureNonce'), fc.constantFrom('1', 'x', '', 'CheckCertificate', 'A'.repeat(28))).map(([name, value]): PopEdit => (d) => popNote({ ...d, after: { kind: 'change', name, value } }, `${name} changed to ${JSON.stringify(value)} after signing`)),
    fc.constantFrom(...POP_SIGNATURE_PARAMS, 'Action', 'AppKey').map((name): PopEdit => (d) => popNote({ ...d, after: { kind: 'duplicate', name } }, `${name} given twice`)),
    fc.constantFrom('&%zz', '&%ED%A0%80', '&a=%00', '&&', '&=', '&a=%C0%AF', '&AppKey', '&Action=', '&a=b=c', '&%', '&+=+').map((raw): PopEdit => (d) => popNote({ ...d, after: { kind: 'append', raw } }, `raw ${JSON.stringify(raw)} appended`)),
    fc.constant<PopEdit>((d) => popNote({ ...d, after: { kind: 'replay' } }, 'a used nonce again')),
    fc.constant<PopEdit>((d) => popNote({ ...d, after: { kind: 'other-method' } }, 'signed for the other method')),
  ];
  if (op.method === 'POST') {
    edits.push(
      fc.constantFrom<string | null>('application/json', 'text/plain', null, 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1', 'APPLICATION/X-WWW-FORM-URLENCODED').map((contentType): PopEdit => (d) => popNote({ ...d, placement: d.placement === 'query' ? 'body' : d.placement, contentType }, `form sent as ${contentType}`)),
      fc.constantFrom<PopDraw['placement']>('both', 'split').map((placement): PopEdit => (d) => popNote({ ...d, placement }, `parameters in ${placement}`)),
      fc.constantFrom<string | BigText>('', '{"Action":"CheckCertificate"}', new BigText('a', 2 * 1024 * 1024), new BigText('&', 65_536), '\u00ff\u00fe').map((bodyText): PopEdit => (d) => popNote({ ...d, placement: 'query', bodyText, contentType: 'application/x-www-form-urlencoded' }, `body ${bodyText instanceof BigText ? `${bodyText.count} bytes` : JSON.stringify(bodyText)}`)),
    );
  }
  return fc.tuple(validPop(op), fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 2 })).map(([draw, chosen]) => chosen.reduce((d, e) => e(d), draw));
}

/**
 * The arbitrary of one operation's requests: `valid` ones (every part drawn from its schema or
 * the fixture) or `mutated` ones (one or two parts broken, five in six; else valid).
 */
export function requestArbitrary(op: FuzzOperation, knowledge: Knowledge, mode: 'valid' | 'mutated'): fc.Arbitrary<Draw> {
  if (op.api === 'pop') return mode === 'valid' ? validPop(op) : fc.oneof({ weight: 1, arbitrary: validPop(op) }, { weight: 5, arbitrary: mutatedPop(op) });
  return mode === 'valid' ? validHttp(op, knowledge) : fc.oneof({ weight: 1, arbitrary: validHttp(op, knowledge) }, { weight: 5, arbitrary: mutatedHttp(op, knowledge) });
}

// --- building --------------------------------------------------------------------------------------

/** Percent-encodes text as UTF-8; an unpaired surrogate becomes the three bytes it would have in CESU-8 (invalid UTF-8). */
export function encodeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Text as an HTTP client would put it in a header: no CR, LF or other controls but tab; UTF-8 bytes read as Latin-1; at most 8 KiB. */
function headerText(text: string): string {
  return Buffer.from(text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''), 'utf8')
    .toString('latin1')
    .slice(0, 8192);
}

function editText(text: string, edit: TextEdit | undefined): string | Buffer {
  const open = text.indexOf('{');
  const insert = (member: string) => (open < 0 ? text : `${text.slice(0, open + 1)}${member}${text[open + 1] === '}' ? '' : ','}${text.slice(open + 1)}`);
  switch (edit) {
    case undefined:
      return text;
    case 'proto':
      return insert('"__proto__":{"isSuperuser":true}');
    case 'constructor':
      return insert('"constructor":{"prototype":{"isSuperuser":true}}');
    case 'duplicate': {
      const m = /^\{("[^"]*"):/.exec(text);
      return m ? `{${m[1]}:"first",${text.slice(1)}` : insert('"a":1,"a":2');
    }
    case 'bom':
      return `\ufeff${text}`;
    case 'truncate':
      return text.slice(0, Math.max(0, text.length - 1));
    case 'trailing':
      return `${text} x`;
    case 'deep':
      return insert(`"deep":${DEEP}`);
    case 'utf16':
      return Buffer.from(text, 'utf16le');
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'invalid-utf8':
      return Buffer.concat([Buffer.from(text.slice(0, Math.max(1, text.length - 1))), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from(text.slice(Math.max(1, text.length - 1)))]);
    case 'comment':
      return `/* c */${text}`;
    case 'single-quotes':
      return text.replaceAll('"', "'");
  }
}

function keyHeaders(caller: Caller, carrier: Carrier, world: FuzzWorld, api: FuzzOperation['api']): Record<string, string> {
  if (caller === 'none') return {};
  const key = world.keys[caller];
  if (api === 'scm') return { 'x-auth-token': key };
  switch (carrier) {
    case 'authorization':
      return { authorization: `Bearer ${key}` };
    case 'x-api-key':
      return { 'x-api-key': key };
    case 'lowercase-bearer':
      return { authorization: `bearer   ${key}` };
    case 'both':
      return { authorization: `Bearer ${key}`, 'x-api-key': world.keys.viewer };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` };
    case 'bearer-only':
      return { authorization: 'Bearer' };
    case 'padded':
      return { 'x-api-key': `\t ${key} \t` };
  }
}

/** The HTTP request a draw stands for, refs resolved against the fixture as it is now. */
export function buildRequest(draw: Draw, op: FuzzOperation, world: FuzzWorld): InjectOptions {
  return draw.kind === 'pop' ? buildPop(draw, world) : buildHttp(draw, op, world);
}

function buildHttp(draw: HttpDraw, op: FuzzOperation, world: FuzzWorld): InjectOptions {
  const resolve = (v: unknown) => resolveValue(v, (ref) => world.resolve(ref));
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const segment = draw.segments[name] ?? EMPTY_SEGMENT;
    return 'raw' in segment ? segment.raw : encodeText(textOf(resolve(segment.value)));
  });
  const query = draw.rawQuery ?? draw.query.map(([k, v]) => `${encodeText(k)}=${encodeText(textOf(resolve(v)))}`).join('&');
  const headers: Record<string, string> = { ...keyHeaders(draw.caller, draw.carrier, world, op.api) };
  for (const [name, value] of draw.headers) headers[name] = headerText(textOf(resolve(value)));
  let payload: string | Buffer | undefined;
  const body = draw.body;
  if (body.kind === 'json') {
    payload = editText(jsonText(resolve(body.value)), body.edit);
    if (body.contentType !== null) headers['content-type'] = body.contentType ?? 'application/json';
  } else if (body.kind === 'text') {
    payload = body.text instanceof BigText ? body.text.text() : body.text;
    if (body.contentType !== null && body.contentType !== undefined) headers['content-type'] = body.contentType;
  }
  return { method: draw.method as InjectOptions['method'], url: query === '' ? path : `${path}?${query}`, headers, payload };
}

function buildPop(draw: PopDraw, world: FuzzWorld): InjectOptions {
  const now = world.t.clock.now().getTime();
  const params = new Map<string, string>();
  for (const [name, value] of draw.params) {
    const resolved = value instanceof Stamp ? new Date(now + value.shiftMs).toISOString().replace(/\.000Z$/, 'Z') : textOf(resolveValue(value, (ref) => world.resolve(ref)));
    params.set(name, resolved);
  }
  const accessKeyId = params.get('AccessKeyId') ?? '';
  const after = draw.after;
  if (after?.kind === 'replay' && world.usedNonces.length > 0) params.set('SignatureNonce', world.usedNonces[world.usedNonces.length - 1]);
  const secret =
    draw.sign === 'wrong-secret' ? 'not-the-secret' : draw.sign === 'other-key' ? ([...world.accessKeySecrets.entries()].find(([id]) => id !== accessKeyId)?.[1] ?? 'x') : (world.accessKeySecrets.get(accessKeyId) ?? 'unknown-key');
  const signMethod = after?.kind === 'other-method' ? (draw.method === 'GET' ? 'POST' : 'GET') : draw.method;
  let signed: Map<string, string>;
  try {
    signed = draw.sign === 'none' ? new Map(params) : signPopParameters(signMethod, params, secret);
  } catch {
    // An unpaired surrogate cannot be percent-encoded for signing: sent unsigned, as no client could sign it.
    signed = new Map(params);
  }
  if (after?.kind === 'drop') signed.delete(after.name);
  if (after?.kind === 'change') signed.set(after.name, after.value);
  let pairs = [...signed];
  if (after?.kind === 'duplicate' && signed.has(after.name)) pairs = [...pairs, [after.name, signed.get(after.name)!]];
  signed = new Map(pairs);
  const encode = (list: Array<[string, string]>) => list.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&');
  let queryPairs: Array<[string, string]> = [];
  let bodyPairs: Array<[string, string]> = [];
  if (draw.method === 'GET' || draw.placement === 'query') queryPairs = pairs;
  else if (draw.placement === 'body') bodyPairs = pairs;
  else if (draw.placement === 'split') {
    queryPairs = pairs.filter((_p, i) => i % 2 === 0);
    bodyPairs = pairs.filter((_p, i) => i % 2 === 1);
  } else {
    queryPairs = pairs;
    bodyPairs = pairs.slice(0, 2);
  }
  let query = encode(queryPairs);
  let bodyText = bodyPairs.length > 0 ? encode(bodyPairs) : undefined;
  if (after?.kind === 'append') {
    if (bodyText !== undefined) bodyText += after.raw;
    else query += after.raw;
  }
  if (draw.bodyText !== undefined) bodyText = draw.bodyText instanceof BigText ? draw.bodyText.text() : draw.bodyText;
  const headers: Record<string, string> = {};
  if (draw.method === 'POST' && draw.contentType !== null && (draw.contentType !== undefined || bodyText !== undefined)) headers['content-type'] = draw.contentType ?? 'application/x-www-form-urlencoded';
  return { method: draw.method, url: query === '' ? '/' : `/?${query}`, headers, payload: draw.method === 'POST' ? bodyText : undefined };
}

/** The nonce a signed request used, if it carried one. */
export function nonceOf(request: InjectOptions): string | undefined {
  const text = `${String(request.url).split('?')[1] ?? ''}&${typeof request.payload === 'string' ? request.payload : ''}`;
  for (const part of text.split('&')) {
    const [k, v] = part.split('=');
    if (k === 'SignatureNonce' && v !== undefined) {
      try {
        return decodeURIComponent(v);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type { JsonSchema };
