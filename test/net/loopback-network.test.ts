import dns from 'node:dns';
import { lookup as promisedLookup, resolve4 as promisedResolve4 } from 'node:dns/promises';
import net from 'node:net';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installLoopbackNetwork, isLoopbackAddress, type LoopbackNetwork } from '../support/fuzz/loopback-network.js';

/** Connects and says how it ended: 'connected', or the error's code. */
function connect(options: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(options);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

async function listening(): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as net.AddressInfo).port };
}

// What is refused here would not leave the machine even if the guard let it through: 0.0.0.0
// and :: reach the local host, the resolvers ask a closed loopback port, and the names looked
// up are this host's own (/etc/hosts) and reserved ones.
describe('installLoopbackNetwork', () => {
  let guard: LoopbackNetwork | undefined;
  let servers: string[];
  beforeEach(() => {
    servers = dns.getServers();
    dns.setServers(['127.0.0.1:9']);
  });
  afterEach(() => {
    guard?.uninstall();
    guard = undefined;
    dns.setServers(servers);
  });

  it('reads loopback addresses in every spelling and nothing else as loopback', () => {
    for (const a of ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '169.254.169.254', '0.0.0.0', '::', '::ffff:10.0.0.1', 'localhost', 'fe80::1']) expect(isLoopbackAddress(a), a).toBe(false);
  });

  it('refuses connections off loopback and to loopback ports not opened, and lets the opened ones through', async () => {
    const { server, port } = await listening();
    try {
      guard = installLoopbackNetwork({ ports: [] });
      expect(await connect({ host: '0.0.0.0', port })).toBe('ECONNREFUSED');
      expect(await connect({ host: '::ffff:0.0.0.0', port })).toBe('ECONNREFUSED');
      expect(await connect({ host: '127.0.0.1', port })).toBe('ECONNREFUSED');
      guard.open(port);
      expect(await connect({ host: '127.0.0.1', port })).toBe('connected');
      expect(await connect({ host: 'localhost', port, family: 4 })).toBe('connected');
      expect(guard.counts()).toEqual({ all: 3, offLoopback: 2 });
    } finally {
      server.close();
    }
  });

  it('answers ENOTFOUND for every name but localhost, through lookup and the resolvers alike', async () => {
    guard = installLoopbackNetwork();
    const resolver = new dns.promises.Resolver();
    resolver.setServers(['127.0.0.1:9']);
    await expect(promisedLookup(hostname())).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(promisedResolve4('example.invalid')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveTxt('example.invalid')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    const viaCallback = await new Promise<string | undefined>((resolve) => dns.resolve6('example.invalid', (err) => resolve(err?.code)));
    expect(viaCallback).toBe('ENOTFOUND');
    expect(await connect({ host: hostname(), port: 9 })).toBe('ENOTFOUND');
    expect((await promisedLookup('localhost', { family: 4 })).address).toBe('127.0.0.1');
    expect(guard.counts().offLoopback).toBe(5);
  });

  it('checks what a lookup of the connection\'s own resolves to', async () => {
    guard = installLoopbackNetwork();
    const elsewhere: net.LookupFunction = (_host, _options, callback) => callback(null, [{ address: '0.0.0.0', family: 4 }]);
    expect(await connect({ host: 'anywhere.invalid', port: 9, lookup: elsewhere })).toBe('ECONNREFUSED');
    expect(guard.refused.at(-1)).toMatchObject({ kind: 'connect', host: 'anywhere.invalid (0.0.0.0)', loopback: false });
  });

  it('puts everything back when uninstalled', async () => {
    const before = [dns.lookup, dns.promises.lookup, dns.resolve4, dns.promises.Resolver.prototype.resolveTxt, net.Socket.prototype.connect];
    installLoopbackNetwork().uninstall();
    expect([dns.lookup, dns.promises.lookup, dns.resolve4, dns.promises.Resolver.prototype.resolveTxt, net.Socket.prototype.connect]).toEqual(before);
  });
});
