/** Watched endpoints: what a server really serves, and what is wrong with it. Pure; time is passed in. */

/** What a probe speaks before the TLS handshake (`tls`: nothing). Same names as the probing engine's. */
export type EndpointProtocol = 'tls' | 'smtp' | 'imap' | 'ldap' | 'postgres';
export const endpointProtocols: readonly EndpointProtocol[] = ['tls', 'smtp', 'imap', 'ldap', 'postgres'];

/** The findings a probe can report; each has the audit event type `endpoint.<type>`. */
export type EndpointFindingType = 'expiring' | 'expired' | 'mismatch' | 'untrusted' | 'stale_deployment' | 'unreachable';
export const endpointFindingTypes: readonly EndpointFindingType[] = ['expiring', 'expired', 'mismatch', 'untrusted', 'stale_deployment', 'unreachable'];

export interface EndpointFinding {
  type: EndpointFindingType;
  message: string;
  /**
   * What identifies this occurrence: the same type with the same key on the next probe is the
   * same finding (no new event); a different key is a changed one (a new event).
   */
  key: string;
  /** Small JSON facts (fingerprints, codes, the newer certificate's id). */
  data: Record<string, unknown>;
}

/** The served leaf, as the last probe read it. */
export interface ServedLeaf {
  fingerprintSha256: string;
  subject: string;
  issuer: string;
  domainName: string;
  sans: string[];
  notBefore: Date;
  notAfter: Date;
}

/** The last probe of an endpoint, as stored. */
export interface EndpointProbe {
  probedAt: Date;
  /** Stable probe error code (connection_refused, timeout, starttls_refused, address_refused, …) and message, or null. */
  error: { code: string; step: string; message: string } | null;
  address: string | null;
  tlsVersion: string | null;
  cipher: string | null;
  /** SHA-256 fingerprints (lower-case hex, as the inventory stores them) of the chain as served, leaf first. */
  chainFingerprints: string[];
  chainTrusted: boolean | null;
  trustError: string | null;
  nameMatches: boolean | null;
  nameError: string | null;
  leaf: ServedLeaf | null;
  findings: EndpointFinding[];
}

export interface Endpoint {
  id: number;
  projectId: string;
  organizationId: string;
  host: string;
  port: number;
  /** SNI and the name checked; null = the host. */
  serverName: string | null;
  protocol: EndpointProtocol;
  createdAt: Date;
  /** The inventory certificate whose material the endpoint served last (by fingerprint), or null. */
  certificateId: number | null;
  lastProbe: EndpointProbe | null;
}

/** What the findings are computed from. */
export interface FindingInput {
  checkedName: string;
  error: { code: string; message: string } | null;
  leaf: ServedLeaf | null;
  chainTrusted: boolean | null;
  trustError: string | null;
  nameMatches: boolean | null;
  nameError: string | null;
  /** The inventory's newest certificate covering the name, when it is newer (later notBefore) than the served leaf. */
  newer: { id: number; fingerprintSha256: string; notBefore: Date } | null;
  /** The deployments that name the endpoint for verification and what they wrote last. */
  deployments?: readonly DeploymentExpectation[];
}

/** What a deployment wrote and reloaded, for an endpoint it names. */
export interface DeploymentExpectation {
  deploymentId: number;
  deploymentName: string;
  targetName: string;
  certificateId: number;
  fingerprintSha256: string;
  /** Its verification window is still open: the server may not have picked the files up yet. */
  windowOpen: boolean;
}

const DAY_MS = 86_400_000;
/** OpenSSL verify codes about dates: reported as expired (or not yet valid) rather than untrusted. */
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * The findings of one probe at `now`: unreachable (no certificate read), expired or expiring
 * within `expiringWithinDays`, name mismatch, chain incomplete or untrusted (date errors of the
 * leaf are the expiry findings, not this one), stale deployment (a deployment naming the
 * endpoint wrote another certificate and its verification window has closed; else, while no
 * such window is open, the inventory has a newer certificate for the name than the one served).
 */
export function endpointFindings(input: FindingInput, now: Date, expiringWithinDays = 30): EndpointFinding[] {
  const out: EndpointFinding[] = [];
  if (input.error || !input.leaf) {
    const code = input.error?.code ?? 'no_certificate';
    out.push({ type: 'unreachable', key: code, message: input.error?.message ?? 'no certificate was read', data: { code } });
    return out;
  }
  const leaf = input.leaf;
  const fp = leaf.fingerprintSha256;
  const msLeft = leaf.notAfter.getTime() - now.getTime();
  if (msLeft <= 0) {
    out.push({ type: 'expired', key: fp, message: `the served certificate expired at ${leaf.notAfter.toISOString()}`, data: { fingerprintSha256: fp, notAfter: leaf.notAfter.toISOString() } });
  } else if (msLeft <= expiringWithinDays * DAY_MS) {
    const days = Math.floor(msLeft / DAY_MS);
    out.push({ type: 'expiring', key: fp, message: `the served certificate expires in ${days} days (${leaf.notAfter.toISOString()})`, data: { fingerprintSha256: fp, notAfter: leaf.notAfter.toISOString(), daysLeft: days } });
  }
  if (input.nameMatches === false) {
    out.push({ type: 'mismatch', key: `${fp}|${input.checkedName}`, message: input.nameError ?? `the served certificate does not cover ${input.checkedName}`, data: { fingerprintSha256: fp, name: input.checkedName, sans: leaf.sans } });
  }
  if (input.chainTrusted === false && !(input.trustError !== null && DATE_ERRORS.has(input.trustError))) {
    const code = input.trustError ?? 'unknown';
    out.push({ type: 'untrusted', key: `${fp}|${code}`, message: `the served chain does not verify: ${code}`, data: { fingerprintSha256: fp, trustError: code } });
  }
  const deployments = input.deployments ?? [];
  const stale = deployments.find((d) => !d.windowOpen && d.fingerprintSha256 !== fp);
  if (stale) {
    out.push({
      type: 'stale_deployment',
      key: `${fp}|deployment:${stale.deploymentId}|${stale.fingerprintSha256}`,
      message: `deployment ${stale.deploymentName} (id ${stale.deploymentId}) to target ${stale.targetName} wrote certificate ${stale.certificateId} (${stale.fingerprintSha256.slice(0, 16)}…), but the endpoint still serves ${fp.slice(0, 16)}… issued ${leaf.notBefore.toISOString()}`,
      data: { fingerprintSha256: fp, deploymentId: stale.deploymentId, deploymentName: stale.deploymentName, targetName: stale.targetName, certificateId: stale.certificateId, deployedFingerprintSha256: stale.fingerprintSha256 },
    });
  } else if (!deployments.some((d) => d.windowOpen) && input.newer && input.newer.fingerprintSha256 !== fp && input.newer.notBefore.getTime() > leaf.notBefore.getTime()) {
    out.push({
      type: 'stale_deployment',
      key: `${fp}|${input.newer.fingerprintSha256}`,
      message: `the endpoint serves a certificate issued ${leaf.notBefore.toISOString()}; the inventory has a newer one (id ${input.newer.id}, issued ${input.newer.notBefore.toISOString()})`,
      data: { fingerprintSha256: fp, newerCertificateId: input.newer.id, newerFingerprintSha256: input.newer.fingerprintSha256 },
    });
  }
  return out;
}

/** The findings that are new or changed (type absent before, or another key) since `previous`. */
export function changedFindings(previous: readonly EndpointFinding[], current: readonly EndpointFinding[]): EndpointFinding[] {
  return current.filter((f) => !previous.some((p) => p.type === f.type && p.key === f.key));
}
