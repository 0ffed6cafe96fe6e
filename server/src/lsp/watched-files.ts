import { Connection, DidChangeWatchedFilesNotification, DidChangeWatchedFilesParams, FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../analysis/config';
import { isGoFile } from '../go';
import { SCRIPT_EXTENSIONS } from '../project/source-files';
import { uriToFileName } from './uri';

/** tsconfig.json, jsconfig.json and the files they extend by convention (tsconfig.base.json, …). */
const PROJECT_CONFIG = /^[tj]sconfig.*\.json$/;

/** What a batch of file events changed, from the server's point of view. */
export interface WatchedChanges {
  /** A cardinal.config.json changed: settings must be re-read. */
  readonly settings: boolean;
  /** Files appeared or vanished, or a tsconfig changed: projects must be rebuilt. */
  readonly projects: boolean;
  /** Source files whose content changed on disk. */
  readonly changedFiles: readonly string[];
}

/** Asks the client to report changes to configs and sources on disk (edits made outside the editor). */
export async function watchFiles(connection: Connection): Promise<void> {
  const extensions = [...SCRIPT_EXTENSIONS, '.go'].map((extension) => extension.slice(1)).join(',');
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: `**/{${CONFIG_FILE_NAME},tsconfig*.json,jsconfig*.json}` }, { globPattern: `**/*.{${extensions}}` }],
  });
}

/** Sorts file events into what they invalidate. */
export function classifyChanges(params: DidChangeWatchedFilesParams): WatchedChanges {
  let settings = false;
  let projects = false;
  const changedFiles: string[] = [];
  for (const change of params.changes) {
    const fileName = uriToFileName(change.uri);
    if (fileName === undefined) continue;
    const baseName = fileName.slice(fileName.lastIndexOf('/') + 1);
    if (baseName === CONFIG_FILE_NAME) settings = true;
    // A Go package is listed and read from disk on every analysis: the re-check every batch of events
    // triggers is all a Go file needs, and TypeScript projects are not concerned.
    else if (isGoFile(fileName)) continue;
    else if (PROJECT_CONFIG.test(baseName) || change.type !== FileChangeType.Changed) projects = true;
    else changedFiles.push(fileName);
  }
  return { settings, projects, changedFiles };
}
