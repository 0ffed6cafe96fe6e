/**
 * Property: the analysis never throws on broken code. Every fixture is mutated at random (tokens
 * deleted, garbage inserted, text cut off mid-expression, slices duplicated) and analysed; the
 * findings it still reports must point inside the text they name.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import * as ts from 'typescript';
import type { Finding, TextSpan } from '../../server/src/analysis';
import type * as CoreModule from '../../server/src/analysis';
import { fuzzSeed } from './fuzz-seed';
import { InMemoryProject } from './in-memory-project';
import { loadServerModule, REPO_ROOT } from '../support/server-module';

const { DEFAULT_CONFIG } = loadServerModule<typeof CoreModule>('analysis');

/** Mutated fixtures per run; with the generated programs, over 2,000 cases per run. */
const MUTATION_CASES = 1_000;

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** Text that breaks code in the ways typing does, and some it does not. */
const GARBAGE = ['(', ')', '{', '}', '[', '`${', '`', '"', "'", '/*', '//', '=>', '...', ' as any', '?.', '!', 'req.', 'labels(', ',', ';', '\0', '\uFFFD', '\uD800', '\u2028', '<T>', '@', '#'];

function fixtureTexts(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'go') walk(full);
      } else if (/\.(ts|tsx|js|jsx)$/.test(entry.name) && !/\.fixed\.|\.d\.ts$/.test(entry.name)) {
        found.push({ name: path.relative(FIXTURES, full).replace(/\\/g, '/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(FIXTURES);
  return found;
}

type Mutation =
  | { readonly kind: 'delete-token'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-token' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

function tokenRanges(text: string): [number, number][] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const ranges: [number, number][] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) ranges.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
  return ranges;
}

function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'delete-token': {
      const tokens = tokenRanges(text);
      if (tokens.length === 0) return text;
      const [start, end] = tokens[change.at % tokens.length];
      return text.slice(0, start) + text.slice(end);
    }
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'cut':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + change.length) + text.slice(at);
  }
}

function assertInside(span: TextSpan, texts: ReadonlyMap<string, string>, what: string): void {
  const text = texts.get(span.file);
  if (text === undefined) return; // a library's declaration file
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} is outside ${span.file} (${text.length} characters)`);
}

function assertWellFormed(finding: Finding, texts: ReadonlyMap<string, string>): void {
  assertInside(finding, texts, `finding ${finding.ruleId}`);
  if (finding.source) assertInside(finding.source, texts, 'its source');
  for (const step of finding.path) assertInside(step, texts, `its step "${step.note}"`);
  for (const fix of finding.fixes) for (const change of fix.changes) assertInside(change, texts, `its fix "${fix.title}"`);
}

test(`mutated fixtures: the analysis never throws (${MUTATION_CASES} cases)`, () => {
  const project = new InMemoryProject();
  const fixtures = fixtureTexts();
  assert.ok(fixtures.length > 100, `expected the fixture corpus, found ${fixtures.length} files`);
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 }), (fixture, changes) => {
      const text = changes.reduce(mutate, fixture.text);
      const name = `mutated/${fixture.name}`;
      const findings = project.analyze({ [name]: text }, DEFAULT_CONFIG);
      const texts = new Map([[project.fileName(name), text]]);
      for (const finding of findings.get(name) ?? []) assertWellFormed(finding, texts);
    }),
    { numRuns: Number(process.env.CARDINAL_FUZZ_RUNS ?? MUTATION_CASES), seed: fuzzSeed() },
  );
});
