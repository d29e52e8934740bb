import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import {
  decodeMessage,
  dnsClasses,
  dnsMessage,
  dnsTypes,
  encodeMessage,
} from '../../../src/issuers/acme/solvers/dns-message.js';
import { Rfc2136Solver, type Rfc2136SolverOptions } from '../../../src/issuers/acme/solvers/rfc2136-solver.js';
import { decodeTsigRdata, encodeTsigRdata, tsigMac, type TsigKey } from '../../../src/issuers/acme/solvers/tsig.js';
import { startBind9, type Bind9, type Bind9Options } from '../../support/bind9.js';
import { appErrorOf } from '../../pki/app-error-of.js';

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but the promise resolved');
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function bind9(options?: Bind9Options): Promise<Bind9> {
  const server = await startBind9(options);
  cleanups.push(() => server.stop());
  return server;
}

function solverFor(server: Bind9, overrides: Partial<Rfc2136SolverOptions> = {}): Rfc2136Solver {
  return new Rfc2136Solver({ server: server.host, port: server.port, tsig: server.tsig, timeoutMs: 5000, ...overrides });
}

const name = '_acme-challenge.example.test';

describe('Rfc2136Solver against BIND9', () => {
  it('present makes the TXT record visible', async () => {
    const server = await bind9();
    expect(await server.query(name, 'TXT')).toEqual([]);
    await solverFor(server, { zone: 'example.test' }).present(name, 'dGhlLXZhbHVlLW9mLXRoZS1jaGFsbGVuZ2UtcmVjb3Jk');
    expect(await server.query(name, 'TXT')).toEqual(['dGhlLXZhbHVlLW9mLXRoZS1jaGFsbGVuZ2UtcmVjb3Jk']);
  });

  it.each(['hmac-sha256', 'hmac-sha512', 'hmac-sha1'] as const)('signs updates with %s', async (algorithm) => {
    const server = await bind9({ algorithm });
    await solverFor(server, { zone: 'example.test' }).present(name, `signed-with-${algorithm}`);
    expect(await server.query(name, 'TXT')).toEqual([`signed-with-${algorithm}`]);
  });

  it('keeps two values at one name (a wildcard and its base name) and cleanup removes exactly one', async () => {
    const server = await bind9();
    const solver = solverFor(server, { zone: 'example.test' });
    await solver.present(name, 'value-for-example.test');
    await solver.present(name, 'value-for-wildcard');
    expect((await server.query(name, 'TXT')).sort()).toEqual(['value-for-example.test', 'value-for-wildcard']);
    await solver.cleanup(name, 'value-for-wildcard');
    expect(await server.query(name, 'TXT')).toEqual(['value-for-example.test']);
    await solver.cleanup(name, 'value-for-example.test');
    expect(await server.query(name, 'TXT')).toEqual([]);
  });

  it('cleanup of a value that is not there succeeds and leaves the others', async () => {
    const server = await bind9();
    const solver = solverFor(server, { zone: 'example.test' });
    await solver.present(name, 'kept');
    await solver.cleanup(name, 'never-added');
    await solver.cleanup('_acme-challenge.nothing-here.example.test', 'never-added');
    expect(await server.query(name, 'TXT')).toEqual(['kept']);
  });

  it('adding the same value twice leaves one record', async () => {
    const server = await bind9();
    const solver = solverFor(server, { zone: 'example.test' });
    await solver.present(name, 'same');
    await solver.present(name, 'same');
    expect(await server.query(name, 'TXT')).toEqual(['same']);
  });

  it('takes names with a trailing dot or in upper case, and values longer than 255 octets', async () => {
    const server = await bind9();
    const long = 'x'.repeat(300);
    await solverFor(server, { zone: 'Example.Test.' }).present('_ACME-Challenge.Example.TEST.', long);
    expect(await server.query(name, 'TXT')).toEqual([long]);
  });

  it('a wrong TSIG secret → dns_update_failed naming BADSIG, and nothing changes', async () => {
    const server = await bind9();
    const wrong = { ...server.tsig, secret: Buffer.alloc(32, 7).toString('base64') };
    const err = await rejectionOf(solverFor(server, { zone: 'example.test', tsig: wrong }).present(name, 'forged'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.message).toMatch(/NOTAUTH.*BADSIG/);
    expect(err.details).toMatchObject({ rcode: 'NOTAUTH', tsigError: 'BADSIG' });
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain(wrong.secret);
    expect(await server.query(name, 'TXT')).toEqual([]);
  });

  it('a key the server does not know → dns_update_failed naming BADKEY', async () => {
    const server = await bind9();
    const err = await rejectionOf(solverFor(server, { zone: 'example.test', tsig: { ...server.tsig, name: 'unknown-key' } }).present(name, 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.details).toMatchObject({ rcode: 'NOTAUTH', tsigError: 'BADKEY' });
    expect(err.message).toContain('BADKEY');
  });

  it('an update in a zone the key may not change → REFUSED → dns_update_failed', async () => {
    const server = await bind9({ lockedZones: ['locked.test'] });
    const err = await rejectionOf(solverFor(server, { zone: 'locked.test' }).present('_acme-challenge.locked.test', 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.details).toMatchObject({ rcode: 'REFUSED', zone: 'locked.test' });
    expect(err.message).toContain('REFUSED');
    expect(await server.query('_acme-challenge.locked.test', 'TXT')).toEqual([]);
  });

  it('an update for a zone the server does not serve → NOTAUTH → dns_update_failed', async () => {
    const server = await bind9();
    const err = await rejectionOf(solverFor(server, { zone: 'elsewhere.test' }).present('_acme-challenge.elsewhere.test', 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.details).toMatchObject({ rcode: 'NOTAUTH', zone: 'elsewhere.test' });
    expect(err.details?.tsigError).toBeUndefined();
  });

  it('a record outside the configured zone is refused before anything is sent', async () => {
    const server = await bind9();
    const err = await rejectionOf(solverFor(server, { zone: 'example.test' }).present('_acme-challenge.certkeeper.test', 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.message).toContain('not inside the zone example.test');
  });

  it('finds the zone by SOA queries when none is configured', async () => {
    const server = await bind9({ zones: ['example.test', 'child.example.test', 'certkeeper.test'] });
    const solver = solverFor(server);
    expect(await solver.zoneFor('_acme-challenge.deep.below.example.test')).toBe('example.test');
    expect(await solver.zoneFor('_acme-challenge.child.example.test')).toBe('child.example.test');
    expect(await solver.zoneFor('_acme-challenge.certkeeper.test')).toBe('certkeeper.test');
    expect(await solver.zoneFor('ns.certkeeper.test')).toBe('certkeeper.test'); // an existing name: NODATA + SOA
    expect(await solver.zoneFor('certkeeper.test')).toBe('certkeeper.test'); // the apex: SOA in the answer
    await solver.present('_acme-challenge.child.example.test', 'in-the-child-zone');
    await solver.present('_acme-challenge.deep.below.example.test', 'in-the-parent-zone');
    expect(await server.query('_acme-challenge.child.example.test', 'TXT')).toEqual(['in-the-child-zone']);
    expect(await server.query('_acme-challenge.deep.below.example.test', 'TXT')).toEqual(['in-the-parent-zone']);
    await solver.cleanup('_acme-challenge.child.example.test', 'in-the-child-zone');
    expect(await server.query('_acme-challenge.child.example.test', 'TXT')).toEqual([]);
  });

  it('zone discovery finds a single-label zone', async () => {
    const server = await bind9({ zones: ['internal'] });
    const solver = solverFor(server);
    expect(await solver.zoneFor('_acme-challenge.host.internal')).toBe('internal');
    await solver.present('_acme-challenge.host.internal', 'v');
    expect(await server.query('_acme-challenge.host.internal', 'TXT')).toEqual(['v']);
  });

  it('zone discovery walks up to the top and fails for a name the server holds no zone for', async () => {
    const server = await bind9();
    const err = await rejectionOf(solverFor(server).present('_acme-challenge.www.elsewhere.test', 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.message).toContain('not authoritative for any zone holding _acme-challenge.www.elsewhere.test');
  });

  it('zone discovery with a wrong secret names BADSIG', async () => {
    const server = await bind9();
    const wrong = { ...server.tsig, secret: Buffer.alloc(32, 9).toString('base64') };
    const err = await rejectionOf(solverFor(server, { tsig: wrong }).present(name, 'x'));
    expect(err.details).toMatchObject({ tsigError: 'BADSIG' });
  });
});

/** A TCP DNS server for the cases BIND will not produce. `answer` gets each decoded request and its raw bytes. */
async function fakeDnsServer(answer: (raw: Buffer, socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffered = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) answer(buffered.subarray(2, 2 + buffered.readUInt16BE(0)), socket);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return (server.address() as { port: number }).port;
}

function send(socket: Socket, message: Buffer): void {
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(message.length, 0);
  socket.write(Buffer.concat([prefix, message]));
}

const key = { name: 'fake-key', algorithm: 'hmac-sha256' as const, secret: Buffer.alloc(32, 1).toString('base64') };

/** A NOERROR answer to `raw`, signed with `signingKey` over `raw`'s MAC (RFC 8945 §4.3.2). */
function signedAnswer(raw: Buffer, signingKey: TsigKey, tweak: (m: ReturnType<typeof decodeMessage>) => void = () => {}): Buffer {
  const request = decodeMessage(raw);
  const requestMac = decodeTsigRdata(request.additionals[0].rdata).mac;
  const reply = dnsMessage({ id: request.id, opcode: request.opcode, qr: true, questions: request.questions });
  tweak(reply as ReturnType<typeof decodeMessage>);
  const body = encodeMessage(reply);
  const vars = { timeSigned: Math.floor(Date.now() / 1000), fudge: 300, error: 0, otherData: Buffer.alloc(0) };
  const mac = tsigMac(signingKey, body, vars, requestMac);
  reply.additionals.push({
    name: signingKey.name,
    type: dnsTypes.TSIG,
    class: dnsClasses.ANY,
    ttl: 0,
    rdata: encodeTsigRdata({ algorithm: signingKey.algorithm, ...vars, mac, originalId: request.id }),
  });
  return encodeMessage(reply);
}

describe('Rfc2136Solver and misbehaving servers', () => {
  const solver = (port: number, timeoutMs = 5000) => new Rfc2136Solver({ server: '127.0.0.1', port, zone: 'example.test', tsig: key, timeoutMs });
  const realKey: TsigKey = { name: key.name, algorithm: key.algorithm, secret: Buffer.from(key.secret, 'base64') };

  it('accepts a correctly signed NOERROR (the fake is sound)', async () => {
    const port = await fakeDnsServer((raw, socket) => send(socket, signedAnswer(raw, realKey)));
    await solver(port).present(name, 'x');
  });

  it('a server that never answers → dns_update_failed, retryable', async () => {
    const port = await fakeDnsServer(() => {});
    const err = await rejectionOf(solver(port, 200).present(name, 'x'));
    expect(err).toMatchObject({ code: 'dns_update_failed', retryable: true, details: { reason: 'timeout' } });
    expect(err.message).toContain('did not answer within 200 ms');
  });

  it('a closed port → dns_update_failed, retryable', async () => {
    const port = await fakeDnsServer(() => {});
    cleanups.pop()!(); // close it again: nothing listens there now
    const err = await rejectionOf(solver(port).present(name, 'x'));
    expect(err).toMatchObject({ code: 'dns_update_failed', retryable: true, details: { reason: 'network' } });
  });

  it('an unsigned NOERROR is not believed', async () => {
    const port = await fakeDnsServer((raw, socket) => {
      const request = decodeMessage(raw);
      send(socket, encodeMessage(dnsMessage({ id: request.id, opcode: request.opcode, qr: true, questions: request.questions })));
    });
    const err = await rejectionOf(solver(port).present(name, 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.message).toContain('not signed');
  });

  it('a NOERROR signed with another secret is not believed', async () => {
    const port = await fakeDnsServer((raw, socket) => send(socket, signedAnswer(raw, { ...realKey, secret: Buffer.alloc(32, 2) })));
    const err = await rejectionOf(solver(port).present(name, 'x'));
    expect(err.code).toBe('dns_update_failed');
    expect(err.message).toContain('does not verify');
  });

  it('an answer with another id or without QR is not taken', async () => {
    const port = await fakeDnsServer((raw, socket) => {
      const reply = signedAnswer(raw, realKey);
      reply.writeUInt16BE((reply.readUInt16BE(0) + 1) & 0xffff, 0);
      send(socket, reply);
    });
    expect((await rejectionOf(solver(port).present(name, 'x'))).message).toContain('does not match the request');
    const port2 = await fakeDnsServer((raw, socket) => send(socket, signedAnswer(raw, realKey, (m) => (m.qr = false))));
    expect((await rejectionOf(solver(port2).present(name, 'x'))).message).toContain('does not match the request');
  });

  it('SERVFAIL is retryable', async () => {
    const port = await fakeDnsServer((raw, socket) => send(socket, signedAnswer(raw, realKey, (m) => (m.rcode = 2))));
    const err = await rejectionOf(solver(port).present(name, 'x'));
    expect(err).toMatchObject({ code: 'dns_update_failed', retryable: true, details: { rcode: 'SERVFAIL' } });
  });

  it('garbage → dns_update_failed (malformed)', async () => {
    const port = await fakeDnsServer((_raw, socket) => send(socket, Buffer.from('not dns')));
    expect((await rejectionOf(solver(port).present(name, 'x'))).message).toContain('malformed');
  });
});

describe('Rfc2136Solver options', () => {
  const good: Rfc2136SolverOptions = { server: '127.0.0.1', tsig: { name: 'k', algorithm: 'hmac-sha256', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=' } };

  it('accepts good options', () => {
    expect(new Rfc2136Solver(good)).toBeInstanceOf(Rfc2136Solver);
    expect(new Rfc2136Solver({ ...good, tsig: { ...good.tsig, algorithm: 'HMAC-SHA512' as 'hmac-sha512' } })).toBeInstanceOf(Rfc2136Solver);
  });

  it.each<[string, Partial<Rfc2136SolverOptions> | { tsig: unknown }]>([
    ['a secret that is not base64', { tsig: { ...good.tsig, secret: 'not base64!' } }],
    ['a secret of the wrong length', { tsig: { ...good.tsig, secret: 'abcde' } }],
    ['an empty secret', { tsig: { ...good.tsig, secret: '' } }],
    ['an unknown algorithm', { tsig: { ...good.tsig, algorithm: 'hmac-md5' } }],
    ['an empty key name', { tsig: { ...good.tsig, name: '' } }],
    ['a key name with an empty label', { tsig: { ...good.tsig, name: 'a..b' } }],
    ['no tsig', { tsig: undefined }],
    ['an empty server', { server: ' ' }],
    ['a server with an empty label', { server: 'ns..example.test' }],
    ['a server with a leading hyphen', { server: '-ns.example.test' }],
    ['a server with a port', { server: 'ns.example.test:53' }],
    ['port 0', { port: 0 }],
    ['port 70000', { port: 70000 }],
    ['a bad zone', { zone: 'a..test' }],
    ['an empty zone', { zone: '' }],
    ['a negative ttl', { ttl: -1 }],
    ['a fractional ttl', { ttl: 1.5 }],
    ['a zero timeout', { timeoutMs: 0 }],
  ])('refuses %s with dns_provider_invalid', (_what, override) => {
    const err = appErrorOf(() => new Rfc2136Solver({ ...good, ...override } as Rfc2136SolverOptions));
    expect(err.code).toBe('dns_provider_invalid');
    expect(err.message).not.toContain(good.tsig.secret);
  });

  it('refuses a record name that is not a domain name', async () => {
    const err = await rejectionOf(new Rfc2136Solver(good).present('bad..name', 'x'));
    expect(err.code).toBe('dns_update_failed');
  });
});
