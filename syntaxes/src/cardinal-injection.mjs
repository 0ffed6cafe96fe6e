/**
 * The readable source of syntaxes/cardinal.injection.tmLanguage.json (`node syntaxes/build.mjs`
 * writes it). Regular expressions are Oniguruma, as VS Code runs them; `String.raw` keeps them free
 * of JSON escaping so they read as they match.
 *
 * The grammar is injected into TypeScript, JavaScript (and their JSX flavours) and Go. It adds
 * scopes and keeps the host's colours:
 * - `meta.metric.cardinal`: a metric declaration. In JavaScript and TypeScript only its head
 *   (`new Histogram`, `createHistogram`), since its label names are found by their own key
 *   (`labelNames`); in Go the whole `NewXxxVec(…)` call, since its label names are positional.
 *   The constructor or factory name is `support.class.metric.cardinal` /
 *   `support.function.metric.cardinal`.
 * - `string.label-name.cardinal`: a label name written as a string (`labelNames: ['route']`,
 *   Go `[]string{"route"}` passed to `NewXxxVec`, `prometheus.Labels{"route": …}` keys).
 * - `entity.name.label.cardinal`: a label name written as an object key, in the object passed to
 *   `labels`, `inc`, `observe`, … (`hist.labels({ route: r })`).
 *
 * A region hands the text it does not scope itself back to a host grammar by name: `$base` does
 * not work here, because an injection grammar's `$base` is the injection grammar itself. The
 * JavaScript-family regions use the TypeScript grammar, which VS Code always ships; in a `.js`
 * file the values inside a label object are therefore scoped `….ts`, which themes colour alike.
 *
 * The API names come from the analysis catalog (compiled to server/out by `tsc -b`), so the grammar
 * cannot drift from what the analysis knows: `build.mjs --check` fails when they disagree.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { metricVocabulary } = require('../../server/out/typescript/catalog/vocabulary.js');
const { goMetricVocabulary } = require('../../server/out/go/catalog/vocabulary.js');
const typescript = metricVocabulary();
const go = goMetricVocabulary();

const identifier = String.raw`[A-Za-z_$][\w$]*`;
const alternatives = (names) => names.join('|');
const promClientClass = alternatives(typescript.declaringClasses);
const otelInstrument = alternatives(typescript.declaringMethods);
const goCollector = alternatives(go.vectorConstructors);
const labelNamesKey = alternatives(typescript.labelNameOptions);
const goLabelMap = alternatives(go.labelMapTypes);
/** Methods whose first argument may be an object of label values; `remove` takes one too, though it makes no series. */
const labelValueMethods = [...typescript.labelMethods, 'remove'];

/** Hosts and the injection selector: never inside comments or strings of the host. */
const hosts = ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx', 'source.go'];

/** A string literal in single or double quotes, captured whole with its quotes as punctuation. */
function quotedLabelName() {
  return {
    match: String.raw`(['"])((?:\\.|(?!\1)[^\\])*)(\1)`,
    name: 'string.label-name.cardinal',
    captures: {
      1: { name: 'punctuation.definition.string.begin.cardinal' },
      3: { name: 'punctuation.definition.string.end.cardinal' },
    },
  };
}

