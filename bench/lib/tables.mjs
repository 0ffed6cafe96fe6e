/** Plain-text tables for the terminal. */

/** Renders `rows` (arrays of cells) under `header`, numbers right-aligned. */
export function formatTable(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number' || /^[\d.,×%+-]+( ?\w+)?$/.test(String(row[column]))));
  const line = (row) => row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  return [title, line(cells[0]), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line), ''].join('\n');
}

/** `median (min–max)` with a unit. */
export function spread(summary, digits = 0, unit = '') {
  const f = (value) => value.toFixed(digits);
  return `${f(summary.median)}${unit} (${f(summary.min)}–${f(summary.max)})`;
}
