import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deploymentStatuses, deploymentTargetTypes } from '../../domain/deployment.js';
import type { DeploymentService, DeploymentView, TargetView } from '../../services/deployment-service.js';
import { roleInProject } from '../../services/principal.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { MultiLineText, Text } from '../text-schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const DateOrNull = Nullable(DateTime);
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const TargetParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), targetId: Id });
const DeploymentParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), deploymentId: Id });

/**
 * A local target's config. Paths and hooks are checked by the service, so each refusal gets its
 * own code; no schema defaults, so that an update's absent fields keep their stored values.
 */
const localConfigFields = {
  directory: Text({ minLength: 1, maxLength: 1024, description: "relative to the server's CERTKEEPER_DEPLOY_ROOT; may not leave it (no absolute path, no `..`, no symbolic link out of the root)" }),
  reloadHook: Type.Optional(Nullable(Text({ maxLength: 255, description: "the file name of an executable in the server's CERTKEEPER_DEPLOY_HOOK_DIR, run once after each batch" }))),
  reloadTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: 'the hook is killed, with everything it started, after this; default 60' })),
  owner: Type.Optional(Nullable(Type.Union([Text({ minLength: 1, maxLength: 32 }), Type.Integer({ minimum: 0 })], { description: 'user name or uid that owns the files' }))),
  group: Type.Optional(Nullable(Type.Union([Text({ minLength: 1, maxLength: 32 }), Type.Integer({ minimum: 0 })], { description: 'group name or gid of the files' }))),
  pkcs12: Type.Optional(Type.Boolean({ description: 'also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false' })),
  pkcs12Password: Type.Optional(Text({ minLength: 1, maxLength: 128, description: 'stored encrypted, never returned; on update, absent keeps the stored one' })),
};
const LocalConfig = Type.Object(localConfigFields, { additionalProperties: false, title: 'LocalTargetConfig' });
const LocalConfigUpdate = Type.Object({ ...localConfigFields, directory: Type.Optional(localConfigFields.directory) }, { additionalProperties: false });

/**
 * An ssh target's config. Secrets (privateKey, passphrase, password, pkcs12Password) are sealed
 * and never returned; on update, an absent one keeps its stored value and null removes it.
 * Values are checked by the service (host key pin, key format, outbound policy) for their codes.
 */
const secretNote = 'stored encrypted, never returned; on update, absent keeps the stored one and null removes it';
const secretText = (maxLength: number, description: string) => Type.Optional(Nullable(Text({ minLength: 1, maxLength, description: `${description}; ${secretNote}` })));
const sshConfigFields = {
  host: Text({ minLength: 1, maxLength: 253, description: 'the SSH server: a host name or an IP address; the outbound address policy applies (CERTKEEPER_OUTBOUND_ALLOW / _DENY)' }),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: 'default 22' })),
  username: Text({ minLength: 1, maxLength: 64, description: 'the login' }),
  // Required, but checked by the service: its refusal (ssh_host_key_invalid) says how to get the fingerprint.
  hostKeySha256: Type.Optional(Text({ minLength: 1, maxLength: 60, description: 'required: the pinned host key: its OpenSSH SHA256 fingerprint (`ssh-keyscan HOST | ssh-keygen -lf -`), e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s; another key refuses the connection before authenticating' })),
  privateKey: Type.Optional(Nullable(MultiLineText({ minLength: 1, maxLength: 16384, description: `the client key, OpenSSH or PEM format; ${secretNote}` }))),
  passphrase: secretText(1024, "the client key's passphrase when it is encrypted"),
  password: secretText(1024, 'the login password (when no key, or as a second method)'),
  directory: Text({ minLength: 1, maxLength: 1024, description: "where the deployments' folders go: an absolute path on the host, or relative to the login's home directory; no `..`" }),
  reloadCommand: Type.Optional(Nullable(MultiLineText({ maxLength: 4096, description: "run by the login's shell after each batch; one JSON line per certificate written on its stdin" }))),
  reloadTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: 'the reload command is given up (KILL asked, channel closed) after this; default 60' })),
  connectTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: 'connection, key exchange and authentication must be done within this; default 15' })),
  operationTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: 'each SFTP request must be answered within this; default 30' })),
  pkcs12: Type.Optional(Type.Boolean({ description: 'also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false' })),
  pkcs12Password: secretText(128, "the PKCS#12 file's password"),
};
const SshConfig = Type.Object(sshConfigFields, { additionalProperties: false, title: 'SshTargetConfig' });
const SshConfigUpdate = Type.Object(
  { ...sshConfigFields, host: Type.Optional(sshConfigFields.host), username: Type.Optional(sshConfigFields.username), directory: Type.Optional(sshConfigFields.directory) },
  { additionalProperties: false },
);
/** The codes a target's config is refused with (docs/errors.md has each one's meaning). */
const targetRefusals =
  'Refusals of the config (400): `deployment_config_invalid`, `deployment_target_type_unknown`, `deployment_path_invalid`, `deployment_hook_invalid` (local), ' +
  '`ssh_host_forbidden`, `ssh_host_key_invalid`, `ssh_private_key_invalid`, `ssh_credentials_missing` (ssh), `validation_failed` (the body\'s shape); ' +
  '409: `deploy_root_not_configured`, `deploy_hooks_not_configured` (local), `deployment_target_already_exists`.';
