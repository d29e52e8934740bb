import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

/** The data directory holds the database and the master key: its owner alone may enter it. */
export const PRIVATE_DIRECTORY_MODE = 0o700;
/** The database file; SQLite gives its -wal, -shm and -journal files the same mode. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Prepares a SQLite database file before the driver opens it, whatever the process umask:
 *
 * - its directory, when missing, is created with mode 0700 (set explicitly, not left to the
 *   umask); an existing one that group or others may enter is left as it is, with a warning
 *   (some deployments share it with a group on purpose);
 * - the file, when missing, is created empty with mode 0600 (an empty file is a new database to
 *   SQLite). An existing file keeps its mode.
 *
 * SQLite creates the `-wal`, `-shm` and `-journal` files beside it later, with the database
 * file's own mode (its unix VFS reads the database's mode and sets it on the new file), so they
 * are 0600 too. On Windows modes mean nothing of the kind and nothing is checked.
 */
export function prepareSqliteFile(file: string, logger?: { warn(obj: Record<string, unknown>, msg: string): void }): void {
  const dir = path.dirname(path.resolve(file));
  const posix = process.platform !== 'win32';
  const created = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  if (created !== undefined) {
    if (posix) chmodSync(dir, PRIVATE_DIRECTORY_MODE);
  } else if (posix) {
    const mode = statSync(dir).mode & 0o777;
    if (mode & 0o077) {
      logger?.warn({ dir, mode: `0${mode.toString(8)}` }, 'the data directory is open to other users; make it 0700 (chmod 700): it holds the database and the master key');
    }
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  try {
    if (posix) fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}
