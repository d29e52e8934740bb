/**
 * One DNS request and its response over TCP (RFC 1035 §4.2.2, RFC 7766): a fresh connection,
 * the message with its two-octet length prefix, one length-prefixed response, close.
 *
 * TCP rather than UDP with a fallback: an update is rare (two per challenge), TCP needs no
 * retransmission or truncation handling, gives no off-path spoofing window, and every
 * authoritative server must accept it (RFC 7766 §5).
 */
import { Socket } from 'node:net';
import { AppError } from '../../../domain/app-error.js';

export interface DnsTcpExchangeOptions {
  host: string;
  port: number;
  /** For the whole exchange: connect, send, receive. */
  timeoutMs: number;
}

/**
 * Sends `message` and resolves with the raw response. A timeout, a refused or reset
 * connection or a short response rejects with AppError `dns_update_failed`, retryable.
 */
export function dnsTcpExchange(message: Buffer, options: DnsTcpExchangeOptions): Promise<Buffer> {
  const where = `${options.host}:${options.port}`;
  return new Promise<Buffer>((resolve, reject) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (err: AppError | null, response?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(response!);
    };
    const timer = setTimeout(
      () =>
        finish(
          new AppError('dns_update_failed', `DNS server ${where} did not answer within ${options.timeoutMs} ms`, {
            retryable: true,
            details: { server: where, reason: 'timeout' },
          }),
        ),
      options.timeoutMs,
    );
    socket.on('error', (cause) =>
      finish(
        new AppError('dns_update_failed', `DNS server ${where} could not be reached: ${cause.message}`, {
          retryable: true,
          cause,
          details: { server: where, reason: 'network' },
        }),
      ),
    );
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2) {
        const length = received.readUInt16BE(0);
        if (received.length >= 2 + length) finish(null, Buffer.from(received.subarray(2, 2 + length)));
      }
    });
    socket.on('end', () =>
      finish(
        new AppError('dns_update_failed', `DNS server ${where} closed the connection before a full response`, {
          retryable: true,
          details: { server: where, reason: 'network' },
        }),
      ),
    );
    socket.connect(options.port, options.host, () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(message.length, 0);
      socket.write(Buffer.concat([prefix, message]));
    });
  });
}
