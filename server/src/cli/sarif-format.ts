/**
 * The `sarif` format: a SARIF 2.1.0 log for code-scanning services. One run; the driver lists every
 * rule (so `ruleIndex` is stable); each result carries its flow as a `codeFlow` and its fixes as
 * `fixes`. File URIs are relative to the `%SRCROOT%` base (the report's root) when the file is below it,
 * absolute `file:` URIs otherwise. Columns count UTF-16 code units, as TypeScript does.
 */
import { pathToFileURL } from 'node:url';
import { Finding, RULE_IDS, RULES, Severity, TextChange, TextSpan } from '../analysis';
import { repositoryAddress, ruleWebPage, TOOL_NAME } from '../product';
import { relativePath } from '../project/paths';
import { Positions } from './line-map';
import type { ScanReport } from './scan-report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVELS: Readonly<Record<Severity | 'off', SarifLevel>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

/** The report as a SARIF 2.1.0 log (pretty-printed, ending with a newline). */
export function formatSarif(report: ScanReport, toolVersion: string): string {
  const writer = new SarifWriter(report);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            ...optional('informationUri', repositoryAddress()),
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              help: { text: rule.summary, markdown: rule.documentation },
              ...optional('helpUri', ruleWebPage(rule.id)),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes.map((note) => ({
              level: 'note',
              message: { text: note.message },
              ...(note.file !== undefined ? { locations: [{ physicalLocation: { artifactLocation: writer.artifact(note.file) } }] } : {}),
            })),
          },
        ],
        results: report.findings.map((finding) => writer.result(finding)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** `{ key: value }`, or nothing when there is no value: SARIF properties are left out rather than empty. */
function optional(key: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [key]: value };
}

class SarifWriter {
  private readonly positions: Positions;

  constructor(private readonly report: ScanReport) {
    this.positions = new Positions(report.readSource);
  }

  result(finding: Finding): object {
    return {
      ruleId: finding.ruleId,
      ruleIndex: RULE_IDS.indexOf(finding.ruleId),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: this.physicalLocation(finding) }],
      ...(finding.path.length > 0 ? { codeFlows: [this.codeFlow(finding)] } : {}),
      ...(finding.fixes.length > 0 ? { fixes: finding.fixes.map((fix) => ({ description: { text: fix.title }, artifactChanges: this.artifactChanges(fix.changes) })) } : {}),
    };
  }

  /** A relative URI under `%SRCROOT%` for files below the root, an absolute `file:` URI otherwise. */
  artifact(file: string): object {
    const relative = relativePath(this.report.root, file);
    if (relative.startsWith('../') || /^[A-Za-z]:/.test(relative) || relative.startsWith('/')) return { uri: pathToFileURL(file).href };
    return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  }

  private codeFlow(finding: Finding): object {
    return {
      threadFlows: [
        {
          locations: finding.path.map((step) => ({
            location: { physicalLocation: this.physicalLocation(step), message: { text: step.note } },
          })),
        },
      ],
    };
  }

  /** One artifact change per file, its replacements in the fix's order. */
  private artifactChanges(changes: readonly TextChange[]): object[] {
    const byFile = new Map<string, TextChange[]>();
    for (const change of changes) byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
    return [...byFile].map(([file, fileChanges]) => ({
      artifactLocation: this.artifact(file),
      replacements: fileChanges.map((change) => ({ deletedRegion: this.region(change), insertedContent: { text: change.newText } })),
    }));
  }

  private physicalLocation(span: TextSpan): object {
    return { artifactLocation: this.artifact(span.file), region: this.region(span) };
  }

  /** Both the line/column and the character form; an empty span is an insertion point. */
  private region(span: TextSpan): object {
    const start = this.positions.positionAt(span.file, span.start);
    const end = this.positions.positionAt(span.file, span.end);
    return {
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      charOffset: span.start,
      charLength: span.end - span.start,
    };
  }
}

/** The `file:` URI of a folder, with the trailing slash a base URI needs. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
