/**
 * One file the analysis fails on must not end a scan: its findings are given up, the scan says so
 * for that file, and every other file is analysed as usual.
 */
import type { Note } from './language';

/** `analyze()`, or `fallback` with a note naming the files when it throws. */
export function withoutFailing<T>(files: readonly string[], analyze: () => T, fallback: T, note: (note: Note) => void): T {
  try {
    return analyze();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const file of files) note({ file, message: `not analysed: an internal error (${reason}); please report it` });
    return fallback;
  }
}
