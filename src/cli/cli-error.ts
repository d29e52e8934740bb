/**
 * An error a command reports as one line, `error: CODE: message`, and turns into an exit code.
 * `code` is the server's stable error code when the server gave one.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Thrown when the server cannot be reached at all (refused, unknown host, reset, timeout). */
export class ConnectionError extends CliError {
  /**
   * @param mayHaveArrived whether the request may have reached the server before the failure (a
   *   reset or a timeout after it was sent): false only when no connection was made (refused,
   *   unknown host), so the server cannot have acted on it.
   */
  constructor(
    message: string,
    readonly mayHaveArrived = true,
  ) {
    super('connection_failed', message, 2);
    this.name = 'ConnectionError';
  }
}

/** The server answered with `success: false` (or an answer that is not the envelope). */
export class ApiError extends CliError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code, message, 1);
    this.name = 'ApiError';
  }
}

export function formatError(err: unknown): string {
  if (err instanceof CliError) return `error: ${err.code}: ${err.message}`;
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof Error && typeof code === 'string') return `error: ${code}: ${err.message}`;
  if (err instanceof Error) return `error: ${err.message}`;
  return `error: ${String(err)}`;
}
