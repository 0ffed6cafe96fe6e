import ts from 'typescript';
import { Connection, MessageType, ShowMessageNotification, WorkspaceFolder } from 'vscode-languageserver';
import { CardinalConfig, ConfigProblem } from '../analysis';
import { formatConfigProblem, normalizeConfig } from '../analysis/config';
import { suggestName } from '../analysis/did-you-mean';
import { ConfigDiscovery } from '../project/config-discovery';
import { createExcludeMatcher } from '../project/exclude-globs';
import { directoryOf } from '../project/paths';
import type { Logger } from './file-analysis';
import { configFileDiagnostics } from './config-diagnostics';
import { fileNameToUri, uriToFileName } from './uri';

/**
 * The `cardinal.*` editor settings and their defaults, keyed as package.json declares them (a test
 * checks the two agree). Empty lists and objects mean "not set": they leave cardinal.config.json's value.
 */
export const SETTING_DEFAULTS = Object.freeze({
  enable: true,
  rules: Object.freeze({}),
  sinks: Object.freeze([]),
  sources: Object.freeze([]),
  sanitizers: Object.freeze([]),
  exclude: Object.freeze([]),
  httpMethod: '',
  'codeLens.enable': true,
  'trace.server': 'off',
});

const CONFIG_KEYS = ['rules', 'sinks', 'sources', 'sanitizers', 'exclude', 'httpMethod'] as const;

/** The settings the analysis of one resource runs with. */
export interface ResolvedSettings {
  readonly enable: boolean;
  /** Show each metric's worst case above its declaration. */
  readonly codeLens: boolean;
  readonly config: CardinalConfig;
  /** Whether the configuration files' `exclude` (each relative to its folder) or the settings' (relative to the workspace folder) leave a file out. */
  isExcluded(fileName: string): boolean;
}

/** What the store needs from the server; `configuration` is false for clients without `workspace/configuration`. */
export interface SettingsContext {
  readonly connection: Connection;
  readonly configuration: boolean;
  readonly sys: ts.System;
  readonly logger: Logger;
  workspaceFolders(): readonly WorkspaceFolder[];
}

/**
 * Settings per folder: the `cardinal.config.json` files that apply there (the nearest above it, up to
 * one with `"root": true`, exactly as the CLI finds them), with the editor's `cardinal.*` settings of
 * the workspace folder merged over them key by key (`rules` rule by rule). Folders the same files
 * apply to share one result, so their files share analyzers. Cached until `clear()` (a settings or
 * config file change). Problems are shown once per change and never stop the server: the bad parts
 * fall back to defaults.
 */
export class SettingsStore {
  private readonly discovery: ConfigDiscovery;
  private readonly byFolder = new Map<string, Promise<ResolvedSettings>>();
  private readonly byConfigFiles = new Map<string, Promise<ResolvedSettings>>();
  private readonly shownProblems = new Set<string>();
  /** What each configuration file's diagnostics were when last sent (kept across `clear()`, to send only changes). */
  private readonly publishedConfigDiagnostics = new Map<string, string>();

  constructor(private readonly context: SettingsContext) {
    this.discovery = new ConfigDiscovery(context.sys);
  }

