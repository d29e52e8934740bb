import { runCli } from './run-cli.js';

/** The `certkeeper` executable (bin/certkeeper.js imports this module). */
process.exitCode = await runCli(process.argv.slice(2));
