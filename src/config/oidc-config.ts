import { AppError } from '../domain/app-error.js';
import type { Role } from '../domain/role.js';

/** A role in a scope: one project, or every project of an organization (`projectId` null). */
export interface OidcGrant {
  organizationId: string;
  projectId: string | null;
  role: Role;
}

/** OpenID Connect sign-in, when CERTKEEPER_OIDC_ISSUER is set. */
export interface OidcConfig {
  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Undefined: a public client (PKCE only, no client authentication). Never logged. */
  clientSecret?: string;
  /** The callback URL registered at the provider (this server's `/api/v1/auth/oidc/callback`). */
  redirectUrl: string;
  /** Space-separated; always holds `openid`. */
  scopes: string;
  /** The claim (of the ID token, or else of the userinfo answer) whose values grant memberships. */
  rolesClaim?: string;
  /** Claim values (e.g. group names) and the grants each gives. */
  roleMap: Record<string, OidcGrant[]>;
  /** A grant every user signing in through the provider gets. */
  defaultGrant?: OidcGrant;
  /** Whether a person the provider vouches for but who has no account here gets one at sign-in. */
  createUsers: boolean;
}

type Get = (key: string) => string | undefined;

const ROLES: readonly string[] = ['viewer', 'editor', 'admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `<organizationId>[/<projectId>]` and a role, as the default grant and claim values name them;
 * undefined when malformed.
 */
export function grantOf(scope: string, role: string): OidcGrant | undefined {
  const [organizationId, projectId, ...rest] = scope.split('/');
  if (rest.length > 0 || !UUID.test(organizationId) || (projectId !== undefined && !UUID.test(projectId)) || !ROLES.includes(role)) return undefined;
  return { organizationId: organizationId.toLowerCase(), projectId: projectId?.toLowerCase() ?? null, role: role as Role };
}

/** A claim value that names its grant itself: `certkeeper:<organizationId>[/<projectId>]:<role>`; undefined otherwise. */
export function grantOfClaimValue(value: string): OidcGrant | undefined {
  const m = /^certkeeper:([^:]+):([a-z]+)$/.exec(value);
  return m ? grantOf(m[1], m[2]) : undefined;
}

/** Whether `url` may be plain http: only to this machine (a provider started for tests or development). */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname));
}

function urlOf(key: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('config_invalid', `${key} must be an https:// URL`);
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) throw new AppError('config_invalid', `${key} must be an https:// URL (http:// only to localhost or 127.0.0.1)`);
  if (url.username || url.password || url.hash) throw new AppError('config_invalid', `${key} must not carry credentials or a fragment`);
  return url;
}

