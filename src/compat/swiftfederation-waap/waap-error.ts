import { sendErrorReply, type CompatErrorMapping, type CompatErrorReply } from '../compat-errors.js';

/**
 * The WAAP's error codes, with the messages the vendor documents, plus the few certkeeper adds
 * for what the vendor leaves out (authentication, unknown paths, internal failures; see
 * src/compat/swiftfederation-waap/README.md, 'Ambiguities'). Listed in docs/compat-errors.md (a
 * test checks it).
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

export type WaapErrorReply = CompatErrorReply<{ code: WaapErrorCode; message: string }>;

export function waapError(code: WaapErrorCode, message?: string): WaapErrorReply {
  return { status: waapErrors[code].status, body: { code, message: message ?? waapErrors[code].message } };
}

/**
 * Anything thrown on a WAAP route as its `{"code", "message"}`: schema failures by the part
 * that failed (the path holds the serviceId, the query the domain), application errors by
 * code, anything unexpected as a 500 that says nothing about its cause.
 */
export const waapErrorMapping: CompatErrorMapping<WaapErrorReply> = {
  appErrors: {
    unauthorized: () => waapError('Unauthorized'),
    forbidden: () => waapError('Forbidden'),
    // Refused by authentication, before the path or query is looked at.
    organization_disabled: () => waapError('Forbidden', 'The organization of this API key is disabled.'),
    // The service validates one input itself: the domain (the serviceId is a schema integer).
    validation_failed: () => waapError('Domain.Invalid'),
    service_not_found: () => waapError('ServiceId.NotFound'),
    project_not_found: () => waapError('ServiceId.NotFound'),
    domain_not_found: () => waapError('Domain.NotFound'),
    route_not_found: () => waapError('Route.NotFound'),
  },
  // e.g. certificate_not_found: the attached certificate is gone or no longer visible.
  otherAppError: () => waapError('Certificate.OperationFailed'),
  validation: (part) => (part === 'params' ? waapError('ServiceId.Invalid') : part === 'querystring' ? waapError('Domain.Invalid') : waapError('Request.Invalid')),
  invalid: () => waapError('Request.Invalid'),
  internal: () => waapError('InternalError'),
  notFound: () => waapError('Route.NotFound'),
  send: sendErrorReply,
};
