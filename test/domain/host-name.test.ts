import { describe, expect, it } from 'vitest';
import { checkHostName, connectableHost, type HostNameRules } from '../../src/domain/host-name.js';
import { serviceDomainRules } from '../../src/domain/service-domain.js';

const certificateName: HostNameRules = { wildcard: true };
const rules = { connectableHost, serviceDomainRules, certificateName } as const;
type Use = keyof typeof rules;

describe('checkHostName', () => {
  // [input, the name given back, for every use]
  it.each<[string, string]>([
    ['www.example.com', 'www.example.com'],
    ['  WWW.Example.COM.  ', 'www.example.com'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['ＥＸＡＭＰＬＥ。com', 'example.com'],
    ['0a.example.com', '0a.example.com'],
    ['123.example.com', '123.example.com'],
    [`${'a'.repeat(63)}.example.com`, `${'a'.repeat(63)}.example.com`],
    [`${'a.'.repeat(125)}com`, `${'a.'.repeat(125)}com`],
  ])('takes %j as %j everywhere', (input, expected) => {
    for (const use of Object.keys(rules) as Use[]) expect(checkHostName(input, rules[use]), use).toEqual({ name: expected });
  });

  // [input, the problem, for every use]
  it.each<[string, RegExp]>([
    ['', /^is empty$/],
    ['   ', /^is empty$/],
    ['a..example.com', /empty label/],
    ['.example.com', /empty label/],
    ['example.com..', /empty label/],
    ['-bad.example.com', /starts or ends with a hyphen \(-bad\)/],
    ['bad-.example.com', /starts or ends with a hyphen \(bad-\)/],
    ['a.-bad', /starts or ends with a hyphen/],
    [`${'a'.repeat(64)}.example.com`, /label longer than 63 characters/],
    [`${'a.'.repeat(126)}com`, /longer than 253 characters/],
    ['exa mple.com', /space or a control character/],
    ['exa\u0000mple.com', /space or a control character/],
    ['exa\u0085mple.com', /space or a control character/],
    ['example.com:443', /has ":"/],
    ['https://example.com', /has ":"/],
    ['example.com/path', /has "\/"/],
    ['ex%41mple.com', /has "%"/],
    ['user@example.com', /has "@"/],
    ['a!b.example.com', /has "!"/],
    ['10.0.0.300', /all-digit label/],
    ['host.123', /all-digit label/],
    ['1.0x7f', /IP address in a short or hexadecimal form/],
    ['xn--zz.example.com', /not a valid internationalized domain name/],
    ['a.*.example.com', /"\*"/],
    ['*example.com', /"\*"/],
    ['fe80::1%eth0', /has ":"/],
    ['[fe80::1', /has "\["/],
  ])('refuses %j everywhere', (input, problem) => {
    for (const use of Object.keys(rules) as Use[]) {
      const checked = checkHostName(input, rules[use]);
      expect(checked.name, use).toBeUndefined();
      expect(checked.problem, use).toMatch(problem);
    }
  });

  // [input, connectable host, service domain, certificate name]: the name, or the problem
  it.each<[string, string | RegExp, string | RegExp, string | RegExp]>([
    ['192.0.2.10', '192.0.2.10', '192.0.2.10', /is an IP address/],
    ['2001:DB8:0:0::1', '2001:db8::1', '2001:db8::1', /is an IP address/],
    ['[2001:db8::1]', '2001:db8::1', '2001:db8::1', /is an IP address/],
    ['::1', '::1', '::1', /is an IP address/],
    ['01.2.3.4', /all-digit label/, /all-digit label/, /all-digit label/],
    ['1.2', /all-digit label/, /all-digit label/, /all-digit label/],
    ['*.example.com', /wildcard is not allowed/, '*.example.com', '*.example.com'],
    ['*.Bücher.example', /wildcard is not allowed/, '*.xn--bcher-kva.example', '*.xn--bcher-kva.example'],
    ['*.com', /wildcard is not allowed/, /wildcard over a single label/, /wildcard over a single label/],
    ['localhost', 'localhost', /single label/, /single label/],
    ['db', 'db', /single label/, /single label/],
    ['a_b.example.com', 'a_b.example.com', /underscores are not allowed/, /underscores are not allowed/],
    ['_dmarc.example.com', '_dmarc.example.com', /underscores are not allowed/, /underscores are not allowed/],
    ['my_db', 'my_db', /underscores are not allowed/, /underscores are not allowed/],
  ])('%j: connectable %j, service domain %j, certificate name %j', (input, connect, service, certificate) => {
    const expectations: Array<[Use, string | RegExp]> = [
      ['connectableHost', connect],
      ['serviceDomainRules', service],
      ['certificateName', certificate],
    ];
    for (const [use, expected] of expectations) {
      const checked = checkHostName(input, rules[use]);
      if (typeof expected === 'string') expect(checked, use).toEqual({ name: expected });
      else expect(checked.problem, use).toMatch(expected);
    }
  });
});
