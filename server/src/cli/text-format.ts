/**
 * The `text` format, for people at a terminal:
 *
 *     src/metrics.ts:14:27 error raw-path-label label "endpoint" receives the raw request path …
 *       ↳ src/metrics.ts:9:20 raw request path `req.path`
 *       ↳ src/metrics.ts:14:27 label "endpoint"
 *       fix: Use the route pattern
 *
 *     2 findings (1 error, 1 warning) in 14 files
 */
import type { Finding, Severity } from '../analysis';
import { relativePath } from '../project/paths';
import { Positions } from './line-map';
import { countBySeverity, ScanReport } from './scan-report';

export interface TextFormatOptions {
  /** ANSI colours; the caller decides (a TTY, and NO_COLOR unset). */
  readonly color: boolean;
}

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: '31', warning: '33', info: '36', hint: '2' };

/** The whole report as text, ending with a newline. */
export function formatText(report: ScanReport, options: TextFormatOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const positions = new Positions(report.readSource);
  const where = (file: string, offset: number) => {
    const { line, column } = positions.positionAt(file, offset);
    return `${relativePath(report.root, file)}:${line}:${column}`;
  };
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(`${where(finding.file, finding.start)} ${paint(SEVERITY_COLORS[finding.severity], finding.severity)} ${paint('2', finding.ruleId)} ${finding.message}`);
    for (const step of finding.path) lines.push(`  ${paint('2', '↳')} ${where(step.file, step.start)} ${step.note}`);
    const preferred = preferredFix(finding);
    if (preferred !== undefined) lines.push(`  ${paint('32', 'fix:')} ${preferred}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summarize(report, paint));
  return lines.join('\n') + '\n';
}

function preferredFix(finding: Finding): string | undefined {
  return finding.fixes.find((fix) => fix.preferred)?.title;
}

function summarize(report: ScanReport, paint: (code: string, text: string) => string): string {
  const files = plural(report.filesScanned, 'file');
  if (report.findings.length === 0) return paint('32', `No findings in ${files}.`);
  const counts = countBySeverity(report.findings);
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => (severity === 'info' ? `${counts.info} info` : plural(counts[severity], severity)));
  const failing = counts.error + counts.warning > 0;
  return paint(failing ? '31' : '33', `${plural(report.findings.length, 'finding')} (${parts.join(', ')}) in ${files}.`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
