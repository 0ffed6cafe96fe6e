/**
 * Writes the rule pages (docs/rules/<id>.md) and the README's rules section from the rule modules
 * (server/src/analysis/rules; run `tsc -b` first). `test/unit/rule-docs.test.ts` fails when they are
 * out of date.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { RULES } = require('../server/out/analysis/rules/index.js');
const { rulePage, rulesReadmeSection, replaceReadmeSection } = require('../server/out/analysis/rules/pages.js');
const root = fileURLToPath(new URL('..', import.meta.url));

mkdirSync(`${root}docs/rules`, { recursive: true });
for (const rule of RULES) writeFileSync(`${root}docs/rules/${rule.id}.md`, rulePage(rule));
const readme = `${root}README.md`;
writeFileSync(readme, replaceReadmeSection(readFileSync(readme, 'utf8'), rulesReadmeSection()));
console.log(`rule-docs: ${RULES.length} pages and the README's rules section written`);
