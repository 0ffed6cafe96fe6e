import { CancellationToken, CancellationTokenSource, Connection, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../analysis';
import { findingsToDiagnostics } from './convert';
import type { OpenDocuments } from './documents';
import type { FileAnalysis } from './file-analysis';
import type { SettingsStore } from './settings';
import { uriToFileName } from './uri';

/**
 * How long the other open documents of a project wait after an edit before they are checked again:
 * typing pauses shorter than this check only the document being typed in.
 */
export const DEPENDENTS_DELAY_MS = 200;

interface PendingRun {
  readonly timer: NodeJS.Timeout;
  readonly cancellation: CancellationTokenSource;
}

/** What live diagnostics need from the rest of the server. */
export interface DiagnosticsContext {
  readonly connection: Connection;
  readonly documents: OpenDocuments;
  readonly settings: SettingsStore;
  readonly analysis: FileAnalysis;
}

/**
 * Pushes diagnostics for open documents (and for closed files a workspace scan reported). The
 * document being edited is checked at once: one check costs tens of milliseconds, so its squiggles
 * follow the typing. Findings flow across files (a helper in one file feeds a label in another), so a
 * change to any document also re-checks every open document of its project or package, once the
 * typing pauses. A run not yet started is replaced when its document changes again, and a result
 * computed for an older version of the document is never published.
 */
export class LiveDiagnostics {
  private readonly pending = new Map<string, PendingRun>();
  /** URIs of closed files whose diagnostics came from a workspace scan; they keep being maintained. */
  private readonly scanned = new Set<string>();

  constructor(
    private readonly context: DiagnosticsContext,
    private readonly dependentsDelayMs = DEPENDENTS_DELAY_MS,
  ) {}

  /** A document was opened or edited: re-check it now, and the open documents that may depend on it soon. */
  documentChanged(uri: string): void {
    this.schedule(uri, 0);
    for (const other of this.openUrisAffectedBy(uri)) if (other !== uri) this.schedule(other, this.dependentsDelayMs);
  }

  /**
   * A document was closed: its diagnostics go, unless a workspace scan made it part of the problems.
   * Its project now sees the disk's text instead of the unsaved one, so the rest of the project is re-checked.
   */
  documentClosed(uri: string): void {
    this.cancel(uri);
    if (this.scanned.has(uri)) this.schedule(uri, this.dependentsDelayMs);
    else this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of this.openUrisAffectedBy(uri)) this.schedule(other, this.dependentsDelayMs);
  }

  /** Settings, configuration or files on disk changed: re-check everything that has diagnostics. */
  revalidateAll(): void {
    for (const document of this.context.documents.documents.all()) this.schedule(document.uri, this.dependentsDelayMs);
    for (const uri of this.scanned) this.schedule(uri, this.dependentsDelayMs);
  }

  /**
   * A scan published diagnostics for these closed files: from now on they are maintained like open
   * ones, and closed files the previous scan reported but this one did not are cleared.
   */
  adoptScanned(uris: Iterable<string>): void {
    const previous = [...this.scanned];
    this.scanned.clear();
    for (const uri of uris) this.scanned.add(uri);
    for (const uri of previous) {
      if (!this.scanned.has(uri) && !this.context.documents.documents.get(uri)) this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  /** Sends the diagnostics of a file; scans use it too, so there is one way diagnostics leave. */
  publish(uri: string, findings: readonly Finding[], version?: number): void {
    const diagnostics: Diagnostic[] = findingsToDiagnostics(findings, this.context.documents);
    this.context.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const cancellation = new CancellationTokenSource();
    const timer = setTimeout(() => {
      this.validate(uri, cancellation.token)
        .catch((error: unknown) => this.context.connection.console.error(`Checking ${uri} failed: ${String(error)}`))
        .finally(() => {
          if (this.pending.get(uri)?.cancellation === cancellation) this.pending.delete(uri);
          cancellation.dispose();
        });
    }, delayMs);
    this.pending.set(uri, { timer, cancellation });
  }

  private cancel(uri: string): void {
    const run = this.pending.get(uri);
    if (!run) return;
    clearTimeout(run.timer);
    run.cancellation.cancel();
    this.pending.delete(uri);
  }

  private async validate(uri: string, token: CancellationToken): Promise<void> {
    const { documents, settings, analysis } = this.context;
    const version = documents.documents.get(uri)?.version;
    const fileName = uriToFileName(uri);
    const resolved = await settings.forResource(uri);
    if (token.isCancellationRequested) return;
    let findings: Finding[] = [];
    if (fileName !== undefined && resolved.enable && !resolved.isExcluded(fileName)) {
      findings = (await analysis.findings(fileName, resolved.config, () => token.isCancellationRequested)) ?? [];
    }
    // The settings round trip (and loading a parser) yields to the event loop, so the document may have moved on meanwhile.
    if (token.isCancellationRequested || documents.documents.get(uri)?.version !== version) return;
    this.publish(uri, findings, version);
  }

  private openUrisAffectedBy(uri: string): string[] {
    const fileName = uriToFileName(uri);
    if (fileName === undefined) return [];
    const { analysis, documents } = this.context;
    return analysis.openFilesAffectedBy(fileName).map((other) => documents.uriOf(other));
  }
}
