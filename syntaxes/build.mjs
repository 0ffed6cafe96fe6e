/**
 * Writes syntaxes/cardinal.injection.tmLanguage.json from its readable source,
 * syntaxes/src/cardinal-injection.mjs. With `--check`, writes nothing and fails when the JSON
 * file or package.json's `contributes.grammars` entry is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { contribution, grammar } from './src/cardinal-injection.mjs';

const root = new URL('..', import.meta.url);
const outputFile = fileURLToPath(new URL(contribution.path, root));
const generated = `${JSON.stringify(grammar, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const problems = [];
  if (readFileSync(outputFile, 'utf8') !== generated) {
    problems.push(`${contribution.path} is out of date: run node syntaxes/build.mjs`);
  }
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const registered = manifest.contributes?.grammars?.find((entry) => entry.scopeName === contribution.scopeName);
  if (!isDeepStrictEqual(registered, contribution)) {
    problems.push(`package.json contributes.grammars must contain ${JSON.stringify(contribution)}`);
  }
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length === 0 ? 0 : 1;
} else {
  writeFileSync(outputFile, generated);
}
