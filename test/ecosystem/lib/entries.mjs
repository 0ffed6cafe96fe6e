/**
 * Reading the corpus: every entry of `entries/`, checked for the shape the README describes, and where
 * its snapshot lives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENTRIES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'entries');
const LANGUAGES = new Set(['typescript', 'go']);
const KINDS = new Set(['bug', 'fixed', 'project']);
const RULES = new Set(['raw-path-label', 'unbounded-label', 'dynamic-metric-name']);

/** Every entry, sorted by id; throws naming the file and the problem when one is malformed. */
export function readEntries() {
  return readdirSync(ENTRIES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(ENTRIES_DIR, name);
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      const problems = problemsOf(entry);
      if (problems.length > 0) throw new Error(`${path.relative(process.cwd(), file)}: ${problems.join('; ')}`);
      return { id: name.slice(0, -'.json'.length), ...entry };
    });
}

/** The folder an entry's snapshot is extracted to. */
export function snapshotDir(root, entry) {
  return path.join(root, entry.id);
}

/** The folder named by CARDINAL_ECOSYSTEM_DIR, or undefined when it is unset or absent. */
export function corpusRoot() {
  const root = process.env.CARDINAL_ECOSYSTEM_DIR;
  return root && existsSync(root) ? path.resolve(root) : undefined;
}

function problemsOf(entry) {
  const problems = [];
  if (!/^[\w.-]+\/[\w.-]+$/.test(entry.repo ?? '')) problems.push('repo must be owner/name');
  if (!/^[0-9a-f]{40}$/.test(entry.commit ?? '')) problems.push('commit must be 40 hex digits');
  if (!LANGUAGES.has(entry.language)) problems.push('language must be typescript or go');
  if (!KINDS.has(entry.kind)) problems.push('kind must be bug, fixed or project');
  if (!Array.isArray(entry.paths) || entry.paths.length === 0) problems.push('paths must list what is scanned');
  if (!Array.isArray(entry.read)) problems.push('read must list the files read in full');
  for (const [i, e] of (entry.expected ?? []).entries()) {
    if (typeof e.file !== 'string' || !Number.isInteger(e.line) || !RULES.has(e.rule) || typeof e.why !== 'string') {
      problems.push(`expected[${i}] needs file, line, rule (${[...RULES].join(', ')}) and why`);
    } else if (!entry.read.includes(e.file)) {
      problems.push(`expected[${i}] is in ${e.file}, which read does not list`);
    }
  }
  for (const [i, n] of (entry.negatives ?? []).entries()) {
    if (typeof n.file !== 'string' || !Number.isInteger(n.line) || typeof n.why !== 'string') problems.push(`negatives[${i}] needs file, line and why`);
  }
  return problems;
}
