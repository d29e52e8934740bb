/** Where a CLI run reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
  /** Aborting it stops a long-running command (`serve`) as SIGINT/SIGTERM would. */
  signal?: AbortSignal;
  /** What `--password-stdin` reads; absent: nothing to read. */
  stdin?: NodeJS.ReadableStream;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY), stdin: process.stdin };
}

/** Writes a line (a trailing newline is added). */
export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(line + '\n');
}
