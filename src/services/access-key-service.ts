import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { Role } from '../domain/role.js';
import type { AccessKeyRecord } from '../ports/access-key-repository.js';
import type { Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import { actorOf, callerNoun, roleAtLeast, roleInProject, type Principal } from './principal.js';
import { sealedSecretAad } from '../secrets/sealed-secret-aad.js';
import type { SecretBox } from '../secrets/secret-box.js';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Prune expired signature nonces on every this-many nonce uses (opportunistic: no scheduler). */
const PRUNE_EVERY = 256;

/** `length` characters of base62, uniformly (rejection sampling over random bytes). */
export function randomBase62(length: number, random: (n: number) => Buffer = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      // 248 = 4 × 62: bytes at or above it would bias the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A new access key id, shaped like Alibaba Cloud's: `LTAI` + 20 base62 characters. */
export function generateAccessKeyId(random?: (n: number) => Buffer): string {
  return `LTAI${randomBase62(20, random)}`;
}

/** A new access key secret: 30 base62 characters (≈178 bits), as long as Alibaba Cloud's. */
export function generateAccessKeySecret(random?: (n: number) => Buffer): string {
  return randomBase62(30, random);
}

const ACCESS_KEY_ID = /^LTAI[A-Za-z0-9]{20}$/;

/**
 * Access keys for signed requests (Alibaba Cloud CheckCertificate): a public `LTAI…` id and a
 * secret shown once, for one project and with a role, created, listed and revoked by the
 * project's admins (recorded in the audit log). The secret is sealed with the master key, not hashed:
 * verifying an HMAC signature needs it. Verification reads the key from the database on every
 * request (no cache), so a revocation holds at once on every server.
 */
export class AccessKeyService {
  private nonceUses = 0;

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  async createAccessKey(principal: Principal, projectId: string, name: string, role: Role): Promise<{ record: AccessKeyRecord; secret: string }> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const own = roleInProject(principal, project)!;
    if (!roleAtLeast(own, role)) throw new AppError('forbidden', `${callerNoun(principal)} (${own}) cannot create a ${role} access key`);
    const trimmed = name.trim();
    if (!trimmed) throw new AppError('validation_failed', 'name must not be empty');
    const now = this.clock.now();
    const record: AccessKeyRecord = { accessKeyId: generateAccessKeyId(), projectId: project.id, organizationId: project.organizationId, name: trimmed, role, createdAt: now, revokedAt: null };
    const secret = generateAccessKeySecret();
    const sealed = this.box.seal(Buffer.from(secret, 'utf8'), sealedSecretAad.accessKeySecret(record.accessKeyId));
    await this.store.transaction(async (tx) => {
      await tx.accessKeys.insert(record, sealed);
      await tx.events.append(keyEvent(principal, project, 'access_key.created', record.accessKeyId, now, { name: trimmed, role }));
    });
    return { record, secret };
  }

  async listAccessKeys(principal: Principal, projectId: string): Promise<AccessKeyRecord[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    return this.store.accessKeys.listForProject(project.id);
  }

  /** Revokes the key (idempotent: revoking again keeps the first time); returns it as revoked. */
  async revokeAccessKey(principal: Principal, projectId: string, accessKeyId: string): Promise<AccessKeyRecord> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const found = ACCESS_KEY_ID.test(accessKeyId) ? await this.store.accessKeys.find(accessKeyId) : undefined;
    if (!found || found.key.projectId !== project.id) throw new AppError('access_key_not_found', `access key ${accessKeyId.slice(0, 40)} was not found`);
    const key = found.key;
    const now = this.clock.now();
    if (!key.revokedAt) {
      await this.store.transaction(async (tx) => {
        await tx.accessKeys.revoke(key.accessKeyId, now);
        await tx.events.append(keyEvent(principal, project, 'access_key.revoked', key.accessKeyId, now, { name: key.name }));
      });
    }
    return { ...key, revokedAt: key.revokedAt ?? now };
  }

  /** For signature verification: the key and its secret; undefined when unknown or revoked. */
  async activeKeyWithSecret(accessKeyId: string): Promise<{ key: AccessKeyRecord; secret: string } | undefined> {
    if (!ACCESS_KEY_ID.test(accessKeyId)) return undefined;
    const found = await this.store.accessKeys.find(accessKeyId);
    if (!found || found.key.revokedAt) return undefined;
    const secret = this.box.open(found.sealedSecret, sealedSecretAad.accessKeySecret(accessKeyId)).toString('utf8');
    return { key: found.key, secret };
  }

  /**
   * Refuses a key, once its signature is verified, whose organization is disabled
   * (`organization_disabled`). Read on every request, like the key itself: disabling holds at
   * once on every server.
   */
  async refuseDisabledOrganization(key: AccessKeyRecord): Promise<void> {
    if ((await this.store.organizations.get(key.organizationId))?.disabledAt != null) {
      throw new AppError('organization_disabled', 'the organization of this access key is disabled');
    }
  }

  /**
   * Records a signature nonce of the key, kept until `keepUntil`; false when the key already
   * used it (a replay), on this server or any other of the same database.
   */
  async useNonce(accessKeyId: string, nonce: string, keepUntil: Date): Promise<boolean> {
    const now = this.clock.now();
    if (++this.nonceUses % PRUNE_EVERY === 0) await this.store.accessKeys.pruneNonces(now);
    return this.store.accessKeys.useNonce(accessKeyId, nonce, keepUntil, now);
  }
}

function keyEvent(principal: Principal, project: Project, type: string, accessKeyId: string, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor: actorOf(principal), objectType: 'access_key', objectId: accessKeyId, data, createdAt: at };
}
