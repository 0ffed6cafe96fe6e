/**
 * The CLI's name and version as reports state them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TOOL_NAME = 'cardinal';

/** The version in the extension's package.json (this file runs from server/out/cli/). */
export function toolVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
