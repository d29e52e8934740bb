import type { FastifyError } from 'fastify';
import { AppError, isAppError } from '../domain/app-error.js';
import { textFormats, type TextFormat } from './text-schemas.js';

/** Maps anything thrown in a request to a stable code; never leaks a stack trace (the cause is kept for the log). */
export function toAppError(err: FastifyError | Error): AppError {
  if (isAppError(err)) return err;
  const fe = err as FastifyError & { validation?: unknown; validationContext?: string };
  if (fe.validation) return new AppError('validation_failed', validationMessage(fe));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', 'the request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'the body must be application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'the JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_json', 'the body is not valid JSON');
    case 'FST_ERR_BAD_URL':
      return new AppError('validation_failed', 'the path is not valid percent-encoding');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('validation_failed', 'a path parameter is longer than any value it may take');
    default:
  }
  if (fe.statusCode === 400 && err instanceof SyntaxError) return new AppError('malformed_json', 'the body is not valid JSON');
  if (fe.statusCode === 413) return new AppError('body_too_large', 'the request body is larger than the server accepts');
  if (fe.statusCode === 415) return new AppError('unsupported_media_type', 'the body must be application/json');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('validation_failed', fe.message);
  return new AppError('internal_error', 'an unexpected error occurred; it has been logged', { cause: err });
}

interface SchemaError {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { format?: string };
}

/**
 * A schema failure's message as fastify writes it (`body/name must …`, joined by ", "), except
 * that a text format's failure says what the text must not hold instead of naming the format.
 */
function validationMessage(fe: FastifyError & { validation?: unknown; validationContext?: string }): string {
  const errors = Array.isArray(fe.validation) ? (fe.validation as SchemaError[]) : [];
  const isText = (e: SchemaError) => e.keyword === 'format' && e.params?.format !== undefined && Object.hasOwn(textFormats, e.params.format);
  if (!errors.some(isText)) return fe.message;
  const context = fe.validationContext ?? 'request';
  return errors.map((e) => `${context}${e.instancePath ?? ''} ${isText(e) ? textFormats[e.params!.format as TextFormat].mustBe : e.message}`).join(', ');
}
