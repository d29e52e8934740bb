import { describe, expect, it } from 'vitest';
import { AddressPolicy, builtInDenyList, effectiveAddress, parseAddressListEntry, type AddressPolicySettings } from '../../src/net/address-policy.js';
import { loadConfig } from '../../src/config/config.js';

const ALLOW_HINT = /CERTKEEPER_OUTBOUND_ALLOW/;
const DENIED = /CERTKEEPER_OUTBOUND_DENY/;

describe('built-in deny list', () => {
  const policy = new AddressPolicy();
  // [host as written, expected: null = allowed, or a pattern of the refusal]
  const rows: Array<[string, RegExp | null]> = [
    ['127.0.0.1', null],
    ['::1', null],
    ['::ffff:127.0.0.1', null],
    ['10.1.2.3', null],
    ['172.16.5.5', null],
    ['192.168.1.1', null],
    ['fd12:3456::1', null],
    ['203.0.113.5', null],
    ['example.com', null],
    ['sub.metadata.google.internal', null], // names match exactly
    ['169.254.169.254', /169\.254\.169\.254 is refused: IPv4 link-local.*CERTKEEPER_OUTBOUND_ALLOW/],
    ['169.254.1.1', /link-local/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['100.100.100.200', /Alibaba/],
    ['168.63.129.16', /Azure WireServer/],
    ['fe80::1', /IPv6 link-local/],
    ['fe80::1%eth0', /IPv6 link-local/],
    ['[fe80::1]', /IPv6 link-local/],
    ['fd00:ec2::254', /AWS/],
    ['::', /unspecified/],
    ['::ffff:169.254.169.254', /::ffff:169\.254\.169\.254 \(169\.254\.169\.254\) is refused/],
    ['::ffff:a9fe:a9fe', /\(169\.254\.169\.254\) is refused/], // how a URL writes the mapped address
    ['64:ff9b::a9fe:a9fe', /\(169\.254\.169\.254\) is refused/], // NAT64 (RFC 6052)
    ['metadata.google.internal', /metadata\.google\.internal is refused: it names the Google Cloud metadata service/],
    ['METADATA.Google.Internal.', /Google Cloud/],
    ['metadata.goog', /Google Cloud/],
    ['metadata', /Google Cloud/],
    ['instance-data', /AWS/],
    ['instance-data.ec2.internal', /AWS/],
    ['metadata.azure.com', /Azure/],
    ['metadata.azure.internal', /Azure/],
  ];
  it.each(rows)('%s → %s', (host, expected) => {
    const why = policy.refusalOfHost(host);
    if (expected === null) expect(why).toBeNull();
    else {
      expect(why).toMatch(expected);
      expect(why).toMatch(ALLOW_HINT);
    }
  });

  it('holds both former lists (the probe guard’s and the notification guard’s) and a reason for each entry', () => {
    const entries = builtInDenyList.map((d) => d.entry);
    for (const e of ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128', '100.100.100.200/32', '0.0.0.0/8', '::/128', '168.63.129.16/32']) expect(entries).toContain(e);
    for (const n of ['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.com', 'metadata.azure.internal']) expect(entries).toContain(n);
    for (const d of builtInDenyList) {
      expect(parseAddressListEntry(d.entry), d.entry).toBeDefined();
      expect(d.why.length, d.entry).toBeGreaterThan(5);
    }
  });
});

describe('allow and deny lists', () => {
  // [settings, host, expected]
  const rows: Array<[string, AddressPolicySettings, string, RegExp | null]> = [
    ['allow lifts a built-in address', { allow: ['169.254.169.254'] }, '169.254.169.254', null],
    ['… only that address', { allow: ['169.254.169.254'] }, '169.254.1.1', ALLOW_HINT],
    ['… also written IPv4-mapped', { allow: ['169.254.169.254'] }, '::ffff:a9fe:a9fe', null],
    ['allow takes ranges', { allow: ['fe80::/10'] }, 'fe80::1', null],
    ['allow takes names', { allow: ['metadata.google.internal'] }, 'metadata.google.internal', null],
    ['… only that name', { allow: ['metadata.google.internal'] }, 'metadata.goog', ALLOW_HINT],
    ['deny refuses loopback', { deny: ['127.0.0.0/8'] }, '127.0.0.1', DENIED],
    ['… also written IPv4-mapped', { deny: ['127.0.0.0/8'] }, '::ffff:127.0.0.1', DENIED],
    ['deny refuses private ranges', { deny: ['10.0.0.0/8'] }, '10.9.9.9', DENIED],
    ['deny refuses IPv6 loopback', { deny: ['::1'] }, '::1', DENIED],
    ['deny refuses names', { deny: ['intranet.example'] }, 'Intranet.Example.', DENIED],
    ['deny wins over allow (address)', { allow: ['10.1.0.0/16'], deny: ['10.0.0.0/8'] }, '10.1.2.3', DENIED],
    ['deny wins over allow (name)', { allow: ['intranet.example'], deny: ['intranet.example'] }, 'intranet.example', DENIED],
    ['deny leaves the rest alone', { deny: ['10.0.0.0/8'] }, '192.168.0.1', null],
    ['deny keeps the built-in list', { deny: ['10.0.0.0/8'] }, '169.254.169.254', ALLOW_HINT],
  ];
  it.each(rows)('%s', (_what, settings, host, expected) => {
    const why = new AddressPolicy(settings).refusalOfHost(host);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });

  it('a name in the allow list allows the addresses it resolves to, not those of other names, and never denied ones', () => {
    const policy = new AddressPolicy({ allow: ['appliance.internal'], deny: ['169.254.10.9'] });
    expect(policy.refusalOfAddress('169.254.10.1', 'appliance.internal')).toBeNull();
    expect(policy.refusalOfAddress('169.254.10.1', 'other.internal')).toMatch(ALLOW_HINT);
    expect(policy.refusalOfAddress('169.254.10.1')).toMatch(ALLOW_HINT);
    expect(policy.refusalOfAddress('169.254.10.9', 'appliance.internal')).toMatch(DENIED);
  });
});

describe('check: a name is resolved and every address checked', () => {
  const table: Record<string, string[]> = {
    'evil.test': ['203.0.113.5', '169.254.169.254'],
    'fine.test': ['203.0.113.5', '2001:db8::5'],
    'mapped.test': ['::ffff:169.254.169.254'],
    'loop.test': ['127.0.0.1'],
    'empty.test': [],
  };
  const resolved: string[] = [];
  const resolve = async (host: string) => {
    resolved.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  };

  const rows: Array<[string, AddressPolicySettings, string, { kind: string; address?: string; message?: RegExp; addresses?: string[] }]> = [
    ['one bad address refuses the name', {}, 'evil.test', { kind: 'refused', address: '169.254.169.254', message: /^evil\.test resolves to 169\.254\.169\.254 is refused: .*CERTKEEPER_OUTBOUND_ALLOW/ }],
    ['all good: the addresses to connect to', {}, 'fine.test', { kind: 'allowed', addresses: ['203.0.113.5', '2001:db8::5'] }],
    ['mapped addresses are checked as IPv4', {}, 'mapped.test', { kind: 'refused', message: /169\.254\.169\.254/ }],
    ['deny applies to resolved addresses', { deny: ['127.0.0.0/8'] }, 'loop.test', { kind: 'refused', address: '127.0.0.1', message: /loop\.test resolves to 127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY/ }],
    ['allowing the name allows its addresses', { allow: ['evil.test'] }, 'evil.test', { kind: 'allowed', addresses: ['203.0.113.5', '169.254.169.254'] }],
    ['allowing the address allows it', { allow: ['169.254.169.254'] }, 'evil.test', { kind: 'allowed' }],
    ['does not resolve', {}, 'nowhere.test', { kind: 'unresolved' }],
    ['resolves to nothing', {}, 'empty.test', { kind: 'unresolved' }],
    ['an IP literal', {}, '[fe80::1]', { kind: 'refused', address: 'fe80::1' }],
  ];
  it.each(rows)('%s', async (_what, settings, host, expected) => {
    expect(await new AddressPolicy(settings, resolve).check(host)).toMatchObject({ ...expected, ...(expected.message ? { message: expect.stringMatching(expected.message) } : {}) });
  });

  it('refuses metadata names and IP literals without resolving them', async () => {
    resolved.length = 0;
    const policy = new AddressPolicy({}, resolve);
    expect(await policy.check('metadata.google.internal')).toMatchObject({ kind: 'refused', address: 'metadata.google.internal' });
    expect(await policy.check('169.254.169.254')).toMatchObject({ kind: 'refused' });
    expect(await policy.check('127.0.0.1')).toEqual({ kind: 'allowed', addresses: ['127.0.0.1'] });
    expect(resolved).toEqual([]);
  });
});

describe('parsing list entries', () => {
  const rows: Array<[string, boolean, unknown]> = [
    ['10.0.0.0/8', true, { kind: 'range', address: '10.0.0.0', prefix: 8, family: 'ipv4' }],
    ['1.2.3.4', true, { kind: 'range', address: '1.2.3.4', prefix: 32, family: 'ipv4' }],
    [' fe80::/10 ', true, { kind: 'range', address: 'fe80::', prefix: 10, family: 'ipv6' }],
    ['FD00:EC2::254', true, { kind: 'range', address: 'fd00:ec2::254', prefix: 128, family: 'ipv6' }],
    ['Hooks.Example.COM.', true, { kind: 'name', name: 'hooks.example.com' }],
    ['metadata', true, { kind: 'name', name: 'metadata' }],
    ['hooks.example.com', false, undefined], // the deprecated probe settings take no names
    ['10.0.0.0/33', true, undefined],
    ['::/129', true, undefined],
    ['1.2.3.4/x', true, undefined],
    ['1.2.3.4/8/9', true, undefined],
    ['10.0.0.300', true, undefined],
    ['*.example.com', true, undefined],
    ['http://example.com', true, undefined],
    ['fe80::1%eth0', true, undefined],
    ['intra_net.example', true, { kind: 'name', name: 'intra_net.example' }],
    ['hooks..example.com', true, undefined],
    ['-hooks.example.com', true, undefined],
    [`${'a'.repeat(64)}.example.com`, true, undefined],
  ];
  it.each(rows)('%s (names: %s)', (text, names, expected) => {
    expect(parseAddressListEntry(text, { names })).toEqual(expected);
  });

  it('reads IPv4-mapped and NAT64 addresses as the IPv4 address they reach', () => {
    expect(effectiveAddress('::ffff:10.1.2.3')).toEqual({ address: '10.1.2.3', family: 'ipv4' });
    expect(effectiveAddress('::ffff:a01:203')).toEqual({ address: '10.1.2.3', family: 'ipv4' });
    expect(effectiveAddress('64:ff9b::10.1.2.3')).toEqual({ address: '10.1.2.3', family: 'ipv4' });
    expect(effectiveAddress('2001:db8::a01:203')).toEqual({ address: '2001:db8::a01:203', family: 'ipv6' });
    expect(effectiveAddress('fe80::1%eth0')).toEqual({ address: 'fe80::1', family: 'ipv6' });
    expect(effectiveAddress('example.com')).toBeUndefined();
  });
});

describe('configuration: CERTKEEPER_OUTBOUND_ALLOW / _DENY and the deprecated probe aliases', () => {
  it('reads both settings (addresses, ranges, names; commas or spaces) and merges the aliases into them', () => {
    const config = loadConfig(
      {
        CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.0/24, hooks.internal',
        CERTKEEPER_OUTBOUND_DENY: '10.0.0.0/8 intranet.example',
        CERTKEEPER_PROBE_ALLOW: '169.254.169.254,169.254.10.0/24',
        CERTKEEPER_PROBE_DENY: '127.0.0.2',
      },
      '',
    );
    expect(config.outboundAllow).toEqual(['169.254.10.0/24', 'hooks.internal', '169.254.169.254']);
    expect(config.outboundDeny).toEqual(['10.0.0.0/8', 'intranet.example', '127.0.0.2']);
    expect(loadConfig({}, '')).toMatchObject({ outboundAllow: [], outboundDeny: [] });
  });

  it('refuses a malformed entry with config_invalid naming the setting and the entry', () => {
    const rows: Array<[string, string, RegExp]> = [
      ['CERTKEEPER_OUTBOUND_ALLOW', '10.0.0.0/8,10.0.0.0/33', /CERTKEEPER_OUTBOUND_ALLOW.*"10\.0\.0\.0\/33"/],
      ['CERTKEEPER_OUTBOUND_DENY', 'http://x.example', /CERTKEEPER_OUTBOUND_DENY.*"http:\/\/x\.example"/],
      ['CERTKEEPER_OUTBOUND_DENY', '*.example.com', /CERTKEEPER_OUTBOUND_DENY.*"\*\.example\.com"/],
      ['CERTKEEPER_PROBE_ALLOW', 'hooks.internal', /CERTKEEPER_PROBE_ALLOW.*"hooks\.internal" is not an IP address or a CIDR range/],
      ['CERTKEEPER_PROBE_DENY', '1.2.3.4/x', /CERTKEEPER_PROBE_DENY.*"1\.2\.3\.4\/x"/],
    ];
    for (const [key, value, message] of rows) {
      let error: unknown;
      try {
        loadConfig({ [key]: value }, '');
      } catch (err) {
        error = err;
      }
      expect(error, key).toMatchObject({ code: 'config_invalid', message: expect.stringMatching(message) });
    }
  });
});
