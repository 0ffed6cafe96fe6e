import { Disposable, languages, StatusBarAlignment, StatusBarItem, window } from 'vscode';
import { State } from 'vscode-languageclient/node';

/** The diagnostics source the server sets; counted for the status bar. */
const DIAGNOSTIC_SOURCE = 'cardinal';

const STATE_TEXT: Readonly<Record<State, string>> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'failed to start',
};

/** The status bar item: the server's state and how many findings the Problems panel holds. */
export class CardinalStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private state: State = State.Stopped;

  constructor(showOutputCommand: string) {
    this.item = window.createStatusBarItem('cardinal.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Cardinal';
    this.item.command = showOutputCommand;
    this.subscriptions.push(languages.onDidChangeDiagnostics(() => this.render()));
    this.render();
    this.item.show();
  }

  setState(state: State): void {
    this.state = state;
    this.render();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private render(): void {
    const findings = countFindings();
    const icon = this.state === State.Running ? (findings > 0 ? '$(warning)' : '$(check)') : this.state === State.Starting ? '$(sync~spin)' : '$(circle-slash)';
    this.item.text = this.state === State.Running ? `${icon} Cardinal: ${findings}` : `${icon} Cardinal`;
    this.item.tooltip = `Cardinal language server ${STATE_TEXT[this.state]}; ${findings} finding${findings === 1 ? '' : 's'}. Click to show the output.`;
  }
}

function countFindings(): number {
  let count = 0;
  for (const [, diagnostics] of languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) if (diagnostic.source === DIAGNOSTIC_SOURCE) count++;
  }
  return count;
}
