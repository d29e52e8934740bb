import { readFileSync } from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { httpStatusOf } from '../../../src/api/error-map.js';
import { popErrors } from '../../../src/compat/alibaba-mpush/pop-error.js';
import { scmErrors } from '../../../src/compat/huawei-scm/scm-error.js';
import { waapErrors } from '../../../src/compat/swiftfederation-waap/waap-error.js';
import { apiOfPath, type FuzzOperation } from './openapi-operations.js';

const errorsDoc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const compatDoc = readFileSync(new URL('../../../docs/compat-errors.md', import.meta.url), 'utf8');

/** `| \`code\` | status |` rows of a table (the first number of the status cell). */
function documentedRows(text: string): Map<string, number> {
  return new Map([...text.matchAll(/^\| `([^`]+)` \| (\d{3})\b/gm)].map((m) => [m[1], Number(m[2])]));
}

function compatSection(heading: string): Map<string, number> {
  const start = compatDoc.indexOf(heading);
  if (start < 0) throw new Error(`docs/compat-errors.md has no section ${heading}`);
  const next = compatDoc.indexOf('\n## ', start + 1);
  return documentedRows(compatDoc.slice(start, next < 0 ? undefined : next));
}

/** What each API documents: code → HTTP status, from the docs and from the code's own tables. */
const families = {
  native: { doc: documentedRows(errorsDoc), table: httpStatusOf as Record<string, number>, keys: ['success', 'code', 'errors', 'messages', 'result', 'resultInfo'], codeField: 'code' },
  waap: { doc: compatSection('## SwiftFederation WAAP'), table: Object.fromEntries(Object.entries(waapErrors).map(([k, v]) => [k, v.status])), keys: ['code', 'message'], codeField: 'code' },
  scm: { doc: compatSection('## Huawei Cloud SCM'), table: Object.fromEntries(Object.entries(scmErrors).map(([k, v]) => [k, v.status])), keys: ['error_code', 'error_msg'], codeField: 'error_code' },
  pop: { doc: compatSection('## Alibaba Cloud Mobile Push'), table: Object.fromEntries(Object.entries(popErrors).map(([k, v]) => [k, v.status])), keys: ['RequestId', 'HostId', 'Code', 'Message'], codeField: 'Code' },
} as const;

export interface Verdict {
  /** What is wrong with the answer; empty when nothing is. */
  problems: string[];
  /** The error code the answer carried, if any. */
  code?: string;
}

const STACK = /\.(?:ts|js|mjs):\d+|node_modules|\bat (?:async )?[\w.<>]+ \(/;
const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

function parseJson(body: string): { ok: true; value: any } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/** Whether the request named an `Action` parameter (a call of the Alibaba Cloud API rather than a request for `/`). */
function namesAction(request: InjectOptions): boolean {
  const text = `${String(request.url).split('?')[1] ?? ''}&${typeof request.payload === 'string' ? request.payload : ''}`;
  return text.split('&').some((part) => part.split('=')[0] === 'Action');
}

/**
 * Checks one answer against what the document and the error tables promise: no 5xx (the fuzzed
 * server's upstreams, ACME CA and APNs gateways, are loopback stand-ins that answer, so even a
 * documented 502 or 503 is a finding), every error in its API's shape with a
 * documented code and that code's status, the status among those the operation documents when
 * the request named it (path and method), JSON where JSON is sent, and no stack trace anywhere.
 */
export function judge(op: FuzzOperation, request: InjectOptions, res: LightMyRequestResponse, offRoute: boolean): Verdict {
  const problems: string[] = [];
  const status = res.statusCode;
  const url = String(request.url);
  const path = url.split('?')[0];
  const method = String(request.method).toUpperCase();
  if (STACK.test(res.body)) problems.push('the body shows a stack trace or source location');
  if (method === 'HEAD') {
    if (status >= 500) problems.push(`HEAD answered ${status}`);
    return { problems };
  }
  const contentType = String(res.headers['content-type'] ?? '');
  const parsed = contentType.startsWith('application/json') ? parseJson(res.body) : { ok: false as const };
  if (contentType.startsWith('application/json') && !parsed.ok) problems.push('a JSON content type with a body that is not JSON');

  if (status < 400) {
    if (status >= 300) problems.push(`unexpected redirect ${status}`);
    // The native envelope says success: true (HCL Volt MX's vendor shape has no envelope).
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && 'success' in parsed.value && parsed.value.success !== true) problems.push('a success without success: true');
    if (!offRoute && op.documented.size > 0 && !op.documented.has(status)) problems.push(`status ${status} is not documented for the operation`);
    return { problems };
  }

  let family = apiOfPath(path);
  // `/` without an Action is no API call: the native not-found answer.
  if (family === 'pop' && parsed.ok && parsed.value && !('Code' in parsed.value) && !namesAction(request)) family = 'native';
  const spec = families[family];
  if (!parsed.ok) {
    problems.push(`an error answer that is not JSON (content-type ${contentType || 'none'}): ${res.body.slice(0, 120)}`);
    return { problems };
  }
  const body = parsed.value as Record<string, unknown>;
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
  const sameKeys = family === 'pop' ? keys.join() === spec.keys.join() : keys.length === spec.keys.length && spec.keys.every((k) => keys.includes(k));
  if (!sameKeys) problems.push(`not the ${family} error shape: keys ${JSON.stringify(keys)}`);
  const code = typeof body?.[spec.codeField] === 'string' ? (body[spec.codeField] as string) : undefined;
  if (code === undefined) {
    problems.push(`no ${spec.codeField}`);
    return { problems };
  }
  const tableStatus = spec.table[code];
  const docStatus = spec.doc.get(code);
  if (tableStatus === undefined) problems.push(`${family} code ${code} is not in the API's error table`);
  if (docStatus === undefined) problems.push(`${family} code ${code} is not documented`);
  if (tableStatus !== undefined && tableStatus !== status) problems.push(`status ${status} but ${code} maps to ${tableStatus}`);
  if (docStatus !== undefined && docStatus !== status) problems.push(`status ${status} but ${code} is documented as ${docStatus}`);
  if (family === 'native') {
    if (body.success !== false || body.result !== null || body.resultInfo !== null || !Array.isArray(body.messages) || (body.messages as unknown[]).length !== 0) problems.push('native envelope fields are wrong');
    if (!Array.isArray(body.errors) || body.errors.length === 0 || !(body.errors as unknown[]).every((e) => typeof e === 'string')) problems.push('native errors[] is not a list of messages');
  } else if (family === 'pop') {
    if (typeof body.RequestId !== 'string' || !REQUEST_ID.test(body.RequestId)) problems.push('RequestId is not an upper-case UUID');
    if (res.headers['x-acs-request-id'] !== body.RequestId) problems.push('x-acs-request-id does not repeat RequestId');
    if (typeof body.Message !== 'string' || typeof body.HostId !== 'string') problems.push('Message or HostId is not a string');
  } else {
    const message = body[spec.keys[1]];
    if (typeof message !== 'string' || message === '') problems.push(`${spec.keys[1]} is not a message`);
  }
  if (status >= 500) problems.push(`a server error (${status} ${code})`);
  // A path the router could not read is answered before any route: it documents none of them.
  if (!offRoute && op.api === family && op.documented.size > 0 && !op.documented.has(status)) problems.push(`status ${status} (${code}) is not documented for the operation`);
  return { problems, code };
}
