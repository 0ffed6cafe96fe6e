/**
 * The bounding rewrite for a Go HTTP method label. net/http accepts any token as a method, so a label
 * fed by `r.Method` grows with every method a client invents (CVE-2023-45142 in otelhttp). The fix
 * wraps the read in a helper that keeps the methods of RFC 9110 (and PATCH) and maps the rest to
 * `_OTHER`, as otelhttp and the OpenTelemetry semantic conventions do; the helper is added once per
 * package, at the end of the file.
 */
import type { BoundingRewrite } from '../analysis/value-facts';
import type { GoPackage } from './package-index';
import { textOf, type GoNode } from './syntax';

export const KNOWN_METHOD_HELPER = 'knownMethod';
const STANDARD_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE'] as const;
const OTHER = '_OTHER';

export function methodRewrite(read: GoNode, pkg: GoPackage): BoundingRewrite {
  const file = read.file;
  const changes = [{ file: file.fileName, start: read.start, end: read.end, newText: `${KNOWN_METHOD_HELPER}(${textOf(read)})` }];
  if (!pkg.topLevelDeclaration(KNOWN_METHOD_HELPER)) {
    const separator = file.text.endsWith('\n') ? '\n' : '\n\n';
    changes.push({ file: file.fileName, start: file.text.length, end: file.text.length, newText: `${separator}${helperSource()}` });
  }
  return { title: `Map unknown HTTP methods to "${OTHER}"`, changes };
}

function helperSource(): string {
  const cases = STANDARD_METHODS.map((method) => `"${method}"`).join(', ');
  return [
    `// ${KNOWN_METHOD_HELPER} keeps the standard HTTP methods and maps any other token a client sends to "${OTHER}",`,
    '// so invented methods cannot add time series.',
    `func ${KNOWN_METHOD_HELPER}(method string) string {`,
    '\tswitch method {',
    `\tcase ${cases}:`,
    '\t\treturn method',
    '\t}',
    `\treturn "${OTHER}"`,
    '}',
    '',
  ].join('\n');
}
