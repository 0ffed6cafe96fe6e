import { Disposable, languages, StatusBarAlignment, StatusBarItem, window, workspace } from 'vscode';
import { State } from 'vscode-languageclient/node';

/** The diagnostics source the server sets; counted for the status bar. */
const DIAGNOSTIC_SOURCE = 'cardinal';

/**
 * The status bar item, honest about what the extension is doing: starting, analysing (until the
 * server's first result), the findings the Problems panel holds, disabled (`cardinal.enable` off in
 * every folder), or an error when the server failed. Never a tick for a server that checks nothing.
 */
export class CardinalStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private state: State = State.Stopped;
  private failed = false;
  /** The server published its first diagnostics since it started. */
  private answered = false;

  constructor(showOutputCommand: string) {
    this.item = window.createStatusBarItem('cardinal.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Cardinal';
    this.item.command = showOutputCommand;
    this.subscriptions.push(
      languages.onDidChangeDiagnostics(() => {
        if (this.state === State.Running) this.answered = true;
        this.render();
      }),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('cardinal.enable')) this.render();
      }),
    );
    this.render();
    this.item.show();
  }

  setState(state: State): void {
    if (state === State.Starting) this.answered = false;
    this.state = state;
    this.render();
  }

  /** The server could not start, or stopped for good. */
  setFailed(): void {
    this.failed = true;
    this.render();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private render(): void {
    const findings = countFindings();
    const plural = `${findings} finding${findings === 1 ? '' : 's'}`;
    const [text, tooltip] = this.failed || this.state === State.StartFailed
      ? ['$(error) Cardinal: error', 'The Cardinal language server failed. Click to show the output.']
      : !isEnabledAnywhere()
        ? ['$(circle-slash) Cardinal: disabled', '"cardinal.enable" is off in every folder of this workspace.']
        : this.state === State.Starting
          ? ['$(sync~spin) Cardinal: starting', 'The Cardinal language server is starting.']
          : this.state === State.Stopped
            ? ['$(circle-slash) Cardinal: stopped', 'The Cardinal language server is stopped. Click to show the output.']
            : !this.answered
              ? ['$(sync~spin) Cardinal: analysing', 'Cardinal is analysing the open files.']
              : [`${findings > 0 ? '$(warning)' : '$(check)'} Cardinal: ${findings}`, `Cardinal: ${plural} in the Problems panel. Click to show the output.`];
    this.item.text = text;
    this.item.tooltip = tooltip;
  }
}

function isEnabledAnywhere(): boolean {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) return workspace.getConfiguration('cardinal').get<boolean>('enable', true);
  return folders.some((folder) => workspace.getConfiguration('cardinal', folder.uri).get<boolean>('enable', true));
}

function countFindings(): number {
  let count = 0;
  for (const [, diagnostics] of languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) if (diagnostic.source === DIAGNOSTIC_SOURCE) count++;
  }
  return count;
}
