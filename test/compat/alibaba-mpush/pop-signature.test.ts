import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  canonicalizedQuery,
  checkSignatureParameters,
  encodePopParameters,
  parsePopParameters,
  parsePopTimestamp,
  percentEncode,
  popSignature,
  popSignatureMatches,
  signPopParameters,
  stringToSign,
} from '../../../src/compat/alibaba-mpush/pop-signature.js';
import { isPopError } from '../../../src/compat/alibaba-mpush/pop-error.js';

// @alicloud/pop-core is CommonJS: loaded through require from this ESM test.
const RPCClient = createRequire(import.meta.url)('@alicloud/pop-core') as new (config: Record<string, string>) => {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<unknown>;
};

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (isPopError(err)) return err.code;
    throw err;
  }
  return 'ok';
};

describe('percentEncode (RFC 3986, as Alibaba Cloud signs)', () => {
  it.each([
    ['abcXYZ019-_.~', 'abcXYZ019-_.~'],
    [' ', '%20'],
    ['*', '%2A'],
    ['+', '%2B'],
    ['/', '%2F'],
    [':', '%3A'],
    ["!'()", '%21%27%28%29'],
    ['=&', '%3D%26'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
  ])('%j → %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});

describe('the string to sign and the signature', () => {
  // Alibaba Cloud's documented example (ECS DescribeRegions, signature version 1.0).
  const example = new Map(
    Object.entries({
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    }),
  );

  it('reproduces Alibaba Cloud’s documented example', () => {
    expect(stringToSign('GET', example)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(popSignature('GET', example, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('sorts by name, leaves Signature out, and depends on the method', () => {
    const p = new Map([
      ['b', '2'],
      ['Signature', 'x'],
      ['a', '1 *'],
      ['B', '3'],
    ]);
    expect(canonicalizedQuery(p)).toBe('B=3&a=1%20%2A&b=2');
    expect(popSignature('GET', p, 's')).not.toBe(popSignature('POST', p, 's'));
    expect(popSignature('get', p, 's')).toBe(popSignature('GET', p, 's'));
  });

  it('signs and verifies; any change to a name, a value, the method or the key fails', () => {
    const signed = signPopParameters('GET', { Action: 'CheckCertificate', AppKey: '23267207', Note: 'a b+c*~' }, 'secret');
    expect(popSignatureMatches('GET', signed, 'secret')).toBe(true);
    expect(popSignatureMatches('POST', signed, 'secret')).toBe(false);
    expect(popSignatureMatches('GET', signed, 'secret2')).toBe(false);
    expect(popSignatureMatches('GET', new Map(signed).set('AppKey', '23267208'), 'secret')).toBe(false);
    expect(popSignatureMatches('GET', new Map(signed).set('Extra', ''), 'secret')).toBe(false);
    expect(popSignatureMatches('GET', new Map(signed).set('Signature', ''), 'secret')).toBe(false);
    // Round trip through the wire format.
    expect(popSignatureMatches('GET', parsePopParameters(encodePopParameters(signed)), 'secret')).toBe(true);
  });
});

describe('parsePopParameters', () => {
  it('decodes with decodeURIComponent only: + stays a plus sign', () => {
    expect([...parsePopParameters('a=1%202&b=x+y&c=&d&e=%2B')]).toEqual([
      ['a', '1 2'],
      ['b', 'x+y'],
      ['c', ''],
      ['d', ''],
      ['e', '+'],
    ]);
  });
  it('refuses a parameter given twice (also across query and body) and malformed escapes', () => {
    expect(codeOf(() => parsePopParameters('a=1&a=2'))).toBe('InvalidParameter');
    expect(codeOf(() => parsePopParameters('a=2', parsePopParameters('a=1')))).toBe('InvalidParameter');
    expect(codeOf(() => parsePopParameters('a=%E0%A4%A'))).toBe('InvalidParameter');
  });
});

describe('checkSignatureParameters', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const base = {
    AccessKeyId: 'LTAIabcdefghijklmnopqrst',
    Signature: 'sig',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: 'n1',
    SignatureVersion: '1.0',
    Timestamp: '2026-11-22T12:00:00Z',
  };
  const check = (over: Record<string, string | undefined>) =>
    codeOf(() => checkSignatureParameters(new Map(Object.entries({ ...base, ...over }).filter(([, v]) => v !== undefined) as [string, string][]), now));

  it.each([
    [{}, 'ok'],
    [{ AccessKeyId: undefined }, 'IncompleteSignature'],
    [{ Signature: undefined }, 'IncompleteSignature'],
    [{ Signature: '' }, 'IncompleteSignature'],
    [{ SignatureMethod: undefined }, 'IncompleteSignature'],
    [{ SignatureNonce: undefined }, 'IncompleteSignature'],
    [{ SignatureVersion: undefined }, 'IncompleteSignature'],
    [{ Timestamp: undefined }, 'IncompleteSignature'],
    [{ SignatureMethod: 'HMAC-SHA256' }, 'InvalidSignatureMethod'],
    [{ SignatureVersion: '2.0' }, 'InvalidSignatureVersion'],
    [{ Timestamp: '2026-11-22 12:00:00' }, 'InvalidTimeStamp.Format'],
    [{ Timestamp: '2026-02-30T12:00:00Z' }, 'InvalidTimeStamp.Format'],
    [{ Timestamp: '2026-11-22T12:00:00+08:00' }, 'InvalidTimeStamp.Format'],
    [{ Timestamp: '2026-11-22T12:00:00.123Z' }, 'ok'],
    [{ Timestamp: '2026-11-22T12:15:00Z' }, 'ok'],
    [{ Timestamp: '2026-11-22T11:45:00Z' }, 'ok'],
    [{ Timestamp: '2026-11-22T12:15:01Z' }, 'InvalidTimeStamp.Expired'],
    [{ Timestamp: '2026-11-22T11:44:59Z' }, 'InvalidTimeStamp.Expired'],
    [{ Timestamp: '2026-11-22T11:40:00Z' }, 'InvalidTimeStamp.Expired'],
    [{ SignatureNonce: 'x'.repeat(256) }, 'InvalidParameter'],
  ])('%j → %s', (over, expected) => {
    expect(check(over)).toBe(expected);
  });

  it('returns the facts', () => {
    expect(checkSignatureParameters(new Map(Object.entries(base)), now)).toEqual({ accessKeyId: base.AccessKeyId, nonce: 'n1', timestamp: now });
    expect(parsePopTimestamp('2026-11-22T12:21:09Z')?.toISOString()).toBe('2026-11-22T12:21:09.000Z');
  });
});

describe('what @alicloud/pop-core actually sends', () => {
  /** Runs one pop-core request against a server that records it and answers a success. */
  async function capture(method: 'GET' | 'POST', params: Record<string, unknown>) {
    let seen: { method: string; url: string; contentType: string | undefined; body: string } | undefined;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { method: req.method!, url: req.url!, contentType: req.headers['content-type'], body };
        res.setHeader('content-type', 'application/json');
        res.end('{"RequestId":"X"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new RPCClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessKeyId: 'LTAIabcdefghijklmnopqrst', accessKeySecret: 'the-secret', apiVersion: '2016-08-01' });
      await client.request('CheckCertificate', params, method === 'POST' ? { method: 'POST' } : {});
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    return seen!;
  }
  const tricky = { AppKey: 23267207, Note: "a b+c*~!'()/é" };

  it('GET: every parameter in the query, and our verification accepts its signature', async () => {
    const seen = await capture('GET', tricky);
    expect(seen.method).toBe('GET');
    const params = parsePopParameters(seen.url.slice(seen.url.indexOf('?') + 1));
    expect(Object.fromEntries(params)).toMatchObject({
      Action: 'CheckCertificate',
      AppKey: '23267207',
      Note: "a b+c*~!'()/é",
      Format: 'JSON',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      Version: '2016-08-01',
      AccessKeyId: 'LTAIabcdefghijklmnopqrst',
    });
    expect(params.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(seen.url).not.toContain('+'); // a space is %20, a plus %2B
    expect(popSignatureMatches('GET', params, 'the-secret')).toBe(true);
    expect(popSignatureMatches('GET', params, 'other')).toBe(false);
  });

  it('POST: path / with every parameter in an x-www-form-urlencoded body, signed with POST', async () => {
    const seen = await capture('POST', tricky);
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/');
    expect(seen.contentType).toBe('application/x-www-form-urlencoded');
    const params = parsePopParameters(seen.body);
    expect(params.get('AppKey')).toBe('23267207');
    expect(popSignatureMatches('POST', params, 'the-secret')).toBe(true);
    expect(popSignatureMatches('GET', params, 'the-secret')).toBe(false);
  });
});
