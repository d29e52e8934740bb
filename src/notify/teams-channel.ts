import type { OutboundHttp } from '../net/outbound-http.js';
import type { AttemptOutcome, Channel, ChannelMessage, ChannelSecret, ChannelSettings } from '../ports/channel.js';
import { channelUrl, noUrl, redactUrl } from './channel-url.js';
import { postJson } from './http-post.js';
import { teamsBodyOf } from './messages.js';

/** A Microsoft Teams incoming webhook (Workflows): its URL (sealed: it is the credential) gets the message as an Adaptive Card. */
export class TeamsChannel implements Channel {
  readonly type = 'teams';
  readonly fields = ['url'];
  readonly sealsSecret = true;

  constructor(
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
    return postJson(new URL(secret.url), JSON.stringify(teamsBodyOf(message.payload)), {}, this.http, this.timeoutMs);
  }
}
