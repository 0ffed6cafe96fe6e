import * as path from 'node:path';
import ts from 'typescript';
import { Connection, MessageType, ShowMessageNotification, WorkspaceFolder } from 'vscode-languageserver';
import { CardinalConfig, ConfigProblem, DEFAULT_CONFIG } from '../analysis';
import { CONFIG_FILE_NAME, formatConfigProblem, normalizeConfig, parseConfig } from '../analysis/config';
import { suggestName } from '../analysis/did-you-mean';
import { createExcludeMatcher } from '../project/exclude-globs';
import type { Logger } from './file-analysis';
import { uriToFileName } from './uri';

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
  'trace.server': 'off',
});

const CONFIG_KEYS = ['rules', 'sinks', 'sources', 'sanitizers', 'exclude'] as const;

/** The settings the analysis of one resource runs with. */
export interface ResolvedSettings {
  readonly enable: boolean;
  readonly config: CardinalConfig;
  /** Whether `config.exclude` (globs relative to the workspace folder) excludes a file. */
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
 * Settings per workspace folder: the folder's cardinal.config.json, with the editor's `cardinal.*`
 * settings merged over it key by key (`rules` rule by rule). Cached per folder until `clear()` (a
 * settings or config file change). Problems are shown once per change and never stop the server: the
 * bad parts fall back to defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly shownProblems = new Set<string>();

  constructor(private readonly context: SettingsContext) {}

  forResource(uri: string): Promise<ResolvedSettings> {
    const folder = this.folderOf(uri);
    const key = folder?.uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.resolve(folder);
      this.cache.set(key, settings);
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

  clear(): void {
    this.cache.clear();
    this.shownProblems.clear();
  }

  private async resolve(folder: WorkspaceFolder | undefined): Promise<ResolvedSettings> {
    const root = folder && uriToFileName(folder.uri);
    const problems: string[] = [];
    let base = DEFAULT_CONFIG;
    if (root !== undefined) {
      const configFile = path.posix.join(root, CONFIG_FILE_NAME);
      const text = this.context.sys.readFile(configFile);
      if (text !== undefined) {
        const fromFile = parseConfig(text, configFile);
        base = fromFile.config;
        problems.push(...fromFile.problems.map(formatConfigProblem));
      }
    }
    const raw = await this.readEditorSettings(folder);
    // Invalid entries are dropped by the normalisation, so each falls back to the file's value or the default.
    const { config, problems: settingProblems } = normalizeConfig(pickSetConfigKeys(raw), 'settings', base);
    problems.push(...settingProblems.map(describeSettingProblem), ...describeUnknownSettings(raw));
    let enable: boolean = SETTING_DEFAULTS.enable;
    if (typeof raw.enable === 'boolean') enable = raw.enable;
    else if (raw.enable !== undefined && raw.enable !== null) problems.push(`setting "cardinal.enable" must be true or false; using ${String(enable)}`);
    this.report(problems);
    return { enable, config, isExcluded: root === undefined ? () => false : createExcludeMatcher(config.exclude, root) };
  }

  private async readEditorSettings(folder: WorkspaceFolder | undefined): Promise<Record<string, unknown>> {
    if (!this.context.configuration) return {};
    const raw: unknown = await this.context.connection.workspace.getConfiguration({ scopeUri: folder?.uri, section: 'cardinal' });
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
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
 * included, so an empty list or object counts as unset.
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
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** A `cardinal.*` key no setting declares is a typo in settings.json: said, with the likely setting. */
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
