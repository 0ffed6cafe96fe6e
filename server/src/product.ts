/**
 * What Cardinal knows about itself as an installed product: its name, version and repository (from
 * its package.json), and where its rule pages are. Found by walking up from this file, so the same
 * code works from `server/out/` in a checkout and from `dist/` in the packaged extension.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const TOOL_NAME = 'cardinal';

interface Product {
  readonly version: string;
  /** The repository's web address, when package.json names a real one. */
  readonly repository?: string;
  /** The folder holding package.json and `docs/`. */
  readonly root: string;
}

let product: Product | undefined;

function readProduct(): Product {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifestFile = path.join(dir, 'package.json');
    if (fs.existsSync(manifestFile)) {
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { name?: string; version?: string; repository?: string | { url?: string } };
      if (manifest.name === TOOL_NAME) return { version: manifest.version ?? '0.0.0', repository: webAddress(manifest.repository), root: dir };
    }
    if (path.dirname(dir) === dir) return { version: '0.0.0', root: __dirname };
  }
}

/** `git+https://github.com/o/r.git` or `github:o/r` → `https://github.com/o/r`. */
function webAddress(repository: string | { url?: string } | undefined): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const match = /^(?:git\+)?(https:\/\/[^\s]+?)(?:\.git)?$/.exec(url);
  return match?.[1];
}

function info(): Product {
  product ??= readProduct();
  return product;
}

export function toolVersion(): string {
  return info().version;
}

/** The project's home page, when package.json names its repository. */
export function repositoryAddress(): string | undefined {
  return info().repository;
}

/** The rule's page in the repository, when there is one. */
export function ruleWebPage(ruleId: string): string | undefined {
  const repository = info().repository;
  return repository === undefined ? undefined : `${repository}/blob/HEAD/docs/rules/${ruleId}.md`;
}

/** The rule's page shipped with this installation (a `file:` URI). */
export function ruleLocalPage(ruleId: string): string {
  return pathToFileURL(path.join(info().root, 'docs', 'rules', `${ruleId}.md`)).href;
}

/** The link a diagnostic's code points at: the repository's page, else the shipped one. */
export function ruleDocumentationLink(ruleId: string): string {
  return ruleWebPage(ruleId) ?? ruleLocalPage(ruleId);
}
