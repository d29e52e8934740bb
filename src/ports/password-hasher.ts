/** Slow, salted password hashing; the hash names its algorithm and parameters. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether the password matches the hash (constant time); false for a hash it cannot read. */
  verify(password: string, hash: string): Promise<boolean>;
  /** Whether the hash was made with weaker parameters than this hasher uses now (rehash it at the next sign-in). */
  needsRehash(hash: string): boolean;
}
