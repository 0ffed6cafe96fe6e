/**
 * Offsets into a file's text turned into the 1-based lines and columns people and tools read.
 */

/** A 1-based line and column (in UTF-16 code units, as TypeScript and editors count) and the 0-based offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The line starts of one text, for repeated offset → line/column conversions. */
export class LineMap {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** The position of `offset`; offsets past the end stay on the last line. */
  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1, offset };
  }
}

/** Positions in any file of a report, reading each file's text once. */
export class Positions {
  private readonly maps = new Map<string, LineMap>();

  constructor(private readonly readSource: (file: string) => string | undefined) {}

  /** The position of `offset` in `file`; line 1 counting from the offset when the file cannot be read. */
  positionAt(file: string, offset: number): Position {
    let map = this.maps.get(file);
    if (!map) {
      map = new LineMap(this.readSource(file) ?? '');
      this.maps.set(file, map);
    }
    return map.positionAt(offset);
  }
}
