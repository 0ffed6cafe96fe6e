/**
 * The bad-configuration table. Every malformed `cardinal.config.json` makes the CLI exit 2 before
 * scanning, with one line per problem naming the file, the key and what is wrong (and nothing on
 * stdout). The same mistakes as VS Code settings reach the real language server, which says what is
 * wrong and goes on with the defaults: the healthy file keeps its diagnostic.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { HEALTHY_FILE } from './bad-inputs';
import { runCli } from './cli-run';
import { LspSession, waitFor } from '../lsp/lsp-session';
import { createTempTree, removeTree } from '../support/temp-tree';

const CATASTROPHIC_GLOB = '**/*a*a*a*a*b';
const GLOB_LIMITS = 'globs are limited to 1024 characters and 3 wildcards per segment, so that matching them stays fast';
const SEVERITIES = 'the severity must be one of "error", "warning", "info", "hint", "off"';

/** The text of cardinal.config.json → every problem, as `key: message` (`message` alone for the whole file). */
const CONFIG_ROWS: readonly (readonly [string, readonly string[]])[] = [
  ['{ "rules": ', ['invalid JSON at line 1, column 12: Unexpected end of JSON input']],
  ['{ "rules": {}, }', ['invalid JSON at line 1, column 16: Expected double-quoted property name']],
  ['// comment\n{}', ["invalid JSON at line 2, column 3: Unexpected token '/'"]],
  ['', ['invalid JSON at line 1, column 1: Unexpected end of JSON input']],
  ['[]', ['the configuration must be an object (got an array)']],
  ['42', ['the configuration must be an object (got number 42)']],
  [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, ['the configuration must be an object (got an array)']],
  ['{"rule": {}}', ['rule: unknown key "rule"; did you mean "rules"?']],
  ['{"__proto__": {"rules": {}}}', ['__proto__: unknown key "__proto__"']],
  ['{"rules": []}', ['rules: must be an object mapping rule ids to severities (got an array)']],
  ['{"rules": {"raw-path": "error"}}', ['rules.raw-path: unknown rule id "raw-path"; did you mean "raw-path-label"?']],
  ['{"rules": {"constructor": "off"}}', ['rules.constructor: unknown rule id "constructor"']],
  ['{"rules": {"raw-path-label": "fatal"}}', [`rules.raw-path-label: ${SEVERITIES} (got "fatal")`]],
  ['{"rules": {"raw-path-label": 2}}', [`rules.raw-path-label: ${SEVERITIES} (got number 2)`]],
  ['{"sinks": {}}', ['sinks: must be an array (got an object)']],
  [
    '{"sinks": [{}]}',
    ['sinks[0].function: is required: the name of the function whose arguments are labels', 'sinks[0].labels: is required: an object mapping label names to argument indexes'],
  ],
  ['{"sinks": [{"function": "f", "labels": {"a": -1}}]}', ['sinks[0].labels.a: the argument index must be a non-negative integer (got -1)']],
  ['{"sinks": [{"function": "f", "labels": {"a": "0"}}]}', ['sinks[0].labels.a: the argument index must be a non-negative integer (got the string "0")']],
  [
    '{"sinks": [{"function": "f(", "labels": {"a": 0}}]}',
    ['sinks[0].function: "f(" is not a function name; write it as called, without parentheses: recordRequest or metrics.recordRequest'],
  ],
  ['{"sources": [{"function": "f", "kind": "evil"}]}', ['sources[0].kind: must be one of "raw-path", "unbounded" (got "evil")']],
  ['{"sources": [{"kind": "unbounded"}]}', ['sources[0]: needs either "function" (a call such as getTenantId) or "property" (a read such as ctx.state.user)']],
  ['{"sanitizers": "normalize"}', ['sanitizers: must be an array (got the string "normalize")']],
  ['{"sanitizers": [1]}', ['sanitizers[0]: must be a function name (got number 1)']],
  ['{"exclude": "x"}', ['exclude: must be an array (got the string "x")']],
  ['{"exclude": ["["]}', ['exclude[0]: "[" is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters']],
  ['{"exclude": ["/abs/**"]}', ['exclude[0]: "/abs/**" is absolute; globs are relative to the folder of the configuration file']],
  ['{"exclude": ["../x"]}', ['exclude[0]: "../x" leaves the folder of the configuration file with ".."; globs can only match files below it']],
  [`{"exclude": ["${CATASTROPHIC_GLOB}"]}`, [`exclude[0]: "${CATASTROPHIC_GLOB}" has 5 "*" wildcards in one path segment; ${GLOB_LIMITS}`]],
  [`{"exclude": ["${'a'.repeat(1100)}"]}`, [`exclude[0]: "${'a'.repeat(80)}" is 1100 characters long; ${GLOB_LIMITS}`]],
];

