import { errorCodes, type FastifyInstance, type FastifyRequest, type preValidationAsyncHookHandler } from 'fastify';

/** A body schema whose fields are all optional: the route may be called without a body, as with `{}`. */
function isAllOptionalObject(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const { type, required } = schema as { type?: unknown; required?: unknown };
  return type === 'object' && !(Array.isArray(required) && required.length > 0);
}

/** Whether the request's route may be called without a body (no route at all: the not-found handler answers). */
function takesNoBody(request: FastifyRequest): boolean {
  const schema = request.routeOptions.schema?.body;
  return schema === undefined || isAllOptionalObject(schema);
}

/** Whether the headers say there is no body (a chunked body counts as one, even if empty). */
function isBodyless(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

const noBodyAsEmptyObject: preValidationAsyncHookHandler = async (request) => {
  request.body ??= {};
};

/**
 * How every API reads request bodies; installed on the root instance before any plugin is
 * registered. Many HTTP clients send `Content-Type: application/json` on every request, with
 * or without a body, so an empty body is no body wherever the route takes none:
 * - JSON is read as fastify reads it (`malformed_json`), except that an empty body on a route
 *   that takes no body, or whose fields are all optional, is no body;
 * - no other media type is read (fastify's text/plain parser is removed): a body in any other
 *   type is refused with 415 (`unsupported_media_type`; a compatible API answers its own code),
 *   and a request without one, whatever its Content-Type, is no body where the route takes
 *   none. A compatible API registers what else it reads in its own plugin (the Alibaba Cloud
 *   one: application/x-www-form-urlencoded);
 * - a route whose body fields are all optional, called without a body, validates `{}`.
 */
export function installRequestBodies(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser(app.initialConfig.onProtoPoisoning ?? 'error', app.initialConfig.onConstructorPoisoning ?? 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    if (body.length === 0 && takesNoBody(request)) done(null, undefined);
    else json(request, body, done);
  });
  app.addContentTypeParser('*', (request, _payload, done) => {
    // An unknown path is answered 404 whatever its body, as before any parser existed.
    if (request.is404 || (isBodyless(request) && takesNoBody(request))) done(null, undefined);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
  });
  app.addHook('onRoute', (route) => {
    if (!isAllOptionalObject(route.schema?.body)) return;
    const own = route.preValidation === undefined ? [] : Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation];
    route.preValidation = [noBodyAsEmptyObject, ...own];
  });
}
