import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/app-error.js';
import { apnsEnvironments, APP_ID_MAX_LENGTH, type ApnsEnvironment } from '../../domain/app.js';
import { MAX_PUSH_RESULTS, type PushCheckResult, type PushHealthService, type PushResultInput, type RecordedPushResult } from '../../services/push-health-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';
import { parseIsoDateTime } from '../iso-date-time.js';
import { Text } from '../text-schemas.js';

const AppParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), appId: Text({ minLength: 1, maxLength: APP_ID_MAX_LENGTH }) });
const Environment = Type.Union(apnsEnvironments.map((e) => Type.Literal(e)), { description: 'production or development' });

const PushResultItem = Type.Object(
  {
    environment: Environment,
    outcome: Type.Union([Type.Literal('delivered'), Type.Literal('rejected')]),
    apnsStatus: Type.Optional(Type.Integer({ minimum: 100, maximum: 599, description: 'the HTTP status APNs answered' })),
    apnsReason: Type.Optional(Text({ minLength: 1, maxLength: 100, description: "APNs' reason (BadCertificate, BadDeviceToken…)" })),
    tlsAlert: Type.Optional(Type.Integer({ minimum: 0, maximum: 255, description: 'the TLS alert the connection was refused with (42, 44, 45 are about the certificate)' })),
    certificateId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'only when iPhone and iPad have different certificates bound in the environment' })),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'when the push was made; default now; at most 5 minutes ahead' })),
  },
  { additionalProperties: false },
);

const RecordedView = Type.Object({
  index: Type.Integer(),
  environment: Type.String(),
  certificateId: Type.Integer(),
  outcome: Type.String(),
  effect: Type.String({ description: 'revoked, already_revoked, stale, delivered or none' }),
  reason: Type.Union([Type.String(), Type.Null()]),
  pushStatus: Type.Union([Type.String(), Type.Null()], { description: 'OK or REVOKED after this result; null = nothing known' }),
  at: Type.String({ format: 'date-time' }),
});

const CheckView = Type.Object({
  environment: Type.String(),
  certificateId: Type.Integer(),
  outcome: Type.String({ description: 'ok or revoked' }),
  detail: Type.String(),
  pushStatus: Type.Union([Type.String(), Type.Null()]),
  changed: Type.Boolean(),
  checkedAt: Type.String({ format: 'date-time' }),
});

const shown = (s: 'ok' | 'revoked' | null) => (s === null ? null : s === 'ok' ? 'OK' : 'REVOKED');
const recordedView = (r: RecordedPushResult) => ({
  index: r.index,
  environment: r.environment,
  certificateId: r.certificateId,
  outcome: r.outcome,
  effect: r.effect,
  reason: r.reason,
  pushStatus: shown(r.status),
  at: r.at.toISOString(),
});
const checkView = (r: PushCheckResult) => ({
  environment: r.environment,
  certificateId: r.certificateId,
  outcome: r.outcome,
  detail: r.detail,
  pushStatus: shown(r.status),
  changed: r.changed,
  checkedAt: r.checkedAt.toISOString(),
});

/**
 * Push health: push results reported by the customer's sender, and an active check
 * of the bound certificates against APNs. The binding list (`GET …/apps/{appId}/certificates`)
 * shows the verdicts.
 */
