import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { LazyChildLogger, lazyChildLogger } from '../../src/http/lazy-child-logger.js';
import { createLogger } from '../../src/main.js';
import { createTestApp } from '../support/test-app.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(chunk.toString())), cb()) });
  return { lines, logger: createLogger('debug', stream) as unknown as FastifyBaseLogger };
}

/** A parent that counts the children made of it. */
function counting(parent: FastifyBaseLogger) {
  let children = 0;
  const wrapped = Object.create(parent) as FastifyBaseLogger;
  wrapped.child = (bindings, options) => (children++, parent.child(bindings, options));
  return { wrapped, made: () => children };
}

describe('LazyChildLogger', () => {
  it('makes no child until something is logged, then exactly one', () => {
    const { logger } = capture();
    const parent = counting(logger);
    const lazy = lazyChildLogger(parent.wrapped, { reqId: 'req-1' }, {});
    expect(lazy.level).toBe('debug');
    expect(parent.made()).toBe(0);
    lazy.info('one');
    lazy.warn({ x: 1 }, 'two');
    expect(parent.made()).toBe(1);
  });

  it('writes what the pino child would, bindings and redaction included', () => {
    const eager = capture();
    const lazy = capture();
    eager.logger.child({ reqId: 'req-7' }).error({ body: { certificatePrivateKey: 'secret', name: 'n' } }, 'failed');
    new LazyChildLogger(lazy.logger, { reqId: 'req-7' }, undefined).error({ body: { certificatePrivateKey: 'secret', name: 'n' } }, 'failed');
    const strip = ({ time: _t, ...rest }: Record<string, unknown>) => rest;
    expect(lazy.lines.map(strip)).toEqual(eager.lines.map(strip));
    expect(lazy.lines[0]).toMatchObject({ reqId: 'req-7', msg: 'failed', body: { certificatePrivateKey: '[redacted]', name: 'n' } });
  });

  it('keeps child options, such as a route log level, and its own level once set', () => {
    const { lines, logger } = capture();
    const lazy = lazyChildLogger(logger, { reqId: 'req-2' }, { level: 'warn' });
    expect(lazy.level).toBe('warn');
    lazy.info('dropped');
    lazy.warn('kept');
    lazy.level = 'error';
    lazy.warn('dropped too');
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
    expect(lazy.child({ sub: 1 }).level).toBe('error');
  });

  it("logs a request's lines with its request id through the API", async () => {
    const lines: string[] = [];
    const logStream = new Writable({ write: (chunk, _enc, cb) => (lines.push(chunk.toString()), cb()) });
    const t = await createTestApp({ logStream, logRequests: true });
    try {
      const before = lines.length;
      const res = await t.call('GET', '/api/v1/organizations');
      expect(res.statusCode).toBe(200);
      const own = lines.slice(before).map((l) => JSON.parse(l) as { reqId?: string; msg?: string }).filter((l) => l.reqId !== undefined);
      expect(own.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
      expect(new Set(own.map((l) => l.reqId)).size).toBe(1);
    } finally {
      await t.close();
    }
  });
});
