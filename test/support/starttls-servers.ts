import net from 'node:net';
import tls from 'node:tls';

/** A server listening on 127.0.0.1 at a port chosen by the OS. */
export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

export interface ServedMaterial {
  /** PEM key of the leaf. */
  key: string;
  /** PEM certificates in the order they are sent: the leaf, then whatever chain is given. */
  cert: string;
}

function listen(server: net.Server, sockets: Set<net.Socket>): Promise<LoopbackServer> {
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A plain node TLS server (TLS from the first byte) serving `material`. */
export function startTlsServer(material: ServedMaterial, options: { minVersion?: tls.SecureVersion; maxVersion?: tls.SecureVersion } = {}): Promise<LoopbackServer> {
  const server = tls.createServer({ key: material.key, cert: material.cert, ...options });
  server.on('tlsClientError', () => undefined);
  return listen(server, new Set());
}

/** Accepts connections and says nothing (for timeouts). */
export function startSilentServer(): Promise<LoopbackServer> {
  return listen(net.createServer(() => undefined), new Set());
}

/** Answers every connection with an HTTP/1.1 response in clear text and closes (a non-TLS server). */
export function startPlainHttpServer(): Promise<LoopbackServer> {
  return listen(
    net.createServer((s) => {
      s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    }),
    new Set(),
  );
}

export type StartTlsProtocol = 'smtp' | 'imap' | 'ldap' | 'postgres';

export interface StartTlsServerOptions {
  /** Refuse the upgrade the way the protocol does (SMTP: STARTTLS not advertised; IMAP: NO; LDAP: resultCode 2; PostgreSQL: 'N'). */
  refuse?: boolean;
}

/** Reads lines from a socket, one callback each. */
function onLines(socket: net.Socket, handle: (line: string) => void): () => void {
  let buffered = '';
  const onData = (d: Buffer) => {
    buffered += d.toString('latin1');
    let i: number;
    while ((i = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, i).replace(/\r$/, '');
      buffered = buffered.slice(i + 1);
      handle(line);
    }
  };
  socket.on('data', onData);
  return () => socket.off('data', onData);
}

/**
 * A minimal server for one STARTTLS protocol: it speaks just enough of it (RFC 3207 SMTP,
 * RFC 3501 IMAP, RFC 4511 LDAP StartTLS, the PostgreSQL SSLRequest) and then hands the socket to
 * a TLS server context serving `material`.
 */
export function startStartTlsServer(protocol: StartTlsProtocol, material: ServedMaterial, options: StartTlsServerOptions = {}): Promise<LoopbackServer> {
  const secureContext = tls.createSecureContext({ key: material.key, cert: material.cert });
  const upgrade = (socket: net.Socket) => {
    socket.removeAllListeners('data');
    const t = new tls.TLSSocket(socket, { isServer: true, secureContext });
    t.on('error', () => undefined);
  };
  const handlers: Record<StartTlsProtocol, (s: net.Socket) => void> = {
    smtp: (s) => {
      s.write('220 mail.test ESMTP ready\r\n');
      onLines(s, (line) => {
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') s.write(`250-mail.test greets you\r\n250-PIPELINING\r\n${options.refuse ? '' : '250-STARTTLS\r\n'}250 8BITMIME\r\n`);
        else if (verb === 'STARTTLS' && !options.refuse) {
          s.write('220 2.0.0 Ready to start TLS\r\n');
          upgrade(s);
        } else s.write('502 5.5.1 command not implemented\r\n');
      });
    },
    imap: (s) => {
      s.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] imap.test ready\r\n');
      onLines(s, (line) => {
        const [tag, command] = line.split(' ');
        if (command?.toUpperCase() === 'STARTTLS') {
          if (options.refuse) s.write(`${tag} NO STARTTLS not available\r\n`);
          else {
            s.write(`* OK untagged noise\r\n${tag} OK Begin TLS negotiation now\r\n`);
            upgrade(s);
          }
        } else s.write(`${tag} BAD unknown command\r\n`);
      });
    },
    ldap: (s) => {
      s.once('data', (d: Buffer) => {
        // Expect an ExtendedRequest (APPLICATION 23) naming the StartTLS OID.
        const ok = d[0] === 0x30 && d.includes(Buffer.from([0x77])) && d.includes(Buffer.from('1.3.6.1.4.1.1466.20037'));
        const resultCode = !ok ? 2 : options.refuse ? 2 : 0;
        // LDAPMessage { messageID 1, ExtendedResponse [APPLICATION 24] { resultCode, matchedDN "", diagnosticMessage "" } }
        const op = Buffer.from([0x78, 0x07, 0x0a, 0x01, resultCode, 0x04, 0x00, 0x04, 0x00]);
        const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), op]);
        s.write(Buffer.concat([Buffer.from([0x30, body.length]), body]));
        if (resultCode === 0) upgrade(s);
      });
    },
    postgres: (s) => {
      s.once('data', (d: Buffer) => {
        const isSslRequest = d.length >= 8 && d.readInt32BE(0) === 8 && d.readInt32BE(4) === 80877103;
        if (isSslRequest && !options.refuse) {
          s.write('S');
          upgrade(s);
        } else s.end('N');
      });
    },
  };
  return listen(net.createServer(handlers[protocol]), new Set());
}
