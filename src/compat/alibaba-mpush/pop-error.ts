import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CompatErrorMapping } from '../compat-errors.js';

/**
 * The error codes of the Mobile Push RPC API (`GET|POST /?Action=…`), in the shape the official
 * Alibaba Cloud clients read: HTTP status plus `{RequestId, HostId, Code, Message}`; a client
 * such as `@alicloud/pop-core` throws as soon as the body has a `Code`. The messages of the
 * vendor's own codes are the vendor's; the signature codes carry the messages Alibaba Cloud's
 * gateway uses. Every status is 400 except InternalError (see
 * src/compat/alibaba-mpush/README.md, 'Ambiguities'); where Alibaba Cloud answers another status
 * the difference is noted in docs/compat-errors.md (a test checks every code is listed there).
 */
export const popErrors = {
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not supported. Use HMAC-SHA1.' },
  InvalidSignatureVersion: { status: 400, message: 'Specified signature version is not supported. Use 1.0.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  'InvalidAccessKeyId.NotFound': { status: 400, message: 'Specified access key is not found.' },
  SignatureDoesNotMatch: { status: 400, message: 'Specified signature is not matched with our calculation.' },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidAction.NotFound': { status: 400, message: 'Specified api is not found, please check your url and method.' },
  MissingAppKey: { status: 400, message: 'AppKey is mandatory for this action.' },
  InvalidParameter: { status: 400, message: 'The specified parameter is not valid.' },
  'InvalidAppKey.NotFound': { status: 400, message: 'The specified AppKey is not found.' },
  PermissionDenied: { status: 400, message: 'The specified AppKey is not authorized.' },
  AccountDisabled: { status: 400, message: 'Your account is not enabled.' },
  InternalError: { status: 500, message: 'The request processing has failed due to some unknown error. Please try again. If the error still exists, submit a ticket.' },
} as const;

export type PopErrorCode = keyof typeof popErrors;
export const popErrorCodes = Object.keys(popErrors) as PopErrorCode[];

/** A failure of a CheckCertificate request; `message` defaults to the code's own. */
export class PopError extends Error {
  readonly code: PopErrorCode;
  readonly status: number;
  constructor(code: PopErrorCode, message?: string) {
    super(message ?? popErrors[code].message);
    this.name = 'PopError';
    this.code = code;
    this.status = popErrors[code].status;
  }
}

export function isPopError(err: unknown): err is PopError {
  return err instanceof PopError;
}

const requestIds = new WeakMap<FastifyRequest, string>();
/** Alibaba Cloud's RequestId shape: an upper-case UUID, one per request. */
export function requestIdOf(request: FastifyRequest): string {
  let id = requestIds.get(request);
  if (!id) {
    id = randomUUID().toUpperCase();
    requestIds.set(request, id);
  }
  return id;
}

function sendPopError(request: FastifyRequest, reply: FastifyReply, error: PopError): FastifyReply {
  return reply
    .status(error.status)
    .header('x-acs-request-id', requestIdOf(request))
    .send({ RequestId: requestIdOf(request), HostId: request.hostname || 'certkeeper', Code: error.code, Message: error.message });
}

/** Anything thrown on a CheckCertificate request as one of its codes; never a stack trace. */
export const popErrorMapping: CompatErrorMapping<PopError> = {
  own: (err) => (isPopError(err) ? err : undefined),
  appErrors: {
    app_not_found: () => new PopError('InvalidAppKey.NotFound'),
    forbidden: () => new PopError('PermissionDenied'),
    organization_disabled: () => new PopError('AccountDisabled'),
  },
  invalid: () => new PopError('InvalidParameter'),
  internal: () => new PopError('InternalError'),
  send: sendPopError,
};
