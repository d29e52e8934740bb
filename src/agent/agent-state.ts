/**
 * What the agent has written, kept in a small file in its directory
 * (`<dir>/.certkeeper-agent.json`, mode 0600; no deployment folder can be named so: names may
 * not start with a dot), so a restart does not write unchanged files again. Written atomically
 * (a temporary file renamed over it): a crash leaves the old state or the new one.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export const agentStateFile = '.certkeeper-agent.json';

/** Per deployment id: the folder and the version (fingerprint) last written there and reloaded. */
export interface AgentState {
  written: Record<string, { name: string; fingerprintSha256: string }>;
}

export async function loadAgentState(dir: string): Promise<AgentState> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, agentStateFile), 'utf8')) as Partial<AgentState>;
    if (parsed && typeof parsed.written === 'object' && parsed.written !== null) return { written: parsed.written };
  } catch {
    // None yet, or unreadable: everything is written once more.
  }
  return { written: {} };
}

export async function saveAgentState(dir: string, state: AgentState): Promise<void> {
  const tmp = path.join(dir, `${agentStateFile}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(state), { mode: 0o600, flag: 'wx' });
    await rename(tmp, path.join(dir, agentStateFile));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
