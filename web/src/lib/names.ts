/**
 * A distinguished name ("CN=R11, O=Let's Encrypt, C=US") shortened for a dense table: its
 * common name, else its organization, else the whole name. The full name stays on hover.
 */
export function shortName(dn: string): string {
  const attrs = new Map<string, string>();
  // Attributes are separated by unescaped commas; values may escape commas as "\,".
  for (const part of dn.split(/(?<!\\),\s*/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toUpperCase();
    if (!attrs.has(key)) attrs.set(key, part.slice(eq + 1).replace(/\\(.)/g, '$1'));
  }
  return attrs.get('CN') || attrs.get('O') || dn;
}