function parseRoleMap(text: string | undefined): Record<string, OidcGrant[]> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AppError('config_invalid', `CERTKEEPER_OIDC_ROLE_MAP must be JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_ROLE_MAP must be a JSON object: {"<claim value>": {"organizationId", "projectId"?, "role"}, …}');
  const map: Record<string, OidcGrant[]> = Object.create(null);
  for (const [value, entry] of Object.entries(parsed)) {
    const list = Array.isArray(entry) ? entry : [entry];
    map[value] = list.map((g: unknown) => {
      const o = (typeof g === 'object' && g !== null ? g : {}) as Record<string, unknown>;
      const scope = typeof o.projectId === 'string' ? `${String(o.organizationId)}/${o.projectId}` : String(o.organizationId);
      const grant = o.projectId === undefined || o.projectId === null || typeof o.projectId === 'string' ? grantOf(scope, String(o.role)) : undefined;
      if (!grant) throw new AppError('config_invalid', `CERTKEEPER_OIDC_ROLE_MAP["${value}"]: each grant is {"organizationId": <uuid>, "projectId"?: <uuid>, "role": "viewer"|"editor"|"admin"}`);
      return grant;
    });
  }
  return map;
}

/** The keys of OpenID Connect sign-in, for `configKeys`. */
export const oidcConfigKeys = [
  'CERTKEEPER_OIDC_ISSUER',
  'CERTKEEPER_OIDC_CLIENT_ID',
  'CERTKEEPER_OIDC_CLIENT_SECRET',
  'CERTKEEPER_OIDC_REDIRECT_URL',
  'CERTKEEPER_OIDC_SCOPES',
  'CERTKEEPER_OIDC_ROLES_CLAIM',
  'CERTKEEPER_OIDC_ROLE_MAP',
  'CERTKEEPER_OIDC_DEFAULT_ROLE',
  'CERTKEEPER_OIDC_DEFAULT_ORGANIZATION',
  'CERTKEEPER_OIDC_CREATE_USERS',
] as const;

/** OpenID Connect sign-in from the configuration; undefined when CERTKEEPER_OIDC_ISSUER is not set (and then no other OIDC key may be). */
export function loadOidcConfig(get: Get): OidcConfig | undefined {
  const issuerText = get('CERTKEEPER_OIDC_ISSUER');
  if (issuerText === undefined) {
    const stray = oidcConfigKeys.find((k) => get(k) !== undefined);
    if (stray) throw new AppError('config_invalid', `${stray} needs CERTKEEPER_OIDC_ISSUER`);
    return undefined;
  }
  urlOf('CERTKEEPER_OIDC_ISSUER', issuerText);
  // Kept as written: the provider's discovery document must name exactly this issuer.
  const issuer = issuerText.trim();
  const clientId = get('CERTKEEPER_OIDC_CLIENT_ID');
  if (clientId === undefined) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_CLIENT_ID is required with CERTKEEPER_OIDC_ISSUER');
  const redirectText = get('CERTKEEPER_OIDC_REDIRECT_URL');
  if (redirectText === undefined) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_REDIRECT_URL (this server\'s https://…/api/v1/auth/oidc/callback as registered at the provider) is required with CERTKEEPER_OIDC_ISSUER');
  const redirectUrl = urlOf('CERTKEEPER_OIDC_REDIRECT_URL', redirectText);
  if (redirectUrl.search) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_REDIRECT_URL must not carry a query');
  const scopes = (get('CERTKEEPER_OIDC_SCOPES') ?? 'openid email profile').split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_SCOPES must include openid');
  if (scopes.some((s) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_SCOPES: a scope is printable ASCII without quotes or backslashes');
  const rolesClaim = get('CERTKEEPER_OIDC_ROLES_CLAIM');
  const roleMap = parseRoleMap(get('CERTKEEPER_OIDC_ROLE_MAP'));
  if (Object.keys(roleMap).length > 0 && rolesClaim === undefined) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_ROLE_MAP needs CERTKEEPER_OIDC_ROLES_CLAIM (the claim whose values it maps)');
  const defaultRole = get('CERTKEEPER_OIDC_DEFAULT_ROLE');
  const defaultScope = get('CERTKEEPER_OIDC_DEFAULT_ORGANIZATION');
  if ((defaultRole === undefined) !== (defaultScope === undefined)) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_DEFAULT_ROLE and CERTKEEPER_OIDC_DEFAULT_ORGANIZATION go together');
  const defaultGrant = defaultRole !== undefined && defaultScope !== undefined ? grantOf(defaultScope, defaultRole) : undefined;
  if (defaultRole !== undefined && !defaultGrant) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_DEFAULT_ORGANIZATION must be an organization id, or <organizationId>/<projectId>, and CERTKEEPER_OIDC_DEFAULT_ROLE viewer, editor or admin');
  const createRaw = get('CERTKEEPER_OIDC_CREATE_USERS') ?? 'true';
  if (!/^(1|true|yes|0|false|no)$/i.test(createRaw)) throw new AppError('config_invalid', 'CERTKEEPER_OIDC_CREATE_USERS must be true or false');
  return {
    issuer,
    clientId,
    clientSecret: get('CERTKEEPER_OIDC_CLIENT_SECRET'),
    redirectUrl: redirectUrl.href,
    scopes: scopes.join(' '),
    rolesClaim,
    roleMap,
    defaultGrant,
    createUsers: /^(1|true|yes)$/i.test(createRaw),
  };
}
