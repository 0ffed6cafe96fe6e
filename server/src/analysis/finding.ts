/**
 * The plain data that crosses every boundary of Cardinal: the analysis produces `Finding`s, the CLI
 * prints them, the language server converts them to diagnostics. Positions are character offsets into
 * the file's text (UTF-16, as TypeScript and LSP count them); each shell turns them into lines.
 */

import type { RuleId } from './rules';
import type { ValueSet } from './value-sets';

/** Stable rule ids, used in SARIF, suppression comments, settings and docs anchors (one module each in `rules/`). */
export { RULE_IDS } from './rules';
export type { RuleId } from './rules';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A span of text in one file. */
export interface TextSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** One step of the flow from an unbounded source to the label that receives it. */
export interface FlowStep extends TextSpan {
  /** What happened there, e.g. "raw request path `req.path`" or "assigned to `endpoint`". */
  readonly note: string;
}

/** A replacement of the text between `start` and `end` of `file`. An insertion has start === end. */
export interface TextChange extends TextSpan {
  readonly newText: string;
}

export type FixKind = 'route-pattern' | 'constant-fallback' | 'move-recording' | 'bound-values' | 'suppress' | 'suppress-file' | 'remove-directive' | 'correct-directive';

export interface Fix {
  readonly kind: FixKind;
  readonly title: string;
  /** The fix an editor applies on "fix all" and marks as preferred. */
  readonly preferred: boolean;
  readonly changes: readonly TextChange[];
}

/** Where the unbounded value comes from. */
export interface SourceInfo extends TextSpan {
  /** The source expression as written, e.g. `req.path` or `c.Request.URL.Path`. */
  readonly text: string;
  /** A short description: "raw request path", "path parameter", "timestamp", … */
  readonly description: string;
}

export interface Finding extends TextSpan {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** The label (or attribute, or tag) name, when known. */
  readonly label?: string;
  /** The metric's name, when known. */
  readonly metric?: string;
  readonly source?: SourceInfo;
  /** From source to sink, in order. The last step is the label argument itself. */
  readonly path: readonly FlowStep[];
  /** Why a sanitizer on the path does not bound the value, when there is one. */
  readonly weakSanitizer?: string;
  readonly fixes: readonly Fix[];
}

/** What is known about the values a label argument can take; shown on hover. */
export type LabelValues =
  | { readonly kind: 'bounded'; readonly why: string; readonly set?: ValueSet }
  | { readonly kind: 'unbounded'; readonly source: SourceInfo; readonly weakSanitizer?: string }
  /** `why` says what stops the analysis, when something precise does (the metric is handed to a call it does not follow). */
  | { readonly kind: 'unknown'; readonly why?: string };

/** A label argument found in a file, with what the analysis concluded about it. */
export interface LabelSite extends TextSpan {
  readonly label?: string;
  readonly metric?: string;
  readonly values: LabelValues;
}

/** A label name a metric declares (`labelNames: ['route']`, Go `[]string{"route"}`), for hover. */
export interface LabelDeclaration extends TextSpan {
  readonly label: string;
  /** The metric's name, when it is a literal. */
  readonly metric?: string;
}

/**
 * What kind of instrument a metric is, as far as the number of samples per series goes. A StatsD
 * `timer` or `distribution` is aggregated by the server, which decides its samples.
 */
export type InstrumentKind = 'counter' | 'gauge' | 'histogram' | 'summary' | 'timer' | 'distribution';

/** A metric declared, at its name (`name: 'http_requests_total'`, Go `Name: "…"`), for hover and a series inventory. */
export interface MetricDeclaration extends TextSpan {
  /** The name; with `dynamicName`, the expression that makes it (`opts.prefix + 'requests_total'`). */
  readonly metric: string;
  /** The name is not a constant: the metric's writes cannot be told from another's, so its labels are not counted. */
  readonly dynamicName?: boolean;
  /** The label names it declares, in order; a name that is not a constant is left out. */
  readonly labels: readonly string[];
  /** The instrument, when the library says (a histogram exposes several samples per series). */
  readonly instrument?: InstrumentKind;
  /** The samples each series exposes (buckets + `_sum` + `_count` for a histogram), and why; absent when one. */
  readonly samplesPerSeries?: { readonly count: number; readonly why: string };
  /** Some of its label names are not a literal list (or a StatsD write's tags are not): they cannot be counted. */
  readonly unlistedLabels?: boolean;
  /** A StatsD stat, declared by each call that writes it, with that call's tags as its labels: a tag one call leaves out is one more series. */
  readonly statsd?: boolean;
}

