import { writeLine, type CliIo } from './cli-io.js';

/**
 * `serve`: loads the configuration (environment, CERTKEEPER_CONFIG file), starts the server and
 * runs until SIGINT or SIGTERM (or io.signal), then closes it: in-flight requests finish, the
 * database closes. A second signal while closing ends the process at once.
 */
export async function serveCommand(io: CliIo): Promise<void> {
  const { loadConfig } = await import('../config/config.js');
  const { startServer } = await import('../main.js');
  const config = loadConfig(io.env);
  const server = await startServer(config, { print: (line) => writeLine(io.stdout, line) });
  await new Promise<void>((resolve) => {
    const stop = (reason: string) => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      io.signal?.removeEventListener('abort', onAbort);
      server.services.logger.info({ reason }, 'certkeeper closing');
      resolve();
    };
    const onSigint = () => stop('SIGINT');
    const onSigterm = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    if (io.signal?.aborted) stop('abort');
    else io.signal?.addEventListener('abort', onAbort, { once: true });
  });
  await server.close();
}
