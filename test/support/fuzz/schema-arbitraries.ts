import fc from 'fast-check';
import { isMultiLineText, isSingleLineText } from '../../../src/domain/text.js';
import { BigText, RawJson } from './values.js';

/** A JSON Schema as the OpenAPI document publishes it (inlined, JSON Schema 2020-12). */
export type JsonSchema = { [keyword: string]: any };

/**
 * Where a value goes: a path segment, a query or header value (text, coerced by the server) or
 * a JSON body (typed, never coerced).
 */
export type Place = 'path' | 'query' | 'header' | 'body';

/**
 * Values the fixture knows better than a schema does (a project's id, a certificate's PEM, a
 * loopback host), by property or parameter name; undefined = the schema alone.
 */
export type Hints = (name: string | undefined, schema: JsonSchema, place: Place) => fc.Arbitrary<unknown> | undefined;

export interface Mutation {
  value: unknown;
  /** What was done, for the report: `body/items/0/password: control character`. */
  note: string;
}

const LONE_SURROGATES = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d'];
const CONTROL = ['\u0000', 'a\u0000b', '\u0001', '\u0007', '\b', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\r\n', 'a\nb', '\t', '\u000b', '\f'];

/**
 * Strings that break naive code but no rule of the API: SQL and LIKE metacharacters, paths,
 * template and script syntax, Object.prototype's names, numbers JavaScript reads oddly,
 * Unicode that changes under case mapping or normalization, host names and URLs at the edges.
 */
export const printableHostileStrings: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE certificates; --",
  '" OR ""="',
  "\\'",
  '\\',
  '%',
  '_',
  '%_%',
  '%00',
  '%2e%2e%2f',
  '%ED%A0%80',
  '../',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '/',
  '//',
  '.',
  '..',
  '?',
  '#',
  '&',
  '=',
  '+',
  ';',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '`id`',
  '$(id)',
  '| cat /etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
  'length',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0',
  '-0',
  '-1',
  '1e309',
  '0x10',
  '1_000',
  '٣',
  '１２３',
  '9'.repeat(400),
  `-${'9'.repeat(400)}`,
  `0.${'0'.repeat(300)}1`,
  'K',
  'Å',
  'ﬁ',
  'ß',
  'İ',
  'ı',
  'e\u0301',
  'é',
  'ǅ',
  'ｅｘａｍｐｌｅ．ｃｏｍ',
  'ex\u00adample.com',
  'exa\u200bmple.com',
  '\u202egnp.exe',
  '\ufeffbom',
  'a\u2028b',
  'a\u2029b',
  '\ufffd',
  '\uffff',
  '\ufffe',
  '🔐'.repeat(10),
  '\u{1F469}\u200D\u{1F469}',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  ' ',
  '   ',
  ' leading',
  'trailing ',
  '\u00a0',
  '\u3000',
  'xn--',
  'xn--80ak6aa92e.com',
  'xn--zz.example.com',
  '*',
  '*.',
  '*.*.example.com',
  'a..b',
  '.example.com',
  'example.com.',
  '-a.example.com',
  'a-.example.com',
  '_acme-challenge.example.com',
  'ÉXAMPLE.COM',
  'bücher.example',
  '[::1]',
  '::1',
  '::ffff:127.0.0.1',
  '127.0.0.1',
  '0177.0.0.1',
  '2130706433',
  '0x7f000001',
  '169.254.169.254',
  'fe80::1%eth0',
  'metadata.google.internal',
  'localhost',
  'LOCALHOST',
  '10.0.0.300',
  '1.2.3',
  `${'a'.repeat(63)}.com`,
  `${'a'.repeat(64)}.com`,
  `${`${'a'.repeat(63)}.`.repeat(4)}com`,
  'http://',
  'https://',
  'file:///etc/passwd',
  'https://user:pass@example.com/',
  'https://127.0.0.1:1/',
  'http://[::1]:1/',
  'https://169.254.169.254/latest/meta-data',
  'gopher://127.0.0.1:1/_',
  'https://exa mple.com',
  '//example.com',
  'mailto:a@example.com',
  'a@example.com',
  'a@b@c',
  '@',
];

/** Strings no text of the API may hold: control characters and unpaired surrogates. */
export const forbiddenStrings: readonly string[] = [...CONTROL, ...LONE_SURROGATES];

const CHARS = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._') },
  { weight: 3, arbitrary: fc.constantFrom(...' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}~') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'İ', 'ı', 'K', '証', '明', 'ﬁ', '\u0301', '\u200b', '\u00a0', '\ufeff', '😀', '🔐', '\u{10FFFF}', '\u2028') },
);

