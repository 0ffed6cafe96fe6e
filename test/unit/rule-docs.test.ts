/**
 * The rule documentation is generated from the rule modules: the pages in docs/rules/, the README's
 * rules section, `cardinal rules` and SARIF's rules all say the same thing, and the committed files
 * are current (`node scripts/rule-docs.mjs` rewrites them).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type * as RulesModule from '../../server/src/analysis/rules';
import type * as PagesModule from '../../server/src/analysis/rules/pages';
import type * as ConfigModule from '../../server/src/analysis/config-types';
import { loadServerModule, REPO_ROOT } from '../support/server-module';

const { RULES } = loadServerModule<typeof RulesModule>('analysis/rules');
const { rulePage, rulesReadmeSection, replaceReadmeSection } = loadServerModule<typeof PagesModule>('analysis/rules/pages');
const { DEFAULT_CONFIG } = loadServerModule<typeof ConfigModule>('analysis/config-types');
const ROOT = REPO_ROOT;

test('every rule has a current page in docs/rules', () => {
  const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).sort();
  assert.deepEqual(pages, RULES.map((rule) => `${rule.id}.md`).sort(), 'one page per rule, and no page for a rule that is gone');
  for (const rule of RULES) {
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8'), rulePage(rule), `docs/rules/${rule.id}.md is out of date: run node scripts/rule-docs.mjs`);
  }
});

test("the README's rules section is the generated one", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, replaceReadmeSection(readme, rulesReadmeSection()), 'README.md is out of date: run node scripts/rule-docs.mjs');
});

test('each rule module explains itself and sets the default configuration', () => {
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(rule.summary.endsWith('.'), `${rule.id}: the summary is a sentence`);
    assert.ok(rule.documentation.length > 300, `${rule.id}: the page says why the rule matters and how to fix it`);
    assert.equal(DEFAULT_CONFIG.rules[rule.id], rule.defaultSeverity);
  }
});
