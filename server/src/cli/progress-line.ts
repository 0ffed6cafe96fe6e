/**
 * A one-line progress counter on a terminal, rewritten in place with `\r`.
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

/** A progress line on `stream`, or one that writes nothing when the stream is not a terminal. */
export function createProgressLine(stream: OutputStream): ProgressLine {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
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
