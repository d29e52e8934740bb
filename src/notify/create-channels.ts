import type { OutboundHttp } from '../net/outbound-http.js';
import type { ChannelsByType } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import { EmailChannel } from './email-channel.js';
import type { EmailSender } from './email-sender.js';
import { ChatWebhookChannel } from './chat-webhook-channel.js';
import { slackBodyOf, teamsBodyOf } from './messages.js';
import { WebhookChannel } from './webhook-channel.js';

/** The notification channels of every type, over one outbound HTTP client and the SMTP sender (none: email is refused). */
export function createChannels(options: { http: OutboundHttp; clock: Clock; email?: EmailSender; timeoutMs?: number }): ChannelsByType {
  const { http, clock, timeoutMs } = options;
  return {
    webhook: new WebhookChannel(http, clock, timeoutMs),
    email: new EmailChannel(options.email),
    slack: new ChatWebhookChannel('slack', slackBodyOf, http, timeoutMs),
    teams: new ChatWebhookChannel('teams', teamsBodyOf, http, timeoutMs),
  };
}
