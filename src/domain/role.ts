/** What a key may do in its scope, each role including the ones before it: read, change, administer. */
export type Role = 'viewer' | 'editor' | 'admin';
