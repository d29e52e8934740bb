import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy, OUTBOUND_REFUSED_CODE, type Resolve } from '../../src/net/address-policy.js';

// A loopback server that counts TCP connections: a refused destination must never reach it.
let server: http.Server;
let connections = 0;
let port: number;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(url: string, policy: AddressPolicy): Promise<{ status: number } | { error: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const req = http.get(url, { lookup: policy.lookup, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error) => resolve({ error }));
  });
}

/** A resolver answering from a table, as DNS controlled by someone else would. */
function resolverOf(table: Record<string, string[] | (() => string[])>): Resolve {
  return async (host) => {
    const entry = table[host];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return typeof entry === 'function' ? entry() : entry;
  };
}

describe('AddressPolicy.lookup (checks at connect time)', () => {
  it('connects a name that resolves to allowed addresses', async () => {
    const policy = new AddressPolicy({}, resolverOf({ 'receiver.test': ['127.0.0.1'] }));
    const before = connections;
    expect(await get(`http://receiver.test:${port}/`, policy)).toEqual({ status: 200 });
    expect(connections).toBe(before + 1);
  });

  it('refuses a name resolving to a denied address before connecting', async () => {
    const policy = new AddressPolicy({ deny: ['127.0.0.1'] }, resolverOf({ 'receiver.test': ['127.0.0.1'] }));
    const before = connections;
    const got = await get(`http://receiver.test:${port}/`, policy);
    expect(got).toMatchObject({ error: { code: OUTBOUND_REFUSED_CODE, message: expect.stringMatching(/receiver\.test resolves to 127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY/) } });
    expect(connections).toBe(before);
  });

  it('refuses a name resolving to a metadata address, naming the setting that allows it', async () => {
    const policy = new AddressPolicy({}, resolverOf({ 'evil.test': ['127.0.0.1', '169.254.169.254'] }));
    const before = connections;
    const got = await get(`http://evil.test:${port}/`, policy);
    expect(got).toMatchObject({ error: { code: OUTBOUND_REFUSED_CODE, message: expect.stringMatching(/169\.254\.169\.254 .*CERTKEEPER_OUTBOUND_ALLOW/) } });
    // Not even the good address was tried.
    expect(connections).toBe(before);
  });

  it('checks the addresses actually connected to: a name re-pointed after an earlier check is refused', async () => {
    let answer = ['127.0.0.1'];
    const policy = new AddressPolicy({}, resolverOf({ 'rebind.test': () => answer }));
    expect(await policy.check('rebind.test')).toEqual({ kind: 'allowed', addresses: ['127.0.0.1'] });
    answer = ['169.254.169.254'];
    const before = connections;
    expect(await get(`http://rebind.test:${port}/`, policy)).toMatchObject({ error: { code: OUTBOUND_REFUSED_CODE } });
    expect(connections).toBe(before);
  });

  it('refuses metadata names without resolving them, and passes resolution errors through', async () => {
    const asked: string[] = [];
    const policy = new AddressPolicy({}, async (host) => {
      asked.push(host);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    });
    expect(await get(`http://metadata.google.internal:${port}/`, policy)).toMatchObject({ error: { code: OUTBOUND_REFUSED_CODE } });
    expect(asked).toEqual([]);
    expect(await get(`http://nowhere.test:${port}/`, policy)).toMatchObject({ error: { code: 'ENOTFOUND' } });
  });

  it('answers in the shape asked for (one address, all addresses, one family)', async () => {
    const policy = new AddressPolicy({}, resolverOf({ 'both.test': ['2001:db8::1', '192.0.2.1'] }));
    const ask = (options: object) =>
      new Promise<unknown[]>((resolve) => policy.lookup('both.test', options, (err, address, family) => resolve([err?.code ?? null, address, family])));
    expect(await ask({})).toEqual([null, '2001:db8::1', 6]);
    expect(await ask({ family: 4 })).toEqual([null, '192.0.2.1', 4]);
    expect(await ask({ all: true })).toEqual([null, [{ address: '2001:db8::1', family: 6 }, { address: '192.0.2.1', family: 4 }], undefined]);
    expect(await ask({ family: 6, all: true })).toEqual([null, [{ address: '2001:db8::1', family: 6 }], undefined]);
  });
});
