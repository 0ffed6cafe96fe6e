/**
 * Soak over LSP: 5,000 random edits (meaningful ones that move values in and out of labels, garbage
 * typed at random places, deletions, and reverts to the original) to the open files of a multi-file
 * workspace, sent to the real server as incremental changes. After every 500 edits the diagnostics the
 * server settles on must equal a fresh CLI run over the same texts (its memory is printed; the bench judges it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Diagnostic, DidChangeTextDocumentNotification, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSP_FIXTURES, LspSession, uriOf, waitFor } from '../lsp/lsp-session';
import { runCli } from './cli-run';
import { fuzzSeed } from './fuzz-seed';
import { createTempTree, removeTree, writeTree } from '../support/temp-tree';

const SOAK_EDITS = 5_000;
const CHECK_EVERY = 500;

/** A file with many labels whose values the edits swap for one another. */
const ROUTES_FILE = `import type { Request, Response } from 'express';
import { Counter } from 'prom-client';
import { endpointOf } from './endpoint';

const hits = new Counter({ name: 'hits_total', help: 'Hits', labelNames: ['route', 'user', 'method'] });

export function first(req: Request, res: Response): void {
  const route = req.path;
  hits.inc({ route, user: req.params.id, method: req.method });
  res.end();
}

export function second(req: Request): void {
  const user = \`\${req.params.id}\`;
  hits.labels(endpointOf(req), user, 'GET').inc();
}

export function third(req: Request, flag: boolean): void {
  hits.inc({ route: flag ? req.route?.path ?? 'unmatched' : 'static', user: 'anonymous', method: req.method });
}
`;

/** Expressions the meaningful edits replace with one another. */
const VALUES = ['req.path', 'req.method', "'static'", 'req.params.id', 'req.url', 'endpointOf(req)', 'user', 'route', 'req.ip'];
const GARBAGE = ['(', ')', '{', '}', '`${', "'", '/*', '=>', ',', ';', 'req.', ' + ', '\n'];

type Edit =
  | { readonly kind: 'swap'; readonly file: number; readonly occurrence: number; readonly value: number }
  | { readonly kind: 'type'; readonly file: number; readonly at: number; readonly text: number }
  | { readonly kind: 'delete'; readonly file: number; readonly at: number; readonly length: number }
  | { readonly kind: 'revert'; readonly file: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('swap' as const), file: fc.nat(), occurrence: fc.nat(), value: fc.nat(VALUES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type' as const), file: fc.nat(), at: fc.nat(), text: fc.nat(GARBAGE.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('revert' as const), file: fc.nat() }) },
);

/** The text change an edit makes to `document`, as offsets. */
function changeOf(step: Edit, document: TextDocument, original: string): { start: number; end: number; text: string } {
  const text = document.getText();
  switch (step.kind) {
    case 'swap': {
      const occurrences: [number, number][] = [];
      for (const value of VALUES) for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) occurrences.push([at, at + value.length]);
      if (occurrences.length === 0) return { start: 0, end: text.length, text: original };
      const [start, end] = occurrences[step.occurrence % occurrences.length];
      return { start, end, text: VALUES[step.value] };
    }
    case 'type': {
      const at = step.at % (text.length + 1);
      return { start: at, end: at, text: GARBAGE[step.text] };
    }
    case 'delete': {
      const at = step.at % (text.length + 1);
      return { start: at, end: Math.min(text.length, at + step.length), text: '' };
    }
    case 'revert':
      return { start: 0, end: text.length, text: original };
  }
}

/** A diagnostic or finding reduced to what both must agree on. */
function key(line: number, character: number, endLine: number, endCharacter: number, rule: unknown, message: string): string {
  return `${line}:${character}-${endLine}:${endCharacter} ${String(rule)} ${message}`;
}

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

test(`soak: ${SOAK_EDITS} random edits through the server agree with fresh CLI runs`, async () => {
  const workspace = createTempTree({});
  fs.cpSync(path.join(LSP_FIXTURES, 'incident'), workspace, { recursive: true });
  writeTree(workspace, { 'src/routes.ts': ROUTES_FILE });
  const snapshot = createTempTree({});
  const { session } = await LspSession.start(workspace, undefined, 'stdio');
  try {
    const names = fs.readdirSync(path.join(workspace, 'src')).sort().map((name) => `src/${name}`);
    const originals = names.map((name) => fs.readFileSync(path.join(workspace, name), 'utf8'));
    const documents = names.map((name, i) => TextDocument.create(uriOf(path.join(workspace, name)), 'typescript', 1, originals[i]));
    for (const [i, name] of names.entries()) await session.open(path.join(workspace, name), originals[i]);
    const steps = fc.sample(edit, { numRuns: SOAK_EDITS, seed: fuzzSeed() });
    const memory: number[] = [];
    const findingCounts: number[] = [];

    for (let done = 0; done < SOAK_EDITS; done += CHECK_EVERY) {
      for (const step of steps.slice(done, done + CHECK_EVERY)) {
        const index = step.file % documents.length;
        const document = documents[index];
        const { start, end, text } = changeOf(step, document, originals[index]);
        const change: TextDocumentContentChangeEvent = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
        documents[index] = TextDocument.update(document, [change], document.version + 1);
        await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: document.uri, version: documents[index].version },
          contentChanges: [change],
        });
      }

      // A fresh CLI run over the same texts, on disk.
      fs.copyFileSync(path.join(workspace, 'tsconfig.json'), path.join(snapshot, 'tsconfig.json'));
      writeTree(snapshot, Object.fromEntries(names.map((name, i) => [name, documents[i].getText()])));
      const run = await runCli(snapshot, ['.']);
      assert.ok(run.report, `the CLI printed no report: ${run.stderr}`);
      const expected = new Map(names.map((name) => [name, [] as string[]]));
      for (const finding of run.report.findings) {
        expected.get(finding.file)?.push(key(finding.start.line - 1, finding.start.column - 1, finding.end.line - 1, finding.end.column - 1, finding.ruleId, finding.message));
      }

      const published = (diagnostics: readonly Diagnostic[]) =>
        diagnostics
          .map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, typeof d.message === 'string' ? d.message : d.message.value))
          .sort();
      await waitFor(
        `the server's diagnostics after ${done + CHECK_EVERY} edits to equal the CLI's`,
        () =>
          names.every((name, i) => {
            const latest = session.diagnostics.get(documents[i].uri);
            return latest?.version === documents[i].version && JSON.stringify(published(latest.diagnostics)) === JSON.stringify(expected.get(name)!.sort());
          })
            ? true
            : undefined,
        60_000,
      ).catch((error: Error) => {
        const differences = names.map((name, i) => `${name}\n  server: ${JSON.stringify(published(session.diagnostics.get(documents[i].uri)?.diagnostics ?? []))}\n  cli:    ${JSON.stringify(expected.get(name))}`);
        throw new Error(`${error.message}\n${differences.join('\n')}`);
      });
      memory.push(residentMegabytes(session.pid!));
      findingCounts.push(run.report.findings.length);
    }

    // Memory is printed for a person to look at, not asserted: busy RSS follows V8's allocator, not what
    // the server keeps. `npm run bench` checks memory once the server is idle.
    console.log(`findings at each checkpoint: ${findingCounts.join(', ')}; server memory (MB): ${memory.map((m) => m.toFixed(0)).join(', ')}`);
    assert.ok(findingCounts.some((count) => count > 0), 'the edits never produced a finding to compare');
  } finally {
    await session.shutdown();
    removeTree(workspace);
    removeTree(snapshot);
  }
});
