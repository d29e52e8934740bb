import type { OutboundHttp } from '../net/outbound-http.js';
import type { AttemptOutcome, Channel, ChannelMessage, ChannelSecret, ChannelSettings, NotificationPayload } from '../ports/channel.js';
import { channelUrl, noUrl, redactUrl } from './channel-url.js';
import { postJson } from './http-post.js';

/**
 * A chat's incoming webhook: Slack (the message as {text, blocks}) or Microsoft Teams
 * Workflows (an Adaptive Card). Its URL is the credential, so it is sealed, and shown redacted.
 */
export class ChatWebhookChannel<T extends 'slack' | 'teams'> implements Channel {
  readonly fields = ['url'];
  readonly sealsSecret = true;

  constructor(
    readonly type: T,
    /** The chat's JSON body of a message (notify/messages.ts). */
    private readonly bodyOf: (payload: NotificationPayload) => unknown,
    private readonly http: OutboundHttp,
    /** One attempt's timeout. */
    private readonly timeoutMs = 10_000,
  ) {}

  configure(input: Record<string, unknown>, stored: ChannelSecret | undefined): ChannelSettings {
    const url = channelUrl(this.http.policy, this.type, input, stored);
    return { config: { url: redactUrl(url) }, secret: { url: url.href } };
  }

  storedInput(_config: Record<string, unknown>, secret: ChannelSecret | undefined): Record<string, unknown> {
    return { ...secret };
  }

  async send(message: ChannelMessage, _config: Record<string, unknown>, secret: ChannelSecret | undefined): Promise<AttemptOutcome> {
    if (!secret?.url) return noUrl;
    return postJson(new URL(secret.url), JSON.stringify(this.bodyOf(message.payload)), {}, this.http, this.timeoutMs);
  }
}
