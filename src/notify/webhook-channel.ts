import { AppError } from '../domain/app-error.js';
import type { OutboundHttp } from '../net/outbound-http.js';
import type { AttemptOutcome, Channel, ChannelMessage, ChannelSecret, ChannelSettings } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import { channelUrl, noUrl, redactUrl } from './channel-url.js';
import { postJson } from './http-post.js';
import { webhookBodyOf } from './messages.js';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.js';

/**
 * A webhook: the message as JSON, signed with HMAC-SHA256 over `TIMESTAMP.BODY` with the
 * channel's secret (signature.ts), POSTed to a URL. The URL and the secret are sealed.
 */
export class WebhookChannel implements Channel {
  readonly type = 'webhook';
  readonly fields = ['url', 'secret'];
  readonly sealsSecret = true;

  constructor(
    private readonly http: OutboundHttp,
    private readonly clock: Clock,
    /** One attempt's timeout. */
    private readonly timeoutMs = 10_000,
  ) {}

  configure(input: Record<string, unknown>, stored: ChannelSecret | undefined): ChannelSettings {
    const url = channelUrl(this.http.policy, this.type, input, stored);
    const secret = input.secret ?? stored?.secret;
    if (typeof secret !== 'string' || secret.length < 16 || secret.length > 256) throw new AppError('notification_config_invalid', 'config.secret must be a string of 16 to 256 characters (the HMAC-SHA256 signing key)');
    return { config: { url: redactUrl(url) }, secret: { url: url.href, secret } };
  }

  storedInput(_config: Record<string, unknown>, secret: ChannelSecret | undefined): Record<string, unknown> {
    return { ...secret };
  }

  async send(message: ChannelMessage, _config: Record<string, unknown>, secret: ChannelSecret | undefined): Promise<AttemptOutcome> {
    if (!secret?.url) return noUrl;
    const url = new URL(secret.url);
    const body = JSON.stringify(webhookBodyOf(message.payload, message.deliveryId));
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    return postJson(
      url,
      body,
      {
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret.secret ?? '', timestamp, body),
        'X-Certkeeper-Delivery': message.deliveryId,
        'X-Certkeeper-Event': message.eventType,
      },
      this.http,
      this.timeoutMs,
    );
  }
}
