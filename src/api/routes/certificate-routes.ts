import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../../ports/clock.js';
import type { CertificateRecord } from '../../domain/certificate.js';
import type { InventoryService } from '../../services/inventory-service.js';
import type { AttemptOutcome, ManagedCertificateService } from '../../services/managed-certificate-service.js';
import { revocationReasons } from '../../services/managed-certificate-service.js';
import { roleInProject } from '../../services/principal.js';
import { httpStatusOf } from '../error-map.js';
import { principal } from '../auth.js';
import { certificateView, CertificateView, certificateViewJson, type CertificateViewOptions } from '../certificate-view.js';
import { statusFilterOf } from '../certificate-status-name.js';
import { envelopeSchema, errorResponses, JSON_CONTENT_TYPE, ok, okJson, paged, pagedJsonOfTexts, PageQuery } from '../envelope.js';
import { MultiLineText, Text } from '../text-schemas.js';
import { parseIsoDateTime } from '../iso-date-time.js';
import { AppError } from '../../domain/app-error.js';

const Params = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const IdParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const PEM_MAX = 512 * 1024;

const ImportBody = Type.Object(
  {
    certificateBody: Type.Optional(MultiLineText({ maxLength: PEM_MAX, description: 'PEM, or base64 of DER. Extra certificates after the first join the chain.' })),
    certificatePrivateKey: Type.Optional(MultiLineText({ maxLength: 64 * 1024, description: 'PEM (PKCS#8, PKCS#1, SEC1) or base64 DER; leave out to monitor only' })),
    certificateChain: Type.Optional(MultiLineText({ maxLength: PEM_MAX, description: 'issuer certificates, PEM; any order' })),
    pkcs12: Type.Optional(MultiLineText({ maxLength: PEM_MAX, description: 'base64 of a PKCS#12 (.p12/.pfx) file, modern or legacy encryption' })),
    password: Type.Optional(Text({ maxLength: 1024 })),
    scopeId: Type.Optional(Type.Integer({ description: '0 = Project (default), 1 = Organization' })),
  },
  { additionalProperties: false },
);

const BATCH_BODY_LIMIT = 32 * 1024 * 1024;

const BatchItemView = Type.Object({
  index: Type.Integer({ description: 'position of the item in the request' }),
  success: Type.Boolean(),
  duplicate: Type.Boolean({ description: 'the same material was already in the inventory; certificate is the existing record' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'the error code when success is false (docs/errors.md)' }),
  errors: Type.Array(Type.String()),
  messages: Type.Array(Type.String()),
  id: Type.Union([Type.Integer(), Type.Null()], { description: 'the certificate id (new or existing), null when the item failed' }),
  certificate: Type.Union([CertificateView, Type.Null()], { description: 'the certificate, unless brief=true' }),
});

const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Text({ maxLength: 40, description: 'Active, Expired, Revoked, Failed, PendingValidation, Validating' })),
  kind: Type.Optional(Text({ maxLength: 20, description: 'tls, apns, pass, client, ca, other' })),
  source: Type.Optional(Text({ maxLength: 20, description: 'imported, acme, discovered' })),
  expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500, description: 'notAfter between now and now + N days' })),
  expiringAfter: Type.Optional(Type.String({ format: 'date-time', description: 'notAfter at or after this instant (a window with expiringBefore, e.g. a week of the dashboard timeline)' })),
  expiringBefore: Type.Optional(Type.String({ format: 'date-time', description: 'notAfter before this instant' })),
  search: Type.Optional(Text({ maxLength: 253, description: 'substring of the domain name or a SAN' })),
  covers: Type.Optional(Text({ maxLength: 253, description: 'a host name: certificates valid for it (RFC 6125 wildcards)' })),
  sort: Type.Optional(Text({ maxLength: 20, description: 'notAfter, domainName, lastModified or id (default id, newest first); -notAfter or notAfter:desc sorts descending' })),
  order: Type.Optional(Text({ maxLength: 4, description: 'asc or desc' })),
});

/** A date-time query parameter as a Date; `validation_failed` for a time that does not exist (February 30). */
function instantOf(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = parseIsoDateTime(value);
  if (!at) throw new AppError('validation_failed', `${name} must be an ISO 8601 date-time with a time zone that exists (e.g. 2026-12-14T00:00:00Z)`);
  return at;
}

