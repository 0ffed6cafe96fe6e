/** Markdown pieces the inventory's reports share. */

/** Text for a table cell: a `|` would end the cell. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** `text` as inline code, fenced by more backticks than it holds (a template literal's name has some). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}
