import { CodeActionKind, InitializeParams, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';

/** The code action kind of "fix everything Cardinal can fix in this file" (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cardinal`;

/** What Cardinal offers every client. Diagnostics are pushed, so no diagnostic provider is declared. */
export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** The optional client features Cardinal adapts to. */
export interface ClientFeatures {
  /** `workspace/configuration`: settings per resource. Without it, defaults and cardinal.config.json apply. */
  readonly configuration: boolean;
  /** `window/workDoneProgress/create`: the server may start progress on its own. */
  readonly workDoneProgress: boolean;
  /** Dynamic registration of file watchers (`workspace/didChangeWatchedFiles`). */
  readonly watchFiles: boolean;
  /** Dynamic registration of `workspace/didChangeConfiguration`, which pull-model clients need to notify at all. */
  readonly configurationChanges: boolean;
  /** `workspace/didChangeWorkspaceFolders`. */
  readonly workspaceFolders: boolean;
  /** `workspace/codeLens/refresh`: the server may ask for every lens again (a metric's worst case changes with other files). */
  readonly codeLensRefresh: boolean;
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const { workspace, window } = params.capabilities;
  return {
    configuration: workspace?.configuration === true,
    workDoneProgress: window?.workDoneProgress === true,
    watchFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationChanges: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
  };
}
