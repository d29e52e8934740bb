import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Clock } from '../../ports/clock.js';
import type { AccessKeyRecord } from '../../ports/access-key-repository.js';
import type { AccessKeyService } from '../../services/access-key-service.js';
import type { CheckCertificateService } from './check-certificate-service.js';
import { popErrorMapping, PopError, requestIdOf } from './pop-error.js';
import { installCompatErrors } from '../compat-errors.js';
import { checkSignatureParameters, MAX_TIMESTAMP_SKEW_MS, parsePopParameters, popSignatureMatches } from './pop-signature.js';

/** Nonces are kept this long past the end of their request's Timestamp window (clock differences between servers). */
const NONCE_SLACK_MS = 5 * 60_000;

const CertInfo = Type.Object({
  Status: Type.String({ description: 'OK, EXPIRED or REVOKED' }),
  ExipreTime: Type.Integer({ description: 'notAfter in Unix epoch milliseconds (Alibaba Cloud spells it ExipreTime)' }),
});
const CheckCertificateBody = Type.Object({
  RequestId: Type.String(),
  Android: Type.Boolean(),
  IOS: Type.Boolean(),
  ProductionCertInfo: Type.Optional(CertInfo),
  DevelopmentCertInfo: Type.Optional(CertInfo),
});

const checkCertificateOperations = [
  { method: 'GET', operationId: 'checkCertificate', where: 'in the query' },
  { method: 'POST', operationId: 'checkCertificateByForm', where: 'in an application/x-www-form-urlencoded body or the query' },
] as const;

/** The error body of every failure, for the OpenAPI document (sendPopError writes it). */
export const PopErrorBody = Type.Object({
  RequestId: Type.String(),
  HostId: Type.String(),
  Code: Type.String({ description: 'docs/compat-errors.md' }),
  Message: Type.String(),
});

/**
 * Checks a signed request (Alibaba Cloud RPC signature 1.0, see pop-signature.ts) and returns
 * its access key. In order: signature parameters present and well-formed, Timestamp within 15
 * minutes of the clock, the AccessKeyId known and not revoked, the signature right, the key's
 * organization not disabled (before the Action and AppKey are looked at, as the native API
 * refuses a disabled organization before validating a request), and the SignatureNonce not used
 * before by this key (recorded in the database, so a replay fails on every server). A nonce is
 * only spent by a request whose signature is right and whose organization is enabled.
 */
export async function authenticatePopRequest(method: string, params: ReadonlyMap<string, string>, accessKeys: AccessKeyService, clock: Clock): Promise<AccessKeyRecord> {
  const facts = checkSignatureParameters(params, clock.now());
  const found = await accessKeys.activeKeyWithSecret(facts.accessKeyId);
  if (!found) throw new PopError('InvalidAccessKeyId.NotFound');
  if (!popSignatureMatches(method, params, found.secret)) throw new PopError('SignatureDoesNotMatch');
  await accessKeys.refuseDisabledOrganization(found.key);
  const keepUntil = new Date(facts.timestamp.getTime() + MAX_TIMESTAMP_SKEW_MS + NONCE_SLACK_MS);
  if (!(await accessKeys.useNonce(found.key.accessKeyId, facts.nonce, keepUntil))) throw new PopError('SignatureNonceUsed');
  return found.key;
}

/** The request's parameters: the raw query string plus, for a POST, a form-encoded body. */
function parametersOf(request: FastifyRequest): Map<string, string> {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const params = parsePopParameters(q < 0 ? '' : url.slice(q + 1));
  if (request.method === 'POST' && typeof request.body === 'string') parsePopParameters(request.body, params);
  return params;
}

function appKeyOf(params: ReadonlyMap<string, string>): number {
  const raw = params.get('AppKey');
  if (raw === undefined || raw === '') throw new PopError('MissingAppKey');
  if (!/^[0-9]{1,15}$/.test(raw)) throw new PopError('InvalidParameter', 'The specified parameter AppKey is not valid: it must be an integer.');
  return Number(raw);
}

const certInfo = (s: { status: string; expireTime: Date } | undefined) => s && { Status: s.status, ExipreTime: s.expireTime.getTime() };

/**
 * Alibaba Cloud Mobile Push's `CheckCertificate` (see src/compat/alibaba-mpush/README.md), as
 * an RPC action at the root: `GET /?Action=…` with the parameters in the query, or `POST /`
 * with them in an `application/x-www-form-urlencoded` body (what `@alicloud/pop-core` sends)
 * or the query. A request without `Action` is not an API call and falls through to the
 * not-found handler (the browser UI may answer `/` later). An encapsulated plugin: its error
 * handler answers every failure as `{RequestId, HostId, Code, Message}`
 * (docs/compat-errors.md). Translation only: the use case is CheckCertificateService.
 */
export async function checkCertificateRoutes(
  fastify: FastifyInstance,
  opts: { accessKeys: AccessKeyService; checkCertificates: CheckCertificateService; clock: Clock },
): Promise<void> {
  const { accessKeys, checkCertificates, clock } = opts;

  // The body is kept as text and decoded by parsePopParameters: `+` is not a space here. It is
  // read only as a form: a body of any other type, JSON included, is refused (InvalidParameter).
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  installCompatErrors(fastify, popErrorMapping);

  // A route per method, so that each has an operation (and operationId) of its own in the OpenAPI document.
  for (const { method, operationId, where } of checkCertificateOperations) fastify.route({
    method,
    url: '/',
    schema: {
      operationId,
      summary: `CheckCertificate: the APNs certificates of an app (Action=CheckCertificate&AppKey=N ${where}, signed with an access key as the Alibaba Cloud SDKs sign)`,
      tags: ['compat-check-certificate'],
      // Authenticated by the signature among the parameters, not by a key header.
      security: [],
      response: { 200: CheckCertificateBody },
    },
    handler: async (request, reply) => {
      const params = parametersOf(request);
      if (!params.has('Action')) return reply.callNotFound();
      const key = await authenticatePopRequest(request.method, params, accessKeys, clock);
      if (params.get('Action') !== 'CheckCertificate') throw new PopError('InvalidAction.NotFound');
      const { app, environments } = await checkCertificates.checkCertificate(key, appKeyOf(params));
      reply.header('x-acs-request-id', requestIdOf(request));
      // The vendor's field order; an environment without a certificate is left out.
      return {
        RequestId: requestIdOf(request),
        Android: app.platforms.includes('android'),
        IOS: app.platforms.includes('ios'),
        ProductionCertInfo: certInfo(environments.production),
        DevelopmentCertInfo: certInfo(environments.development),
      };
    },
  });
}
