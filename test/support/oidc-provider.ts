/**
 * A real OpenID provider for tests: node-oidc-provider on 127.0.0.1 at a port chosen at run
 * time, with one confidential client (PKCE required) and accounts the test sets. Its sign-in page
 * is a plain form (a username; no password) that a browser test fills in; `autoLogin` signs the
 * named account in without showing it, for HTTP tests. Consent is given with the sign-in.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about an account (its claims besides `sub`). */
export interface TestAccount {
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** The subject signed in when the provider asks who it is, without a page; undefined shows the form. */
  autoLogin: string | undefined;
  /** Makes the client accept these redirect URIs (call before the first sign-in). */
  setRedirectUris(uris: string[]): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcProvider(options: { redirectUris?: string[] } = {}): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'certkeeper-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

  const state: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    autoLogin: undefined,
    setRedirectUris: (uris) => install(uris),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const install = (redirectUris: string[]) => {
    const provider = new Provider(issuer, {
      clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
      jwks: { keys: [jwk as never] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      scopes: ['openid', 'email', 'profile', 'groups'],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx: unknown, sub: string) => {
        if (!accounts.has(sub)) return undefined;
        return { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) };
      },
      // The keys' own dev-only warnings stay out of test output.
      renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
        ctx.type = 'html';
        ctx.body = `<!doctype html><title>error</title><pre>${escapeHtml(JSON.stringify(out))}</pre>`;
      },
    } as never);
    const callback = provider.callback();

    /** Signs `sub` in and gives consent to what the client asked for. */
    const finish = async (req: http.IncomingMessage, res: http.ServerResponse, sub: string) => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    };

    handler = (req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      const m = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      if (!m) return callback(req, res);
      (async () => {
        if (req.method === 'GET' && state.autoLogin !== undefined) return finish(req, res, state.autoLogin);
        if (req.method === 'GET') {
          await provider.interactionDetails(req, res);
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head><body><main><h1>Test provider</h1>` +
              `<form method="post" action="/interaction/${m[1]}"><label>Username <input name="login" autocomplete="username"></label> <button type="submit">Continue</button></form></main></body></html>`,
          );
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const login = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('login') ?? '';
        if (!accounts.has(login)) {
          res.statusCode = 400;
          res.end('unknown account');
          return;
        }
        await finish(req, res, login);
      })().catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    };
  };
  if (options.redirectUris) install(options.redirectUris);
  return state;
}
