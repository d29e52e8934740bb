import { runCli } from './run-cli.js';

// `certkeeper list --json | head`: the reader left, which is how such a pipe ends; stop quietly
// instead of dying with an unhandled EPIPE and a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** The `certkeeper` executable (bin/certkeeper.js imports this module). */
process.exitCode = await runCli(process.argv.slice(2));
