/**
 * Strict JSON parsing for `cardinal.config.json`, with syntax errors placed at a line and column.
 * Comments and trailing commas are errors: the file is plain JSON so every tool can read it.
 */

/** The parsed value, or where and why the text is not JSON. */
export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Parses `text` as JSON; on failure reports a 1-based line and column instead of throwing. */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const { line, column } = positionAt(text, errorOffset(raw, text));
    return { ok: false, line, column, message: describeSyntaxError(raw) };
  }
}

/**
 * V8 names the failing offset as "at position N" (Node 20) and adds "(line L column C)" on newer
 * versions; an unexpected end of input has neither and happens at the end of the text.
 */
function errorOffset(message: string, text: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return offsetAt(text, Number(lineColumn[1]), Number(lineColumn[2]));
  return text.length;
}

/** The engine's message without its own location suffix and without the quoted source excerpt. */
function describeSyntaxError(message: string): string {
  const withoutLocation = message.replace(/\s*(\(line \d+ column \d+\)|in JSON at position \d+.*)$/, '');
  const withoutExcerpt = withoutLocation.replace(/, ".*" is not valid JSON$/s, '');
  return withoutExcerpt.trim() || 'invalid JSON';
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + column - 1, text.length);
}
