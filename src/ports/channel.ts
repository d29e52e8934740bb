import type { NotificationChannelType } from '../domain/notification-channel-type.js';

/**
 * What a notification says, as stored with its delivery: every attempt renders the same message
 * from it.
 */
export interface PayloadItem {
  type: string;
  eventId?: number;
  certificateId?: number;
  title: string;
  data: Record<string, unknown>;
  /** ISO 8601. */
  at: string;
}

export interface NotificationPayload {
  kind: 'each' | 'digest' | 'test';
  projectId: string;
  projectName: string;
  items: PayloadItem[];
}

/** One attempt to send a message, as the delivery log records it. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  /** The start of the response body (at most 1,000 characters). */
  response: string | null;
  error: string | null;
}

/** The delivery a message belongs to. */
export interface ChannelMessage {
  deliveryId: string;
  /** An event's type, `digest` or `test`. */
  eventType: string;
  payload: NotificationPayload;
}

/**
 * The parts of a channel's config that are sealed apart (AAD bound to the channel) and never
 * shown, logged or audited: a URL (its path often holds a token), a signing key.
 */
export type ChannelSecret = Readonly<Record<string, string>>;

export interface ChannelSettings {
  /** What the API, the audit log and the store show. */
  config: Record<string, unknown>;
  secret: ChannelSecret | undefined;
}

/**
 * A notification transport (webhook, email, Slack, Teams): checks a channel's config for its
 * type and sends a delivery's message. The composition root gives the notification service one
 * of each type; the service stores, seals, retries and records, and never looks at a type.
 */
export interface Channel {
  readonly type: NotificationChannelType;
  /** The config fields the API takes for this type (others are refused). */
  readonly fields: readonly string[];
  /** Whether a channel of this type keeps a secret (a configured one always does). */
  readonly sealsSecret: boolean;
  /**
   * Checks a config as the API takes it (only `fields`), falling back on `stored`, the
   * channel's secret when an update leaves out fields. Throws AppError:
   * notification_config_invalid, notification_url_invalid, notification_url_forbidden,
   * smtp_not_configured.
   */
  configure(input: Record<string, unknown>, stored: ChannelSecret | undefined): ChannelSettings;
  /** The input a stored channel's config and secret amount to: an update's absent fields keep these. */
  storedInput(config: Record<string, unknown>, secret: ChannelSecret | undefined): Record<string, unknown>;
  /** One attempt. A failure of the receiver or the transport is an outcome, not an exception. */
  send(message: ChannelMessage, config: Record<string, unknown>, secret: ChannelSecret | undefined): Promise<AttemptOutcome>;
}

/** One channel of each type, the key its type. */
export type ChannelsByType = { readonly [T in NotificationChannelType]: Channel & { readonly type: T } };