/** The length of a string as JSON Schema counts it (code points), as ajv does. */
export function schemaLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Whether a string satisfies a string schema's length, pattern and text format. */
export function stringFits(schema: JsonSchema, text: string): boolean {
  const length = schemaLength(text);
  if (schema.minLength !== undefined && length < schema.minLength) return false;
  if (schema.maxLength !== undefined && length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text)) return false;
  if (schema.format === 'single-line-text' && !isSingleLineText(text)) return false;
  if (schema.format === 'multi-line-text' && !isMultiLineText(text)) return false;
  if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return false;
  if (schema.enum !== undefined && !schema.enum.includes(text)) return false;
  return true;
}

/** A string of exactly `count` characters (code points) of `unit`; a BigText when long. */
function repeated(unit: string, count: number): string | BigText {
  return count * unit.length > 4096 ? new BigText(unit, count) : unit.repeat(count);
}

function validString(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.format === 'uuid') {
    return fc.oneof(
      { weight: 8, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
      { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
    );
  }
  if (schema.format === 'date-time') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '2026-06-01T00:00:00Z',
          '2026-05-31T23:59:59.999Z',
          '2026-06-01T00:04:59Z',
          '2026-06-01T00:05:01Z',
          '2026-06-01T14:00:00+14:00',
          '2026-05-31T12:00:00-12:00',
          '2024-02-29T23:59:59.123456789Z',
          '0001-01-01T00:00:00Z',
          '9999-12-31T23:59:59Z',
          '1969-12-31T23:59:59Z',
        ),
      },
    );
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 2048;
  const fits = (s: string) => stringFits(schema, s);
  if (schema.pattern !== undefined && /^\^.*\$$/.test(schema.pattern)) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  const fallback = 'a'.repeat(Math.max(min, 1));
  const generic = fc.string({ unit: CHARS, minLength: min, maxLength: Math.min(max, Math.max(min, 32)) }).map((s) => (fits(s) ? s : fallback));
  const hostile = printableHostileStrings.filter(fits);
  const edges: Array<string | BigText> = [];
  if (max <= 1_048_576) edges.push(repeated('a', max), repeated('é', max));
  if (max <= 4096) edges.push('😀'.repeat(max));
  if (min > 0) edges.push(repeated('b', min));
  return fc.oneof(
    { weight: 6, arbitrary: generic },
    ...(hostile.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...hostile) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function integerBounds(schema: JsonSchema): { min: number; max: number } {
  return { min: schema.minimum ?? -2147483648, max: schema.maximum ?? 2147483647 };
}

function validInteger(schema: JsonSchema): fc.Arbitrary<unknown> {
  const { min, max } = integerBounds(schema);
  const small = fc.integer({ min: Math.max(min, -3), max: Math.min(max, Math.max(Math.max(min, -3), 5)) });
  return fc.oneof({ weight: 4, arbitrary: small }, { weight: 3, arbitrary: fc.integer({ min, max }) }, { weight: 2, arbitrary: fc.constantFrom(min, max) });
}

function validNumber(schema: JsonSchema): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e9;
  return fc.double({ min, max, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined, noNaN: true, noDefaultInfinity: true });
}

/** The JSON types a schema allows. */
function typesOf(schema: JsonSchema): Set<string> {
  if (schema.anyOf || schema.oneOf) return new Set(((schema.anyOf ?? schema.oneOf) as JsonSchema[]).flatMap((s) => [...typesOf(s)]));
  if (schema.type === undefined) return new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);
  const types = new Set<string>(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('number')) types.add('integer');
  return types;
}

/** Values of every JSON type, for wrong-type mutations. */
const VALUES_BY_TYPE: Record<string, unknown[]> = {
  null: [null],
  boolean: [true, false],
  integer: [0, 1, -1, 2147483648],
  number: [1.5, -0.5],
  string: ['', 'x', '1', 'true', 'null'],
  array: [[], [null], ['x'], [1, 2]],
  object: [{}, { a: 1 }, { length: 1 }],
};

function wrongTypes(schema: JsonSchema, place: Place): fc.Arbitrary<Mutation> {
  const allowed = typesOf(schema);
  // Text places hold strings: their 'wrong type' is text the type does not read.
  const others = Object.entries(VALUES_BY_TYPE)
    .filter(([type]) => !allowed.has(type) && !(type === 'number' && allowed.has('integer') && place !== 'body'))
    .flatMap(([, values]) => values);
  if (others.length === 0) return fc.constant({ value: null, note: 'null' });
  return fc.constantFrom(...others).map((value) => ({ value, note: `wrong type ${JSON.stringify(value)}` }));
}

/** Text an integer parameter must not be written as (the path and query are coerced). */
const INTEGER_TEXTS = ['0x1', '1e3', '+1', ' 1', '1 ', '1.0', '1.5', '٣', '１', '-0', 'NaN', 'Infinity', '', '00000000000000000001', '9'.repeat(30), '9'.repeat(400), '2147483648', '-2147483649', '9007199254740993', '1,2', '1;2', '[1]', 'true'];