export const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cardinal metric labels',
  scopeName: 'cardinal.injection',
  injectionSelector: hosts.map((host) => `L:${host} -comment -string`).join(', '),
  patterns: [
    { include: '#prom-client-declaration' },
    { include: '#otel-instrument-declaration' },
    { include: '#label-names-array' },
    { include: '#label-values-object' },
    { include: '#go-collector-declaration' },
    { include: '#go-labels-map' },
  ],
  repository: {
    // `new Histogram({ … })`, `new client.Counter<'route'>({ … })`.
    'prom-client-declaration': {
      match: String.raw`\b(new)\s+(?:(${identifier})\s*(\.)\s*)?(${promClientClass})\b\s*(<[^<>()]*>)?(?=\s*\()`,
      name: 'meta.metric.cardinal',
      captures: {
        1: { name: 'keyword.operator.new.cardinal' },
        2: { name: 'variable.other.object.cardinal' },
        3: { name: 'punctuation.accessor.cardinal' },
        4: { name: 'support.class.metric.cardinal' },
        5: { patterns: [{ include: 'source.ts#type-arguments' }] },
      },
    },
    // `meter.createHistogram('http.server.duration', { … })`.
    'otel-instrument-declaration': {
      match: String.raw`(?<=\.)\s*(${otelInstrument})(?=\s*\()`,
      name: 'meta.metric.cardinal',
      captures: { 1: { name: 'support.function.metric.cardinal' } },
    },
    // `labelNames: ['status', 'endpoint']`: the declared label names of a prom-client metric.
    'label-names-array': {
      begin: String.raw`\b(${labelNamesKey})\s*(:)\s*(\[)`,
      end: String.raw`\]`,
      beginCaptures: {
        1: { name: 'variable.other.property.cardinal' },
        2: { name: 'punctuation.separator.key-value.cardinal' },
        3: { name: 'punctuation.definition.array.begin.cardinal' },
      },
      endCaptures: { 0: { name: 'punctuation.definition.array.end.cardinal' } },
      patterns: [quotedLabelName(), { include: 'source.ts#comment' }, { include: 'source.ts#expression' }],
    },
    // `hist.labels({ route, status: code })`: each key names a label. The object starts right
    // after the call's parenthesis, which the host grammar tokenizes as usual.
    'label-values-object': {
      begin: String.raw`(?<=${labelValueMethods.map((method) => String.raw`\.${method}\(`).join('|')})\s*(\{)`,
      end: String.raw`\}`,
      beginCaptures: { 1: { name: 'punctuation.definition.block.begin.cardinal' } },
      endCaptures: { 0: { name: 'punctuation.definition.block.end.cardinal' } },
      name: 'meta.labels.cardinal',
      patterns: [
        {
          // A key right after `{` or `,` (or first on its line), before `:`, `,` or `}`.
          match: String.raw`(?:(?<=[{,])|^)\s*(${identifier})\s*(?:(:)|(?=[,}]|$))`,
          captures: {
            1: { name: 'entity.name.label.cardinal' },
            2: { name: 'punctuation.separator.key-value.cardinal' },
          },
        },
        {
          match: String.raw`(?:(?<=[{,])|^)\s*((['"])((?:\\.|(?!\2)[^\\])*)(\2))\s*(:)`,
          captures: {
            1: { name: 'string.label-name.cardinal' },
            2: { name: 'punctuation.definition.string.begin.cardinal' },
            4: { name: 'punctuation.definition.string.end.cardinal' },
            5: { name: 'punctuation.separator.key-value.cardinal' },
          },
        },
        { include: 'source.ts#comment' },
        { include: 'source.ts#expression' },
        { include: 'source.ts#punctuation-comma' },
      ],
    },
    // `prometheus.NewHistogramVec(opts, []string{"status", "endpoint"})`, also through
    // `promauto` and `promauto.With(reg)`.
    'go-collector-declaration': {
      begin: String.raw`(?:\b(prometheus|promauto)\s*)?(\.)\s*(${goCollector})\s*(\()`,
      end: String.raw`\)`,
      beginCaptures: {
        1: { name: 'variable.other.package.cardinal' },
        2: { name: 'punctuation.accessor.cardinal' },
        3: { name: 'support.function.metric.cardinal' },
        4: { name: 'punctuation.section.arguments.begin.cardinal' },
      },
      endCaptures: { 0: { name: 'punctuation.section.arguments.end.cardinal' } },
      name: 'meta.metric.cardinal',
      patterns: [{ include: '#go-label-names-slice' }, { include: '#go-balanced-parentheses' }, { include: 'source.go' }],
    },
    'go-label-names-slice': {
      begin: String.raw`(\[\])\s*(string)\s*(\{)`,
      end: String.raw`\}`,
      beginCaptures: {
        1: { name: 'keyword.operator.slice.cardinal' },
        2: { name: 'storage.type.string.cardinal' },
        3: { name: 'punctuation.definition.begin.bracket.curly.cardinal' },
      },
      endCaptures: { 0: { name: 'punctuation.definition.end.bracket.curly.cardinal' } },
      patterns: [goLabelName(), { include: 'source.go#comments' }, { include: 'source.go#delimiters' }],
    },
    // `vec.With(prometheus.Labels{"route": route})`: each key names a label.
    'go-labels-map': {
      begin: String.raw`\b(prometheus)\s*(\.)\s*(${goLabelMap})\s*(\{)`,
      end: String.raw`\}`,
      beginCaptures: {
        1: { name: 'variable.other.package.cardinal' },
        2: { name: 'punctuation.accessor.cardinal' },
        3: { name: 'entity.name.type.cardinal' },
        4: { name: 'punctuation.definition.begin.bracket.curly.cardinal' },
      },
      endCaptures: { 0: { name: 'punctuation.definition.end.bracket.curly.cardinal' } },
      name: 'meta.labels.cardinal',
      patterns: [{ ...goLabelName(), match: String.raw`${goLabelName().match}(?=\s*:)` }, { include: 'source.go' }],
    },
    // Keeps a region's closing `)` from matching the `)` of a call nested in its arguments.
    'go-balanced-parentheses': {
      begin: String.raw`\(`,
      end: String.raw`\)`,
      beginCaptures: { 0: { name: 'punctuation.definition.begin.bracket.round.cardinal' } },
      endCaptures: { 0: { name: 'punctuation.definition.end.bracket.round.cardinal' } },
      patterns: [{ include: '#go-balanced-parentheses' }, { include: 'source.go' }],
    },
  },
};

/** A Go label name: an interpreted or raw string literal. */
function goLabelName() {
  return {
    match: String.raw`(["\x60])((?:\\.|(?!\1)[^\\])*)(\1)`,
    name: 'string.label-name.cardinal',
    captures: {
      1: { name: 'punctuation.definition.string.begin.cardinal' },
      3: { name: 'punctuation.definition.string.end.cardinal' },
    },
  };
}

/** The `contributes.grammars` entry that registers the grammar (package.json must match it). */
export const contribution = {
  scopeName: grammar.scopeName,
  path: './syntaxes/cardinal.injection.tmLanguage.json',
  injectTo: hosts,
};
