/**
 * An app certificate's push health in words: what APNs last said of it, and the last check.
 */

export interface PushHealth {
  status: string;
  reason: string | null;
  source: string | null;
  at: string | null;
  lastCheck: { at: string; outcome: string; detail: string | null } | null;
}

/** The verdict: refused by APNs (critical), or OK with or without anything observed yet. */
export function pushVerdict(push: PushHealth | undefined): { words: string; critical: boolean } {
  if (!push) return { words: 'Unknown', critical: false };
  const how = push.source === 'push-check' ? 'a push check' : push.source === 'push-result' ? 'a reported push' : undefined;
  if (push.status === 'REVOKED') return { words: `Refused by APNs${push.reason ? ` (${push.reason.replace(/_/g, ' ')})` : ''}${how ? `, seen by ${how}` : ''}`, critical: true };
  if (!push.at) return { words: 'OK: no push outcome reported yet', critical: false };
  return { words: `OK${how ? `, last seen by ${how}` : ''}`, critical: false };
}

const CHECK_WORDS: Record<string, string> = { ok: 'accepted', revoked: 'refused the certificate', failed: 'could not be completed' };

/** "accepted", "refused the certificate"… for the last push check's outcome. */
export function checkOutcomeWords(outcome: string): string {
  return CHECK_WORDS[outcome] ?? outcome;
}

export const PLATFORMS = ['iPhone', 'iPad'] as const;
export const ENVIRONMENTS = ['production', 'development'] as const;
export const ENVIRONMENT_WORDS: Record<string, string> = { production: 'Production', development: 'Development (sandbox)' };
