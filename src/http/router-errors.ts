import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * How one API answers a request that fastify's router refused before any of the API's hooks or
 * handlers ran: a path that is not valid percent-encoding (`FST_ERR_BAD_URL`) or a path
 * parameter longer than the router's `maxParamLength` (`FST_ERR_MAX_PARAM_LENGTH`).
 */
export interface RouterErrorAnswer {
  /** Whether a request path (without its query) is one of the API's. */
  owns: (path: string) => boolean;
  /**
   * Authenticates the request as the API's routes do, throwing what they throw; absent where
   * the API authenticates otherwise (a signature among its parameters) or not at all.
   */
  authenticate?: (request: FastifyRequest) => Promise<unknown>;
  /** Answers an error in the API's shape. */
  send: (err: unknown, request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/**
 * fastify's `frameworkErrors`: the router's refusal answered in the shape of the API whose
 * path the request names (the first of `apis` that owns it, else `fallback`), after
 * authenticating the caller as that API does, so that a caller without a valid key gets the
 * API's 401 first, as on any of its routes.
 */
export function routerErrorHandler(apis: readonly RouterErrorAnswer[], fallback: RouterErrorAnswer) {
  return async (err: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?', 1)[0];
    const api = apis.find((a) => a.owns(path)) ?? fallback;
    let answer: unknown = err;
    try {
      await api.authenticate?.(request);
    } catch (authErr) {
      answer = authErr;
    }
    api.send(answer, request, reply);
  };
}
