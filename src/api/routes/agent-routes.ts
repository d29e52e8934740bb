import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/app-error.js';
import { deploymentStatuses } from '../../domain/deployment.js';
import type { AgentLongPoll } from '../../services/agent-long-poll.js';
import type { AgentDeploymentView, DeploymentService } from '../../services/deployment-service.js';
import type { DeploymentKeyPrincipal } from '../../services/principal.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';
import { Text } from '../text-schemas.js';

/** The longest an agent's request may wait for a change. */
export const AGENT_MAX_WAIT_SECONDS = 60;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Fingerprint = Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256 of the certificate (hex)' });
const DeploymentParams = Type.Object({ deploymentId: Id });

const AgentDeploymentSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'the folder the agent writes into, under its --dir' }),
  certificateId: Type.Integer(),
  domainName: Type.String(),
  fingerprintSha256: Nullable(Type.String({ description: "the certificate's current version; null before a managed certificate's first issuance" })),
  sslCertificateId: Nullable(Type.String()),
  deployedFingerprintSha256: Nullable(Type.String({ description: 'the version the server last recorded as written' })),
  status: Type.Union(deploymentStatuses.map((s) => Type.Literal(s))),
  requested: Type.Boolean({ description: 'a deploy was asked for: write again even an unchanged version' }),
});

const ListSchema = Type.Object({ etag: Type.String({ description: 'also the ETag header: send it back in If-None-Match to wait for a change' }), items: Type.Array(AgentDeploymentSchema) });

const MaterialSchema = Type.Object({
  deploymentId: Type.Integer(),
  name: Type.String(),
  fingerprintSha256: Type.String(),
  certificatePem: Type.String(),
  chainPem: Type.String({ description: "the issuers, the leaf's issuer first; empty when none was stored" }),
  privateKeyPem: Type.String({ description: 'PKCS#8 PEM: written to privkey.pem with mode 0600' }),
});

const OutcomeBody = Type.Object(
  {
    fingerprintSha256: Fingerprint,
    ok: Type.Boolean(),
    error: Type.Optional(
      Type.Object(
        {
          code: Type.Optional(Type.Union([Type.Literal('deployment_write_failed'), Type.Literal('deploy_hook_failed'), Type.Literal('deployment_path_invalid')])),
          message: Type.Optional(Text({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const ETAG = /^"[A-Za-z0-9_-]{1,64}"$/;

/** The deployment key of the request, or deployment_key_required for any other caller. */
function deploymentKey(request: FastifyRequest): DeploymentKeyPrincipal {
  const p = principal(request);
  if (p.kind !== 'deployment_key') throw new AppError('deployment_key_required', "the agent routes take a deployment target's deployment key (made with an agent target), not an API key or a session");
  return p;
}

const view = (d: AgentDeploymentView) => d;

/**
 * The routes `certkeeper agent` calls with its deployment key, the only ones that key may call
 * (`config.deploymentKey`; api/auth.ts refuses it elsewhere), and which nothing else may call.
 */
export async function agentRoutes(fastify: FastifyInstance, opts: { deployments: DeploymentService; poll: AgentLongPoll }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deployments, poll } = opts;
  const tags = ['agent'];
  const config = { deploymentKey: true };
  // A closing server answers its waiting agents at once rather than holding its shutdown for them.
  app.addHook('preClose', async () => poll.close());
  // Before validation, as for a project the caller does not cover: anyone but a deployment key,
  // and a deployment key naming another target's deployment, learn nothing, not even whether the
  // rest of the request was valid.
  app.addHook('preValidation', async (request) => {
    const key = deploymentKey(request);
    const { deploymentId } = (request.params ?? {}) as { deploymentId?: unknown };
    if (typeof deploymentId === 'string' && /^[0-9]{1,10}$/.test(deploymentId)) await deployments.checkAgentDeployment(key, Number(deploymentId));
  });

  app.get(
    '/agent/deployments',
    {
      config,
      schema: {
        operationId: 'listAgentDeployments',
        summary: "The deployment key's target's deployments with their current versions; a long poll with If-None-Match and wait",
        description:
          'Answers at once when the listing differs from the ETag in If-None-Match (or none is sent). Otherwise waits up to `wait` seconds for a change (a new version, a deployment bound or asked for) and answers 304 with no body when none came.',
        tags,
        querystring: Type.Object({ wait: Type.Optional(Type.Integer({ minimum: 0, maximum: AGENT_MAX_WAIT_SECONDS, description: `seconds to wait for a change when If-None-Match is current (0 to ${AGENT_MAX_WAIT_SECONDS}, default 0)` })) }),
        response: { 200: envelopeSchema(ListSchema), 304: Type.Null({ description: 'nothing changed within `wait`' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = deploymentKey(request);
      const header = request.headers['if-none-match'];
      const known = typeof header === 'string' && ETAG.test(header.trim()) ? header.trim() : undefined;
      let listing = await deployments.agentDeployments(key);
      const waitMs = (request.query.wait ?? 0) * 1000;
      if (known !== undefined && listing.etag === known && waitMs > 0) {
        const gone = new AbortController();
        const onClose = () => gone.abort();
        // The response's close: the agent went away (or its connection did) while it waited.
        reply.raw.once('close', onClose);
        try {
          if (await poll.wait(key.targetId, known, waitMs, gone.signal)) listing = await deployments.agentDeployments(key);
        } finally {
          reply.raw.off('close', onClose);
        }
      }
      reply.header('cache-control', 'no-store');
      reply.header('etag', listing.etag);
      if (known !== undefined && listing.etag === known) return reply.code(304).send(null);
      return ok({ etag: listing.etag, items: listing.items.map(view) });
    },
  );

  app.get(
    '/agent/deployments/:deploymentId/certificate',
    {
      config,
      schema: {
        operationId: 'getAgentDeploymentCertificate',
        summary: "The current version of one of the key's deployments, with its private key (for privkey.pem)",
        tags,
        params: DeploymentParams,
        response: { 200: envelopeSchema(MaterialSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ok(await deployments.agentMaterial(deploymentKey(request), request.params.deploymentId));
    },
  );

  app.post(
    '/agent/deployments/:deploymentId/outcome',
    {
      config,
      schema: {
        operationId: 'reportAgentDeploymentOutcome',
        summary: 'Report what the agent did with a version: written and reloaded (deployed), or why not (failed)',
        tags,
        params: DeploymentParams,
        body: OutcomeBody,
        response: { 200: envelopeSchema(AgentDeploymentSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(view(await deployments.agentOutcome(deploymentKey(request), request.params.deploymentId, request.body))),
  );
}
