/** Line arithmetic on a file's text, for the parts of the back end that work with lines (suppressions, fixes). */

export class TextLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** The end of a line's text, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length + 1;
    const end = next - 1;
    return end > 0 && this.text[end - 1] === '\r' ? end - 1 : Math.min(end, this.text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The spaces and tabs a line starts with. */
  indentation(line: number): string {
    return /^[ \t]*/.exec(this.text.slice(this.starts[line]))![0];
  }

  /** The line break the file uses. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}
