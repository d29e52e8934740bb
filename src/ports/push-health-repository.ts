import type { ApnsEnvironment } from '../domain/app.js';
import type { PushCheckOutcome, PushHealthSource, PushHealthStatus } from '../domain/push-outcome.js';

/** Which certificate of which app and environment a push-health row is about. */
export interface PushHealthKey {
  appUuid: string;
  environment: ApnsEnvironment;
  certificateId: number;
}

/** The current verdict about a bound certificate, as other features (the CheckCertificate API) read it. */
export interface PushHealthVerdict {
  environment: ApnsEnvironment;
  certificateId: number;
  status: PushHealthStatus;
  /** e.g. `tls_alert_44_certificate_revoked`, `BadCertificate`, `BadDeviceToken` (a check that authenticated). */
  reason: string | null;
  /** When the outcome behind the verdict was observed. */
  at: Date;
}

/** A whole push-health row: the verdict (null status = none yet) and the last active check. */
export interface PushHealthRecord extends PushHealthKey {
  status: PushHealthStatus | null;
  reason: string | null;
  source: PushHealthSource | null;
  at: Date | null;
  checkedAt: Date | null;
  checkOutcome: PushCheckOutcome | null;
  checkDetail: string | null;
}

/** A bound certificate whose scheduled check this server claimed. */
export interface DuePushCheck extends PushHealthKey {
  appId: string;
  projectId: string;
  organizationId: string;
}

/**
 * Push health per (app, environment, certificate). A verdict belongs to the certificate it was
 * observed on: reads return only rows whose certificate is still bound to the app in that
 * environment (for some platform), so binding another certificate clears the verdict without
 * deleting anything, and a row of an unbound certificate never shows.
 */
export interface PushHealthRepository {
  /** The verdicts of the app's currently bound certificates (no row = no verdict = not known to be revoked), production first. */
  listForApp(appUuid: string): Promise<PushHealthVerdict[]>;
  /** Every row (verdict and last check) of the app's currently bound certificates. */
  listRecordsForApp(appUuid: string): Promise<PushHealthRecord[]>;
  find(key: PushHealthKey): Promise<PushHealthRecord | undefined>;
  /** Sets the verdict (inserting the row when missing). */
  putVerdict(key: PushHealthKey, verdict: { status: PushHealthStatus; reason: string | null; source: PushHealthSource; at: Date }): Promise<void>;
  /** Records an active check's result (inserting the row when missing) and releases its claim. */
  recordCheck(key: PushHealthKey, check: { checkedAt: Date; outcome: PushCheckOutcome; detail: string | null }): Promise<void>;
}