function mutatedInteger(schema: JsonSchema, place: Place): fc.Arbitrary<Mutation> {
  const { min, max } = integerBounds(schema);
  const out = [min - 1, max + 1, 0, -1, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER + 1, -(2 ** 63)];
  const arbs: Array<fc.Arbitrary<Mutation>> = [
    fc.constantFrom(...out).map((value) => ({ value, note: `out of range ${value}` })),
    wrongTypes(schema, place),
  ];
  if (place === 'body') {
    arbs.push(fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'), new RawJson('-0'), new RawJson('1.0'), new RawJson('1e2'), new RawJson(`1${'0'.repeat(400)}`), new RawJson('0.1e1'), 1.5, '1').map((value) => ({ value, note: `number ${JSON.stringify(value)}` })));
  } else {
    arbs.push(fc.constantFrom(...INTEGER_TEXTS).map((value) => ({ value, note: `integer text ${JSON.stringify(value)}` })));
  }
  return fc.oneof(...arbs);
}

function mutatedString(schema: JsonSchema, place: Place): fc.Arbitrary<Mutation> {
  const max = schema.maxLength;
  const min = schema.minLength ?? 0;
  const arbs: Array<{ weight: number; arbitrary: fc.Arbitrary<Mutation> }> = [
    { weight: 4, arbitrary: fc.constantFrom(...forbiddenStrings).map((value) => ({ value, note: `forbidden character ${JSON.stringify(value)}` })) },
    { weight: 3, arbitrary: fc.constantFrom(...printableHostileStrings).map((value) => ({ value, note: `hostile ${JSON.stringify(value)}` })) },
    { weight: 1, arbitrary: fc.constantFrom(new BigText('A', 65_536), new BigText('é', 65_536), new BigText('x', 2 * 1024 * 1024)).map((value) => ({ value, note: `huge ${value.count}` })) },
    { weight: place === 'body' ? 2 : 1, arbitrary: wrongTypes(schema, place) },
    { weight: 1, arbitrary: fc.constant({ value: '', note: 'empty' }) },
  ];
  if (max !== undefined) {
    arbs.push({ weight: 2, arbitrary: fc.constantFrom(repeated('a', max + 1), repeated('😀', max + 1), repeated('é', max + 1)).map((value) => ({ value, note: `maxLength ${max} + 1` })) });
  }
  if (min > 1) arbs.push({ weight: 1, arbitrary: fc.constant({ value: 'a'.repeat(min - 1), note: `minLength ${min} - 1` }) });
  if (schema.enum || schema.const !== undefined) {
    const word = String((schema.enum ?? [schema.const])[0]);
    arbs.push({ weight: 3, arbitrary: fc.constantFrom(word.toUpperCase(), ` ${word}`, `${word} `, `${word}\u0000`, word.normalize('NFD'), `${word}s`).map((value) => ({ value, note: `not the constant: ${JSON.stringify(value)}` })) });
  }
  if (schema.format === 'uuid') {
    arbs.push({ weight: 3, arbitrary: fc.constantFrom('not-a-uuid', '0000000-0000-0000-0000-000000000000', '{00000000-0000-0000-0000-000000000000}', '00000000000000000000000000000000', 'g0000000-0000-0000-0000-000000000000').map((value) => ({ value, note: `malformed uuid ${value}` })) });
  }
  if (schema.format === 'date-time') {
    arbs.push({
      weight: 3,
      arbitrary: fc
        .constantFrom('2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-06-01T24:00:00Z', '2026-06-01T23:60:00Z', '2026-06-01', '2026-06-01T00:00:00', '2026-06-01 00:00:00Z', '+275760-09-13T00:00:00Z', '2026-06-01T00:00:00+25:00', '1e12')
        .map((value) => ({ value, note: `bad date-time ${value}` })),
    });
  }
  if (schema.pattern !== undefined) {
    arbs.push({ weight: 2, arbitrary: fc.constantFrom('ABCDEFGHIJKLMNOP', 'abcdefghijklmno', 'abcdefghijklmnopq', 'abcdefghijklmno!').map((value) => ({ value, note: `against pattern ${value}` })) });
  }
  return fc.oneof(...arbs);
}

/**
 * Draws values a schema accepts. `hints` may offer better ones by name (mixed with the
 * schema's own draws, three to one).
 */
export function validOf(schema: JsonSchema, hints: Hints, place: Place, name?: string): fc.Arbitrary<unknown> {
  const generic = validBySchema(schema, hints, place);
  const hinted = hints(name, schema, place);
  return hinted ? fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: generic }) : generic;
}

