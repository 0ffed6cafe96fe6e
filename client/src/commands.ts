import { randomUUID } from 'node:crypto';
import { commands, Disposable, OutputChannel, Position, ProgressLocation, Selection, Uri, window } from 'vscode';
import { LanguageClient, RequestType, WorkDoneProgress, WorkDoneProgressParams } from 'vscode-languageclient/node';
import { RulePages, SHOW_RULE_DOCUMENTATION } from './rule-pages';

/** Command ids, as package.json declares them. */
export const COMMANDS = {
  scanWorkspace: 'cardinal.scanWorkspace',
  showOutput: 'cardinal.showOutput',
  restartServer: 'cardinal.restartServer',
  showRuleDocumentation: SHOW_RULE_DOCUMENTATION,
  /** Run by the server's CodeLens on a metric (not in the palette): shows the metric's hover, its breakdown. */
  showSeriesBreakdown: 'cardinal.showSeriesBreakdown',
} as const;

/** The server's `cardinal/scanWorkspace` result (see server/src/lsp/protocol.ts). */
interface ScanWorkspaceResult {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly byRule: Readonly<Record<string, number>>;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

const ScanWorkspaceRequest = new RequestType<WorkDoneProgressParams, ScanWorkspaceResult, void>('cardinal/scanWorkspace');

/** Registers Cardinal's commands. */
export function registerCommands(client: LanguageClient, output: OutputChannel, rulePages: RulePages): Disposable[] {
  return [
    commands.registerCommand(COMMANDS.scanWorkspace, () => scanWorkspace(client)),
    commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    commands.registerCommand(COMMANDS.restartServer, () => client.restart()),
    commands.registerCommand(COMMANDS.showRuleDocumentation, (ruleId?: unknown) => rulePages.show(typeof ruleId === 'string' ? ruleId : undefined)),
    commands.registerCommand(COMMANDS.showSeriesBreakdown, (uri?: unknown, position?: unknown) => showSeriesBreakdown(uri, position)),
  ];
}

/** Puts the cursor on the metric's declaration and opens its hover, which holds the breakdown. */
async function showSeriesBreakdown(uri: unknown, position: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isPosition(position)) return;
  const editor = await window.showTextDocument(Uri.parse(uri));
  const at = new Position(position.line, position.character);
  editor.selection = new Selection(at, at);
  await commands.executeCommand('editor.action.showHover');
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return typeof value === 'object' && value !== null && typeof (value as { line?: unknown }).line === 'number' && typeof (value as { character?: unknown }).character === 'number';
}

/**
 * Runs a workspace scan behind a cancellable notification fed by the server's progress reports, then
 * opens the Problems panel. Resolves to the server's summary so tests can check it.
 */
async function scanWorkspace(client: LanguageClient): Promise<ScanWorkspaceResult> {
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Cardinal: scanning the workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: percentage - reported });
        reported = percentage;
      });
      try {
        return await client.sendRequest(ScanWorkspaceRequest, { workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    },
  );
  if (result.cancelled) {
    void window.showInformationMessage('Cardinal: scan cancelled; the Problems panel is as it was.');
    return result;
  }
  await showProblemsKeepingFocus();
  void window.showInformationMessage(`Cardinal: ${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} file${result.filesWithFindings === 1 ? '' : 's'} (${result.files} scanned).`);
  return result;
}

/**
 * Opens the Problems panel without closing it when it is already open (`workbench.actions.view.problems`
 * toggles it) and gives the focus back to the editor the user was in.
 */
async function showProblemsKeepingFocus(): Promise<void> {
  const editor = window.activeTextEditor;
  await commands.executeCommand('workbench.panel.markers.view.focus');
  if (editor) await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, selection: editor.selection });
}
