/**
 * Directories and files under a root that nothing written may leave, whoever else can make
 * symbolic links below it. Every path is resolved with realpath and checked to stay inside the
 * root's real path; the directory written to is then opened (O_DIRECTORY | O_NOFOLLOW), checked
 * again through the descriptor, and files are made through that descriptor
 * (`/proc/self/fd/N/…` on Linux), so a link swapped in after the check does not redirect them.
 */
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/app-error.js';

const procFd = existsSync('/proc/self/fd');

/** true when `real` is `root` or below it (both real paths). */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function pathInvalid(shown: string, why: string): AppError {
  return new AppError('deployment_path_invalid', `${shown} ${why}`);
}

/**
 * Checks, without creating anything, that the existing part of `segments` under `root` stays
 * inside it (symbolic links resolved) and is made of directories. `shown` names the path in
 * messages (relative to the root: the root itself is the operator's business).
 */
export async function checkConfinedPath(root: string, segments: readonly string[], shown: string): Promise<void> {
  let current = root;
  for (const segment of segments) {
    const next = path.join(current, segment);
    try {
      await lstat(next);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // made when first written
      throw err;
    }
    current = await confinedReal(root, next, shown);
  }
}

/** An opened directory under the root: write files into it by `base`, then `close()`. */
export interface ConfinedDirectory {
  /** Its real path (for the reload hook). */
  realPath: string;
  /** The path files are made under: the descriptor's /proc path, or the real path. */
  base: string;
  handle: FileHandle;
  close(): Promise<void>;
}

/**
 * Makes (mode 0755) the directories `segments` below `from` (the root or a real path already
 * checked to be inside it), each checked to stay inside the root; answers the last one's real path.
 */
export async function makeConfinedDirectory(root: string, from: string, segments: readonly string[], shown: string): Promise<string> {
  let current = from;
  for (const segment of segments) {
    const next = path.join(current, segment);
    try {
      await mkdir(next, 0o755);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    current = await confinedReal(root, next, shown);
  }
  return current;
}

/**
 * Makes and opens the directory `segments` below `from` (the root, or a real path inside it);
 * throws deployment_path_invalid when it would leave the root.
 */
export async function openConfinedDirectory(root: string, from: string, segments: readonly string[], shown: string): Promise<ConfinedDirectory> {
  const current = await makeConfinedDirectory(root, from, segments, shown);
  let handle: FileHandle;
  try {
    handle = await open(current, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR') throw pathInvalid(shown, 'changed into a symbolic link while it was checked');
    throw err;
  }
  const base = procFd ? `/proc/self/fd/${handle.fd}` : current;
  if (procFd) {
    // What the descriptor really is, whatever happened to the path meanwhile.
    const opened = await readlink(base);
    if (!isInside(root, opened)) {
      await handle.close();
      throw pathInvalid(shown, 'leads out of the deployment root');
    }
  }
  return { realPath: current, base, handle, close: () => handle.close() };
}

/** The real path of `p`, checked to be a directory inside the root. */
async function confinedReal(root: string, p: string, shown: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw pathInvalid(shown, 'holds a symbolic link that leads nowhere');
    throw err;
  }
  if (!isInside(root, real)) throw pathInvalid(shown, 'leads out of the deployment root (a symbolic link)');
  if (!(await stat(real)).isDirectory()) throw pathInvalid(shown, 'is not a directory');
  return real;
}

/** One file to write. */
export interface FileToWrite {
  name: string;
  data: Buffer;
  mode: number;
}

/**
 * Writes each file to a temporary file in the same directory (O_CREAT | O_EXCL | O_NOFOLLOW, the
 * mode and owner set on the descriptor, fsynced), then renames them over their names one after
 * the other and fsyncs the directory: a reader sees the old file or the new one, never half of
 * one, and a link planted at a name is replaced rather than followed. On failure the temporary
 * files are removed and the old files stay.
 */
export async function writeFilesAtomically(dir: ConfinedDirectory, files: readonly FileToWrite[], owner: { uid: number; gid: number } | null): Promise<void> {
  const temporary: Array<{ tmp: string; final: string; fh: FileHandle | null }> = [];
  try {
    for (const f of files) {
      const tmp = path.join(dir.base, `.${f.name}.${randomBytes(6).toString('hex')}.tmp`);
      const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, f.mode);
      const t = { tmp, final: path.join(dir.base, f.name), fh: fh as FileHandle | null };
      temporary.push(t);
      await fh.writeFile(f.data);
      if (owner) await fh.chown(owner.uid, owner.gid);
      // The umask may have taken bits away, and a chown may clear others.
      await fh.chmod(f.mode);
    }
    // Together: the file system can commit them in one go.
    await Promise.all(temporary.map((t) => t.fh!.sync()));
    await Promise.all(temporary.map(async (t) => {
      const fh = t.fh!;
      t.fh = null;
      await fh.close();
    }));
    for (const t of temporary) await rename(t.tmp, t.final);
    temporary.length = 0;
    await dir.handle.sync();
  } finally {
    await Promise.all(
      temporary.map(async (t) => {
        await t.fh?.close().catch(() => undefined);
        await unlink(t.tmp).catch(() => undefined);
      }),
    );
  }
}
