import { Connection, DidChangeWatchedFilesNotification, DidChangeWatchedFilesParams, FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../analysis/config';
import { LANGUAGES } from '../languages';
import { uriToFileName } from './uri';

/** tsconfig.json, jsconfig.json and the files they extend by convention (tsconfig.base.json, …); Go's go.mod and go.work. */
const PROJECT_CONFIG = /^([tj]sconfig.*\.json|go\.mod|go\.work)$/;

/** What a batch of file events changed, from the server's point of view. */
export interface WatchedChanges {
  /** A cardinal.config.json changed: settings must be re-read. */
  readonly settings: boolean;
  /** The cardinal.config.json files that changed, each with whether it is gone. */
  readonly configFiles: readonly { readonly fileName: string; readonly deleted: boolean }[];
  /** A tsconfig, jsconfig, go.mod or go.work changed: every project must be rebuilt. */
  readonly projects: boolean;
  /** Files that appeared or vanished: the projects of their language must be rebuilt. */
  readonly createdOrDeleted: readonly string[];
  /** Source files whose content changed on disk. */
  readonly changedFiles: readonly string[];
}

/** Asks the client to report changes to configs and sources on disk (edits made outside the editor). */
export async function watchFiles(connection: Connection): Promise<void> {
  const extensions = LANGUAGES.flatMap((language) => language.extensions).map((extension) => extension.slice(1)).join(',');
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: `**/{${CONFIG_FILE_NAME},tsconfig*.json,jsconfig*.json,go.mod,go.work}` }, { globPattern: `**/*.{${extensions}}` }],
  });
}

/** Sorts file events into what they invalidate. */
export function classifyChanges(params: DidChangeWatchedFilesParams): WatchedChanges {
  let settings = false;
  let projects = false;
  const createdOrDeleted: string[] = [];
  const changedFiles: string[] = [];
  const configFiles: { fileName: string; deleted: boolean }[] = [];
  for (const change of params.changes) {
    const fileName = uriToFileName(change.uri);
    if (fileName === undefined) continue;
    const baseName = fileName.slice(fileName.lastIndexOf('/') + 1);
    if (baseName === CONFIG_FILE_NAME) {
      settings = true;
      configFiles.push({ fileName, deleted: change.type === FileChangeType.Deleted });
    }
    else if (PROJECT_CONFIG.test(baseName)) projects = true;
    else if (change.type !== FileChangeType.Changed) createdOrDeleted.push(fileName);
    else changedFiles.push(fileName);
  }
  return { settings, configFiles, projects, createdOrDeleted, changedFiles };
}
