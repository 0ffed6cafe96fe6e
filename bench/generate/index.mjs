#!/usr/bin/env node
/**
 * The corpus generator: `node bench/generate/index.mjs --language ts|go --files N [--seed S] [--instrumented] --out DIR`
 * (`--instrumented`: Go only, every package reaches a metric).
 * Deterministic: the same arguments write the same files, with the planted findings in DIR/planted.json.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateGoCorpus } from './go-corpus.mjs';
import { generateTypeScriptCorpus, TSCONFIG } from './typescript-corpus.mjs';
import { writeCorpus } from './write-corpus.mjs';

/** The repository's node_modules, which TypeScript corpora link to. */
export const REPOSITORY_NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/** Generates and writes one corpus; returns `{ directory, files, planted }`. */
export function generateCorpus({ language, files, seed, out, instrumentedPlatform = false }) {
  const directory = resolve(out);
  if (language === 'ts') {
    const corpus = generateTypeScriptCorpus({ files, seed });
    writeCorpus(directory, corpus, { tsconfig: TSCONFIG, nodeModules: REPOSITORY_NODE_MODULES });
    return { directory, files: files, planted: corpus.planted };
  }
  if (language === 'go') {
    const corpus = generateGoCorpus({ files, seed, instrumentedPlatform });
    writeCorpus(directory, corpus);
    return { directory, files, planted: corpus.planted };
  }
  throw new Error(`unknown language "${language}" (ts or go)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      language: { type: 'string', default: 'ts' },
      files: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      instrumented: { type: 'boolean', default: false },
    },
  });
  const files = Number(values.files);
  const out = values.out ?? `bench/corpus/${values.language}-${files}`;
  const result = generateCorpus({ language: values.language, files, seed: Number(values.seed), out, instrumentedPlatform: values.instrumented });
  console.log(`${result.directory}: ${result.files} files, ${result.planted.length} planted findings`);
}
