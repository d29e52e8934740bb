import type { AppleInfo, CertificateKind } from './certificate.js';

/**
 * Mobile apps and their APNs certificate bindings. Pure types and functions.
 */

/** The platforms an app is built for. */
export type AppPlatform = 'ios' | 'android';
/** The device family an APNs certificate is bound for. */
export type PushPlatform = 'iPhone' | 'iPad';
/** The APNs environment (gateway) a certificate serves. */
export type ApnsEnvironment = 'production' | 'development';

export const appPlatforms: readonly AppPlatform[] = ['ios', 'android'];
export const pushPlatforms: readonly PushPlatform[] = ['iPhone', 'iPad'];
export const apnsEnvironments: readonly ApnsEnvironment[] = ['production', 'development'];

/** A mobile app of a project. */
export interface App {
  /** UUID. */
  id: string;
  projectId: string;
  organizationId: string;
  /** The caller's own id (typically the iOS bundle id), unique in the organization. */
  appId: string;
  /** Integer unique in the deployment (8 digits), as Alibaba Cloud CheckCertificate's AppKey. */
  appKey: number;
  name: string;
  /** Non-empty, no duplicates, in `appPlatforms` order. */
  platforms: AppPlatform[];
  createdAt: Date;
}

/** One APNs certificate bound to an app for a device family and environment. */
export interface AppCertificateBinding {
  /** The app's UUID (`App.id`). */
  appUuid: string;
  platform: PushPlatform;
  environment: ApnsEnvironment;
  certificateId: number;
  boundAt: Date;
}

const APP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const APP_ID_MAX_LENGTH = 155;

/**
 * An app id as stored: trimmed; letters, digits, '.', '-' and '_' (what Apple allows in a
 * bundle id, plus '_' for ids of other platforms), starting with a letter or digit, at most
 * 155 characters. Undefined when the input is not such an id.
 */
export function normalizeAppId(input: string): string | undefined {
  const id = input.trim();
  if (id.length === 0 || id.length > APP_ID_MAX_LENGTH || !APP_ID.test(id)) return undefined;
  return id;
}

/** The platforms deduplicated in canonical order; undefined when empty or when one is unknown. */
export function normalizePlatforms(input: readonly string[]): AppPlatform[] | undefined {
  if (input.length === 0 || input.some((p) => !(appPlatforms as readonly string[]).includes(p))) return undefined;
  return appPlatforms.filter((p) => input.includes(p));
}

/** A random 8-digit app key (10000000–99999999); the store retries on a collision. */
export function randomAppKey(random: () => number = Math.random): number {
  return 10_000_000 + Math.floor(random() * 90_000_000);
}

/** The APNs topics a certificate may push to: its bundle id and, for universal certificates, the 6.3.6 topics. */
export function apnsTopicsOf(apple: AppleInfo | null): string[] {
  if (!apple) return [];
  return [...new Set([...(apple.bundleId ? [apple.bundleId] : []), ...(apple.topics ?? [])])];
}

/** Why a certificate cannot serve an app in an environment; each is a stable error code. */
export type BindingRefusal = 'app_certificate_not_apns' | 'app_certificate_wrong_environment' | 'app_certificate_topic_mismatch';

/**
 * Whether a certificate may be bound to the app for the environment: it must be an APNs
 * certificate (kind `apns`, from Apple's OIDs), carry that environment's OID (a universal
 * certificate carries both), and name the app's id as its bundle id (subject UID) or among its
 * topics (OID 1.2.840.113635.100.6.3.6). Bundle ids compare case-insensitively, as Apple
 * registers them. Returns the first refusal, or undefined when it may.
 */
export function apnsBindingRefusal(cert: { kind: CertificateKind; apple: AppleInfo | null }, appId: string, environment: ApnsEnvironment): BindingRefusal | undefined {
  if (cert.kind !== 'apns' || !cert.apple) return 'app_certificate_not_apns';
  if (!(cert.apple.environments ?? []).includes(environment)) return 'app_certificate_wrong_environment';
  const wanted = appId.toLowerCase();
  if (!apnsTopicsOf(cert.apple).some((t) => t.toLowerCase() === wanted)) return 'app_certificate_topic_mismatch';
  return undefined;
}
