import type * as ts from 'typescript';
import { CancellationToken, Connection, WorkDoneProgressReporter, WorkspaceFolder } from 'vscode-languageserver';
import type { Finding } from '../analysis';
import { enumerateSourceFiles } from '../project/file-enumeration';
import type { OpenDocuments } from './documents';
import type { FileAnalysis } from './file-analysis';
import type { LiveDiagnostics } from './diagnostics';
import type { ScanWorkspaceParams, ScanWorkspaceResult } from './protocol';
import type { ResolvedSettings, SettingsStore } from './settings';
import { uriToFileName } from './uri';

/** What a workspace scan needs from the rest of the server. */
export interface ScanContext {
  readonly connection: Connection;
  readonly sys: ts.System;
  readonly documents: OpenDocuments;
  readonly settings: SettingsStore;
  readonly analysis: FileAnalysis;
  readonly diagnostics: LiveDiagnostics;
  /** Whether the client accepts `window/workDoneProgress/create`. */
  readonly workDoneProgress: boolean;
  workspaceFolders(): readonly WorkspaceFolder[];
}

interface ScanTarget {
  readonly fileName: string;
  readonly settings: ResolvedSettings;
}

/**
 * Analyses every source file below the workspace folders. Results are published only once the scan
 * has finished, all at once, so a cancelled scan leaves the problems exactly as they were. Open
 * documents are counted but left to live diagnostics, which follow their unsaved text.
 */
export async function scanWorkspace(context: ScanContext, params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanWorkspaceResult> {
  const started = Date.now();
  const progress = await openProgress(context, params);
  progress.begin('Cardinal: scanning the workspace', 0, 'listing files', true);
  const isCancelled = () => token.isCancellationRequested || progress.token.isCancellationRequested;
  const results = new Map<string, Finding[]>();
  let cancelled = false;
  try {
    const targets = await listTargets(context);
    const selected = selectForAnalysis(context, targets);
    context.analysis.takeDelegated();
    for (const [index, target] of targets.entries()) {
      if (isCancelled()) break;
      const findings = selected.has(target.fileName) ? ((await context.analysis.findings(target.fileName, target.settings.config, isCancelled)) ?? []) : [];
      results.set(target.fileName, findings);
      progress.report(Math.floor(((index + 1) * 100) / targets.length), `${index + 1}/${targets.length} files`);
      // Let cancellation requests and edits in between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Files the selection left out that call a wrapper of an analysed file hold its labels' findings.
    const byName = new Map(targets.map((target) => [target.fileName, target]));
    for (let delegated = context.analysis.takeDelegated(); delegated.length > 0 && !isCancelled(); delegated = context.analysis.takeDelegated()) {
      for (const fileName of delegated) {
        const target = byName.get(fileName);
        if (!target || selected.has(fileName)) continue;
        selected.add(fileName);
        results.set(fileName, (await context.analysis.findings(fileName, target.settings.config, isCancelled)) ?? []);
      }
    }
    cancelled = isCancelled();
  } finally {
    context.analysis.scanFinished();
    progress.done();
  }
  if (!cancelled) publish(context, results);
  return summarize(results, cancelled, Date.now() - started);
}

async function openProgress(context: ScanContext, params: ScanWorkspaceParams): Promise<WorkDoneProgressReporter & { token: CancellationToken }> {
  const { window } = context.connection;
  if (params.workDoneToken !== undefined) {
    // The client owns this progress; it cancels by cancelling the request itself.
    return Object.assign(window.attachWorkDoneProgress(params.workDoneToken), { token: CancellationToken.None });
  }
  return context.workDoneProgress ? window.createWorkDoneProgress() : Object.assign(window.attachWorkDoneProgress(undefined), { token: CancellationToken.None });
}

async function listTargets(context: ScanContext): Promise<ScanTarget[]> {
  const targets: ScanTarget[] = [];
  for (const folder of context.workspaceFolders()) {
    const root = uriToFileName(folder.uri);
    if (root === undefined) continue;
    const folderSettings = await context.settings.forResource(folder.uri);
    if (!folderSettings.enable) continue;
    const { files } = enumerateSourceFiles(context.sys, [root], { accepts: (file) => context.analysis.accepts(file), isExcluded: (file) => folderSettings.isExcluded(file) });
    // Each file is judged with the configuration of its own folder (a package's cardinal.config.json).
    for (const fileName of files) {
      const settings = await context.settings.forResource(context.documents.uriOf(fileName));
      if (settings.enable && !settings.isExcluded(fileName)) targets.push({ fileName, settings });
    }
  }
  return targets;
}

/** The targets that may have findings; the others are counted, not analysed. */
function selectForAnalysis(context: ScanContext, targets: readonly ScanTarget[]): Set<string> {
  const bySettings = new Map<ResolvedSettings, string[]>();
  for (const { fileName, settings } of targets) {
    const fileNames = bySettings.get(settings);
    if (fileNames) fileNames.push(fileName);
    else bySettings.set(settings, [fileName]);
  }
  const selected = new Set<string>();
  for (const [settings, fileNames] of bySettings) for (const fileName of context.analysis.selectForScan(fileNames, settings.config)) selected.add(fileName);
  return selected;
}

function publish(context: ScanContext, results: ReadonlyMap<string, Finding[]>): void {
  const withFindings: string[] = [];
  for (const [fileName, findings] of results) {
    if (context.documents.get(fileName) !== undefined) continue;
    const uri = context.documents.uriOf(fileName);
    context.diagnostics.publish(uri, findings);
    if (findings.length > 0) withFindings.push(uri);
  }
  context.diagnostics.adoptScanned(withFindings);
}

function summarize(results: ReadonlyMap<string, Finding[]>, cancelled: boolean, durationMs: number): ScanWorkspaceResult {
  const byRule: Record<string, number> = {};
  let findings = 0;
  let filesWithFindings = 0;
  for (const fileFindings of results.values()) {
    if (fileFindings.length > 0) filesWithFindings++;
    for (const finding of fileFindings) {
      findings++;
      byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    }
  }
  return { files: results.size, filesWithFindings, findings, byRule, durationMs, cancelled };
}
