import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  /** The authenticated user. */
  user: string | undefined;
  mailFrom: string;
  rcptTo: string[];
  raw: string;
  headers: Record<string, string>;
  /** The decoded text/plain part, if the message has one. */
  text?: string;
  /** The decoded text/html part, if the message has one. */
  html?: string;
  /** Whether the session was over TLS when the message came (implicit TLS, or after STARTTLS). */
  secure: boolean;
}

export interface SmtpCaptureOptions {
  user?: string;
  password?: string;
  /**
   * The server's certificate (PEM, with its intermediates) and key. Given, the server offers
   * STARTTLS with them, or speaks TLS from the first byte with `implicitTls` (smtps). Without
   * it the server speaks plain SMTP and does not offer STARTTLS.
   */
  tls?: { cert: string; key: string };
  implicitTls?: boolean;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that requires AUTH PLAIN/LOGIN with
 * the given user and password and captures every message it accepts; plain SMTP, or with TLS
 * (STARTTLS or implicit) when given a certificate.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private waiters: Array<() => void> = [];
  private readonly server: SMTPServer;

  /** Connection errors the server saw (e.g. a client that gave up the TLS handshake). */
  readonly errors: Error[] = [];

  private constructor(readonly user: string, readonly password: string, readonly options: SmtpCaptureOptions = {}) {
    const tls = options.tls;
    this.server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      ...(tls ? { key: tls.key, cert: tls.cert, secure: options.implicitTls === true } : { disabledCommands: ['STARTTLS'] }),
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === user && auth.password === password) return callback(null, { user });
        return callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            user: session.user as string | undefined,
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            secure: session.secure,
            ...parseMime(raw),
          });
          this.waiters.splice(0).forEach((w) => w());
          callback();
        });
      },
    });
  }

  static async start(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
    const capture = new SmtpCapture(options.user ?? 'mailer', options.password ?? 'mail-secret-pw', options);
    capture.server.on('error', (err) => capture.errors.push(err));
    await new Promise<void>((resolve) => capture.server.listen(0, '127.0.0.1', resolve));
    return capture;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** `smtp://user:pass@127.0.0.1:PORT` (`smtps://…` with implicit TLS) for CERTKEEPER_SMTP_URL. */
  get url(): string {
    const scheme = this.options.implicitTls ? 'smtps' : 'smtp';
    return `${scheme}://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Enough MIME for the tests: unfolded headers and the decoded text/plain and text/html parts. */
export function parseMime(raw: string): { headers: Record<string, string>; text?: string; html?: string } {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const type = headers['content-type'] ?? 'text/plain';
  const out: { headers: Record<string, string>; text?: string; html?: string } = { headers };
  const boundary = /^multipart\//i.test(type) ? /boundary="?([^";]+)"?/i.exec(type)?.[1] : undefined;
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1, -1)) {
      const p = parseMime(part.replace(/^\r?\n/, ''));
      out.text ??= p.text;
      out.html ??= p.html;
    }
    return out;
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  const text = decoded.replace(/\r?\n$/, '').replace(/\r\n/g, '\n');
  if (/^text\/html/i.test(type)) out.html = text;
  else if (/^text\/plain/i.test(type)) out.text = text;
  return out;
}
