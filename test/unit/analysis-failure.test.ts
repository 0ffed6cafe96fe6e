/** One file the analysis throws on is noted and given up; the scan goes on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as FailureModule from '../../server/src/languages/analysis-failure';
import type { Note } from '../../server/src/languages/language';
import { loadServerModule } from '../support/server-module';

const { withoutFailing } = loadServerModule<typeof FailureModule>('languages/analysis-failure');

test('a throwing analysis yields the fallback and a note for each of its files', () => {
  const notes: Note[] = [];
  const result = withoutFailing(['/p/a.go', '/p/b.go'], () => { throw new TypeError('x.includes is not a function'); }, ['fallback'], (note) => notes.push(note));
  assert.deepEqual(result, ['fallback']);
  assert.deepEqual(notes, [
    { file: '/p/a.go', message: 'not analysed: an internal error (x.includes is not a function); please report it' },
    { file: '/p/b.go', message: 'not analysed: an internal error (x.includes is not a function); please report it' },
  ]);
});

test('an analysis that succeeds is returned as it is, with no note', () => {
  const notes: Note[] = [];
  assert.deepEqual(withoutFailing(['/p/a.ts'], () => [1, 2], [], (note) => notes.push(note)), [1, 2]);
  assert.deepEqual(notes, []);
});
