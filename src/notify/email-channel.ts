import { AppError } from '../domain/app-error.js';
import { isSingleLineText } from '../domain/text.js';
import type { AttemptOutcome, Channel, ChannelMessage, ChannelSettings } from '../ports/channel.js';
import type { EmailSender } from './email-sender.js';
import { htmlOf, subjectOf, textOf } from './messages.js';

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Email to a list of recipients, in plain text and HTML, through the server's SMTP sender. Nothing of it is secret. */
export class EmailChannel implements Channel {
  readonly type = 'email';
  readonly fields = ['to'];
  readonly sealsSecret = false;

  /** `sender` undefined (CERTKEEPER_SMTP_URL unset): email channels are refused. */
  constructor(private readonly sender: EmailSender | undefined) {}

  configure(input: Record<string, unknown>): ChannelSettings {
    if (!this.sender) throw new AppError('smtp_not_configured', 'email channels need CERTKEEPER_SMTP_URL and CERTKEEPER_SMTP_FROM on the server');
    const to = input.to;
    if (!Array.isArray(to) || to.length === 0 || to.length > 50) throw new AppError('notification_config_invalid', 'config.to must be a list of 1 to 50 email addresses');
    for (const address of to) {
      if (typeof address !== 'string' || address.length > 254 || !EMAIL.test(address) || !isSingleLineText(address)) throw new AppError('notification_config_invalid', `config.to: ${JSON.stringify(address)} is not an email address`);
    }
    return { config: { to: [...new Set(to as string[])] }, secret: undefined };
  }

  /** The shown config is the whole config. */
  storedInput(config: Record<string, unknown>): Record<string, unknown> {
    return { ...config };
  }

  async send(message: ChannelMessage, config: Record<string, unknown>): Promise<AttemptOutcome> {
    if (!this.sender) return { ok: false, statusCode: null, response: null, error: 'no SMTP server is configured (CERTKEEPER_SMTP_URL)' };
    const to = (config.to as string[]) ?? [];
    const p = message.payload;
    return this.sender.send({ to, subject: subjectOf(p), text: textOf(p), html: htmlOf(p) });
  }
}
