import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { compatErrorOf, installCompatErrors, sendErrorReply, type CompatErrorMapping, type CompatErrorReply } from '../../src/compat/compat-errors.js';

type Reply = CompatErrorReply<{ code: string }>;
const reply = (status: number, code: string): Reply => ({ status, body: { code } });

class OwnError extends Error {}

/** A made-up API that names a few things and leaves the rest to the defaults. */
const mapping: CompatErrorMapping<Reply> = {
  own: (err) => (err instanceof OwnError ? reply(418, `Own.${err.message}`) : undefined),
  appErrors: { unauthorized: () => reply(401, 'Unauthorized'), certificate_not_found: () => reply(404, 'Gone') },
  invalid: () => reply(400, 'Invalid'),
  internal: () => reply(500, 'Internal'),
  notFound: () => reply(404, 'NoRoute'),
  send: sendErrorReply,
};

const fastifyError = (statusCode: number, extra: Record<string, unknown> = {}) => Object.assign(new Error('fastify'), { statusCode, ...extra });

describe('compatErrorOf', () => {
  it.each<[string, unknown, CompatErrorMapping<Reply>, Reply]>([
    ['an error the API threw itself', new OwnError('X'), mapping, reply(418, 'Own.X')],
    ['an application error the API names', new AppError('unauthorized', 'no key'), mapping, reply(401, 'Unauthorized')],
    ['another client-side application error', new AppError('domain_not_found', 'no'), mapping, reply(400, 'Invalid')],
    ['…or the API’s own choice for those', new AppError('domain_not_found', 'no'), { ...mapping, otherAppError: () => reply(400, 'Other') }, reply(400, 'Other')],
    ['a server-side application error', new AppError('acme_unavailable', 'down'), mapping, reply(500, 'Internal')],
    ['a schema failure', fastifyError(400, { validation: [], validationContext: 'querystring' }), mapping, reply(400, 'Invalid')],
    ['…by the part that failed, when the API tells them apart', fastifyError(400, { validation: [], validationContext: 'params' }), { ...mapping, validation: (part) => reply(400, `Bad.${part}`) }, reply(400, 'Bad.params')],
    ['another 4xx from fastify', fastifyError(415), mapping, reply(400, 'Invalid')],
    ['a 5xx from fastify', fastifyError(503), mapping, reply(500, 'Internal')],
    ['anything else', new TypeError('boom'), mapping, reply(500, 'Internal')],
    ['not even an Error', 'boom', mapping, reply(500, 'Internal')],
  ])('%s', (_name, err, m, expected) => {
    expect(compatErrorOf(err, m)).toEqual(expected);
  });
});

describe('installCompatErrors', () => {
  async function appWith(m: CompatErrorMapping<Reply>) {
    const logged: unknown[] = [];
    const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(JSON.parse(line)) } } });
    app.setNotFoundHandler((_request, r) => r.status(404).send({ native: true }));
    await app.register(
      async (api) => {
        installCompatErrors(api, m);
        api.get('/things/:id', { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } }, async () => ({ ok: true }));
        api.get('/gone', async () => {
          throw new AppError('certificate_not_found', 'gone');
        });
        api.get('/broken', async () => {
          throw new Error('secret detail');
        });
      },
      { prefix: '/compat' },
    );
    return { app, logged };
  }

  it('answers every failure under the plugin in the API’s shape, and logs only 5xx', async () => {
    const { app, logged } = await appWith(mapping);
    expect((await app.inject('/compat/things/1')).json()).toEqual({ ok: true });
    const invalid = await app.inject('/compat/things/x');
    expect([invalid.statusCode, invalid.json()]).toEqual([400, { code: 'Invalid' }]);
    const gone = await app.inject('/compat/gone');
    expect([gone.statusCode, gone.json()]).toEqual([404, { code: 'Gone' }]);
    expect(logged).toEqual([]);
    const broken = await app.inject('/compat/broken');
    expect([broken.statusCode, broken.body]).toEqual([500, '{"code":"Internal"}']);
    expect(logged).toHaveLength(1);
    const noRoute = await app.inject('/compat/nothing');
    expect([noRoute.statusCode, noRoute.json()]).toEqual([404, { code: 'NoRoute' }]);
    await app.close();
  });

  it('leaves unknown paths to the enclosing not-found handler when the API has none', async () => {
    const { app } = await appWith({ ...mapping, notFound: undefined });
    const res = await app.inject('/compat/nothing');
    expect([res.statusCode, res.json()]).toEqual([404, { native: true }]);
    await app.close();
  });
});
