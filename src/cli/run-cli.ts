import { Command, CommanderError, Option } from 'commander';
import { ApiClient } from './api-client.js';
import { CliError, formatError } from './cli-error.js';
import { processIo, writeLine, type CliIo } from './cli-io.js';
import { agentCommand } from './agent-command.js';
import { exportCommand } from './export-command.js';
import { importCommand, importExitCode } from './import-command.js';
import { keysRotateCommand } from './keys-rotate-command.js';
import { listCommand } from './list-command.js';
import { parseDays, parseIntegerOption } from './parse-days.js';
import { parseTimeoutMs, scanCommand } from './scan-command.js';
import { serveCommand } from './serve-command.js';
import { showCommand } from './show-command.js';
import { usersAddCommand, usersListCommand, usersRemoveCommand, usersResetPasswordCommand } from './users-command.js';

const DEFAULT_URL = 'http://127.0.0.1:8080';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GlobalOptions {
  url?: string;
  token?: string;
  project?: string;
}

/**
 * Runs one certkeeper command line (without the node and script arguments) and returns the exit
 * code: 0 success, 1 something failed (the server's code and message are printed), 2 the server
 * could not be reached, 3 an import interrupted part-way by the server going away or failing
 * (`importExitCode`). Nothing is thrown and no stack trace is printed.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const clients: ApiClient[] = [];
  const program = new Command('certkeeper');
  program
    .description('certkeeper: one inventory of the certificates you depend on')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(certkeeper --help lists the commands)')
    .option('--url <url>', `server URL (env CERTKEEPER_URL, default ${DEFAULT_URL})`)
    .option('--token <token>', 'API key, sent as Authorization: Bearer (env CERTKEEPER_TOKEN)')
    .option('--project <id>', 'project id for project commands (env CERTKEEPER_PROJECT)');

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const client = (concurrency?: number): ApiClient => {
    const g = globals();
    const c = new ApiClient({ url: g.url ?? io.env.CERTKEEPER_URL ?? DEFAULT_URL, token: g.token ?? (io.env.CERTKEEPER_TOKEN || undefined), maxSockets: concurrency });
    clients.push(c);
    return c;
  };
  const projectId = (): string => {
    const p = globals().project ?? (io.env.CERTKEEPER_PROJECT || undefined);
    if (!p) throw new CliError('missing_project', 'give --project ID or set CERTKEEPER_PROJECT');
    if (!UUID.test(p)) throw new CliError('invalid_project', `--project must be a project id (a UUID), got "${p}"`);
    return p;
  };
  const certificateId = (value: string): number => parseIntegerOption('ID', value, 1, 2147483647);

  program
    .command('serve')
    .description('run the server (configuration from the environment or CERTKEEPER_CONFIG)')
    .action(async () => {
      await serveCommand(io);
    });

  program
    .command('agent')
    .description("keep an agent deployment target's certificates written under --dir (runs on the target host until SIGTERM)")
    .requiredOption('--server <url>', 'the certkeeper server, e.g. https://certkeeper.example.com')
    .option('--key <key>', "the target's deployment key (or env CERTKEEPER_AGENT_KEY, which keeps it out of the process list)")
    .requiredOption('--dir <dir>', 'where each deployment gets its folder (<dir>/<deployment name>/cert.pem, chain.pem, fullchain.pem, privkey.pem)')
    .option('--reload <command>', 'shell command run once after each batch written, e.g. "systemctl reload nginx"')
    .option('--reload-timeout <seconds>', 'the reload command is killed after this', '60')
    .option('--wait <seconds>', 'how long one long poll waits on the server for a change (1-60)', '30')
    .option('--max-backoff <seconds>', 'the longest wait between retries while the server is away (1-3600)', '60')
    .action(async (opts: { server: string; key?: string; dir: string; reload?: string; reloadTimeout: string; wait: string; maxBackoff: string }) => {
      await agentCommand(
        {
          server: opts.server,
          key: opts.key,
          dir: opts.dir,
          reload: opts.reload,
          reloadTimeoutSeconds: parseIntegerOption('--reload-timeout', opts.reloadTimeout, 1, 3600),
          waitSeconds: parseIntegerOption('--wait', opts.wait, 1, 60),
          maxBackoffSeconds: parseIntegerOption('--max-backoff', opts.maxBackoff, 1, 3600),
        },
        io,
      );
    });

  program
    .command('import')
    .description('import certificates from files and directories (PEM, DER, PKCS#12; keys paired by file name)')
    .argument('<paths...>', 'files and directories (walked recursively)')
    .addOption(new Option('--scope <scope>', 'who sees the imported certificates').choices(['project', 'organization']).default('project'))
    .option('--password <password>', 'password of PKCS#12 files (default empty) and of encrypted PEM keys')
    .option('--concurrency <n>', 'bulk requests in flight at once', '4')
    .option('--batch-size <n>', 'certificates per bulk request (1-500; a request also stops at 512 KB)', '250')
    .option('--json', 'print one JSON summary')
    .action(async (paths: string[], opts: { scope: string; password?: string; concurrency: string; batchSize: string; json?: boolean }) => {
      const concurrency = parseIntegerOption('--concurrency', opts.concurrency, 1, 256);
      const batchSize = parseIntegerOption('--batch-size', opts.batchSize, 1, 500);
      const summary = await importCommand(
        client(concurrency),
        { projectId: projectId(), inputs: paths, scopeId: opts.scope === 'organization' ? 1 : 0, password: opts.password, concurrency, batchSize, json: Boolean(opts.json) },
        io,
      );
      exitCode = importExitCode(summary);
    });

  program
    .command('list')
    .description('list certificates')
    .option('--expiring <days>', 'expiring within: 30d, 2w or a number of days')
    .option('--status <status>', 'Active, Expired, Revoked, Failed, PendingValidation, Validating')
    .option('--kind <kind>', 'tls, apns, pass, client, ca, other')
    .option('--source <source>', 'imported, acme, discovered')
    .option('--search <text>', 'substring of the domain name or a SAN')
    .option('--covers <host>', 'certificates valid for this host name')
    .option('--sort <field>', 'notAfter, domainName, lastModified or id')
    .option('--desc', 'sort descending')
    .option('--page-size <n>', 'certificates per page (default 50, or 500 with --all)')
    .option('--page <n>', 'page number (from 1)')
    .option('--all', 'follow every page')
    .option('--json', 'print JSON: { totalCount, items }')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
      await listCommand(
        client(),
        {
          projectId: projectId(),
          expiringWithinDays: str('expiring') !== undefined ? parseDays(str('expiring')!) : undefined,
          status: str('status'),
          kind: str('kind'),
          source: str('source'),
          search: str('search'),
          covers: str('covers'),
          sort: str('sort'),
          desc: Boolean(opts.desc),
          pageSize: str('pageSize') !== undefined ? parseIntegerOption('--page-size', str('pageSize')!, 1, 500) : undefined,
          page: str('page') !== undefined ? parseIntegerOption('--page', str('page')!, 1, 10_000_000) : undefined,
          all: Boolean(opts.all),
          json: Boolean(opts.json),
        },
        io,
      );
    });

  program
    .command('show')
    .description('show one certificate')
    .argument('<id>', 'certificate id')
    .option('--json', 'print the API JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await showCommand(client(), { projectId: projectId(), id: certificateId(id), json: Boolean(opts.json) }, io);
    });

  program
    .command('export')
    .description('export a certificate with its private key (admin)')
    .argument('<id>', 'certificate id')
    .addOption(new Option('--format <format>', 'pem: cert.pem, chain.pem, fullchain.pem, privkey.pem; pkcs12: one .p12 file').choices(['pem', 'pkcs12']).default('pem'))
    .option('--password <password>', 'password of the PKCS#12 file')
    .option('--out <path>', 'directory (pem) or file (pkcs12); "-" writes to stdout, private key included (default ./ID or ./ID.p12)')
    .action(async (id: string, opts: { format: 'pem' | 'pkcs12'; password?: string; out?: string }) => {
      await exportCommand(client(), { projectId: projectId(), id: certificateId(id), format: opts.format, password: opts.password, out: opts.out }, io);
    });

  program
    .command('scan')
    .description('probe TLS endpoints and show the certificates they serve (no server needed unless --import)')
    .argument('[targets...]', 'host, host:port, [v6]:port, CIDR with ports (10.0.0.0/30:443,8443), scheme:// prefix (smtp://, imap://, ldap://, postgres://)')
    .option('--file <path...>', 'read targets from files, one per line (# comments)')
    .addOption(new Option('--protocol <protocol>', 'what to speak before TLS').choices(['tls', 'smtp', 'imap', 'ldap', 'postgres']).default('tls'))
    .option('--server-name <name>', 'SNI and the name checked, for every target (default: each host)')
    .option('--concurrency <n>', 'probes in flight at once', '100')
    .option('--timeout <duration>', 'limit of each step: 5, 5s or 500ms', '5s')
    .option('--max <n>', 'most endpoints a scan may expand to', '65536')
    .option('--ca-file <path...>', 'PEM files of extra CAs to verify against (besides Node\'s bundled roots)')
    .option('--json', 'print one JSON object per endpoint, one per line')
    .option('--import', 'import the served leaves into --project (deduplicated by fingerprint)')
    .action(async (targets: string[], opts: { file?: string[]; protocol: string; serverName?: string; concurrency: string; timeout: string; max: string; caFile?: string[]; json?: boolean; import?: boolean }) => {
      const concurrency = parseIntegerOption('--concurrency', opts.concurrency, 1, 4096);
      const maxEndpoints = parseIntegerOption('--max', opts.max, 1, 16_777_216);
      const timeoutMs = parseTimeoutMs(opts.timeout);
      const summary = await scanCommand(
        {
          targets,
          files: opts.file ?? [],
          protocol: opts.protocol as 'tls',
          serverName: opts.serverName,
          concurrency,
          timeoutMs,
          maxEndpoints,
          caFiles: opts.caFile ?? [],
          json: Boolean(opts.json),
          importTo: opts.import ? { client: client(), projectId: projectId() } : undefined,
        },
        io,
      );
      if (summary.importFailed > 0) exitCode = 1;
    });

  const keys = program.command('keys').description('master key maintenance (works on the data directory; no server)');
  keys
    .command('rotate')
    .description('re-encrypt every stored private key under a new master key; restart servers afterwards')
    .option('--new-key <base64>', 'the new key (base64 of 32 bytes); required when CERTKEEPER_MASTER_KEY is set, generated otherwise')
    .action(async (opts: { newKey?: string }) => {
      await keysRotateCommand({ newKey: opts.newKey }, io);
    });

  const users = program.command('users').description('console user accounts (works on the server\'s database; no server or API key needed)');
  users
    .command('add')
    .description('create a user; without --password-stdin the account is invited and the invitation link printed once')
    .argument('<email>', 'the email address the user signs in with')
    .option('--superuser', 'may do everything, everywhere')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (email: string, opts: { superuser?: boolean; passwordStdin?: boolean }) => {
      await usersAddCommand(email, opts, io);
    });
  users
    .command('list')
    .description('list the user accounts')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await usersListCommand(opts, io);
    });
  users
    .command('remove')
    .description('delete a user with their memberships; their sessions end at once')
    .argument('<email>', 'the user\'s email address (or id)')
    .action(async (email: string) => {
      await usersRemoveCommand(email, io);
    });
  users
    .command('reset-password')
    .description('set a new password (made up and printed once unless --password-stdin); the user\'s sessions end')
    .argument('<email>', 'the user\'s email address (or id)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (email: string, opts: { passwordStdin?: boolean }) => {
      await usersResetPasswordCommand(email, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    writeLine(io.stderr, formatError(err));
    return err instanceof CliError ? err.exitCode : 1;
  } finally {
    for (const c of clients) c.close();
  }
}
