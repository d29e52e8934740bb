/** The words for a sign-in lock, from the seconds its Retry-After header gives. */
export function lockoutText(retryAfterSeconds: number | undefined): string {
  const base = 'Too many failed attempts.';
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) return `${base} Try again in a few minutes.`;
  const s = Math.ceil(retryAfterSeconds);
  if (s < 60) return `${base} Try again in ${s} second${s === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 120) return `${base} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  const hours = Math.ceil(minutes / 60);
  return `${base} Try again in ${hours} hours.`;
}

/** Retry-After as seconds: a number of seconds or an HTTP date (then counted from `now`). */
export function retryAfterSeconds(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
