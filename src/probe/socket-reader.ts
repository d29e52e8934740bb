import type { Socket } from 'node:net';

/** Why a plaintext step (greeting, STARTTLS answer) did not complete. */
export class PreambleError extends Error {
  constructor(
    readonly code: 'timeout' | 'closed' | 'too_long' | 'connection_reset',
    message: string,
  ) {
    super(message);
    this.name = 'PreambleError';
  }
}

/**
 * Reads a plaintext socket in bounded steps before a STARTTLS upgrade. Bytes are buffered as
 * they arrive; `until` resolves with the bytes consumed once `complete(buffered)` returns how
 * many of them form a whole answer. At most `maxBytes` are buffered, each read has its own
 * deadline, and `release()` detaches every listener so `tls.connect({ socket })` owns the
 * socket afterwards. Bytes the server sent after its STARTTLS answer are dropped on release,
 * never handed to TLS (the STARTTLS command-injection class of bugs, CVE-2011-0411).
 */
export class SocketReader {
  private buffered: Buffer = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private ended: PreambleError | undefined;
  private readonly onData = (chunk: Buffer) => {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    this.waiter?.();
  };
  private readonly onEnd = () => {
    this.ended ??= new PreambleError('closed', 'the server closed the connection');
    this.waiter?.();
  };
  private readonly onError = (err: NodeJS.ErrnoException) => {
    this.ended ??= new PreambleError('connection_reset', `connection failed: ${err.code ?? err.message}`);
    this.waiter?.();
  };

  constructor(
    private readonly socket: Socket,
    private readonly maxBytes = 64 * 1024,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** Waits until `complete` finds a whole answer (returns its length, or 0 for "not yet"), then consumes and returns it. */
  async until(complete: (buffered: Buffer) => number, timeoutMs: number, what: string): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const n = this.buffered.length > 0 ? complete(this.buffered) : 0;
      if (n > 0) {
        const answer = this.buffered.subarray(0, n);
        this.buffered = this.buffered.subarray(n);
        return answer;
      }
      if (this.buffered.length > this.maxBytes) throw new PreambleError('too_long', `${what}: more than ${this.maxBytes} bytes without a complete answer`);
      if (this.ended) throw new PreambleError(this.ended.code, `${what}: ${this.ended.message}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new PreambleError('timeout', `${what}: no answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = undefined;
    }
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Detaches from the socket (see the class comment) so TLS can take it over. */
  release(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.buffered = Buffer.alloc(0);
  }
}

/** Length of the text up to and including the first CRLF (or bare LF), 0 when no line is complete. */
export function lineLength(buffered: Buffer, from = 0): number {
  const i = buffered.indexOf(0x0a, from);
  return i < 0 ? 0 : i + 1 - from;
}
