/**
 * A place where a value becomes a label, an attribute, a tag or a metric name, as every frontend
 * reports it to the back end: spans of text, never syntax nodes.
 */
import type { FlowStep, TextSpan } from './finding';

export type LabelNoun = 'label' | 'attribute' | 'tag';

export interface SinkSite {
  /** `raw-path-flag`: an option that makes a middleware label raw paths (`includePath: true`). */
  readonly kind: 'label' | 'metric-name' | 'raw-path-flag';
  /** The span a finding is reported on. */
  readonly span: TextSpan;
  /**
   * Offsets in the span's file whose lines a `cardinal-ignore-next-line` directive on the line above
   * covers: the label's own start and the start of the statement holding it.
   */
  readonly anchors: readonly number[];
  readonly label?: string;
  readonly noun: LabelNoun;
  readonly metric?: string;
  /** For option flags: the option as written, e.g. `includePath: true`. */
  readonly what?: string;
  /** Steps between the traced value and the span, e.g. the array a spread value sat in. */
  readonly via?: readonly FlowStep[];
  /** The quoted key that names the label in an object of labels (`'url.path': …`), for a fix that renames it. */
  readonly key?: LabelKey;
}

export interface LabelKey {
  readonly span: TextSpan;
  /** The quote the key is written with. */
  readonly quote: string;
  /** The other keys of the same object. */
  readonly siblings: readonly string[];
  /** What deleting the whole property takes out, with its separator. */
  readonly removal: TextSpan;
}
