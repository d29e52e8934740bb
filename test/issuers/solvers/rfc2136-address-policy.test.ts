/**
 * RFC 2136 updates go through the outbound AddressPolicy: the server is a project admin's
 * setting, so it must not reach cloud metadata, link-local addresses or what
 * CERTKEEPER_OUTBOUND_DENY lists. A counting TCP proxy in front of a real BIND9 shows how many
 * connections were made: none when refused, one per update when allowed.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { Rfc2136Solver, type Rfc2136SolverOptions } from '../../../src/issuers/acme/solvers/rfc2136-solver.js';
import { AddressPolicy } from '../../../src/net/address-policy.js';
import { startBind9, type Bind9 } from '../../support/bind9.js';

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but the promise resolved');
}

/** A TCP proxy on 127.0.0.1 (port chosen at run time) to BIND9 that counts the connections it accepts. */
async function countingProxy(target: Bind9): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let bind: Bind9;
let proxy: Awaited<ReturnType<typeof countingProxy>>;

beforeAll(async () => {
  bind = await startBind9({ zones: ['example.test'] });
  proxy = await countingProxy(bind);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await bind?.stop();
});

const solver = (overrides: Partial<Rfc2136SolverOptions>) =>
  new Rfc2136Solver({ server: '127.0.0.1', port: proxy.port, zone: 'example.test', tsig: bind.tsig, timeoutMs: 2000, ...overrides });

describe('Rfc2136Solver through the outbound AddressPolicy', () => {
  it('allowed: one update is one connection, and BIND9 has the record', async () => {
    const before = proxy.accepted();
    await solver({ policy: new AddressPolicy() }).present('_acme-challenge.allowed.example.test', 'allowed-value');
    expect(proxy.accepted() - before).toBe(1);
    expect(await bind.query('_acme-challenge.allowed.example.test', 'TXT')).toEqual(['allowed-value']);
  });

  it('a server CERTKEEPER_OUTBOUND_DENY covers is refused before any connection, as an address or through a name', async () => {
    const deny = new AddressPolicy({ deny: ['127.0.0.0/8'] });
    const before = proxy.accepted();
    const literal = await rejectionOf(solver({ policy: deny }).present('_acme-challenge.denied.example.test', 'v'));
    expect(literal).toMatchObject({ code: 'dns_provider_address_forbidden', details: { server: `127.0.0.1:${proxy.port}` } });
    expect(literal.message).toMatch(/^DNS server 127\.0\.0\.1:\d+: 127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY$/);
    // localhost resolves (from /etc/hosts) to loopback when connecting, and is refused there.
    const named = await rejectionOf(solver({ policy: deny, server: 'localhost' }).present('_acme-challenge.denied.example.test', 'v'));
    expect(named.code).toBe('dns_provider_address_forbidden');
    expect(named.message).toMatch(/localhost resolves to .* is refused: it is in CERTKEEPER_OUTBOUND_DENY/);
    // Zone discovery (no zone configured) is refused the same way.
    const discovery = await rejectionOf(solver({ policy: deny, zone: undefined }).present('_acme-challenge.denied.example.test', 'v'));
    expect(discovery.code).toBe('dns_provider_address_forbidden');
    expect(proxy.accepted() - before).toBe(0);
    expect(await bind.query('_acme-challenge.denied.example.test', 'TXT')).toEqual([]);
  });

  it('checks the name at each connection: re-pointed at the metadata address after an update, the next is refused unsent', async () => {
    let answer = ['127.0.0.1'];
    const policy = new AddressPolicy({}, async () => answer);
    const s = solver({ policy, server: 'ns.dns-provider.test' });
    const before = proxy.accepted();
    await s.present('_acme-challenge.moved.example.test', 'moved-value');
    expect(proxy.accepted() - before).toBe(1);
    answer = ['169.254.169.254'];
    const err = await rejectionOf(s.cleanup('_acme-challenge.moved.example.test', 'moved-value'));
    expect(err.code).toBe('dns_provider_address_forbidden');
    expect(err.message).toMatch(/ns\.dns-provider\.test resolves to 169\.254\.169\.254 is refused: .*metadata/);
    expect(proxy.accepted() - before).toBe(1);
    expect(await bind.query('_acme-challenge.moved.example.test', 'TXT')).toEqual(['moved-value']);
  });

  it.each(['169.254.169.254', '::ffff:169.254.169.254', 'fe80::1', 'metadata.google.internal'])(
    'without a policy given, the built-in list still refuses %s at once',
    async (server) => {
      const err = await rejectionOf(new Rfc2136Solver({ server, zone: 'example.test', tsig: bind.tsig, timeoutMs: 2000 }).present('_acme-challenge.x.example.test', 'v'));
      expect(err.code).toBe('dns_provider_address_forbidden');
      expect(err.message).toContain('CERTKEEPER_OUTBOUND_ALLOW');
    },
  );
});
