import type { ErrorCode } from '../domain/app-error.js';
import { Type, type TSchema } from 'typebox';

/** The native API envelope (docs/api.md). */
export const ResultInfo = Type.Object({
  totalCount: Type.Integer(),
  pageIndex: Type.Integer(),
  pageSize: Type.Integer(),
  totalPages: Type.Integer(),
  hasNextPage: Type.Boolean(),
  hasPreviousPage: Type.Boolean(),
});

export interface ResultInfoValue {
  totalCount: number;
  pageIndex: number;
  pageSize: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Single-object responses carry a zeroed resultInfo, as the CDN certificates API the envelope is modelled on does. */
export const noPaging: ResultInfoValue = { totalCount: 0, pageIndex: 0, pageSize: 0, totalPages: 0, hasNextPage: false, hasPreviousPage: false };

export function envelopeSchema(result: TSchema) {
  return Type.Object({
    success: Type.Boolean(),
    errors: Type.Array(Type.String()),
    messages: Type.Array(Type.String()),
    result,
    resultInfo: ResultInfo,
  });
}

export const ErrorEnvelope = Type.Object({
  success: Type.Boolean(),
  code: Type.String({ description: 'stable machine-readable error code (docs/errors.md)' }),
  errors: Type.Array(Type.String()),
  messages: Type.Array(Type.String()),
  result: Type.Null(),
  resultInfo: Type.Null(),
});

/** The error envelope: `success: false`, a stable `code` (docs/errors.md) and a message in `errors`. */
export function errorBody(code: ErrorCode, message: string) {
  return { success: false, code, errors: [message], messages: [], result: null, resultInfo: null };
}

export function ok<T>(result: T, messages: string[] = []) {
  return { success: true, errors: [], messages, result, resultInfo: noPaging };
}

const okShell = JSON.stringify(ok(null));
const OK_AT = okShell.indexOf('"result":null') + '"result":'.length;
const OK_HEAD = okShell.slice(0, OK_AT);
const OK_TAIL = okShell.slice(OK_AT + 'null'.length);

/** `JSON.stringify(ok(result))` for a result already written as JSON text. */
export function okJson(resultJson: string): string {
  return OK_HEAD + resultJson + OK_TAIL;
}

export function paged<T>(items: T[], totalCount: number, pageIndex: number, pageSize: number, messages: string[] = []) {
  const totalPages = totalCount === 0 ? 0 : Math.ceil(totalCount / pageSize);
  return {
    success: true,
    errors: [],
    messages,
    result: items,
    resultInfo: { totalCount, pageIndex, pageSize, totalPages, hasNextPage: pageIndex < totalPages, hasPreviousPage: pageIndex > 1 },
  };
}

export const PageQuery = {
  pageIndex: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, default: 1, description: '1-based page number' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

/** Responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
};

/**
 * The content type fastify gives serialized JSON; routes that send JSON text they wrote
 * themselves set it.
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The bytes of `JSON.stringify(paged(items, …))`, written item by item into one buffer. V8
 * returns a large stringify result as a rope of parts, which the response then flattens into
 * a fresh large-object page (page faults, a copy) and measures again: for a page of 100
 * certificates (140 KB) that was about a tenth of the request's CPU. Each item's text stays
 * small and flat.
 */
export function pagedJson(items: readonly unknown[], totalCount: number, pageIndex: number, pageSize: number): Buffer {
  return pagedJsonOfTexts(
    items.map((item) => JSON.stringify(item)),
    totalCount,
    pageIndex,
    pageSize,
  );
}

/** As `pagedJson`, for items already written as JSON text. */
export function pagedJsonOfTexts(texts: readonly string[], totalCount: number, pageIndex: number, pageSize: number): Buffer {
  const shell = JSON.stringify(paged([], totalCount, pageIndex, pageSize));
  const split = shell.indexOf('"result":[]') + '"result":['.length;
  const head = shell.slice(0, split);
  const tail = shell.slice(split);
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.max(0, texts.length - 1);
  for (const text of texts) size += Buffer.byteLength(text);
  const out = Buffer.allocUnsafe(size);
  let offset = out.write(head, 0);
  texts.forEach((text, i) => {
    if (i > 0) offset += out.write(',', offset);
    offset += out.write(text, offset);
  });
  out.write(tail, offset);
  return out;
}
