/** Whether Intl knows the IANA time zone (e.g. `Asia/Kolkata`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
