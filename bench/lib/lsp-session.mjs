/**
 * Measurements 4 and 5: the language server on a generated workspace. It scans the workspace
 * (`cardinal/scanWorkspace`), opens the large file, types `edits` random single-character edits into
 * it one after the other, and times each from `didChange` to the `publishDiagnostics` of that version.
 * Each edit waits for the previous one's diagnostics, as a user who watches the squiggles does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from '../generate/random.mjs';
import { LspClient } from './lsp-client.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Resolves to `{ scan, scanMs, memory: { afterScan, afterOpen, afterEdits }, latenciesMs }`; each memory
 * sample is taken once the server is idle, with the sample taken at once as its `busy`.
 */
export async function measureLanguageServer({ corpusDirectory, editedFile, edits, seed }) {
  const client = await LspClient.start(corpusDirectory);
  try {
    const scanStarted = performance.now();
    const scan = await client.scanWorkspace();
    const scanMs = performance.now() - scanStarted;
    const afterScan = await client.settledMemory();

    const uri = pathToFileURL(join(corpusDirectory, editedFile)).href;
    let text = readFileSync(join(corpusDirectory, editedFile), 'utf8');
    let version = 1;
    await client.open(uri, text, version);
    const afterOpen = await client.settledMemory();

    const random = createRandom(seed);
    const latenciesMs = [];
    let undo;
    for (let i = 0; i < edits; i++) {
      // Like typing: a character goes in at a random place, then comes out again, so the file is wrong
      // in at most one place at a time instead of collecting 200 typos.
      const edit = undo ?? randomInsertion(text, random);
      undo = undo ? undefined : deletionOf(text, edit);
      text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteCount);
      version++;
      const sent = performance.now();
      await client.change(uri, version, edit.range, edit.insert);
      latenciesMs.push(performance.now() - sent);
    }
    const afterEdits = await client.settledMemory();
    return { scan, scanMs, memory: { afterScan, afterOpen, afterEdits }, latenciesMs };
  } finally {
    await client.stop();
  }
}

/** A random letter inserted at a random place. */
function randomInsertion(text, random) {
  const offset = random.int(0, text.length - 1);
  const position = positionAt(text, offset);
  return { offset, deleteCount: 0, insert: random.pick(LETTERS), range: { start: position, end: position } };
}

/** The edit that takes `insertion` (applied to `text`) back out. */
function deletionOf(text, insertion) {
  const start = positionAt(text, insertion.offset);
  return { offset: insertion.offset, deleteCount: 1, insert: '', range: { start, end: { line: start.line, character: start.character + 1 } } };
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
