import { Hover, MarkupKind } from 'vscode-languageserver';
import type { LabelValues } from '../analysis';
import type { FileLabels } from '../languages';

/** A hover's markdown and the span it describes, in offsets of the hovered file. */
export interface LabelHover {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What Cardinal knows about the label under `offset`: a label argument shows its own conclusion; a
 * `labelNames` entry sums up every use of that label in the file.
 */
export function describeLabelAt(fileName: string, labels: FileLabels, offset: number): LabelHover | undefined {
  const { sites } = labels;
  const under = sites.filter((site) => site.file === fileName && site.start <= offset && offset <= site.end);
  if (under.length > 0) {
    // The innermost span; a spread (`labels(...lvs)`) is one span for several labels, shown together.
    const width = Math.min(...under.map((site) => site.end - site.start));
    const innermost = under.filter((site) => site.end - site.start === width);
    const markdown = innermost.map((site) => `${heading(site.label, site.metric)}\n\n${describeValues(site.values)}`).join('\n\n---\n\n');
    return { markdown, start: innermost[0].start, end: innermost[0].end };
  }
  const declaration = labels.declarations.find((candidate) => candidate.file === fileName && candidate.start <= offset && offset <= candidate.end);
  if (!declaration) return undefined;
  const uses = sites.filter((site) => site.label === declaration.label && (declaration.metric === undefined || site.metric === undefined || site.metric === declaration.metric));
  const body = uses.length === 0 ? 'No use of this label was found in this file.' : [...new Set(uses.map((use) => `- ${describeValues(use.values)}`))].join('\n');
  return { markdown: `${heading(declaration.label, declaration.metric)}\n\n${body}`, start: declaration.start, end: declaration.end };
}

/** The LSP hover for a label description, given the positions of its span. */
export function toHover(description: LabelHover, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: description.markdown }, range };
}

function heading(label: string | undefined, metric: string | undefined): string {
  const name = label === undefined ? 'Label' : `Label \`${label}\``;
  return metric === undefined ? `**${name}**` : `**${name}** of metric \`${metric}\``;
}

function describeValues(values: LabelValues): string {
  switch (values.kind) {
    case 'bounded':
      return `Bounded: ${values.why}.`;
    case 'unbounded': {
      const weak = values.weakSanitizer === undefined ? '' : `; ${values.weakSanitizer}`;
      return `**Unbounded**: ${values.source.description} \`${values.source.text}\`${weak}.`;
    }
    case 'unknown':
      return 'Unknown: Cardinal cannot tell which values reach it.';
  }
}