describe('a malformed cardinal.config.json: the CLI exits 2 before scanning', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  for (const [text, problems] of CONFIG_ROWS) {
    test(text.length > 60 ? `${text.slice(0, 60)}…` : text || '(empty file)', async () => {
      const root = createTempTree({ 'cardinal.config.json': text, 'good.ts': HEALTHY_FILE });
      roots.push(root);
      const run = await runCli(root, ['.']);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, problems.map((problem) => `cardinal: cardinal.config.json: ${problem}\n`).join(''));
    });
  }
});

/** `cardinal.*` settings as VS Code sends them → the message the server shows. */
const SETTING_ROWS: readonly (readonly [Record<string, unknown>, string])[] = [
  [{ enable: 'yes' }, 'setting "cardinal.enable" must be true or false; using true'],
  [{ rules: 'off' }, 'setting "cardinal.rules" must be an object mapping rule ids to severities (got the string "off"); using the default'],
  [{ rules: { 'raw-path-label': 'loud' } }, `setting "cardinal.rules.raw-path-label" ${SEVERITIES} (got "loud"); using the default`],
  [{ rules: { 'no-such-rule': 'off' } }, 'setting "cardinal.rules.no-such-rule" unknown rule id "no-such-rule"; using the default'],
  [{ sinks: [{ function: 7, labels: { route: 0 } }] }, 'setting "cardinal.sinks[0].function" must be a function name (got number 7); using the default'],
  [{ sources: [{ property: 'req.path', kind: 'bad' }] }, 'setting "cardinal.sources[0].kind" must be one of "raw-path", "unbounded" (got "bad"); using the default'],
  [{ sanitizers: [null] }, 'setting "cardinal.sanitizers[0]" must be a function name (got null); using the default'],
  [{ exclude: ['[unclosed'] }, 'setting "cardinal.exclude[0]" "[unclosed" is not a valid glob'],
  [{ exclude: [CATASTROPHIC_GLOB] }, `setting "cardinal.exclude[0]" "${CATASTROPHIC_GLOB}" has 5 "*" wildcards in one path segment; ${GLOB_LIMITS}; using the default`],
  [{ enabled: false }, 'setting "cardinal.enabled" is not a Cardinal setting; did you mean "cardinal.enable"?'],
  [{ trace: { server: 'off' }, rules: {}, sinks: [] }, ''],
];

describe('malformed VS Code settings: the server says what is wrong and keeps running on the defaults', () => {
  let root: string;
  let session: LspSession;
  let uri: string;

  before(async () => {
    root = createTempTree({ 'good.ts': HEALTHY_FILE, 'tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["."] }' });
    ({ session } = await LspSession.start(root));
    uri = await session.open(path.join(root, 'good.ts'), fs.readFileSync(path.join(root, 'good.ts'), 'utf8'));
    await session.waitForDiagnostics(uri, 'the healthy finding', (diagnostics) => diagnostics.length === 1);
  });
  after(async () => {
    await session.shutdown();
    removeTree(root);
  });

  for (const [settings, message] of SETTING_ROWS) {
    test(JSON.stringify(settings), async () => {
      const shown = session.messages.length;
      const published = session.publications.length;
      session.settings = settings;
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      if (message !== '') await waitFor(`a message containing ${message}`, () => (session.messages.slice(shown).some((m) => m.message.includes(message)) ? true : undefined));
      // Revalidation after the change still finds the healthy file's label, with the default severity.
      const diagnostics = await waitFor('diagnostics after the settings change', () => session.publications.slice(published).find((p) => p.uri === uri)?.diagnostics);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['raw-path-label', 1]]);
      if (message === '') assert.deepEqual(session.messages.slice(shown), [], 'settings VS Code adds on its own need no message');
    });
  }
});