/** An agent target has no config: where its files go and how its server reloads are the agent's options on its host. */
const AgentConfig = Type.Object({}, { additionalProperties: false, description: 'agent: no fields', title: 'AgentTargetConfig' });
const TargetType = Type.Union(deploymentTargetTypes.map((t) => Type.Literal(t)), {
  description: 'local: files on the server itself; ssh: files on another host over SFTP; agent: `certkeeper agent` on the host fetches them with the deployment key the creation answers',
});

const CreateTargetBody = Type.Object(
  { name: Text({ minLength: 1, maxLength: 100 }), type: TargetType, config: Type.Optional(Type.Union([LocalConfig, SshConfig, AgentConfig], { description: "the type's config: required for local and ssh targets; empty or absent for agent targets" })) },
  { additionalProperties: false },
);
const UpdateTargetBody = Type.Object(
  { name: Type.Optional(Text({ minLength: 1, maxLength: 100 })), type: Type.Optional(TargetType), config: Type.Optional(Type.Union([LocalConfigUpdate, SshConfigUpdate], { description: "the type's config: absent fields keep their stored values" })) },
  { additionalProperties: false },
);

const TargetSchema = Type.Object({
  id: Type.Integer(),
  projectId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  type: Type.String(),
  config: Type.Record(Type.String(), Type.Unknown(), { description: 'what may be shown; never a secret' }),
  hasSecret: Type.Boolean({ description: 'a secret of the config is stored (see secretFields)' }),
  secretFields: Type.Array(Type.String(), { description: 'the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned' }),
  createdAt: DateTime,
  updatedAt: DateTime,
  agentKey: Type.Optional(Type.String({ description: "agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again" })),
});

const CreateDeploymentBody = Type.Object(
  {
    certificateId: Id,
    targetId: Id,
    name: Type.Optional(Text({ minLength: 1, maxLength: 255, description: "the folder under the target's directory; default the certificate's domain name (a wildcard's * as _)" })),
    endpointIds: Type.Optional(Type.Array(Id, { maxItems: 20, description: 'watched endpoints that must serve the deployed certificate for it to be verified' })),
  },
  { additionalProperties: false },
);

