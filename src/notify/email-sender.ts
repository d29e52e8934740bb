import nodemailer, { type Transporter } from 'nodemailer';
import type { AttemptOutcome } from '../ports/channel.js';

/** The SMTP server of CERTKEEPER_SMTP_URL, sending from CERTKEEPER_SMTP_FROM, through nodemailer. */
export class EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    options: { timeoutMs?: number; tls?: { ca?: string | Buffer | Array<string | Buffer>; rejectUnauthorized?: boolean } } = {},
  ) {
    const timeout = options.timeoutMs ?? 10_000;
    const url = new URL(smtpUrl);
    this.transport = nodemailer.createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      tls: options.tls,
    });
  }

  async send(message: { to: string[]; subject: string; text: string; html: string }): Promise<AttemptOutcome> {
    try {
      const info = await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0 && rejected.length === message.to.length) return { ok: false, statusCode: null, response: String(info.response ?? ''), error: `every recipient was rejected: ${rejected.join(', ')}` };
      return { ok: true, statusCode: null, response: String(info.response ?? '').slice(0, 1000), error: null };
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number; response?: string };
      return { ok: false, statusCode: e.responseCode ?? null, response: e.response?.slice(0, 1000) ?? null, error: `${e.code ? e.code + ': ' : ''}${e.message}`.slice(0, 1000) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
