import { readFile } from 'node:fs/promises';

/**
 * A user or group as the files' owner: a numeric id as is, or a name looked up in /etc/passwd
 * or /etc/group (read at each call: an account made after the server started is found).
 * undefined when the name is unknown.
 */
export async function resolveAccountId(kind: 'user' | 'group', nameOrId: string | number): Promise<number | undefined> {
  if (typeof nameOrId === 'number') return Number.isInteger(nameOrId) && nameOrId >= 0 ? nameOrId : undefined;
  if (/^\d{1,10}$/.test(nameOrId)) return Number(nameOrId);
  let text: string;
  try {
    text = await readFile(kind === 'user' ? '/etc/passwd' : '/etc/group', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === nameOrId && fields.length >= 3 && /^\d+$/.test(fields[2]!)) return Number(fields[2]);
  }
  return undefined;
}
