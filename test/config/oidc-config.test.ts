import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

const ORG = '4c0e6a52-9a43-4f5b-a3c1-0d7c2b1e9f10';
const PRJ = '9b1d2c3e-4f50-4a6b-8c7d-8e9fa0b1c2d3';
const base = {
  CERTKEEPER_DATA_DIR: '/tmp/unused',
  CERTKEEPER_OIDC_ISSUER: 'https://sso.example.com/realms/ops',
  CERTKEEPER_OIDC_CLIENT_ID: 'certkeeper',
  CERTKEEPER_OIDC_REDIRECT_URL: 'https://certs.example.com/api/v1/auth/oidc/callback',
};
const refused = (env: Record<string, string>) => {
  try {
    loadConfig(env, undefined);
  } catch (err) {
    return `${(err as { code: string }).code}: ${(err as Error).message}`;
  }
  return 'accepted';
};

describe('single sign-on settings', () => {
  it('are off without an issuer, and then no other OIDC key may be set', () => {
    expect(loadConfig({ CERTKEEPER_DATA_DIR: '/tmp/unused' }, undefined).oidc).toBeUndefined();
    expect(refused({ CERTKEEPER_DATA_DIR: '/tmp/unused', CERTKEEPER_OIDC_CLIENT_ID: 'x' })).toMatch(/^config_invalid: CERTKEEPER_OIDC_CLIENT_ID needs CERTKEEPER_OIDC_ISSUER/);
  });

  it('read the issuer, client, callback, scopes, the role map and the default grant', () => {
    const config = loadConfig({
      ...base,
      CERTKEEPER_OIDC_CLIENT_SECRET: 's3cret',
      CERTKEEPER_OIDC_ROLES_CLAIM: 'groups',
      CERTKEEPER_OIDC_ROLE_MAP: JSON.stringify({ '/ops': { organizationId: ORG, role: 'admin' }, web: [{ organizationId: ORG, projectId: PRJ, role: 'editor' }] }),
      CERTKEEPER_OIDC_DEFAULT_ROLE: 'viewer',
      CERTKEEPER_OIDC_DEFAULT_ORGANIZATION: `${ORG}/${PRJ}`,
      CERTKEEPER_OIDC_CREATE_USERS: 'false',
    }, undefined);
    expect(config.oidc).toEqual({
      issuer: 'https://sso.example.com/realms/ops',
      clientId: 'certkeeper',
      clientSecret: 's3cret',
      redirectUrl: 'https://certs.example.com/api/v1/auth/oidc/callback',
      scopes: 'openid email profile',
      rolesClaim: 'groups',
      roleMap: { '/ops': [{ organizationId: ORG, projectId: null, role: 'admin' }], web: [{ organizationId: ORG, projectId: PRJ, role: 'editor' }] },
      defaultGrant: { organizationId: ORG, projectId: PRJ, role: 'viewer' },
      createUsers: false,
    });
    expect(loadConfig(base, undefined).oidc?.createUsers).toBe(true);
  });

  it('refuse what would not work or would be unsafe', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ CERTKEEPER_OIDC_ISSUER: 'http://sso.example.com' }, /https:\/\/ URL/],
      [{ CERTKEEPER_OIDC_ISSUER: 'not a url' }, /https:\/\/ URL/],
      [{ CERTKEEPER_OIDC_REDIRECT_URL: 'http://certs.example.com/cb' }, /CERTKEEPER_OIDC_REDIRECT_URL must be an https/],
      [{ CERTKEEPER_OIDC_REDIRECT_URL: 'https://certs.example.com/cb?x=1' }, /must not carry a query/],
      [{ CERTKEEPER_OIDC_CLIENT_ID: '' }, /CLIENT_ID is required/],
      [{ CERTKEEPER_OIDC_SCOPES: 'email profile' }, /must include openid/],
      [{ CERTKEEPER_OIDC_ROLE_MAP: '{"a":{"organizationId":"x","role":"admin"}}', CERTKEEPER_OIDC_ROLES_CLAIM: 'groups' }, /ROLE_MAP\["a"\]/],
      [{ CERTKEEPER_OIDC_ROLE_MAP: `{"a":{"organizationId":"${ORG}","role":"owner"}}`, CERTKEEPER_OIDC_ROLES_CLAIM: 'groups' }, /ROLE_MAP\["a"\]/],
      [{ CERTKEEPER_OIDC_ROLE_MAP: `{"a":{"organizationId":"${ORG}","role":"admin"}}` }, /needs CERTKEEPER_OIDC_ROLES_CLAIM/],
      [{ CERTKEEPER_OIDC_ROLE_MAP: '[1]', CERTKEEPER_OIDC_ROLES_CLAIM: 'groups' }, /JSON object/],
      [{ CERTKEEPER_OIDC_DEFAULT_ROLE: 'viewer' }, /go together/],
      [{ CERTKEEPER_OIDC_DEFAULT_ROLE: 'root', CERTKEEPER_OIDC_DEFAULT_ORGANIZATION: ORG }, /DEFAULT_ORGANIZATION must be/],
      [{ CERTKEEPER_OIDC_CREATE_USERS: 'maybe' }, /true or false/],
    ];
    for (const [change, message] of cases) expect(refused({ ...base, ...change }), JSON.stringify(change)).toMatch(message);
    // Plain http only to this machine.
    expect(loadConfig({ ...base, CERTKEEPER_OIDC_ISSUER: 'http://127.0.0.1:9000', CERTKEEPER_OIDC_REDIRECT_URL: 'http://localhost:8080/api/v1/auth/oidc/callback' }, undefined).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });
});
