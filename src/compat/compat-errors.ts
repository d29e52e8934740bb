import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type ErrorCode } from '../domain/app-error.js';
import { httpStatusOf } from '../api/error-map.js';

/**
 * How one compatible API answers failures: which of its own errors stands for what went wrong,
 * and how that error is written. `E` is the API's error value; its `status` is the HTTP status
 * sent. Every compatible API with its own error shape declares one and installs it with
 * `installCompatErrors`; the codes it can answer are listed in docs/compat-errors.md.
 */
export interface CompatErrorMapping<E extends { status: number }> {
  /** The API's own error, when its code threw one already (e.g. a failed signature check). */
  own?: (err: unknown) => E | undefined;
  /** The API's error for each application error code it has a name for. */
  appErrors: Partial<Record<ErrorCode, () => E>>;
  /** Any other application error the native API answers below 500; `invalid` when absent. */
  otherAppError?: () => E;
  /** A schema failure, by the part of the request that failed (`params`, `querystring`, `headers`, `body`); `invalid` when absent. */
  validation?: (part: string | undefined) => E;
  /** Any other client error: a 4xx from fastify (an unreadable body or URL, a header too large…). */
  invalid: () => E;
  /** Anything unexpected: a 5xx that says nothing about its cause (the cause is logged). */
  internal: () => E;
  /** Unknown paths under the API's prefix; when absent the enclosing not-found handler answers. */
  notFound?: () => E;
  /** Writes the error in the API's shape. */
  send: (request: FastifyRequest, reply: FastifyReply, error: E) => FastifyReply;
}

/** The error value of an API whose failures are an HTTP status and a JSON body. */
export interface CompatErrorReply<B> {
  status: number;
  body: B;
}

/** `send` for a CompatErrorReply: its status, its body as it is. */
export function sendErrorReply(_request: FastifyRequest, reply: FastifyReply, error: CompatErrorReply<unknown>): FastifyReply {
  return reply.status(error.status).send(error.body);
}

/** Anything thrown on one of the API's requests as one of the API's errors; never a stack trace. */
export function compatErrorOf<E extends { status: number }>(err: unknown, mapping: CompatErrorMapping<E>): E {
  const own = mapping.own?.(err);
  if (own) return own;
  if (isAppError(err)) {
    const named = mapping.appErrors[err.code];
    if (named) return named();
    // A refusal of the caller keeps its status: an unnamed 401 or 403 answers as unauthorized or forbidden does.
    const refusal = httpStatusOf[err.code] === 401 ? mapping.appErrors.unauthorized : httpStatusOf[err.code] === 403 ? mapping.appErrors.forbidden : undefined;
    if (refusal) return refusal();
    // The native API's status tells the caller's mistakes from the server's.
    return httpStatusOf[err.code] < 500 ? (mapping.otherAppError ?? mapping.invalid)() : mapping.internal();
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (fe.validation) return mapping.validation ? mapping.validation(fe.validationContext) : mapping.invalid();
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return mapping.invalid();
  return mapping.internal();
}

/** Answers anything thrown on one of the API's requests in the API's shape; a 5xx is logged with its cause. */
export function sendCompatError<E extends { status: number }>(mapping: CompatErrorMapping<E>, err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = compatErrorOf(err, mapping);
  if (error.status >= 500) request.log.error({ err }, 'request failed');
  return mapping.send(request, reply, error);
}

/**
 * Installs the API's error handler, and its not-found handler if it has one, on the API's
 * encapsulated plugin, before its routes: every failure under the plugin, schema failures
 * included, answers in the API's shape and never in the native envelope. A 5xx is logged with
 * its cause.
 */
export function installCompatErrors<E extends { status: number }>(fastify: FastifyInstance, mapping: CompatErrorMapping<E>): void {
  fastify.setErrorHandler((err, request, reply) => sendCompatError(mapping, err, request, reply));
  const notFound = mapping.notFound;
  if (notFound) fastify.setNotFoundHandler((request, reply) => mapping.send(request, reply, notFound()));
}