const DeploymentSchema = Type.Object({
  id: Type.Integer(),
  projectId: Type.String({ format: 'uuid' }),
  targetId: Type.Integer(),
  certificateId: Type.Integer(),
  name: Type.String(),
  endpointIds: Type.Array(Type.Integer()),
  status: Type.Union(deploymentStatuses.map((s) => Type.Literal(s))),
  fingerprintSha256: Nullable(Type.String({ description: 'SHA-256 of the certificate last written and reloaded' })),
  sslCertificateId: Nullable(Type.String({ description: 'the version (material id) last written' })),
  deployedAt: DateOrNull,
  currentFingerprintSha256: Nullable(Type.String({ description: "the certificate's current version; null before a managed certificate's first issuance" })),
  attempts: Type.Integer({ description: 'failed attempts at the current version' }),
  nextAttemptAt: DateOrNull,
  lastAttemptAt: DateOrNull,
  lastError: Nullable(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      hookStderr: Type.Optional(Type.String({ description: 'admins only: the last 4 KiB the reload hook or reload command wrote to stderr' })),
    }, {
      description:
        'why the last attempt failed: `deployment_write_failed`, `deployment_path_invalid`, `deploy_hook_failed`, `deployment_no_private_key`; for ssh targets also ' +
        '`ssh_host_key_mismatch`, `ssh_auth_failed`, `ssh_connect_failed`, `ssh_host_forbidden`, `ssh_reload_failed` (docs/errors.md)',
    }),
  ),
  verifiedAt: DateOrNull,
  verifyDeadline: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const DeletedDeploymentSchema = Type.Intersect([DeploymentSchema, Type.Object({ deleted: Type.Boolean(), filesRemoved: Type.Boolean(), note: Type.String() })]);

const iso = (d: Date | null) => d?.toISOString() ?? null;
const targetView = (t: TargetView) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

