import { CompiledQuery } from 'kysely';

/**
 * Where each of a compiled query's parameters comes from: the index of the argument its
 * sentinel stands for, or -1 for a constant the query carries. Every sentinel must appear.
 */
export function sentinelPositions(compiled: CompiledQuery, sentinels: readonly unknown[]): number[] {
  const positions = compiled.parameters.map((p) => sentinels.indexOf(p));
  sentinels.forEach((_, i) => {
    if (!positions.includes(i)) throw new Error(`sentinel ${i} does not appear among the parameters of: ${compiled.sql}`);
  });
  return positions;
}

/**
 * A query Kysely builds and compiles once, with sentinel values standing for its arguments;
 * the returned function puts real arguments in their places. Building and compiling through
 * Kysely cost more than the point read it was for: a quarter of the CPU of a GET by id on
 * PostgreSQL.
 */
export function precompile<A extends unknown[]>(compiled: CompiledQuery, sentinels: A): (...args: A) => CompiledQuery {
  const positions = sentinelPositions(compiled, sentinels);
  return (...args: A) => bind(compiled, positions, args);
}

/** The compiled query with `values[at]` wherever `positions` names an argument, its own constants elsewhere. */
function bind(compiled: CompiledQuery, positions: readonly number[], values: readonly unknown[]): CompiledQuery {
  return CompiledQuery.raw(
    compiled.sql,
    positions.map((at, k) => (at >= 0 ? values[at] : compiled.parameters[k])),
  );
}

/** At most this many shapes are kept; past it the cache starts over (a key carries a project's id). */
const MAX_SHAPES = 500;

/**
 * Statements compiled once per shape. The key names everything that fixes a statement's SQL;
 * on the key's first use `build` makes it with sentinels standing for the values that change
 * between calls, and every call binds its `values` in those places (a parameter that is no
 * sentinel is a constant of the shape; a sentinel may be absent, e.g. a clock the SQL does not
 * use). Building and compiling a list page and its total through Kysely took about a tenth of
 * the list's CPU, and every Kysely function it runs had to warm up in the JIT.
 */
export class CompiledShapes {
  private readonly entries = new Map<string, { compiled: CompiledQuery; positions: number[] }>();

  get(key: string, values: readonly unknown[], build: () => { compiled: CompiledQuery; sentinels: readonly unknown[] }): CompiledQuery {
    let entry = this.entries.get(key);
    if (!entry) {
      const { compiled, sentinels } = build();
      entry = { compiled, positions: compiled.parameters.map((p) => sentinels.indexOf(p)) };
      if (this.entries.size >= MAX_SHAPES) this.entries.clear();
      this.entries.set(key, entry);
    }
    return bind(entry.compiled, entry.positions, values);
  }
}
