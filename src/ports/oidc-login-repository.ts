/** An OpenID Connect sign-in on its way through the provider. */
export interface OidcLoginRecord {
  /** SHA-256 (hex) of the token in the browser's cookie. */
  id: string;
  /** Sent to the provider and expected back unchanged. */
  state: string;
  /** Sent to the provider and expected in the ID token. */
  nonce: string;
  /** A path of this site to land on once signed in. */
  returnTo: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What taking a sign-in back found. */
export type OidcLoginTaken = { kind: 'taken'; login: OidcLoginRecord } | { kind: 'used' } | { kind: 'unknown' };

/** Started OpenID Connect sign-ins, shared by every server on the database. */
export interface OidcLoginRepository {
  insert(login: OidcLoginRecord): Promise<void>;
  /**
   * Marks the sign-in used, once: the first caller gets it (`taken`), any later one `used`, and
   * an id never stored or already purged `unknown`. A sign-in past its end is `taken` too (the
   * caller decides).
   */
  take(id: string, at: Date): Promise<OidcLoginTaken>;
  /** Deletes sign-ins that ended before `before`; how many. */
  purgeEnded(before: Date): Promise<number>;
}
