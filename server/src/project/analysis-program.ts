/**
 * What a program built for the analysis holds beyond the project's own files, and why it holds less
 * than the project's compiler would.
 *
 * The analysis asks the checker for symbols and, now and then, for the type of an expression; it never
 * reports type errors. Most of what a whole compile loads serves type checking alone: the DOM and host
 * libraries (2.3 MB of declarations behind every default `lib`) and the ambient packages a `types` list
 * or a `/// <reference types>` pulls in (`@types/node` alone is 2.2 MB). Parsing and binding those took
 * most of a scan of a service. What the analysis needs from them, the catalog already holds by name:
 * Node's `http` and the globals (`Date.now`, `Math.random`, `crypto.randomUUID`) resolve through its
 * tables whether or not their declarations are loaded. So analysis programs keep the ECMAScript
 * library of the project's target (its types of arrays, strings and promises) and every package the
 * code imports (their types name metrics, requests and routers), and leave the rest out.
 */
import ts from 'typescript';

/** Default libraries that describe a host rather than the language (`lib.dom.d.ts`, `lib.webworker.d.ts`). */
const HOST_LIBRARY = /^lib\.(dom|webworker|scripthost)[\w.]*\.d\.ts$/;

/**
 * `options` for an analysis program: the ECMAScript part of the project's `lib` (or of its target's
 * default), no ambient `types`, nothing emitted.
 */
export function analysisCompilerOptions(options: ts.CompilerOptions): ts.CompilerOptions {
  if (options.noLib) return { ...options, types: [], noEmit: true };
  const lib = options.lib?.map(libFileName) ?? [ecmaScriptLibraryOf(options)];
  return { ...options, lib: lib.filter((file) => !HOST_LIBRARY.test(file)), types: [], noEmit: true };
}

/**
 * The host hooks of analysis programs, for a `CompilerHost` or a `LanguageServiceHost`: type
 * reference directives resolve to nothing (the declarations they name are ambient; see above), and
 * JSDoc is parsed only where it carries types (JavaScript files).
 */
export const analysisHostHooks = {
  jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
  resolveTypeReferenceDirectiveReferences: <T extends ts.FileReference | string>(references: readonly T[]): ts.ResolvedTypeReferenceDirectiveWithFailedLookupLocations[] =>
    references.map(() => ({ resolvedTypeReferenceDirective: undefined })),
};

/** Default libraries whose names do not follow the `.full.d.ts` pattern, by their ECMAScript part. */
const ECMASCRIPT_PART: Readonly<Record<string, string>> = { 'lib.d.ts': 'lib.es5.d.ts', 'lib.es6.d.ts': 'lib.es2015.d.ts' };

/** The default library of the target without its host part: `lib.es2022.full.d.ts` → `lib.es2022.d.ts`. */
function ecmaScriptLibraryOf(options: ts.CompilerOptions): string {
  const full = ts.getDefaultLibFileName(options);
  return ECMASCRIPT_PART[full] ?? full.replace(/\.full\.d\.ts$/, '.d.ts');
}

/** A parsed config's `lib` entries are file names already; the API also accepts bare names (`es2022`). */
function libFileName(entry: string): string {
  return entry.endsWith('.d.ts') ? entry : `lib.${entry.toLowerCase()}.d.ts`;
}
