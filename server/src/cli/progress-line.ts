/**
 * Progress of a scan on standard error: on a terminal, one line rewritten in place with `\r`; in a
 * log (CI, a pipe), a plain line every few seconds, so a long scan is never silent.
 */

/** The part of a stream the CLI writes to. */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface ProgressLine {
  update(done: number, total: number): void;
  /** Erases the line so the report starts on a clean one. */
  clear(): void;
}

/** How often a log gets a progress line. */
export const LOG_PROGRESS_INTERVAL_MS = 5_000;

/** A progress line on `stream`: redrawn on a terminal, a line every `intervalMs` elsewhere. */
export function createProgressLine(stream: OutputStream, now: () => number = Date.now, intervalMs = LOG_PROGRESS_INTERVAL_MS): ProgressLine {
  if (!stream.isTTY) return logProgress(stream, now, intervalMs);
  let shownPercent = -1;
  let shown = false;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
      // Redraw on each new percent, not each file: thousands of redraws slow a terminal down.
      if (percent === shownPercent) return;
      shownPercent = percent;
      shown = true;
      stream.write(`\r\u001b[Kcardinal: scanning ${done}/${total} files (${percent}%)`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

/** Plain lines for logs: none for a scan shorter than `intervalMs`, then one per interval. */
function logProgress(stream: OutputStream, now: () => number, intervalMs: number): ProgressLine {
  let next = now() + intervalMs;
  return {
    update(done, total) {
      const time = now();
      if (time < next || done === total) return;
      next = time + intervalMs;
      const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
      stream.write(`cardinal: scanning ${done}/${total} files (${percent}%)\n`);
    },
    clear() {},
  };
}
