/**
 * The rule pages shipped inside the extension (docs/rules/<id>.md), shown rendered in the Markdown
 * preview. The server links each diagnostic's code to the repository's page when package.json names a
 * repository, else to the shipped page as a `file:` URI, which any LSP client can open. In VS Code that
 * URI would open the page's source text, so the link is turned into this extension's command instead.
 */
import * as path from 'node:path';
import { CodeAction, CodeActionContext, CodeActionKind, commands, Diagnostic, extensions, FileType, QuickPickItem, Uri, window, workspace } from 'vscode';

/** The command that shows a rule's page: with a rule id, that rule's; without, one picked from a list. */
export const SHOW_RULE_DOCUMENTATION = 'cardinal.showRuleDocumentation';

/** The editor's built-in extension that renders Markdown. */
const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

/** The diagnostics' `source`, as the server sets it. */
const DIAGNOSTIC_SOURCE = 'cardinal';

export class RulePages {
  private readonly folder: Uri;

  constructor(extensionUri: Uri) {
    this.folder = Uri.joinPath(extensionUri, 'docs', 'rules');
  }

  /** The diagnostic, with its code's link turned into the command when the link is a shipped page. */
  linked(diagnostic: Diagnostic): Diagnostic {
    const code = diagnostic.code;
    if (typeof code !== 'object' || this.shippedRule(code.target) === undefined) return diagnostic;
    diagnostic.code = { value: code.value, target: commandLink(String(code.value)) };
    return diagnostic;
  }

  /** "Show documentation for <rule>" for each of Cardinal's diagnostics the editor asks actions for. */
  documentationActions(context: CodeActionContext): CodeAction[] {
    if (context.only !== undefined && !context.only.contains(CodeActionKind.QuickFix)) return [];
    const ruleIds = new Set(context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).map(ruleIdOf));
    return [...ruleIds].filter((id): id is string => id !== undefined).map((ruleId) => {
      const action = new CodeAction(`Show documentation for ${ruleId}`, CodeActionKind.QuickFix);
      action.command = { title: action.title, command: SHOW_RULE_DOCUMENTATION, arguments: [ruleId] };
      return action;
    });
  }

  /** Opens the rule's page in the Markdown preview (its text, where the preview is not installed). */
  async show(ruleId?: string): Promise<void> {
    const chosen = ruleId ?? (await this.pick());
    if (chosen === undefined) return;
    const page = Uri.joinPath(this.folder, `${chosen}.md`);
    try {
      await workspace.fs.stat(page);
    } catch {
      void window.showWarningMessage(`Cardinal: no documentation is shipped for the rule "${chosen}".`);
      return;
    }
    // The built-in Markdown extension contributes the preview; it activates on this command's first use.
    const preview = extensions.getExtension(MARKDOWN_EXTENSION) !== undefined;
    await commands.executeCommand(preview ? 'markdown.showPreview' : 'vscode.open', page);
  }

  /** Lets the user choose among the shipped rules, each shown with its summary. */
  private async pick(): Promise<string | undefined> {
    const entries = await workspace.fs.readDirectory(this.folder);
    const items: QuickPickItem[] = [];
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (type !== FileType.File || !name.endsWith('.md')) continue;
      const text = Buffer.from(await workspace.fs.readFile(Uri.joinPath(this.folder, name))).toString('utf8');
      items.push({ label: path.basename(name, '.md'), detail: summaryOf(text) });
    }
    return (await window.showQuickPick(items, { placeHolder: 'The Cardinal rule to read about' }))?.label;
  }

  /** The rule a link points at, when it is one of the shipped pages. */
  private shippedRule(target: Uri): string | undefined {
    if (target.scheme !== 'file') return undefined;
    const relative = path.relative(this.folder.fsPath, target.fsPath);
    return relative.endsWith('.md') && !relative.includes(path.sep) && !relative.startsWith('..') ? path.basename(relative, '.md') : undefined;
  }
}

/** A `command:` link that runs the show command for one rule (the Problems panel and hovers follow it). */
function commandLink(ruleId: string): Uri {
  return Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

function ruleIdOf(diagnostic: Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** A page's one-line summary: the paragraph under its title, up to "Default severity". */
function summaryOf(page: string): string | undefined {
  const paragraph = page.split('\n').find((line, index) => index > 0 && line.trim() !== '');
  return paragraph?.replace(/\s*Default severity:.*$/, '');
}