const ExportView = Type.Object({
  format: Type.String(),
  certificate: Type.Optional(Type.String()),
  chain: Type.Optional(Type.String()),
  fullChain: Type.Optional(Type.String()),
  privateKey: Type.Optional(Type.String()),
  pkcs12: Type.Optional(Type.String({ description: 'base64' })),
});

const VersionView = Type.Object({
  sslCertificateId: Type.String({ format: 'uuid' }),
  fingerprintSha256: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean(),
  hasPrivateKey: Type.Boolean(),
});

/**
 * The hot read routes (GET by id, list) send the envelope as JSON text they wrote: each view
 * by `certificateViewJson`, the text of `JSON.stringify` of the view, which is built in the
 * schema's key order with only schema keys, so the text is exactly what the response schema's
 * serializer writes (test/api/certificate-view-json.test.ts), written faster (a page:
 * `pagedJsonOfTexts`, the same bytes). A string or buffer payload with a JSON content type is
 * sent as is.
 */
function sendJsonText(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type(JSON_CONTENT_TYPE).send(json);
}

const CreateBody = Type.Object(
  {
    domainName: Text({ minLength: 1, maxLength: 253 }),
    additionalDomainNames: Type.Optional(Type.Array(Text({ maxLength: 253 }), { maxItems: 99 })),
    scopeId: Type.Optional(Type.Integer({ description: '0 = Project (default), 1 = Organization' })),
    challengeType: Type.Optional(Text({ maxLength: 20, description: 'dns-01 (default) or http-01' })),
    keyType: Type.Optional(Text({ maxLength: 20, description: 'ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096' })),
  },
  { additionalProperties: false },
);

const RevokeBody = Type.Object(
  { reason: Type.Optional(Text({ maxLength: 40, description: `RFC 5280 reason: ${Object.keys(revocationReasons).join(', ')} (default unspecified)` })) },
  { additionalProperties: false },
);

const FailedAttempt = Type.Object({
  success: Type.Boolean(),
  code: Type.String(),
  errors: Type.Array(Type.String()),
  messages: Type.Array(Type.String()),
  // Null when the request failed before any attempt (e.g. validation): the error handler's envelope.
  result: Type.Union([CertificateView, Type.Null()], { description: 'the certificate after the failed attempt' }),
  resultInfo: Type.Null(),
});

