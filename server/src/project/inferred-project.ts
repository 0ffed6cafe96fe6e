/**
 * The project of files that no tsconfig.json or jsconfig.json owns ("loose" files).
 */
import ts from 'typescript';

/**
 * Options for loose files: modern JavaScript and TypeScript as bundlers and Node resolve it, JavaScript
 * included, nothing emitted. JSX is kept as written so `.jsx`/`.tsx` files parse without complaint.
 */
export function inferredCompilerOptions(): ts.CompilerOptions {
  return {
    allowJs: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.Preserve,
    skipLibCheck: true,
    noEmit: true,
  };
}
