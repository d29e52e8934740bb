import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Health = Type.Object({ status: Type.String() });

export async function healthRoutes(app: FastifyInstance, opts: { ping: () => Promise<boolean> }): Promise<void> {
  app.get('/healthz', { schema: { operationId: 'getHealth', summary: 'The process is up', tags: ['health'], security: [], response: { 200: Health } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { operationId: 'getReadiness', summary: 'The database answers', tags: ['health'], security: [], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ready = await opts.ping().catch(() => false);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unavailable' });
    },
  );
}
