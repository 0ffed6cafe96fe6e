/**
 * Quick fixes for Go findings, as text changes at the source expression:
 * - route pattern (preferred for raw paths): the framework's matched pattern from the catalogs
 *   (`c.FullPath()`, `c.Path()`, `c.Route().Path`, `r.Pattern`, chi's `RoutePattern()`). Go has no
 *   single-expression fallback for an empty pattern, so the plain pattern is substituted and the title
 *   says what it is when no route matched;
 * - constant fallback (preferred for the fallback trap): the raw fallback becomes `"unmatched"`;
 * - suppression: a `cardinal-ignore-next-line` comment above the finding's line.
 */
import type { Fix, RuleId } from '../analysis/finding';
import { GO_CATALOGS } from './catalog';
import type { GoPackage } from './package-index';
import { suppressionComment } from './suppression';
import { lineStartOf, textOf, type GoNode } from './syntax';
import type { UnboundedValue } from './verdict';

export const UNMATCHED_ROUTE = '"unmatched"';

/** The preferred fix for an unbounded value, if there is one. */
export function preferredFix(value: UnboundedValue, pkg: GoPackage): Fix | undefined {
  if (value.category !== 'raw-path') return undefined;
  const source = value.source;
  if (value.fallback) {
    return {
      kind: 'constant-fallback',
      title: `Replace the raw fallback \`${textOf(source)}\` with ${UNMATCHED_ROUTE}`,
      preferred: true,
      changes: [{ file: source.file.fileName, start: source.start, end: source.end, newText: UNMATCHED_ROUTE }],
    };
  }
  const pattern = routePattern(value, pkg);
  if (!pattern) return undefined;
  return {
    kind: 'route-pattern',
    title: `Use the route pattern \`${pattern.text}\` (${pattern.reason}; no fallback added)`,
    preferred: true,
    changes: [{ file: source.file.fileName, start: source.start, end: source.end, newText: pattern.text }],
  };
}

/**
 * The route-pattern expression for the source, from the outermost catalogued value it was read through
 * (gin's `c` before its `c.Request`). Undefined when the framework has no correct single expression.
 */
function routePattern(value: UnboundedValue, pkg: GoPackage): { text: string; reason: string } | undefined {
  const file = value.source.file;
  for (const frame of value.frames) {
    for (const catalog of GO_CATALOGS) {
      for (const fix of catalog.routePatternFixes ?? []) {
        if (fix.type.package !== frame.type.package || fix.type.name !== frame.type.name) continue;
        const alias = pkg.aliasOf(file, catalog);
        if (fix.requiresImport && alias === undefined) continue;
        if (!fix.template) return undefined;
        const text = fix.template.replace('{value}', textOf(frame.node)).replace('{package}', alias ?? '');
        return { text, reason: fix.reason };
      }
    }
  }
  return undefined;
}

/** The suppression fix, offered for every finding. */
export function suppressionFix(node: GoNode, ruleId: RuleId): Fix {
  const lineStart = lineStartOf(node.file.text, node.start);
  return {
    kind: 'suppress',
    title: 'Ignore this label here',
    preferred: false,
    changes: [{ file: node.file.fileName, start: lineStart, end: lineStart, newText: suppressionComment(node.file.text, lineStart, ruleId) }],
  };
}
