/**
 * Where a key of a configuration problem (`rules.unbounded-lable`, `sinks[0].labels`, in the
 * validator's own notation) is written in the file's JSON text, so the editor can mark it there.
 * The text is valid JSON whenever the validator reported keys (a syntax error has its own position).
 */
import { joinKey } from './config-schema';

export interface JsonSpan {
  readonly start: number;
  readonly end: number;
}

/** The span of each key path: a member's key (`"rules"`), an element's value; the root is the whole text. */
export function jsonKeySpans(text: string): ReadonlyMap<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const readString = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const readValue = (path: string): void => {
    skipSpace();
    const start = at;
    if (text[at] === '{') {
      at++;
      for (skipSpace(); text[at] !== '}' && at < text.length; skipSpace()) {
        const keyStart = at;
        const key = readString();
        const child = joinKey(path, key);
        spans.set(child, { start: keyStart, end: at });
        skipSpace();
        at++; // ':'
        readValue(child);
        skipSpace();
        if (text[at] === ',') at++;
      }
      at++;
    } else if (text[at] === '[') {
      at++;
      for (let index = 0, done = false; !done; index++) {
        skipSpace();
        if (text[at] === ']' || at >= text.length) break;
        const elementStart = at;
        const child = `${path}[${index}]`;
        readValue(child);
        if (!spans.has(child)) spans.set(child, { start: elementStart, end: at });
        skipSpace();
        if (text[at] === ',') at++;
        else done = true;
      }
      skipSpace();
      at++;
    } else if (text[at] === '"') {
      readString();
    } else {
      while (at < text.length && /[^\s,\]}]/.test(text[at])) at++;
    }
    if (path === '') spans.set('', { start, end: at });
  };
  readValue('');
  return spans;
}

/** The span of `key`, or of its nearest ancestor that is written in the text. */
export function locateJsonKey(spans: ReadonlyMap<string, JsonSpan>, key: string): JsonSpan | undefined {
  for (let current = key; ; current = parentKey(current)) {
    const span = spans.get(current);
    if (span || current === '') return span;
  }
}

/** `sinks[0].labels` → `sinks[0]` → `sinks` → `` (a bracketed segment counts as one). */
function parentKey(key: string): string {
  const match = /(\.[^.[\]]+|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/.exec(key);
  return match ? key.slice(0, match.index) : '';
}
