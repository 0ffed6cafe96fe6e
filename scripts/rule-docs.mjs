/**
 * Writes the rule pages (docs/rules/<id>.md), the README's rules section and the JSON Schema of
 * cardinal.config.json (schemas/) from the rule modules (server/src/analysis; run `tsc -b` first).
 * `test/unit/rule-docs.test.ts` and `test/unit/config-json-schema.test.ts` fail when they are out of date.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { RULES } = require('../server/out/analysis/rules/index.js');
const { rulePage, rulesReadmeSection, replaceReadmeSection } = require('../server/out/analysis/rules/pages.js');
const { configJsonSchema } = require('../server/out/analysis/config-json-schema.js');
const root = fileURLToPath(new URL('..', import.meta.url));

mkdirSync(`${root}docs/rules`, { recursive: true });
for (const rule of RULES) writeFileSync(`${root}docs/rules/${rule.id}.md`, rulePage(rule));
const readme = `${root}README.md`;
writeFileSync(readme, replaceReadmeSection(readFileSync(readme, 'utf8'), rulesReadmeSection()));
mkdirSync(`${root}schemas`, { recursive: true });
writeFileSync(`${root}schemas/cardinal.config.schema.json`, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`rule-docs: ${RULES.length} pages, the README's rules section and schemas/cardinal.config.schema.json written`);
