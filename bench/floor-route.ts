// The floor for a GET by id on this machine: a bare fastify route doing only what no such route
// can skip, one point read by id and JSON.stringify of the row, against the same database as the
// server. No authentication, no tenant check, no view. In its own process, like hello-world.
// SQLite: better-sqlite3, read-only, prepared, raw row. PostgreSQL: a pg Pool, a named
// (prepared) statement through the callback form.
import Fastify from 'fastify';
import Database from 'better-sqlite3';
import pg from 'pg';

const app = Fastify({ logger: false });
const databaseUrl = process.env.DATABASE_URL;
const send = (row: unknown) => JSON.stringify({ success: true, errors: [], messages: [], result: row ?? null });

if (databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  app.get<{ Params: { id: string } }>('/api/v1/projects/:projectId/certificates/:id', (req, reply) => {
    pool.query({ name: 'by_id', text: 'select * from certificates where id = $1', values: [Number(req.params.id)] }, (err, result) => {
      if (err) void reply.code(500).send(err.message);
      else void reply.type('application/json; charset=utf-8').send(send(result.rows[0]));
    });
    return reply;
  });
} else {
  const db = new Database(process.env.SQLITE_FILE!, { readonly: true, fileMustExist: true });
  const byId = db.prepare('select * from certificates where id = ?').raw(true);
  app.get<{ Params: { id: string } }>('/api/v1/projects/:projectId/certificates/:id', async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(send(byId.get(Number(req.params.id)))),
  );
}

const port = Number(process.env.PORT ?? 0);
await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