  forResource(uri: string): Promise<ResolvedSettings> {
    const fileName = uriToFileName(uri);
    const workspaceFolder = this.folderOf(uri);
    const root = workspaceFolder && uriToFileName(workspaceFolder.uri);
    // A workspace folder's own URI is asked for as a folder; any other resource as a file.
    const folder = fileName === undefined ? undefined : fileName === root ? fileName : directoryOf(fileName);
    const key = `${workspaceFolder?.uri ?? ''}\0${folder ?? ''}`;
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = this.resolveFolder(workspaceFolder, folder);
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  /** The workspace folder holding `uri` (the innermost, for nested folders). */
  folderOf(uri: string): WorkspaceFolder | undefined {
    return this.context
      .workspaceFolders()
      .filter((folder) => uri === folder.uri || uri.startsWith(folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`))
      .sort((a, b) => b.uri.length - a.uri.length)[0];
  }

  /**
   * Configuration files changed on disk: each one still there is read again at once, so its problems
   * appear in it even when no source file is open; a deleted one loses its diagnostics.
   */
  configFilesChanged(changes: readonly { readonly fileName: string; readonly deleted: boolean }[]): void {
    for (const { fileName, deleted } of changes) {
      const uri = fileNameToUri(fileName);
      if (!deleted) {
        void this.forResource(uri);
        continue;
      }
      if (!this.publishedConfigDiagnostics.has(uri)) continue;
      this.publishedConfigDiagnostics.delete(uri);
      void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  clear(): void {
    this.discovery.clear();
    this.byFolder.clear();
    this.byConfigFiles.clear();
    this.shownProblems.clear();
  }

  private resolveFolder(workspaceFolder: WorkspaceFolder | undefined, folder: string | undefined): Promise<ResolvedSettings> {
    const files = folder === undefined ? undefined : this.discovery.forFolder(folder);
    const key = `${workspaceFolder?.uri ?? ''}\0${files?.files.join('\0') ?? ''}`;
    let settings = this.byConfigFiles.get(key);
    if (!settings) {
      settings = this.resolve(workspaceFolder, files);
      this.byConfigFiles.set(key, settings);
      if (files && files.files.length > 0) this.context.logger.info(`Configuration: ${files.files.join(', ')}${files.problems.length > 0 ? ` (${files.problems.length} problems)` : ''}`);
    }
    return settings;
  }

  private async resolve(workspaceFolder: WorkspaceFolder | undefined, files: ReturnType<ConfigDiscovery['forFolder']> | undefined): Promise<ResolvedSettings> {
    const root = workspaceFolder && uriToFileName(workspaceFolder.uri);
    const problems: string[] = (files?.problems ?? []).map(formatConfigProblem);
    const raw = await this.readEditorSettings(workspaceFolder);
    const picked = pickSetConfigKeys(raw);
    // Invalid entries are dropped by the normalisation, so each falls back to the files' value or the default.
    const { config, problems: settingProblems } = normalizeConfig({ ...picked, exclude: undefined }, 'settings', files?.config);
    // Settings' globs are relative to the workspace folder, so they are kept apart from the files' own.
    const excludes = normalizeConfig({ exclude: picked.exclude }, 'settings');
    problems.push(...[...settingProblems, ...excludes.problems].map(describeSettingProblem), ...describeUnknownSettings(raw));
    let enable: boolean = SETTING_DEFAULTS.enable;
    if (typeof raw.enable === 'boolean') enable = raw.enable;
    else if (raw.enable !== undefined && raw.enable !== null) problems.push(`setting "cardinal.enable" must be true or false; using ${String(enable)}`);
    const codeLens = readCodeLensSetting(raw.codeLens, problems);
    this.report(problems);
    if (files) this.publishFileProblems(files.files, files.problems);
    const filesExclude = files?.isExcluded ?? (() => false);
    const settingsExclude = root === undefined ? () => false : createExcludeMatcher(excludes.config.exclude, root);
    return { enable, codeLens, config, isExcluded: (fileName) => filesExclude(fileName) || settingsExclude(fileName) };
  }

  private async readEditorSettings(folder: WorkspaceFolder | undefined): Promise<Record<string, unknown>> {
    if (!this.context.configuration) return {};
    const raw: unknown = await this.context.connection.workspace.getConfiguration({ scopeUri: folder?.uri, section: 'cardinal' });
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  }

  /** Each configuration file's problems, on their keys in the file itself (none clears the file's list); sent when they change. */
  private publishFileProblems(files: readonly string[], problems: readonly ConfigProblem[]): void {
    for (const { uri, diagnostics } of configFileDiagnostics(files, problems, (file) => this.context.sys.readFile(file))) {
      const sent = JSON.stringify(diagnostics);
      if (this.publishedConfigDiagnostics.get(uri) === sent) continue;
      this.publishedConfigDiagnostics.set(uri, sent);
      void this.context.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  private report(problems: readonly string[]): void {
    const fresh = problems.filter((problem) => !this.shownProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.shownProblems.add(problem);
      this.context.logger.error(`Configuration: ${problem}`);
    }
    // A notification, not `showWarningMessage` (a request awaiting a button): nothing here needs an answer.
    const message = `Cardinal: ${fresh.join('; ')}. The rest of the configuration still applies.`;
    void this.context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

/**
 * The configuration keys of the editor settings that are set. Editors send every setting, defaults
 * included, so an empty list, object or string counts as unset.
 */
function pickSetConfigKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = raw[key];
    if (value !== undefined && value !== null && !isEmpty(value)) picked[key] = value;
  }
  return picked;
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value) || typeof value === 'string') return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** A `cardinal.*` key no setting declares is a typo in settings.json: said, with the likely setting. */
/** `cardinal.codeLens.enable`, which clients send as `{ codeLens: { enable } }`. */
function readCodeLensSetting(raw: unknown, problems: string[]): boolean {
  const value = typeof raw === 'object' && raw !== null ? (raw as { enable?: unknown }).enable : undefined;
  if (typeof value === 'boolean') return value;
  if (value !== undefined && value !== null) problems.push(`setting "cardinal.codeLens.enable" must be true or false; using ${String(SETTING_DEFAULTS['codeLens.enable'])}`);
  return SETTING_DEFAULTS['codeLens.enable'];
}

function describeUnknownSettings(raw: Record<string, unknown>): string[] {
  const known = [...new Set(Object.keys(SETTING_DEFAULTS).map((key) => key.split('.')[0]))];
  return Object.keys(raw)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = suggestName(key, known);
      return `setting "cardinal.${key}" is not a Cardinal setting${suggestion === undefined ? '' : `; did you mean "cardinal.${suggestion}"?`}`;
    });
}

function describeSettingProblem(problem: ConfigProblem): string {
  return problem.key === '' ? `settings: ${problem.message}` : `setting "cardinal.${problem.key}" ${problem.message}; using the default`;
}