/** Deployment targets and deployments of a project. */
export async function deploymentRoutes(fastify: FastifyInstance, opts: { deployments: DeploymentService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deployments } = opts;
  const tags = ['deployments'];

  /** Project admins (and superusers) see a failed reload hook's stderr; viewers and editors do not. */
  const deploymentView = (request: FastifyRequest, d: DeploymentView) => {
    const p = principal(request);
    const admin = p.superuser || (request.project !== null && roleInProject(p, request.project) === 'admin');
    const lastError = d.lastError && !admin ? { code: d.lastError.code, message: d.lastError.message } : d.lastError;
    return {
      ...d,
      lastError,
      deployedAt: iso(d.deployedAt),
      nextAttemptAt: iso(d.nextAttemptAt),
      lastAttemptAt: iso(d.lastAttemptAt),
      verifiedAt: iso(d.verifiedAt),
      verifyDeadline: iso(d.verifyDeadline),
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  };

  app.post(
    '/projects/:projectId/deployment-targets',
    {
      schema: {
        operationId: 'createDeploymentTarget',
        summary: 'Add a deployment target (admin); secrets in its config are stored encrypted and never returned',
        description: targetRefusals,
        tags,
        params: ProjectParams,
        body: CreateTargetBody,
        response: { 200: envelopeSchema(TargetSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const target = await deployments.createTarget(principal(request), request.params.projectId, request.body as { name: string; type: string; config?: Record<string, unknown> });
      if (target.agentKey !== undefined) reply.header('cache-control', 'no-store');
      return ok(targetView(target));
    },
  );

  app.post(
    '/projects/:projectId/deployment-targets/:targetId/agent-key',
    {
      schema: {
        operationId: 'rotateDeploymentTargetAgentKey',
        summary: "A new deployment key for an agent target (admin), shown once; the target's earlier keys are revoked",
        tags,
        params: TargetParams,
        response: { 200: envelopeSchema(TargetSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ok(targetView(await deployments.rotateAgentKey(principal(request), request.params.projectId, request.params.targetId)));
    },
  );

  app.get(
    '/projects/:projectId/deployment-targets',
    { schema: { operationId: 'listDeploymentTargets', summary: "The project's deployment targets", tags, params: ProjectParams, response: { 200: envelopeSchema(Type.Array(TargetSchema)), ...errorResponses } } },
    async (request) => {
      const targets = await deployments.listTargets(principal(request), request.params.projectId);
      return paged(targets.map(targetView), targets.length, 1, Math.max(targets.length, 1));
    },
  );

  app.get(
    '/projects/:projectId/deployment-targets/:targetId',
    { schema: { operationId: 'getDeploymentTarget', summary: 'A deployment target', tags, params: TargetParams, response: { 200: envelopeSchema(TargetSchema), ...errorResponses } } },
    async (request) => ok(targetView(await deployments.getTarget(principal(request), request.params.projectId, request.params.targetId))),
  );

  app.put(
    '/projects/:projectId/deployment-targets/:targetId',
    {
      schema: {
        operationId: 'updateDeploymentTarget',
        summary: 'Change a deployment target (admin): absent fields are kept; a changed config deploys every deployment of the target again',
        description: targetRefusals,
        tags,
        params: TargetParams,
        body: UpdateTargetBody,
        response: { 200: envelopeSchema(TargetSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(targetView(await deployments.updateTarget(principal(request), request.params.projectId, request.params.targetId, request.body))),
  );

  app.delete(
    '/projects/:projectId/deployment-targets/:targetId',
    {
      schema: {
        operationId: 'deleteDeploymentTarget',
        summary: 'Delete a deployment target without deployments (admin); returns it as it was',
        tags,
        params: TargetParams,
        response: { 200: envelopeSchema(TargetSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(targetView(await deployments.deleteTarget(principal(request), request.params.projectId, request.params.targetId))),
  );

  app.post(
    '/projects/:projectId/deployments',
    {
      schema: {
        operationId: 'createDeployment',
        summary: "Bind a certificate to a target (admin) and deploy its current version now; every later version is deployed on its own",
        tags,
        params: ProjectParams,
        body: CreateDeploymentBody,
        response: { 200: envelopeSchema(DeploymentSchema), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(deploymentView(request, await deployments.createDeployment(principal(request), request.params.projectId, request.body))),
  );

  app.get(
    '/projects/:projectId/deployments',
    {
      schema: {
        operationId: 'listDeployments',
        summary: "The project's deployments with their status (paged, oldest first)",
        tags,
        params: ProjectParams,
        querystring: Type.Object({ ...PageQuery, targetId: Type.Optional(Id), certificateId: Type.Optional(Id) }),
        response: { 200: envelopeSchema(Type.Array(DeploymentSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20, targetId, certificateId } = request.query;
      const page = await deployments.listDeployments(principal(request), request.params.projectId, { pageIndex, pageSize }, { targetId, certificateId });
      return paged(page.items.map((d) => deploymentView(request, d)), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/deployments/:deploymentId',
    { schema: { operationId: 'getDeployment', summary: 'A deployment: status, the fingerprint deployed, attempts and the last error', tags, params: DeploymentParams, response: { 200: envelopeSchema(DeploymentSchema), ...errorResponses } } },
    async (request) => ok(deploymentView(request, await deployments.getDeployment(principal(request), request.params.projectId, request.params.deploymentId))),
  );

  app.post(
    '/projects/:projectId/deployments/:deploymentId/deploy',
    {
      schema: {
        operationId: 'deployDeployment',
        summary: 'Deploy the current version again now (editor) and answer the outcome',
        tags,
        params: DeploymentParams,
        response: { 200: envelopeSchema(DeploymentSchema), ...errorResponses },
      },
    },
    async (request) => ok(deploymentView(request, await deployments.deployNow(principal(request), request.params.projectId, request.params.deploymentId))),
  );

  app.delete(
    '/projects/:projectId/deployments/:deploymentId',
    {
      schema: {
        operationId: 'deleteDeployment',
        summary: 'Unbind (admin): later versions are not deployed; the files already written are left in place',
        tags,
        params: DeploymentParams,
        response: { 200: envelopeSchema(DeletedDeploymentSchema), ...errorResponses },
      },
    },
    async (request) => {
      const d = await deployments.deleteDeployment(principal(request), request.params.projectId, request.params.deploymentId);
      const note = `The files of deployment ${d.name} were left in place on the target; remove them there when nothing reads them any more.`;
      return ok({ ...deploymentView(request, d), deleted: true, filesRemoved: false, note }, [note]);
    },
  );
}
