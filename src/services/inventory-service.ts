import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../domain/app-error.js';
import { checkHostName, connectableHost, coverCandidates } from '../domain/host-name.js';
import {
  certificateKinds,
  certificateSources,
  type CertificateKind,
  type CertificateRecord,
  type CertificateSource,
  type EffectiveStatus,
  type ScopeId,
} from '../domain/certificate.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { CertificateSort, MaterialRecord, NewCertificate } from '../ports/certificate-repository.js';
import type { PageResult } from '../ports/page.js';
import type { Store } from '../ports/store.js';
import type { Pkcs12Reader } from '../ports/pkcs12-reader.js';
import { isPkcs12Input, pkcs12Material, resolveImportMaterial, type Pkcs12ImportInput, type PemImportInput } from '../pki/resolve-import-material.js';
import type { ImportMaterial } from '../pki/parsed-certificate.js';
import { buildPkcs12 } from '../pki/build-pkcs12.js';
import { pkcs12IterationAllowances } from '../pki/pkcs12-iteration-budget.js';
import { toPem } from '../pki/pem.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { issuedFactsOf, materialOf } from './material-of-leaf.js';

export type ImportInput = (PemImportInput | Pkcs12ImportInput) & { scopeId?: number };

/** An import request as the API receives it: PEM/DER fields, or a base64 PKCS#12 file. */
export interface ImportRequest {
  certificateBody?: string;
  certificatePrivateKey?: string;
  certificateChain?: string;
  pkcs12?: string;
  password?: string;
  scopeId?: number;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** Checks the request's shape and turns it into importer input. */
export function toImportInput(b: ImportRequest): ImportInput {
  if ((b.certificateBody === undefined) === (b.pkcs12 === undefined)) {
    throw new AppError('validation_failed', 'give either certificateBody (PEM or base64 DER) or pkcs12 (base64), not both and not neither');
  }
  if (b.pkcs12 !== undefined) {
    if (!BASE64.test(b.pkcs12)) throw new AppError('pkcs12_invalid', 'pkcs12 must be the base64 of a PKCS#12 file');
    return { pkcs12: Buffer.from(b.pkcs12, 'base64'), password: b.password ?? '', scopeId: b.scopeId };
  }
  return { certificateBody: b.certificateBody!, certificatePrivateKey: b.certificatePrivateKey || undefined, certificateChain: b.certificateChain || undefined, scopeId: b.scopeId };
}

/** One item of a bulk import: a record (new or duplicate), or an error. */
export interface BatchImportOutcome {
  record?: CertificateRecord;
  duplicate: boolean;
  notes: string[];
  error?: AppError;
}

function duplicateNote(id: number): string {
  return `This certificate is already in the inventory as id ${id} (same SHA-256 fingerprint); nothing was imported.`;
}

export interface ImportOutcome {
  record: CertificateRecord;
  /** true when the same material was already in the project: nothing new was stored. */
  duplicate: boolean;
  notes: string[];
}

/** The list filters as the API receives them (strings, unvalidated). */
export interface ListCertificatesInput {
  pageIndex: number;
  pageSize: number;
  status?: EffectiveStatus;
  kind?: string;
  source?: string;
  expiringWithinDays?: number;
  /** notAfter in [expiringAfter, expiringBefore). */
  expiringAfter?: Date;
  expiringBefore?: Date;
  search?: string;
  covers?: string;
  sort?: string;
  order?: string;
}

export interface ExportedCertificate {
  format: 'pem' | 'pkcs12';
  certificate?: string;
  chain?: string;
  privateKey?: string;
  fullChain?: string;
  /** base64 of the PKCS#12 file */
  pkcs12?: string;
}

const sorts: Record<string, CertificateSort> = { notafter: 'notAfter', domainname: 'domainName', lastmodified: 'lastModified', id: 'id' };

/** The certificate inventory's use cases: import, read, change scope, delete, chain, export. */
export class InventoryService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    /** Reads the PKCS#12 files of imports off the event loop. */
    private readonly pkcs12: Pkcs12Reader,
  ) {}

  async importCertificate(principal: Principal, projectId: string, request: ImportRequest): Promise<ImportOutcome> {
    // Authorize before looking at the body: a caller without access learns nothing from it.
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const [outcome] = await this.importMany(project, [() => toImportInput(request)], actorOf(principal));
    if (outcome.error) throw outcome.error;
    return outcome as ImportOutcome;
  }

  /**
   * Imports many certificates in one transaction (bulk import). Each item succeeds, is a
   * duplicate, or fails with its own error; the failures do not stop the others.
   */
  async importBatch(principal: Principal, projectId: string, requests: ImportRequest[]): Promise<BatchImportOutcome[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    return this.importMany(project, requests.map((r) => () => toImportInput(r)), actorOf(principal));
  }

  /**
   * Imports a leaf a watched endpoint served into the project as `source: "discovered"`,
   * without a key, with the `certificate.discovered` event; for the probing service, which has
   * authorized the caller (or is the scheduler). A leaf already visible to the project comes
   * back as a duplicate. The served chain is stored when it links to the leaf; a chain that does
   * not (padded, unrelated, wrong order beyond repair) is left out rather than failing the import.
   */
  async importDiscovered(project: Project, leafPem: string, chainPem: string, actor: string): Promise<ImportOutcome> {
    const [outcome] = await this.importDiscoveredMany(project, [{ leafPem, chainPem }], actor);
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  /** importDiscovered for many served leaves at once (a probe pass): one transaction, each item its outcome or its error. */
  async importDiscoveredMany(project: Project, items: ReadonlyArray<{ leafPem: string; chainPem: string }>, actor: string): Promise<Array<ImportOutcome | AppError>> {
    const outcomes = await this.importMany(project, items.map((it) => () => ({ certificateBody: it.leafPem, certificateChain: it.chainPem || undefined })), actor, 'discovered');
    const retry = outcomes.flatMap((o, i) => (o.error?.code === 'chain_invalid' ? [i] : []));
    if (retry.length > 0) {
      const again = await this.importMany(project, retry.map((i) => () => ({ certificateBody: items[i]!.leafPem })), actor, 'discovered');
      retry.forEach((i, k) => (outcomes[i] = again[k]!));
    }
    return outcomes.map((o) => o.error ?? (o as ImportOutcome));
  }

  /**
   * The checked material of one import request, read as an import reads it; stores nothing.
   * The caller has authorized the request.
   */
  async resolveImport(request: ImportRequest): Promise<ImportMaterial> {
    const [material] = await this.resolveAll([toImportInput(request)]);
    if (material instanceof AppError) throw material;
    return material;
  }

  /**
   * Each input's material or the AppError it failed with. PKCS#12 files are read by the reader,
   * concurrently, each within its share of the request's iteration budget; files declaring more
   * than the budget in all fail the whole request before any is read.
   */
  private async resolveAll(inputs: ImportInput[]): Promise<Array<ImportMaterial | AppError>> {
    const files = inputs.filter(isPkcs12Input);
    const allowances = new Map(pkcs12IterationAllowances(files.map((f) => ({ data: f.pkcs12, password: f.password }))).map((a, k) => [files[k], a]));
    return Promise.all(
      inputs.map(async (input) => {
        try {
          if (!isPkcs12Input(input)) return resolveImportMaterial(input);
          return pkcs12Material(await this.pkcs12.read(input.pkcs12, input.password, { maxIterations: allowances.get(input) }));
        } catch (err) {
          if (!isAppError(err)) throw err;
          return err;
        }
      }),
    );
  }

  private async importMany(project: Project, inputs: Array<() => ImportInput>, actor: string, source: CertificateSource = 'imported'): Promise<BatchImportOutcome[]> {
    const outcomes: BatchImportOutcome[] = inputs.map(() => ({ record: undefined, duplicate: false, notes: [] }));
    const accepted: Array<{ index: number; scopeId: ScopeId; input: ImportInput }> = [];
    inputs.forEach((input, index) => {
      try {
        const i = input();
        accepted.push({ index, scopeId: parseScope(i.scopeId ?? 0), input: i });
      } catch (err) {
        if (!isAppError(err)) throw err;
        outcomes[index].error = err;
      }
    });
    const resolved: Array<{ index: number; scopeId: ScopeId; material: ImportMaterial }> = [];
    (await this.resolveAll(accepted.map((a) => a.input))).forEach((material, k) => {
      const { index, scopeId } = accepted[k];
      if (material instanceof AppError) outcomes[index].error = material;
      else resolved.push({ index, scopeId, material });
    });
    const now = this.clock.now();
    // Within the batch, the first copy of a material is imported and later copies point to it.
    const candidates: Array<{ index: number; cert: NewCertificate; material: MaterialRecord }> = [];
    const firstInBatch = new Map<string, number>();
    const sameAs = new Map<number, number>();
    for (const { index, scopeId, material } of resolved) {
      const { leaf } = material;
      const earlier = firstInBatch.get(leaf.fingerprintSha256);
      if (earlier !== undefined) {
        sameAs.set(index, earlier);
        continue;
      }
      firstInBatch.set(leaf.fingerprintSha256, index);
      const materialId = randomUUID();
      const sealed = material.privateKey ? this.box.seal(material.privateKey.pkcs8Der, materialId) : null;
      outcomes[index].notes = material.notes;
      candidates.push({
        index,
        cert: {
          projectId: project.id,
          organizationId: project.organizationId,
          scopeId,
          source,
          status: 'issued',
          ...issuedFactsOf(leaf, materialId, sealed !== null),
          createdAt: now,
          lastModified: now,
        },
        material: materialOf(leaf, materialId, 0, material.chain.map((c) => c.pem).join(''), sealed, now),
      });
    }
    if (candidates.length > 0) {
      // Lock, then check: the duplicate check and the insert happen under one lock, so two
      // concurrent imports of the same material store it once.
      await this.store.transaction(async (tx) => {
        await tx.certificates.lockForImport(project.id);
        const existing = await tx.certificates.findVisibleByFingerprints(project.id, project.organizationId, candidates.map((c) => c.cert.fingerprintSha256));
        const fresh = candidates.filter((c) => {
          const known = existing.get(c.cert.fingerprintSha256);
          if (known) outcomes[c.index] = { record: known, duplicate: true, notes: [duplicateNote(known.id)] };
          return !known;
        });
        if (fresh.length === 0) return;
        const records = await tx.certificates.insertMany(fresh);
        await tx.events.appendMany(
          records.map((rec) => certEvent(actor, project, source === 'discovered' ? 'certificate.discovered' : 'certificate.imported', rec, now, { domainName: rec.domainName, kind: rec.kind, hasPrivateKey: rec.hasPrivateKey })),
        );
        fresh.forEach((f, i) => (outcomes[f.index].record = records[i]));
      });
    }
    for (const [index, earlier] of sameAs) {
      const record = outcomes[earlier].record!;
      outcomes[index] = { record, duplicate: true, notes: [duplicateNote(record.id)] };
    }
    return outcomes;
  }

  async list(principal: Principal, projectId: string, input: ListCertificatesInput): Promise<PageResult<CertificateRecord>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    if (input.kind !== undefined && !certificateKinds.includes(input.kind as CertificateKind)) throw invalid(`kind must be one of ${certificateKinds.join(', ')}`);
    if (input.source !== undefined && !certificateSources.includes(input.source as CertificateSource)) throw invalid(`source must be one of ${certificateSources.join(', ')}`);
    // sort=notAfter&order=desc, or the direction in sort itself: "-notAfter", "notAfter:desc", "notAfter desc".
    const sortMatch = /^(-?)([a-z]+)(?:[: ](asc|desc))?$/i.exec((input.sort ?? 'id').trim());
    const sort = sortMatch ? sorts[sortMatch[2].toLowerCase()] : undefined;
    if (!sortMatch || !sort) throw invalid('sort must be one of notAfter, domainName, lastModified, id (optionally -notAfter or notAfter:desc)');
    const order = (input.order ?? sortMatch[3] ?? (sortMatch[1] === '-' ? 'desc' : input.sort ? 'asc' : 'desc')).toLowerCase();
    if (order !== 'asc' && order !== 'desc') throw invalid('order must be asc or desc');
    let coversNames: string[] | undefined;
    if (input.covers !== undefined) {
      const checked = checkHostName(input.covers, connectableHost);
      if (checked.problem !== undefined) throw invalid(`covers "${input.covers.slice(0, 260)}" ${checked.problem}; give a host name or an IP address`);
      coversNames = coverCandidates(checked.name);
    }
    return this.store.certificates.list({
      projectId: project.id,
      organizationId: project.organizationId,
      pageIndex: input.pageIndex,
      pageSize: input.pageSize,
      status: input.status,
      kind: input.kind as CertificateKind | undefined,
      source: input.source as CertificateSource | undefined,
      expiringWithinDays: input.expiringWithinDays,
      expiringAfter: input.expiringAfter,
      expiringBefore: input.expiringBefore,
      search: input.search?.trim().toLowerCase() || undefined,
      coversNames,
      sort,
      descending: order === 'desc',
      now: this.clock.now(),
    });
  }

  async get(principal: Principal, projectId: string, id: number): Promise<CertificateRecord> {
    return this.getNow(principal, projectId, id);
  }

  /**
   * As `get`, but without a promise when the access caches and the store answer at once (SQLite):
   * a GET by id then runs start to end in one go, with no promise and no microtask turn.
   */
  getNow(principal: Principal, projectId: string, id: number): CertificateRecord | Promise<CertificateRecord> {
    const project = this.access.authorizeProjectNow(principal, projectId, 'viewer');
    if (project instanceof Promise) return project.then((p) => this.visible(p, id));
    const rec = this.store.certificates.findVisibleNow(project.id, project.organizationId, id);
    if (rec instanceof Promise) return rec.then((r) => found(r, id));
    return found(rec, id);
  }

  async updateScope(principal: Principal, projectId: string, id: number, scopeIdInput: number): Promise<CertificateRecord> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const scopeId = parseScope(scopeIdInput);
    const current = await this.visible(project, id);
    this.access.requireOwningProject(project, current, 'change the scope of');
    if (current.scopeId === scopeId) return current;
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const rec = await tx.certificates.updateScope(id, scopeId, now);
      if (!rec) throw notFound(id);
      await tx.events.append(certEvent(actorOf(principal), project, 'certificate.updated', rec, now, { scopeId: { from: current.scopeId, to: scopeId } }));
      return rec;
    });
  }

  async delete(principal: Principal, projectId: string, id: number): Promise<CertificateRecord> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const current = await this.visible(project, id);
    this.access.requireOwningProject(project, current, 'delete');
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.certificates.delete(id);
      await tx.events.append(certEvent(actorOf(principal), project, 'certificate.deleted', current, now, { domainName: current.domainName, fingerprintSha256: current.fingerprintSha256 }));
    });
    return current;
  }

  /** The leaf and its chain as PEM (public material only). */
  async chainPem(principal: Principal, projectId: string, id: number): Promise<string> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const rec = await this.visible(project, id);
    const material = await this.currentMaterial(rec);
    return toPem(material.certificateDer, 'CERTIFICATE') + material.chainPem;
  }

  /** The slot and its material history, newest first. */
  async versions(principal: Principal, projectId: string, id: number): Promise<{ record: CertificateRecord; materials: MaterialRecord[] }> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const record = await this.visible(project, id);
    const list = await this.store.certificates.listMaterials(record.id);
    return { record, materials: [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()) };
  }

  /**
   * The certificate with its private key: admin only, through the certificate's own project (a
   * project it is shared with cannot export it), and recorded in that project's audit log.
   */
  async export(principal: Principal, projectId: string, id: number, format: 'pem' | 'pkcs12', password?: string): Promise<ExportedCertificate> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const rec = await this.visible(project, id);
    this.access.requireOwningProject(project, rec, 'export');
    const material = await this.currentMaterial(rec);
    if (!material.encryptedKey) throw new AppError('export_no_private_key', `certificate ${id} has no private key to export (it was imported without one)`);
    const pkcs8Der = this.box.open(material.encryptedKey, material.id);
    const certificate = toPem(material.certificateDer, 'CERTIFICATE');
    let result: ExportedCertificate;
    if (format === 'pkcs12') {
      const chainDers = pemBlocks(material.chainPem);
      result = { format, pkcs12: buildPkcs12({ certificateDer: material.certificateDer, chainDers, pkcs8Der, password: password ?? '', friendlyName: rec.domainName }).toString('base64') };
    } else {
      result = { format, certificate, chain: material.chainPem, fullChain: certificate + material.chainPem, privateKey: toPem(pkcs8Der, 'PRIVATE KEY') };
    }
    const now = this.clock.now();
    await this.store.events.append(certEvent(actorOf(principal), project, 'certificate.exported', rec, now, { format }));
    return result;
  }

  private async visible(project: Project, id: number): Promise<CertificateRecord> {
    const rec = await this.store.certificates.findVisible(project.id, project.organizationId, id);
    if (!rec) throw notFound(id);
    return rec;
  }

  private async currentMaterial(rec: CertificateRecord): Promise<MaterialRecord> {
    const material = await this.store.certificates.getMaterial(rec.sslCertificateId);
    if (!material) throw notFound(rec.id);
    return material;
  }
}

function parseScope(value: number): ScopeId {
  if (value === 0 || value === 1) return value;
  throw new AppError('invalid_scope', `scopeId must be 0 (Project) or 1 (Organization), got ${value}`);
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message);
}

function found(rec: CertificateRecord | undefined, id: number): CertificateRecord {
  if (!rec) throw notFound(id);
  return rec;
}

function notFound(id: number): AppError {
  return new AppError('certificate_not_found', `certificate ${id} was not found`);
}

function pemBlocks(pem: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}

function certEvent(actor: string, project: Project, type: string, rec: CertificateRecord, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor, objectType: 'certificate', objectId: String(rec.id), data, createdAt: at };
}
