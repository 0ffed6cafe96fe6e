/**
 * `Cardinal: Flow`: the steps of one finding, from where the unbounded value is read to the label,
 * as a numbered tree (like SonarQube's secondary locations) with every step highlighted in the
 * editors until the view is dismissed. Built from the diagnostic's related information, which other
 * clients show their own way; a one-step flow is the diagnostic itself.
 */
import {
  CodeAction,
  CodeActionKind,
  CodeActionProvider,
  commands,
  Diagnostic,
  Disposable,
  EventEmitter,
  languages,
  Location,
  Range,
  TextDocument,
  TextEditor,
  TextEditorDecorationType,
  ThemeColor,
  TreeDataProvider,
  TreeItem,
  TreeView,
  Uri,
  window,
} from 'vscode';

export const SHOW_FLOW = 'cardinal.showFlow';
export const CLEAR_FLOW = 'cardinal.clearFlow';
const VIEW_ID = 'cardinal.flow';
/** Set while a flow is shown, so the view and its dismiss action appear only then. */
const VISIBLE_CONTEXT = 'cardinal.flowVisible';
const DIAGNOSTIC_SOURCE = 'cardinal';

interface FlowStep {
  readonly number: number;
  readonly location: Location;
  readonly note: string;
}

export class FlowView implements TreeDataProvider<FlowStep>, CodeActionProvider, Disposable {
  private steps: FlowStep[] = [];
  private readonly changed = new EventEmitter<FlowStep | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<FlowStep>;
  private readonly highlight: TextEditorDecorationType;
  private readonly subscriptions: Disposable[] = [];

  constructor() {
    this.view = window.createTreeView(VIEW_ID, { treeDataProvider: this });
    this.highlight = window.createTextEditorDecorationType({
      backgroundColor: new ThemeColor('editor.findMatchHighlightBackground'),
      borderColor: new ThemeColor('editor.findMatchBorder'),
      borderStyle: 'solid',
      borderWidth: '1px',
    });
    this.subscriptions.push(
      this.view,
      this.highlight,
      this.changed,
      window.onDidChangeVisibleTextEditors((editors) => this.decorate(editors)),
      commands.registerCommand(SHOW_FLOW, (uri?: Uri, range?: Range) => this.show(uri, range)),
      commands.registerCommand(CLEAR_FLOW, () => this.clear()),
      languages.registerCodeActionsProvider({ scheme: 'file' }, this, { providedCodeActionKinds: [CodeActionKind.Empty] }),
    );
  }

  /** "Show the flow" on every Cardinal diagnostic under the cursor. */
  provideCodeActions(document: TextDocument, _range: Range, context: { readonly diagnostics: readonly Diagnostic[] }): CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
      .map((diagnostic) => {
        const action = new CodeAction('Show the flow of this finding', CodeActionKind.Empty);
        action.command = { command: SHOW_FLOW, title: 'Show the flow', arguments: [document.uri, diagnostic.range] };
        return action;
      });
  }

  /**
   * Shows the flow of the Cardinal diagnostic at `range` of `uri` (by default, under the cursor of the
   * active editor). Resolves to the steps' notes, for tests; undefined when there is no finding there.
   */
  async show(uri?: Uri, range?: Range): Promise<string[] | undefined> {
    const editor = window.activeTextEditor;
    const target = uri ?? editor?.document.uri;
    const at = range ?? editor?.selection;
    if (!target || !at) return undefined;
    const diagnostic = languages.getDiagnostics(target).find((d) => d.source === DIAGNOSTIC_SOURCE && d.range.intersection(at) !== undefined);
    if (!diagnostic) {
      void window.showInformationMessage('Cardinal: no finding here to show the flow of.');
      return undefined;
    }
    const related = diagnostic.relatedInformation ?? [];
    const locations = related.length > 0 ? related.map((info) => ({ location: info.location, note: info.message })) : [{ location: new Location(target, diagnostic.range), note: diagnostic.message }];
    this.steps = locations.map((step, index) => ({ number: index + 1, ...step }));
    this.changed.fire(undefined);
    await commands.executeCommand('setContext', VISIBLE_CONTEXT, true);
    await this.view.reveal(this.steps[0], { focus: false, select: false });
    this.decorate(window.visibleTextEditors);
    return this.steps.map((step) => step.note);
  }

  clear(): void {
    this.steps = [];
    this.changed.fire(undefined);
    void commands.executeCommand('setContext', VISIBLE_CONTEXT, false);
    this.decorate(window.visibleTextEditors);
  }

  getTreeItem(step: FlowStep): TreeItem {
    const item = new TreeItem(`${step.number}. ${step.note}`);
    item.description = `${Uri.parse(step.location.uri.toString()).path.split('/').pop()}:${step.location.range.start.line + 1}`;
    item.tooltip = step.note;
    item.command = { command: 'vscode.open', title: 'Go to step', arguments: [step.location.uri, { selection: step.location.range, preserveFocus: false }] };
    return item;
  }

  getChildren(step?: FlowStep): FlowStep[] {
    return step ? [] : this.steps;
  }

  getParent(): undefined {
    return undefined;
  }

  /** The steps in the editors that show their files (each numbered), and nothing once cleared. */
  private decorate(editors: readonly TextEditor[]): void {
    for (const editor of editors) {
      const here = this.steps.filter((step) => step.location.uri.toString() === editor.document.uri.toString());
      editor.setDecorations(
        this.highlight,
        here.map((step) => ({ range: step.location.range, hoverMessage: `Cardinal flow, step ${step.number}: ${step.note}`, renderOptions: { after: { contentText: ` ${step.number}`, color: new ThemeColor('editorCodeLens.foreground') } } })),
      );
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
