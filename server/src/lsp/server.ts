/**
 * The Cardinal language server: wiring only. Each concern lives in its own module (documents,
 * settings, live diagnostics, code actions, hover, workspace scan); this file connects them to the
 * protocol. All state hangs off one `startServer` call, so tests can run a server per connection.
 */
import ts from 'typescript';
import {
  CancellationToken,
  CodeAction,
  CodeLensRefreshRequest,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  Hover,
  InitializeParams,
  InitializeResult,
  WorkspaceFolder,
} from 'vscode-languageserver';
import { FIX_ALL_KIND, readClientFeatures, serverCapabilities } from './capabilities';
import { fixAllAction, isRequested, quickFixes } from './code-actions';
import { DEPENDENTS_DELAY_MS, LiveDiagnostics } from './diagnostics';
import { OpenDocuments } from './documents';
import { FileAnalysis, Logger } from './file-analysis';
import { labelHover, toHover } from './hover';
import { LensRefresh, metricLenses } from './code-lens';
import { toolVersion } from '../product';
import { ScanWorkspaceRequest, type ScanWorkspaceParams } from './protocol';
import { scanWorkspace } from './scan';
import { SettingsStore } from './settings';
import { uriToFileName } from './uri';
import { classifyChanges, watchFiles } from './watched-files';

export interface ServerOptions {
  /** The file system; tests may pass an in-memory one. Defaults to `ts.sys`. */
  readonly sys?: ts.System;
  /** How long other open documents wait to be re-checked after an edit (see `LiveDiagnostics`). */
  readonly dependentsDelayMs?: number;
  /** How long after the last change the client is asked for every CodeLens again (see `LensRefresh`). */
  readonly lensRefreshDelayMs?: number;
}

/** Long enough for a burst of typing to end, short enough that a lens in another editor is soon right. */
const LENS_REFRESH_DELAY_MS = 1000;