function validBySchema(schema: JsonSchema, hints: Hints, place: Place): fc.Arbitrary<unknown> {
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => validOf(b, hints, place)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validInteger(schema);
    case 'number':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = validOf(schema.items ?? {}, hints, place);
      const min = schema.minItems ?? 0;
      const max = schema.maxItems ?? 8;
      const usual = fc.array(item, { minLength: min, maxLength: Math.min(max, Math.max(min, 4)) });
      // The longest array allowed: the same item repeated (cheap to draw, costly to serve).
      const longest = item.map((v) => Array.from({ length: max }, () => v));
      return fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: longest });
    }
    case 'object':
    case undefined: {
      if (schema.type === undefined && schema.properties === undefined) return fc.jsonValue({ maxDepth: 2 });
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validOf(s, hints, place, k)]));
      const record = fc.record(model, { requiredKeys: required.filter((k) => k in properties) });
      if (schema.additionalProperties === false || Object.keys(properties).length > 0) return record;
      return fc.dictionary(fc.string({ unit: CHARS, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'a\u0000b', '\ud800', '$where', 'extra'];

/**
 * One mutation of a value of the schema: a valid value with one node broken (wrong type, out of
 * range, too long or too short, a forbidden or hostile string, a required property missing, an
 * extra or poisoned property), the note saying where and how.
 */
export function mutatedOf(schema: JsonSchema, hints: Hints, place: Place, where: string, name?: string): fc.Arbitrary<Mutation> {
  const at = (m: Mutation) => ({ value: m.value, note: `${where}: ${m.note}` });
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    return fc.oneof(wrongTypes(schema, place).map(at), ...branches.filter((b) => b.type !== 'null').map((b) => mutatedOf(b, hints, place, where, name)));
  }
  switch (schema.type) {
    case 'string':
      return mutatedString(schema, place).map(at);
    case 'integer':
    case 'number':
      return mutatedInteger(schema, place).map(at);
    case 'boolean':
      return fc.oneof(wrongTypes(schema, place), fc.constantFrom('TRUE', 'yes', '1', 'tru', '').map((value) => ({ value, note: `not a boolean ${JSON.stringify(value)}` }))).map(at);
    case 'null':
      return wrongTypes(schema, place).map(at);
    case 'array': {
      const item = validOf(schema.items ?? {}, hints, place);
      const min = schema.minItems ?? 0;
      const max = schema.maxItems;
      const arbs: Array<fc.Arbitrary<Mutation>> = [
        wrongTypes(schema, place).map(at),
        fc
          .tuple(fc.array(item, { minLength: Math.max(min, 1), maxLength: Math.max(min, 3) }), mutatedOf(schema.items ?? {}, hints, place, `${where}/items`), fc.nat())
          .map(([items, bad, i]) => {
            const copy = [...items];
            copy[i % copy.length] = bad.value;
            return { value: copy, note: bad.note };
          }),
      ];
      if (max !== undefined) arbs.push(item.map((v) => ({ value: Array.from({ length: max + 1 }, () => v), note: `${where}: maxItems ${max} + 1` })));
      if (min > 0) arbs.push(fc.constant({ value: [], note: `${where}: minItems ${min} - 1` }));
      return fc.oneof(...arbs);
    }
    default: {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const names = Object.keys(properties);
      const required = ((schema.required ?? []) as string[]).filter((k) => names.includes(k));
      const whole = validOf(schema, hints, place, name) as fc.Arbitrary<Record<string, unknown>>;
      const arbs: Array<{ weight: number; arbitrary: fc.Arbitrary<Mutation> }> = [
        { weight: 1, arbitrary: wrongTypes(schema, place).map(at) },
        {
          weight: 1,
          arbitrary: fc.tuple(whole, fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([obj, key, v]) => {
            const copy: Record<string, unknown> = { ...obj };
            Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
            return { value: copy, note: `${where}: extra property ${JSON.stringify(key)}` };
          }),
        },
      ];
      if (required.length > 0) {
        arbs.push({
          weight: 2,
          arbitrary: fc.tuple(whole, fc.constantFrom(...required)).map(([obj, key]) => {
            const copy = { ...obj };
            delete copy[key];
            return { value: copy, note: `${where}: required ${key} missing` };
          }),
        });
      }
      if (names.length > 0) {
        arbs.push({
          weight: 6,
          arbitrary: fc
            .constantFrom(...names)
            .chain((key) => fc.tuple(fc.constant(key), whole, mutatedOf(properties[key], hints, place, `${where}/${key}`, key)))
            .map(([key, obj, bad]) => ({ value: { ...obj, [key]: bad.value }, note: bad.note })),
        });
      }
      return fc.oneof(...arbs);
    }
  }
}
