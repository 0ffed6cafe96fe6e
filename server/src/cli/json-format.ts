/**
 * The `json` format: a stable document for scripts. Its shape is described in the README ("JSON
 * output"); add fields, never rename or remove them without bumping `version`.
 */
import type { Finding, TextSpan } from '../analysis';
import { relativePath } from '../project/paths';
import { Position, Positions } from './line-map';
import { countBySeverity, ScanReport } from './scan-report';
import { TOOL_NAME } from '../product';

/** The version of this document's shape. */
export const JSON_FORMAT_VERSION = 1;

/** A span in JSON: the file relative to the report's root, and both ends as line, column and offset. */
interface JsonSpan {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** The report as a JSON document (pretty-printed, ending with a newline). */
export function formatJson(report: ScanReport, toolVersion: string): string {
  const positions = new Positions(report.readSource);
  const span = (textSpan: TextSpan): JsonSpan => ({
    file: relativePath(report.root, textSpan.file),
    start: positions.positionAt(textSpan.file, textSpan.start),
    end: positions.positionAt(textSpan.file, textSpan.end),
  });
  const counts = countBySeverity(report.findings);
  const document = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion },
    root: report.root,
    summary: { files: report.filesScanned, findings: report.findings.length, ...counts },
    notes: report.notes.map((note) => ({ ...(note.file !== undefined ? { file: relativePath(report.root, note.file) } : {}), message: note.message })),
    findings: report.findings.map((finding) => findingToJson(finding, span)),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

function findingToJson(finding: Finding, span: (textSpan: TextSpan) => JsonSpan): object {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...span(finding),
    ...(finding.label !== undefined ? { label: finding.label } : {}),
    ...(finding.metric !== undefined ? { metric: finding.metric } : {}),
    ...(finding.source !== undefined ? { source: { text: finding.source.text, description: finding.source.description, ...span(finding.source) } } : {}),
    ...(finding.weakSanitizer !== undefined ? { weakSanitizer: finding.weakSanitizer } : {}),
    path: finding.path.map((step) => ({ ...span(step), note: step.note })),
    fixes: finding.fixes.map((fix) => ({
      kind: fix.kind,
      title: fix.title,
      preferred: fix.preferred,
      changes: fix.changes.map((change) => ({ ...span(change), newText: change.newText })),
    })),
  };
}
