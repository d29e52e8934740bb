import type { FastifyError } from 'fastify';
import { isAppError } from '../../domain/app-error.js';
import { httpStatusOf } from '../../api/error-map.js';

/**
 * Document 004's error codes, with the messages it documents, plus the few certkeeper adds for
 * what 004 leaves out (authentication, unknown paths, internal failures). Listed in
 * docs/compat-errors.md (a test checks it).
 */
export const waapErrors = {
  'ServiceId.Invalid': { status: 400, message: 'ServiceId is empty or invalid.' },
  'Domain.Invalid': { status: 400, message: 'Domain is empty or invalid.' },
  'ServiceId.NotFound': { status: 404, message: 'ServiceId is not found.' },
  'Domain.NotFound': { status: 404, message: 'Domain is not found.' },
  'Certificate.OperationFailed': { status: 400, message: 'The certificate operation failed.' },
  Unauthorized: { status: 401, message: 'An API key is required (Authorization: Bearer KEY or X-API-Key: KEY) and must be valid.' },
  Forbidden: { status: 403, message: 'The API key may not do this.' },
  'Request.Invalid': { status: 400, message: 'The request is invalid.' },
  'Route.NotFound': { status: 404, message: 'No such API.' },
  InternalError: { status: 500, message: 'An unexpected error occurred; it has been logged.' },
} as const;

export type WaapErrorCode = keyof typeof waapErrors;
export const waapErrorCodes = Object.keys(waapErrors) as WaapErrorCode[];

export interface WaapErrorReply {
  status: number;
  body: { code: WaapErrorCode; message: string };
}

export function waapError(code: WaapErrorCode): WaapErrorReply {
  return { status: waapErrors[code].status, body: { code, message: waapErrors[code].message } };
}

/**
 * Anything thrown on a 004 route as 004's `{"code", "message"}`: schema failures by the part
 * that failed (the path holds the serviceId, the query the domain), application errors by
 * code, anything unexpected as a 500 that says nothing about its cause.
 */
export function waapErrorOf(err: unknown): WaapErrorReply {
  if (isAppError(err)) {
    switch (err.code) {
      case 'unauthorized':
        return waapError('Unauthorized');
      case 'forbidden':
        return waapError('Forbidden');
      case 'validation_failed':
        // The service validates one input itself: the domain (the serviceId is a schema integer).
        return waapError('Domain.Invalid');
      case 'service_not_found':
      case 'project_not_found':
        return waapError('ServiceId.NotFound');
      case 'domain_not_found':
        return waapError('Domain.NotFound');
      case 'route_not_found':
        return waapError('Route.NotFound');
      default:
        // e.g. certificate_not_found: the attached certificate is gone or no longer visible.
        return httpStatusOf[err.code] < 500 ? waapError('Certificate.OperationFailed') : waapError('InternalError');
    }
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (fe.validation) {
    if (fe.validationContext === 'params') return waapError('ServiceId.Invalid');
    if (fe.validationContext === 'querystring') return waapError('Domain.Invalid');
    return waapError('Request.Invalid');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return waapError('Request.Invalid');
  return waapError('InternalError');
}
