import { sendErrorReply, type CompatErrorMapping, type CompatErrorReply } from '../compat-errors.js';

/**
 * certkeeper's `SCM.NNNN` codes for SCM's `{"error_code", "error_msg"}` errors (the vendor
 * shows only "SCM.XXX"; src/compat/huawei-scm/README.md, 'Ambiguities'): the number is the HTTP
 * status, so a client reads one from the other. Listed in docs/compat-errors.md (a test checks
 * it).
 */
export const scmErrors = {
  'SCM.0400': { status: 400, message: 'Invalid request: the certificate id must be 16 characters [a-z0-9].' },
  'SCM.0401': { status: 401, message: 'Authentication failed: the X-Auth-Token header must hold a valid API key.' },
  'SCM.0403': { status: 403, message: 'Access denied: the certificate belongs to a project this key does not cover.' },
  'SCM.0404': { status: 404, message: 'The certificate does not exist.' },
  'SCM.0500': { status: 500, message: 'Internal server error; it has been logged.' },
} as const;

export type ScmErrorCode = keyof typeof scmErrors;
export const scmErrorCodes = Object.keys(scmErrors) as ScmErrorCode[];

export type ScmErrorReply = CompatErrorReply<{ error_code: ScmErrorCode; error_msg: string }>;

export function scmError(code: ScmErrorCode, message?: string): ScmErrorReply {
  return { status: scmErrors[code].status, body: { error_code: code, error_msg: message ?? scmErrors[code].message } };
}

/**
 * Anything thrown on an SCM route as SCM's error body: 401 for a missing or bad token, 403 for a
 * key of a disabled organization (refused by authentication, before the id is looked at) and
 * for a certificate of the key's organization that its project cannot see, 404 for one that does
 * not exist or belongs to another organization (told apart from nothing), 400 for a malformed
 * id, 500 for anything unexpected (never its details).
 */
export const scmErrorMapping: CompatErrorMapping<ScmErrorReply> = {
  appErrors: {
    unauthorized: () => scmError('SCM.0401'),
    forbidden: () => scmError('SCM.0403'),
    organization_disabled: () => scmError('SCM.0403', 'Access denied: the organization of this key is disabled.'),
    certificate_not_found: () => scmError('SCM.0404'),
    route_not_found: () => scmError('SCM.0404', 'No such API.'),
  },
  invalid: () => scmError('SCM.0400'),
  internal: () => scmError('SCM.0500'),
  notFound: () => scmError('SCM.0404', 'No such API.'),
  send: sendErrorReply,
};
