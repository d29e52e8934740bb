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
import { isOutboundRefusal, type AddressPolicy } from '../../../net/address-policy.js';

export interface DnsTcpExchangeOptions {
  host: string;
  port: number;
  /** For the whole exchange: connect, send, receive. */
  timeoutMs: number;
  /** Which addresses may be connected to (the server is a project setting, not the operator's). */
  policy: AddressPolicy;
}

/**
 * Sends `message` and resolves with the raw response. A timeout, a refused or reset
 * connection or a short response rejects with AppError `dns_update_failed`, retryable.
 *
 * The policy decides before any connection: an IP literal here, a name through the socket's
 * `lookup`, which checks every address it resolves to and connects only to those. A refusal
 * rejects with AppError `dns_provider_address_forbidden`, with no connection attempted.
 */
export function dnsTcpExchange(message: Buffer, options: DnsTcpExchangeOptions): Promise<Buffer> {
  const where = `${options.host}:${options.port}`;
  const refused = (why: string) =>
    new AppError('dns_provider_address_forbidden', `DNS server ${where}: ${why}`, { details: { server: where, reason: 'refused' } });
  const literalRefusal = options.policy.refusalOfHost(options.host);
  if (literalRefusal) return Promise.reject(refused(literalRefusal));
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
        isOutboundRefusal(cause)
          ? refused(cause.message)
          : new AppError('dns_update_failed', `DNS server ${where} could not be reached: ${cause.message}`, {
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
    socket.connect({ port: options.port, host: options.host, lookup: options.policy.lookup }, () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(message.length, 0);
      socket.write(Buffer.concat([prefix, message]));
    });
  });
}