export async function certificateRoutes(fastify: FastifyInstance, opts: { inventory: InventoryService; clock: Clock; managed?: ManagedCertificateService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { inventory, clock, managed } = opts;
  const one = envelopeSchema(CertificateView);

  /** Project admins (and superusers) see a failed DNS hook's output in the view; viewers and editors do not. */
  const viewOptions = (request: FastifyRequest): CertificateViewOptions => {
    const p = principal(request);
    return { hookOutput: p.superuser || (request.project !== null && roleInProject(p, request.project) === 'admin') };
  };
  const sendCertificate = (request: FastifyRequest, reply: FastifyReply, rec: CertificateRecord): void => {
    sendJsonText(reply, okJson(certificateViewJson(rec, clock.now(), viewOptions(request))));
  };

  /** An attempt's answer: the record either way; a failure keeps its stable code and the CA's problem in errors. */
  const sendAttempt = (request: FastifyRequest, reply: FastifyReply, outcome: AttemptOutcome) => {
    const view = certificateView(outcome.record, clock.now(), viewOptions(request));
    if (!outcome.error) return sendJsonText(reply, JSON.stringify(ok(view, outcome.notes)));
    const problem = outcome.error.details?.problem as { type?: string; detail?: string } | undefined;
    const errors = problem?.type ? [`${problem.type}: ${problem.detail ?? ''}`.trim(), outcome.error.message] : [outcome.error.message];
    return reply
      .status(httpStatusOf[outcome.error.code])
      .type(JSON_CONTENT_TYPE)
      .send(JSON.stringify({ success: false, code: outcome.error.code, errors, messages: outcome.notes, result: view, resultInfo: null }));
  };

  if (managed) {
    app.post(
      '/projects/:projectId/certificates',
      {
        schema: {
          operationId: 'createCertificate',
          summary: 'Create a managed certificate: certkeeper orders it through ACME (answers at once with PendingValidation and, for dns-01, the TXT records to publish)',
          tags: ['certificates'],
          params: Params,
          body: CreateBody,
          // The order is placed before the answer: the CA's refusal (502) or absence (503) is this request's.
          response: { 200: one, ...errorResponses, 502: errorResponses[400], 503: errorResponses[400] },
        },
      },
      async (request, reply) => sendAttempt(request, reply, await managed.create(principal(request), request.params.projectId, request.body)),
    );
    app.put(
      '/projects/:projectId/certificates/:id/validate',
      {
        schema: {
          operationId: 'validateCertificate',
          summary: 'Validate: tell the CA the challenge records are in place, wait for validation, issue (Active) or fail (Failed, with the CA problem in errors)',
          tags: ['certificates'],
          params: IdParams,
          response: { 200: one, 400: FailedAttempt, 502: FailedAttempt, 503: FailedAttempt, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400] },
        },
      },
      async (request, reply) => sendAttempt(request, reply, await managed.validate(principal(request), request.params.projectId, request.params.id)),
    );
    app.post(
      '/projects/:projectId/certificates/:id/renew',
      {
        schema: {
          operationId: 'renewCertificate',
          summary: 'Renew a managed certificate now (same id, new sslCertificateId; the earlier material stays in versions)',
          tags: ['certificates'],
          params: IdParams,
          response: { 200: one, 400: FailedAttempt, 502: FailedAttempt, 503: FailedAttempt, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400] },
        },
      },
      async (request, reply) => sendAttempt(request, reply, await managed.renewNow(principal(request), request.params.projectId, request.params.id)),
    );
    app.post(
      '/projects/:projectId/certificates/:id/revoke',
      { schema: { operationId: 'revokeCertificate', summary: 'Revoke a managed certificate at the CA', tags: ['certificates'], params: IdParams, body: RevokeBody, response: { 200: one, ...errorResponses, 409: errorResponses[400], 502: errorResponses[400], 503: errorResponses[400] } } },
      async (request, reply) => {
        const rec = await managed.revoke(principal(request), request.params.projectId, request.params.id, request.body?.reason ?? 'unspecified');
        return sendJsonText(reply, JSON.stringify(ok(certificateView(rec, clock.now(), viewOptions(request)))));
      },
    );
  }

  app.get(
    '/projects/:projectId/certificates',
    {
      schema: {
        operationId: 'listCertificates',
        summary: 'List certificates (paged, filtered, sorted)',
        tags: ['certificates'],
        params: Params,
        querystring: ListQuery,
        response: { 200: envelopeSchema(Type.Array(CertificateView)), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = {
        ...request.query,
        status: statusFilterOf(request.query.status),
        expiringAfter: instantOf('expiringAfter', request.query.expiringAfter),
        expiringBefore: instantOf('expiringBefore', request.query.expiringBefore),
      };
      const pageIndex = q.pageIndex ?? 1;
      const pageSize = q.pageSize ?? 20;
      const page = await inventory.list(principal(request), request.params.projectId, { ...q, pageIndex, pageSize });
      const now = clock.now();
      const options = viewOptions(request);
      return sendJsonText(reply, pagedJsonOfTexts(page.items.map((r) => certificateViewJson(r, now, options)), page.totalCount, pageIndex, pageSize));
    },
  );

  app.get(
    '/projects/:projectId/certificates/:id',
    { schema: { operationId: 'getCertificate', summary: 'Get a certificate', tags: ['certificates'], params: IdParams, response: { 200: one, ...errorResponses } } },
    // Not async: on SQLite with the access caches warm, the whole request runs without a promise.
    (request, reply) => {
      const rec = inventory.getNow(principal(request), request.params.projectId, request.params.id);
      if (rec instanceof Promise) return rec.then((r) => sendCertificate(request, reply, r));
      sendCertificate(request, reply, rec);
    },
  );

  app.post(
    '/projects/:projectId/certificates/import',
    {
      schema: {
        operationId: 'importCertificate',
        summary: 'Import a certificate: PEM (or base64 DER) with optional key and chain, or a PKCS#12 file',
        tags: ['certificates'],
        params: Params,
        body: ImportBody,
        response: { 200: one, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const outcome = await inventory.importCertificate(principal(request), request.params.projectId, request.body);
      return ok(certificateView(outcome.record, clock.now(), viewOptions(request)), outcome.notes);
    },
  );

  app.post(
    '/projects/:projectId/certificates/import-batch',
    {
      // A batch of up to 500 PEM certificates with keys and chains needs more room than one import.
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        operationId: 'importCertificates',
        summary: 'Import up to 500 certificates in one request (bulk import): each item as in /import; failures do not stop the others',
        tags: ['certificates'],
        params: Params,
        querystring: Type.Object({
          brief: Type.Optional(Type.Boolean({ description: 'true: each item carries the certificate id only (certificate is null); cheaper for bulk tools' })),
        }),
        body: Type.Object({ items: Type.Array(ImportBody, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: envelopeSchema(Type.Array(BatchItemView)), ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const outcomes = await inventory.importBatch(principal(request), request.params.projectId, request.body.items);
      const now = clock.now();
      const options = viewOptions(request);
      const brief = request.query.brief === true;
      const items = outcomes.map((o, index) =>
        o.error
          ? { index, success: false, duplicate: false, code: o.error.code, errors: [o.error.message], messages: [], id: null, certificate: null }
          : { index, success: true, duplicate: o.duplicate, code: null, errors: [], messages: o.notes, id: o.record!.id, certificate: brief ? null : certificateView(o.record!, now, options) },
      );
      const count = (f: (i: (typeof items)[number]) => boolean) => items.filter(f).length;
      const summary = `imported ${count((i) => i.success && !i.duplicate)}, duplicate ${count((i) => i.duplicate)}, failed ${count((i) => !i.success)}`;
      return paged(items, items.length, 1, Math.max(items.length, 1), [summary]);
    },
  );

  app.put(
    '/projects/:projectId/certificates/:id',
    {
      schema: {
        operationId: 'updateCertificateScope',
        summary: 'Change the scope of a certificate',
        tags: ['certificates'],
        params: IdParams,
        body: Type.Object({ scopeId: Type.Integer() }, { additionalProperties: false }),
        response: { 200: one, ...errorResponses },
      },
    },
    async (request) => ok(certificateView(await inventory.updateScope(principal(request), request.params.projectId, request.params.id, request.body.scopeId), clock.now(), viewOptions(request))),
  );

  app.delete(
    '/projects/:projectId/certificates/:id',
    { schema: { operationId: 'deleteCertificate', summary: 'Delete a certificate and its key material; returns the deleted record', tags: ['certificates'], params: IdParams, response: { 200: one, ...errorResponses } } },
    async (request) => ok(certificateView(await inventory.delete(principal(request), request.params.projectId, request.params.id), clock.now(), viewOptions(request))),
  );

  app.get(
    '/projects/:projectId/certificates/:id/chain',
    {
      schema: {
        operationId: 'getCertificateChain',
        summary: 'The certificate and its chain as PEM (public material only)',
        tags: ['certificates'],
        params: IdParams,
        produces: ['application/pem-certificate-chain'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const pem = await inventory.chainPem(principal(request), request.params.projectId, request.params.id);
      return reply.type('application/pem-certificate-chain').send(pem);
    },
  );

  app.get(
    '/projects/:projectId/certificates/:id/versions',
    { schema: { operationId: 'listCertificateVersions', summary: 'The material history of a certificate, newest first', tags: ['certificates'], params: IdParams, response: { 200: envelopeSchema(Type.Array(VersionView)), ...errorResponses } } },
    async (request) => {
      const { record: rec, materials } = await inventory.versions(principal(request), request.params.projectId, request.params.id);
      const items = materials.map((m) => ({
        sslCertificateId: m.id,
        fingerprintSha256: m.fingerprintSha256,
        notBefore: m.notBefore.toISOString(),
        notAfter: m.notAfter.toISOString(),
        createdAt: m.createdAt.toISOString(),
        current: m.id === rec.sslCertificateId,
        hasPrivateKey: m.encryptedKey !== null,
      }));
      return paged(items, items.length, 1, Math.max(items.length, 1));
    },
  );

  app.post(
    '/projects/:projectId/certificates/:id/export',
    {
      schema: {
        operationId: 'exportCertificate',
        summary: 'Export the certificate with its private key (admin only; recorded in events)',
        tags: ['certificates'],
        params: IdParams,
        body: Type.Object(
          { format: Type.Union([Type.Literal('pem'), Type.Literal('pkcs12')]), password: Type.Optional(Text({ maxLength: 1024 })) },
          { additionalProperties: false },
        ),
        response: { 200: envelopeSchema(ExportView), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => {
      const { format, password } = request.body;
      return ok(await inventory.export(principal(request), request.params.projectId, request.params.id, format, password));
    },
  );
}