export async function pushRoutes(fastify: FastifyInstance, opts: { pushHealth: PushHealthService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { pushHealth } = opts;

  app.post(
    '/projects/:projectId/apps/:appId/push-results',
    {
      schema: {
        operationId: 'reportPushResults',
        summary: `Report push outcomes from your sender: one, or a batch {results: [...]} of up to ${MAX_PUSH_RESULTS}. A certificate-caused rejection (TLS alert 42/44/45, 403 BadCertificate/BadCertificateEnvironment) marks the certificate REVOKED in that environment`,
        tags: ['apps'],
        params: AppParams,
        body: Type.Union([PushResultItem, Type.Object({ results: Type.Array(PushResultItem, { minItems: 1, maxItems: MAX_PUSH_RESULTS }) }, { additionalProperties: false })]),
        response: { 200: envelopeSchema(Type.Array(RecordedView)), ...errorResponses, 409: errorResponses[400] },
      },
      // The union's own error ("must match a schema in anyOf") names nothing: the body is checked
      // again in the handler, item by item, for a message that names the field.
      attachValidation: true,
    },
    async (request) => {
      const invalid = request.validationError as (Error & { validationContext?: string }) | undefined;
      if (invalid && invalid.validationContext !== 'body') throw new AppError('validation_failed', invalid.message);
      const items: PushResultInput[] = parsePushResults(request.body);
      const recorded = await pushHealth.recordResults(principal(request), request.params.projectId, request.params.appId, items);
      return ok(recorded.map(recordedView));
    },
  );

  app.post(
    '/projects/:projectId/apps/:appId/push-check',
    {
      schema: {
        operationId: 'checkAppPush',
        summary: 'Check the certificates bound in an environment against APNs now (one push to a dummy device token); stores and returns the verdict',
        tags: ['apps'],
        params: AppParams,
        body: Type.Object({ environment: Environment }, { additionalProperties: false }),
        response: { 200: envelopeSchema(Type.Array(CheckView)), ...errorResponses, 409: errorResponses[400], 503: errorResponses[400] },
      },
    },
    async (request) => ok((await pushHealth.checkNow(principal(request), request.params.projectId, request.params.appId, request.body.environment)).map(checkView)),
  );
}

const ITEM_KEYS = new Set(['environment', 'outcome', 'apnsStatus', 'apnsReason', 'tlsAlert', 'certificateId', 'at']);

/**
 * The push results of a body: one outcome object, or `{results: [...]}` (1 to 500). Throws
 * `validation_failed` naming the first bad field (`results[3].tlsAlert must be an integer 0-255`).
 */
export function parsePushResults(body: unknown): PushResultInput[] {
  const fail = (message: string) => new AppError('validation_failed', message);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail('the body must be a push result object or {results: [...]}');
  const b = body as Record<string, unknown>;
  if ('results' in b) {
    if (Object.keys(b).length !== 1) throw fail(`a batch body has only "results"; found ${Object.keys(b).filter((k) => k !== 'results').map((k) => `"${k.slice(0, 40)}"`).join(', ')}`);
    if (!Array.isArray(b.results)) throw fail('results must be an array');
    if (b.results.length === 0) throw fail('results must not be empty');
    if (b.results.length > MAX_PUSH_RESULTS) throw fail(`results holds ${b.results.length} outcomes; at most ${MAX_PUSH_RESULTS} per request`);
    return b.results.map((item, i) => parseItem(item, `results[${i}]`, fail));
  }
  return [parseItem(b, 'body', fail)];
}

function parseItem(item: unknown, where: string, fail: (m: string) => AppError): PushResultInput {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw fail(`${where} must be an object`);
  const o = item as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !ITEM_KEYS.has(k));
  if (extra !== undefined) throw fail(`${where} has an unknown field "${extra.slice(0, 40)}"`);
  if (!(apnsEnvironments as readonly unknown[]).includes(o.environment)) throw fail(`${where}.environment must be production or development`);
  if (o.outcome !== 'delivered' && o.outcome !== 'rejected') throw fail(`${where}.outcome must be delivered or rejected`);
  const integer = (k: string, min: number, max: number): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw fail(`${where}.${k} must be an integer ${min}-${max}`);
    return v;
  };
  const apnsStatus = integer('apnsStatus', 100, 599);
  const tlsAlert = integer('tlsAlert', 0, 255);
  const certificateId = integer('certificateId', 1, 2147483647);
  let apnsReason: string | undefined;
  if (o.apnsReason !== undefined) {
    if (typeof o.apnsReason !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(o.apnsReason)) throw fail(`${where}.apnsReason must be APNs' reason string (letters and digits, e.g. BadDeviceToken)`);
    apnsReason = o.apnsReason;
  }
  let at: string | undefined;
  if (o.at !== undefined) {
    if (typeof o.at !== 'string' || parseIsoDateTime(o.at) === undefined) {
      throw fail(`${where}.at must be an ISO 8601 date-time with a time zone that exists (e.g. 2026-06-01T12:00:00Z; not February 30 or 24:00)`);
    }
    at = o.at;
  }
  return {
    environment: o.environment as ApnsEnvironment,
    outcome: o.outcome,
    ...(apnsStatus === undefined ? {} : { apnsStatus }),
    ...(apnsReason === undefined ? {} : { apnsReason }),
    ...(tlsAlert === undefined ? {} : { tlsAlert }),
    ...(certificateId === undefined ? {} : { certificateId }),
    ...(at === undefined ? {} : { at }),
  };
}
