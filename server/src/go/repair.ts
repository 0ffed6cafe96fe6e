/**
 * How a raw read would be rewritten in Go, for the back end's route-pattern fix: the framework's
 * matched pattern from the catalogs (`c.FullPath()`, `c.Path()`, `c.Route().Path`, `r.Pattern`, chi's
 * `RoutePattern()`), built from the outermost catalogued value the raw value was read through (gin's
 * `c` before its `c.Request`). Go has no single-expression fallback for an empty pattern, so the plain
 * pattern is substituted and the fix's title says what it is when no route matched.
 */
import type { SourceRepair } from '../analysis/value-facts';
import { GO_CATALOGS } from './catalog';
import type { TypedFrame } from './chains';
import type { GoPackage } from './package-index';
import { textOf, type GoNode } from './syntax';

const UNMATCHED = '"unmatched"';

export function repairOf(frames: readonly TypedFrame[], node: GoNode, pkg: GoPackage): SourceRepair {
  for (const frame of frames) {
    for (const catalog of GO_CATALOGS) {
      for (const fix of catalog.routePatternFixes ?? []) {
        if (fix.type.package !== frame.type.package || fix.type.name !== frame.type.name) continue;
        const alias = pkg.aliasOf(node.file, catalog);
        if (fix.requiresImport && alias === undefined) continue;
        if (!fix.template) return { unmatched: UNMATCHED };
        const pattern = fix.template.replace('{value}', textOf(frame.node)).replace('{package}', alias ?? '');
        return { pattern, caveat: fix.reason, unmatched: UNMATCHED };
      }
    }
  }
  return { unmatched: UNMATCHED };
}
