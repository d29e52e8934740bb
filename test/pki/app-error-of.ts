import { AppError } from '../../src/domain/app-error.js';

/** Runs `fn` and returns the AppError it throws; fails when it throws nothing or anything else. */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but nothing was thrown');
}
