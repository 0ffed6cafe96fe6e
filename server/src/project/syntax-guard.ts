/**
 * Keeps source files that TypeScript itself cannot process out of programs. TypeScript's parser,
 * binder and checker recurse once per level of nesting: about 800 nested parentheses, 1,700 nested
 * blocks or 3,000 chained `else if` overflow the stack, and the `RangeError` surfaces from
 * `getProgram()` or `getTypeChecker()`, taking every other file of the project down with it. Such a
 * file is replaced by an empty one, so the rest of its project is analysed as usual, and the caller is
 * told why it was skipped. Real code, minified bundles included, nests well under a hundred levels.
 */
import ts from 'typescript';

/**
 * The deepest syntax tree admitted. Every shape of nesting TypeScript chokes on fails somewhere above
 * 780 levels; this leaves room for the stack the caller already uses.
 */
export const MAX_SYNTAX_DEPTH = 500;

/** Told about each file (and each version of an open file) replaced by an empty one, and why. */
export type SkippedSyntaxListener = (fileName: string, reason: string) => void;

/**
 * How deep the syntax tree of `sourceFile` nests, walked without recursion. A binary operand that is
 * itself a binary expression (`a + b + c …`) does not count as a level: TypeScript handles long operator
 * chains without recursing, and generated code is full of them.
 */
export function syntaxDepth(sourceFile: ts.SourceFile): number {
  let deepest = 0;
  const pending: [ts.Node, number][] = [[sourceFile, 0]];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    const chained = ts.isBinaryExpression(node);
    ts.forEachChild(node, (child) => {
      pending.push([child, chained && ts.isBinaryExpression(child) ? depth : depth + 1]);
    });
  }
  return deepest;
}

/**
 * Depths of files already walked. A document registry hands a language service the same file object
 * for every file on every program update while its version holds (every keystroke updates the
 * program), so each file is walked once per version rather than once per update.
 */
const walkedDepths = new WeakMap<ts.SourceFile, number>();

function cachedSyntaxDepth(sourceFile: ts.SourceFile): number {
  let depth = walkedDepths.get(sourceFile);
  if (depth === undefined) {
    depth = syntaxDepth(sourceFile);
    walkedDepths.set(sourceFile, depth);
  }
  return depth;
}

/**
 * Parses through `parse` and answers why the result cannot go into a program: the parser overflowed
 * the stack, or the tree nests deeper than {@link MAX_SYNTAX_DEPTH}. Declaration files are trusted
 * (they come from the compiler and from packages) and never walked.
 */
export function parseGuarded(parse: () => ts.SourceFile | undefined): { sourceFile?: ts.SourceFile; problem?: string } {
  let sourceFile: ts.SourceFile | undefined;
  try {
    sourceFile = parse();
  } catch (error) {
    if (error instanceof RangeError) return { problem: 'skipped: nested too deeply for TypeScript to parse' };
    throw error;
  }
  if (sourceFile === undefined || sourceFile.isDeclarationFile) return { sourceFile };
  const depth = cachedSyntaxDepth(sourceFile);
  if (depth > MAX_SYNTAX_DEPTH) return { problem: `skipped: nested ${depth} levels deep; Cardinal analyses up to ${MAX_SYNTAX_DEPTH}` };
  return { sourceFile };
}

/**
 * A document registry (what language services parse files through) that holds an empty file in place
 * of one that cannot be processed, and reports it to `onSkipped`. The substitute carries the version of
 * the text it stands for, so the language service neither re-reads it nor sees a change until the text
 * changes.
 */
export function guardDocumentRegistry(registry: ts.DocumentRegistry, onSkipped: SkippedSyntaxListener): ts.DocumentRegistry {
  type AcquireArguments = Parameters<ts.DocumentRegistry['acquireDocumentWithKey']>;
  const guarded = (acquire: boolean, ...[fileName, path, settings, key, snapshot, version, scriptKind, options]: AcquireArguments): ts.SourceFile => {
    const parse = acquire ? registry.acquireDocumentWithKey : registry.updateDocumentWithKey;
    let entryExists = !acquire;
    const { sourceFile, problem } = parseGuarded(() => {
      const parsed = parse.call(registry, fileName, path, settings, key, snapshot, version, scriptKind, options);
      entryExists = true;
      return parsed;
    });
    if (problem === undefined) return sourceFile!;
    onSkipped(fileName, problem);
    const empty = ts.ScriptSnapshot.fromString('');
    if (!entryExists) return registry.acquireDocumentWithKey(fileName, path, settings, key, empty, version, scriptKind, options);
    // The registry keeps the parsed file under this version; it replaces a file only for another
    // version, so the substitute passes through a version of its own first.
    registry.updateDocumentWithKey(fileName, path, settings, key, empty, `${version}:skipped`, scriptKind, options);
    return registry.updateDocumentWithKey(fileName, path, settings, key, empty, version, scriptKind, options);
  };
  return {
    ...registry,
    acquireDocumentWithKey: (...args: AcquireArguments) => guarded(true, ...args),
    updateDocumentWithKey: (...args: AcquireArguments) => guarded(false, ...args),
  };
}

/**
 * `host` with a `getSourceFile` that hands TypeScript an empty file in place of one that cannot be
 * processed, and reports it to `onSkipped`.
 */
export function guardCompilerHost(host: ts.CompilerHost, onSkipped: SkippedSyntaxListener): ts.CompilerHost {
  const getSourceFile = host.getSourceFile.bind(host);
  return Object.assign(host, {
    getSourceFile: (fileName: string, languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions, onError?: (message: string) => void, shouldCreate?: boolean) => {
      const { sourceFile, problem } = parseGuarded(() => getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate));
      if (problem === undefined) return sourceFile;
      onSkipped(fileName, problem);
      return ts.createSourceFile(fileName, '', languageVersionOrOptions);
    },
  });
}
