/**
 * The JSON Schema of `cardinal.config.json`, generated from the rule modules and the configuration's
 * own shape, so editors complete and check the file (VS Code through `jsonValidation`). The validator
 * in `config-schema.ts` stays the authority: it reports every problem with its key, in the editor and
 * on the command line; this schema only lets an editor help while the file is typed.
 */
import { RULES } from './rules';

const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];
const DOTTED_NAME = '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$';

export function configJsonSchema(): object {
  const level = (description: string) => ({ enum: LEVELS, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cardinal configuration (cardinal.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for cardinal.config.json files in the folders above this one.' },
      rules: {
        type: 'object',
        description: 'Severity per rule, or "off".',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((rule) => [rule.id, { ...level(rule.summary), default: rule.defaultSeverity }])),
      },
      sinks: {
        type: 'array',
        description: "A team's own functions whose arguments become labels.",
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['function', 'labels'],
          properties: {
            function: { type: 'string', pattern: DOTTED_NAME, description: 'The function or method as called: recordRequest, or metrics.recordRequest.' },
            labels: { type: 'object', description: 'Label name → argument index.', additionalProperties: { type: 'integer', minimum: 0 } },
          },
        },
      },
      sources: {
        type: 'array',
        description: 'Extra unbounded values: a function call or a property path.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: {
            function: { type: 'string', pattern: DOTTED_NAME },
            property: { type: 'string', pattern: DOTTED_NAME },
            kind: { enum: ['raw-path', 'unbounded'], description: 'raw-path reports it as raw-path-label, unbounded as unbounded-label.' },
            description: { type: 'string' },
          },
        },
      },
      sanitizers: { type: 'array', description: 'Functions whose result is bounded whatever their input.', items: { type: 'string', pattern: DOTTED_NAME } },
      exclude: { type: 'array', description: "Globs, relative to this file's folder, of files never analysed.", items: { type: 'string' } },
      httpMethod: level("The severity of a label fed by the request's HTTP method where the server accepts any method token (Go's net/http), or off."),
      maxSeriesPerMetric: {
        type: 'integer',
        minimum: 1,
        default: 2000,
        description: "A metric whose worst case is more series than this gets series-budget. 2000 is the OpenTelemetry SDK's default cap per instrument.",
      },
    },
  };
}
