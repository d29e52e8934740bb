import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

/**
 * A request's logger, made only when the request logs something. fastify makes one per request,
 * and most requests log nothing; a pino child of certkeeper's logger runs its request id through
 * the wildcard redaction of every binding (2 KB and a few µs per request, measured on GET by id).
 * Once made, it is the child fastify would have made: same bindings, options and output.
 */
export class LazyChildLogger implements FastifyBaseLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions | undefined,
  ) {}

  private logger(): FastifyBaseLogger {
    return (this.made ??= this.options ? this.parent.child(this.bindings, this.options) : this.parent.child(this.bindings));
  }

  get level(): string {
    return this.made?.level ?? this.options?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger().child(bindings, options);
  }

  // On the prototype, not per instance: a logger is made for every request.
  fatal(...args: unknown[]): void {
    (this.logger().fatal as (...a: unknown[]) => void)(...args);
  }
  error(...args: unknown[]): void {
    (this.logger().error as (...a: unknown[]) => void)(...args);
  }
  warn(...args: unknown[]): void {
    (this.logger().warn as (...a: unknown[]) => void)(...args);
  }
  info(...args: unknown[]): void {
    (this.logger().info as (...a: unknown[]) => void)(...args);
  }
  debug(...args: unknown[]): void {
    (this.logger().debug as (...a: unknown[]) => void)(...args);
  }
  trace(...args: unknown[]): void {
    (this.logger().trace as (...a: unknown[]) => void)(...args);
  }
  silent(...args: unknown[]): void {
    (this.logger().silent as (...a: unknown[]) => void)(...args);
  }
}

/**
 * fastify's childLoggerFactory: a LazyChildLogger. fastify passes child options on every request,
 * empty or not; pino builds a child from scratch whenever it gets options, so empty ones are left out.
 */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options.level || options.serializers ? options : undefined);
}
