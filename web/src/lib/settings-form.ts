/**
 * Reading the settings forms: what a person typed becomes the API's value, or a problem in
 * words naming the field (the server checks again; its answer shows too).
 */

export type Parsed<T> = { value: T } | { problem: string };

/** "Renew … days before expiry": empty clears (the server's default), else a whole number 1–365. */
export function parseRenewBeforeDays(text: string): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t)) return { problem: 'Renew before must be a whole number of days, such as 30.' };
  const n = Number(t);
  if (n < 1 || n > 365) return { problem: 'Renew before must be between 1 and 365 days.' };
  return { value: n };
}

/** "30, 14, 7": up to 12 whole numbers of days, 1–3650, written in any order; kept sorted from the largest. */
export function parseThresholdDays(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length > 12) return { problem: 'At most 12 thresholds.' };
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { problem: `Thresholds must be whole numbers of days: "${p}" is not one.` };
    const n = Number(p);
    if (n < 1 || n > 3650) return { problem: `Thresholds must be between 1 and 3650 days: ${n} is not.` };
    if (!days.includes(n)) days.push(n);
  }
  return { value: days.sort((a, b) => b - a) };
}

/** "0.33, 0.1": up to 12 fractions strictly between 0 and 1. */
export function parseLifetimeFractions(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length > 12) return { problem: 'At most 12 fractions.' };
  const out: number[] = [];
  for (const p of parts) {
    const n = /^(0?\.\d+|\d+(\.\d+)?)$/.test(p) ? Number(p) : NaN;
    if (!(n > 0 && n < 1)) return { problem: `Lifetime fractions must be between 0 and 1, such as 0.25: "${p}" is not.` };
    if (!out.includes(n)) out.push(n);
  }
  return { value: out.sort((a, b) => b - a) };
}

/** An ACME directory URL: empty clears; else an https URL. */
export function parseAcmeDirectoryUrl(text: string): Parsed<string | null> {
  const t = text.trim();
  if (t === '') return { value: null };
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return { problem: 'The ACME directory must be a full URL such as https://acme.example.net/directory.' };
  }
  if (url.protocol !== 'https:') return { problem: 'The ACME directory must be an https:// URL.' };
  return { value: t };
}

/** A contact email: empty clears. */
export function parseContactEmail(text: string): Parsed<string | null> {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!/^[^\s@]+@[^\s@]+$/.test(t)) return { problem: 'The ACME contact must be an email address.' };
  return { value: t };
}
