#!/usr/bin/env node
/**
 * Extracts each corpus entry's paths at its pinned commit from a bare mirror of its repository into
 * `$CARDINAL_ECOSYSTEM_DIR/<id>/`, with the project files a clone would have around them (the
 * package.json, tsconfig and go.mod files of the folders above each path), so a scan sees what it
 * would see in a clone. Mirrors are looked for in CARDINAL_MIRROR_DIR (default
 * /work/.mirror, where the search tool's fetch puts them) as `<owner>+<name>/repo`. Nothing is built
 * or run: the snapshot is source text to be read and scanned.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readEntries, snapshotDir } from './lib/entries.mjs';

const root = process.env.CARDINAL_ECOSYSTEM_DIR;
if (!root) {
  console.error('extract: set CARDINAL_ECOSYSTEM_DIR to the folder snapshots go to');
  process.exit(2);
}
const mirrors = process.env.CARDINAL_MIRROR_DIR ?? '/work/.mirror';
const only = process.argv.slice(2);
let failures = 0;
for (const entry of readEntries()) {
  if (only.length > 0 && !only.includes(entry.id)) continue;
  const gitDir = path.join(mirrors, entry.repo.replace('/', '+'), 'repo');
  const dir = snapshotDir(path.resolve(root), entry);
  const stamp = path.join(dir, '.cardinal-snapshot');
  const wanted = `${entry.commit}\n${entry.paths.join('\n')}\nwith project and workspace files\n`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) continue;
  if (!existsSync(gitDir)) {
    console.error(`${entry.id}: no mirror at ${gitDir} (fetch github:${entry.repo} first)`);
    failures++;
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', entry.commit, '--', ...entry.paths, ...projectFilesAround(gitDir, entry)], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    writeFileSync(stamp, wanted);
    console.log(`${entry.id}: extracted ${entry.paths.join(' ')} at ${entry.commit.slice(0, 12)}`);
  } catch (error) {
    console.error(`${entry.id}: ${String(error.message ?? error).split('\n')[0]}`);
    failures++;
  }
}
process.exit(failures > 0 ? 1 : 0);

/** The project files (package.json, tsconfig/jsconfig, pnpm-workspace.yaml, go.mod, go.work) in the folders that hold the entry's paths. */
function projectFilesAround(gitDir, entry) {
  const PROJECT_FILE = /(^|\/)(package\.json|[tj]sconfig[^/]*\.json|pnpm-workspace\.yaml|go\.mod|go\.work)$/;
  const listed = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', entry.commit], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n');
  const folders = new Set(['']);
  for (const scanned of entry.paths) {
    const parts = scanned.replace(/\/$/, '').split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return listed.filter((file) => {
    if (!PROJECT_FILE.test(file)) return false;
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    return folders.has(folder) && !entry.paths.some((scanned) => file.startsWith(`${scanned.replace(/\/$/, '')}/`));
  });
}
