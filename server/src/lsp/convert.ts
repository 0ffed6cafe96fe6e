/**
 * The one place where Cardinal's plain data (findings, fixes, offsets) becomes LSP data (diagnostics,
 * workspace edits, line/character ranges). Offsets are UTF-16 code unit offsets into a file's text,
 * which is also how LSP counts characters by default, so a position is a pure function of the text.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, FixKind, Severity, TextChange, TextSpan } from '../analysis';
import { ruleDocumentationLink } from '../product';

/** `Diagnostic.source` of everything Cardinal reports; code actions use it to recognise their own. */
export const DIAGNOSTIC_SOURCE = 'cardinal';


/** A fix as it rides on `Diagnostic.data`: already an LSP edit, so a quick fix needs no server state. */
export interface DiagnosticFix {
  readonly title: string;
  readonly kind: FixKind;
  readonly preferred: boolean;
  readonly edit: WorkspaceEdit;
}

/** The `data` of a Cardinal diagnostic. */
export interface CardinalDiagnosticData {
  readonly fixes: readonly DiagnosticFix[];
}

/** Where the text and the URI of a file come from: the open editor when there is one, else the disk. */
export interface FileTexts {
  textOf(fileName: string): string | undefined;
  uriOf(fileName: string): string;
}

/**
 * Converts offsets of any number of files to LSP ranges, reading each file's text once. Make one per
 * batch of conversions: it keeps the texts it read, so it must not outlive an edit.
 */
export class PositionMapper {
  private readonly documents = new Map<string, TextDocument | undefined>();

  constructor(private readonly files: FileTexts) {}

  uriOf(fileName: string): string {
    return this.files.uriOf(fileName);
  }

  /** The range of a span, or undefined when the file's text cannot be read. */
  rangeOf(span: TextSpan): Range | undefined {
    const document = this.documentOf(span.file);
    if (!document) return undefined;
    return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
  }

  /** The offset of a position in a file, or undefined when the file's text cannot be read. */
  offsetAt(fileName: string, line: number, character: number): number | undefined {
    return this.documentOf(fileName)?.offsetAt({ line, character });
  }

  private documentOf(fileName: string): TextDocument | undefined {
    if (!this.documents.has(fileName)) {
      const text = this.files.textOf(fileName);
      this.documents.set(fileName, text === undefined ? undefined : TextDocument.create(this.files.uriOf(fileName), 'plaintext', 0, text));
    }
    return this.documents.get(fileName);
  }
}

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostic for a finding, with its flow (of more than one step) as related information and its fixes as data. */
export function findingToDiagnostic(finding: Finding, mapper: PositionMapper): Diagnostic | undefined {
  const range = mapper.rangeOf(finding);
  if (!range) return undefined;
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  // A one-step flow is the label itself: as related information it would only repeat the message.
  for (const step of finding.path.length > 1 ? finding.path : []) {
    const stepRange = mapper.rangeOf(step);
    if (stepRange) relatedInformation.push({ location: { uri: mapper.uriOf(step.file), range: stepRange }, message: step.note });
  }
  const data: CardinalDiagnosticData = {
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      kind: fix.kind,
      preferred: fix.preferred,
      edit: changesToWorkspaceEdit(fix.changes, mapper),
    })),
  };
  return {
    range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocumentationLink(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    relatedInformation,
    data,
  };
}

/** The diagnostics of a batch of findings; findings whose file cannot be read are dropped. */
export function findingsToDiagnostics(findings: readonly Finding[], files: FileTexts): Diagnostic[] {
  const mapper = new PositionMapper(files);
  return findings.flatMap((finding) => findingToDiagnostic(finding, mapper) ?? []);
}

/** One workspace edit for text changes that may span several files. */
export function changesToWorkspaceEdit(changes: readonly TextChange[], mapper: PositionMapper): WorkspaceEdit {
  const edits: Record<string, TextEdit[]> = {};
  for (const change of changes) {
    const range = mapper.rangeOf(change);
    if (!range) continue;
    (edits[mapper.uriOf(change.file)] ??= []).push({ range, newText: change.newText });
  }
  return { changes: edits };
}

/** Reads the fixes back from a diagnostic the client sends with a code action request. */
export function fixesOf(diagnostic: Diagnostic): readonly DiagnosticFix[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const data = diagnostic.data as Partial<CardinalDiagnosticData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}
