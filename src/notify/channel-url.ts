import { AppError } from '../domain/app-error.js';
import type { AddressPolicy } from '../net/address-policy.js';
import type { AttemptOutcome, ChannelSecret } from '../ports/channel.js';
import type { NotificationChannelType } from '../domain/notification-channel-type.js';

/**
 * The URL of an HTTP channel (webhook, Slack, Teams) from its config, or the stored one when an
 * update leaves it out: an absolute http(s) URL whose host the policy lets through (a name is
 * checked again at each connection).
 */
export function channelUrl(policy: AddressPolicy, type: NotificationChannelType, input: Record<string, unknown>, stored: ChannelSecret | undefined): URL {
  const rawUrl = input.url ?? stored?.url;
  if (typeof rawUrl !== 'string' || rawUrl.length === 0) throw new AppError('notification_config_invalid', `config.url is required for a ${type} channel`);
  if (rawUrl.length > 2048) throw new AppError('notification_url_invalid', 'config.url is longer than 2048 characters');
  return policy.checkUrl(rawUrl, 'config.url');
}

/** `https://hooks.slack.com/services/T000/B000/XXXX` → `https://hooks.slack.com/…` (the path and query often embed a token). */
export function redactUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}

/** The outcome of sending to a channel whose secret holds no URL. */
export const noUrl: AttemptOutcome = { ok: false, statusCode: null, response: null, error: 'the channel has no URL' };
