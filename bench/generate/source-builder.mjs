/**
 * Builds a generated file line by line and remembers where the planted findings are, so the expected
 * report is derived from the text itself rather than from line numbers kept in sync by hand.
 */
export class SourceBuilder {
  #lines = [];
  #planted = [];

  /** Appends lines (each argument may hold several, separated by newlines). */
  add(...texts) {
    for (const text of texts) this.#lines.push(...text.split('\n'));
    return this;
  }

  /** Appends one line holding a finding (or several) the analysis must report there. */
  plant(text, findings) {
    this.#lines.push(text);
    for (const finding of [findings].flat()) this.#planted.push({ line: this.#lines.length, ...finding });
    return this;
  }

  /** Appends the lines and planted findings of another builder. */
  append(other) {
    const offset = this.#lines.length;
    this.#lines.push(...other.#lines);
    for (const planted of other.#planted) this.#planted.push({ ...planted, line: planted.line + offset });
    return this;
  }

  get lineCount() {
    return this.#lines.length;
  }

  /** The file's text and its planted findings ({ line, ruleId, label }, 1-based lines). */
  build() {
    return { text: `${this.#lines.join('\n')}\n`, planted: [...this.#planted] };
  }
}
