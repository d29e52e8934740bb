/** What a PKCS#12 file holds (the shape `pki/read-pkcs12.ts` returns). */
export interface Pkcs12Contents {
  /** DER of every certificate bag, in file order, exactly as stored. */
  certificates: Buffer[];
  /** PKCS#8 DER of the first key bag (plain or shrouded), or null when the file has none. */
  privateKeyPkcs8: Buffer | null;
}

export interface Pkcs12ReadOptions {
  /**
   * Most iterations the read may spend over all its key derivations, both tries of an empty
   * password included, beyond the limits every file has: the file's share of its request's
   * budget (`pki/pkcs12-iteration-budget.ts`). Going over → `pkcs12_iteration_budget_exceeded`,
   * before the derivation that would.
   */
  maxIterations?: number;
}

/**
 * Reads PKCS#12 files without holding the event loop: their key derivations cost up to seconds
 * of CPU each (adapter: `src/pki/pkcs12-worker-pool.ts`, a pool of worker threads). Fails as
 * `readPkcs12` does, with the same `AppError` codes and messages.
 */
export interface Pkcs12Reader {
  read(data: Buffer, password: string, options?: Pkcs12ReadOptions): Promise<Pkcs12Contents>;
}
