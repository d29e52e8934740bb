import { describe, expect, it } from 'vitest';
import { ScanTargetError, expandTargets } from '../../src/probe/scan-targets.js';

const short = (targets: string[], protocol: 'tls' | 'smtp' = 'tls', max?: number) =>
  expandTargets(targets, protocol, max).map((e) => `${e.protocol}:${e.host}:${e.port}`);

describe('expandTargets', () => {
  it.each([
    [['example.com'], ['tls:example.com:443']],
    [['example.com:8443'], ['tls:example.com:8443']],
    [['example.com:443,8443'], ['tls:example.com:443', 'tls:example.com:8443']],
    [['example.com:8000-8002'], ['tls:example.com:8000', 'tls:example.com:8001', 'tls:example.com:8002']],
    [['10.0.0.0/30:443,8443'], ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3'].flatMap((h) => [`tls:${h}:443`, `tls:${h}:8443`])],
    [['10.0.0.5/30:443'], ['tls:10.0.0.4:443', 'tls:10.0.0.5:443', 'tls:10.0.0.6:443', 'tls:10.0.0.7:443']],
    [['192.168.1.1/32'], ['tls:192.168.1.1:443']],
    [['[::1]:8443'], ['tls:::1:8443']],
    [['::1'], ['tls:::1:443']],
    [['[2001:db8::/127]:443'], ['tls:2001:db8:::443', 'tls:2001:db8::1:443']],
    [['smtp://mail.example.com'], ['smtp:mail.example.com:25']],
    [['ldap://10.1.2.3'], ['ldap:10.1.2.3:389']],
    [['postgres://db:6432'], ['postgres:db:6432']],
    [['a:1', 'a:1', ' # comment', ''], ['tls:a:1']],
  ])('%j', (targets, expected) => {
    expect(short(targets)).toEqual(expected);
  });

  it('uses the protocol default port', () => {
    expect(short(['mail.example.com'], 'smtp')).toEqual(['smtp:mail.example.com:25']);
  });

  it('refuses to expand past the cap, before allocating', () => {
    expect(() => expandTargets(['10.0.0.0/8:443'], 'tls')).toThrow(ScanTargetError);
    expect(() => expandTargets(['10.0.0.0/8:443'], 'tls')).toThrow(/more than 65536 endpoints/);
    expect(() => expandTargets(['[2001:db8::/32]:443'], 'tls')).toThrow(/--max/);
    expect(expandTargets(['10.0.0.0/16:443'], 'tls')).toHaveLength(65_536);
    expect(() => expandTargets(['10.0.0.0/30:1-3'], 'tls', 10)).toThrow(/more than 10/);
  });

  it.each(['host:0', 'host:70000', 'host:abc', 'example.com/24:443', '10.0.0.0/33:443', 'ftp://host', 'a b'])('refuses %j', (t) => {
    expect(() => expandTargets([t], 'tls')).toThrow(ScanTargetError);
  });
});