/** Serves Cardinal on `connection` until the client says `exit`. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const sys = options.sys ?? ts.sys;
  const documents = new OpenDocuments(sys);
  connection.onInitialize((params) => initialize(connection, documents, sys, params, options));
  documents.documents.listen(connection);
  connection.listen();
}

function initialize(connection: Connection, documents: OpenDocuments, sys: ts.System, params: InitializeParams, options: ServerOptions): InitializeResult {
  const features = readClientFeatures(params);
  let folders = initialFolders(params);
  const workspaceFolders = () => folders;
  const logger: Logger = {
    info: (message) => connection.console.info(message),
    log: (message) => connection.console.log(message),
    error: (message) => connection.console.error(message),
  };
  const analysis = new FileAnalysis({ sys, documents, logger });
  const settings = new SettingsStore({ connection, configuration: features.configuration, sys, logger, workspaceFolders });
  const diagnostics = new LiveDiagnostics({ connection, documents, settings, analysis }, options.dependentsDelayMs ?? DEPENDENTS_DELAY_MS);

  const noRefresh = { request: () => undefined, dispose: () => undefined };
  const lenses = features.codeLensRefresh
    ? new LensRefresh(() => connection.sendRequest(CodeLensRefreshRequest.type), options.lensRefreshDelayMs ?? LENS_REFRESH_DELAY_MS, (error) => logger.log(`Refreshing CodeLenses failed: ${String(error)}`))
    : noRefresh;

  const { documents: textDocuments } = documents;
  textDocuments.onDidOpen(({ document }) => documents.opened(document.uri));
  documents.onDidEdit((fileName, edits) => analysis.edited(fileName, edits));
  textDocuments.onDidChangeContent(({ document }) => {
    const fileName = uriToFileName(document.uri);
    if (fileName !== undefined) analysis.editorTextChanged(fileName);
    diagnostics.documentChanged(document.uri);
    lenses.request();
  });
  textDocuments.onDidClose(({ document }) => {
    const closedFile = documents.closed(document.uri);
    if (closedFile !== undefined) analysis.editorTextChanged(closedFile);
    diagnostics.documentClosed(document.uri);
  });

  connection.onInitialized(() => {
    logger.info(`Cardinal ${toolVersion()} (TypeScript ${ts.version}), workspace folders: ${folders.map((folder) => uriToFileName(folder.uri) ?? folder.uri).join(', ') || 'none'}`);
    const registrations: Promise<unknown>[] = [];
    if (features.configurationChanges) registrations.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'cardinal' }));
    if (features.watchFiles) registrations.push(watchFiles(connection));
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
        settings.clear();
        diagnostics.revalidateAll();
      });
    }
    Promise.all(registrations).catch((error: unknown) => logger.error(`Registering for configuration and file changes failed: ${String(error)}`));
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.revalidateAll();
    lenses.request();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes = classifyChanges(params);
    if (changes.settings) settings.clear();
    settings.configFilesChanged(changes.configFiles);
    if (changes.projects) analysis.projectsChanged();
    else analysis.filesCreatedOrDeleted(changes.createdOrDeleted);
    for (const fileName of changes.changedFiles) if (documents.get(fileName) === undefined) analysis.diskFileChanged(fileName);
    diagnostics.revalidateAll();
    lenses.request();
  });

  connection.onCodeAction(async (params, token) => {
    const actions: CodeAction[] = isRequested(params, CodeActionKind.QuickFix) ? quickFixes(params) : [];
    const fileName = uriToFileName(params.textDocument.uri);
    if (fileName !== undefined && isRequested(params, FIX_ALL_KIND, true)) {
      const resolved = await settings.forResource(params.textDocument.uri);
      const findings = resolved.enable ? await analysis.findings(fileName, resolved.config, () => token.isCancellationRequested) : [];
      const fixAll = findings && fixAllAction(findings, documents);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  });

  connection.onHover(async (params, token): Promise<Hover | null> => {
    const document = textDocuments.get(params.textDocument.uri);
    const fileName = uriToFileName(params.textDocument.uri);
    if (!document || fileName === undefined) return null;
    const resolved = await settings.forResource(document.uri);
    if (!resolved.enable) return null;
    const folders = workspaceFolders().flatMap((folder) => uriToFileName(folder.uri) ?? []);
    const description = await labelHover({ analysis, files: documents, folders }, fileName, document.offsetAt(params.position), resolved.config, () => token.isCancellationRequested);
    return description ? toHover(description, { start: document.positionAt(description.start), end: document.positionAt(description.end) }) : null;
  });

  connection.onCodeLens(async (params, token) => {
    const document = textDocuments.get(params.textDocument.uri);
    const fileName = uriToFileName(params.textDocument.uri);
    if (!document || fileName === undefined) return [];
    const resolved = await settings.forResource(document.uri);
    if (!resolved.enable || !resolved.codeLens || resolved.isExcluded(fileName)) return [];
    const { budgets } = await analysis.metricBudgets(fileName, resolved.config, () => token.isCancellationRequested);
    return metricLenses(document.uri, budgets, (start, end) => ({ start: document.positionAt(start), end: document.positionAt(end) }));
  });

  // Registered by name, so any params are accepted: clients send `{}`, `[]` (Lua encodes an empty
  // table so) or none, and the request type would reject the last two. The token always comes last.
  connection.onRequest(ScanWorkspaceRequest.method, async (...args: unknown[]) => {
    const token = args[args.length - 1] as CancellationToken;
    const params = args.length === 2 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? (args[0] as ScanWorkspaceParams) : {};
    const result = await scanWorkspace({ connection, sys, documents, settings, analysis, diagnostics, workDoneProgress: features.workDoneProgress, workspaceFolders }, params, token);
    logger.info(
      result.cancelled
        ? `Workspace scan cancelled after ${result.durationMs} ms; the problems are as they were.`
        : `Workspace scan: ${result.findings} findings in ${result.filesWithFindings} of ${result.files} files, ${result.durationMs} ms.`,
    );
    return result;
  });

  connection.onShutdown(() => {
    lenses.dispose();
    diagnostics.dispose();
    analysis.dispose();
  });

  return { capabilities: serverCapabilities(), serverInfo: { name: 'cardinal' } };
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  // Clients from before workspace folders (and Neovim 0.7 without them) send only a root.
  return params.rootUri ? [{ uri: params.rootUri, name: params.rootUri }] : [];
}
