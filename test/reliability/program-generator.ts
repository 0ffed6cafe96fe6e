/**
 * Random programs with known answers. A fast-check arbitrary builds the plan of a small Express service
 * (label values made of sources, bounded values, templates, concatenations, conditionals, helper calls
 * through other files, recursion, variables, objects and arrays), and {@link renderProgram} turns the
 * plan into source files together with the findings Cardinal must report: the oracle. A label gets
 * `raw-path-label` when a raw path can reach it, else `unbounded-label` when another unbounded value
 * can, else nothing.
 */
import fc from 'fast-check';

type Helper = 'pass' | 'normalize' | 'kind' | 'loop' | 'ping' | 'String';

export type ExpressionPlan =
  | { readonly kind: 'atom'; readonly atom: number }
  | { readonly kind: 'template'; readonly parts: readonly ExpressionPlan[] }
  | { readonly kind: 'concat'; readonly left: ExpressionPlan; readonly right: ExpressionPlan }
  | { readonly kind: 'conditional'; readonly whenTrue: ExpressionPlan; readonly whenFalse: ExpressionPlan }
  | { readonly kind: 'call'; readonly helper: Helper; readonly argument: ExpressionPlan }
  | { readonly kind: 'variable'; readonly index: number };

type DeclarationForm = 'const' | 'reassigned' | 'self-assigned' | 'object' | 'array';

interface DeclarationPlan {
  readonly form: DeclarationForm;
  readonly value: ExpressionPlan;
  readonly other: ExpressionPlan;
}

interface HandlerPlan {
  readonly declarations: readonly DeclarationPlan[];
  readonly labels: readonly [ExpressionPlan, ExpressionPlan];
  readonly positional: boolean;
}

export interface ProgramPlan {
  readonly handlers: readonly HandlerPlan[];
}

/** Values a label can be built from: their text and the kind of source they are, if any. */
const ATOMS: readonly { readonly text: string; readonly taint?: 'raw' | 'unbounded' }[] = [
  { text: 'req.path', taint: 'raw' },
  { text: 'req.originalUrl', taint: 'raw' },
  { text: 'req.url', taint: 'raw' },
  { text: 'req.params.id', taint: 'unbounded' },
  { text: 'req.hostname', taint: 'unbounded' },
  { text: 'req.ip', taint: 'unbounded' },
  { text: "'home'" },
  { text: 'req.method' },
  { text: "'v' + 2" },
];

/** The helpers every program imports; `normalize` is a configured sanitizer, `kind` returns only literals. */
export const HELPERS_FILE = `export function pass(value: string): string {
  return value;
}

export function normalize(value: string): string {
  return value.split('?')[0];
}

export function kind(value: string): string {
  return value.length > 8 ? 'long' : 'short';
}

export function loop(value: string, times: number): string {
  return times > 0 ? loop(value, times - 1) : value;
}

export function ping(value: string, times: number): string {
  return times > 0 ? pong(value, times - 1) : value;
}

function pong(value: string, times: number): string {
  return ping(value, times);
}
`;

/** The configuration generated programs are analysed with. */
export const GENERATED_CONFIG_JSON = JSON.stringify({ sanitizers: ['normalize'] });

const expression: fc.Arbitrary<ExpressionPlan> = fc.letrec<{ expression: ExpressionPlan }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('atom' as const), atom: fc.nat(ATOMS.length - 1) }),
    fc.record({ kind: fc.constant('variable' as const), index: fc.nat(7) }),
    fc.record({ kind: fc.constant('template' as const), parts: fc.array(tie('expression'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('concat' as const), left: tie('expression'), right: tie('expression') }),
    fc.record({ kind: fc.constant('conditional' as const), whenTrue: tie('expression'), whenFalse: tie('expression') }),
    fc.record({
      kind: fc.constant('call' as const),
      helper: fc.constantFrom<Helper>('pass', 'normalize', 'kind', 'loop', 'ping', 'String'),
      argument: tie('expression'),
    }),
  ),
})).expression;

const declaration: fc.Arbitrary<DeclarationPlan> = fc.record({
  form: fc.constantFrom<DeclarationForm>('const', 'reassigned', 'self-assigned', 'object', 'array'),
  value: expression,
  other: expression,
});

const handler: fc.Arbitrary<HandlerPlan> = fc.record({
  declarations: fc.array(declaration, { maxLength: 5 }),
  labels: fc.tuple(expression, expression),
  positional: fc.boolean(),
});

/** Plans of one to three handlers. */
export const programPlan: fc.Arbitrary<ProgramPlan> = fc.record({ handlers: fc.array(handler, { minLength: 1, maxLength: 3 }) });

/** What reaches a value: whether a raw path and another unbounded value can, and their texts. */
interface Reach {
  readonly raw: ReadonlySet<string>;
  readonly unbounded: ReadonlySet<string>;
}

const NOTHING: Reach = { raw: new Set(), unbounded: new Set() };

function union(...parts: Reach[]): Reach {
  return { raw: new Set(parts.flatMap((part) => [...part.raw])), unbounded: new Set(parts.flatMap((part) => [...part.unbounded])) };
}

/** A finding the oracle expects, at an offset of `handlers.ts`. */
export interface ExpectedFinding {
  readonly ruleId: 'raw-path-label' | 'unbounded-label';
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** The texts the finding's source may have (any source of its rule that reaches the label). */
  readonly sources: ReadonlySet<string>;
}

export interface RenderedProgram {
  /** Relative file name → text. */
  readonly files: Readonly<Record<string, string>>;
  /** The findings expected in `handlers.ts`; the other files must have none. */
  readonly expected: readonly ExpectedFinding[];
}

interface Variable {
  readonly reference: string;
  readonly reach: Reach;
}

/** Writes the files of `plan` and computes the findings they must produce. */
export function renderProgram(plan: ProgramPlan): RenderedProgram {
  let text = `import type { Request } from 'express';
import { kind, loop, normalize, pass, ping } from './helpers';
import { requests } from './metrics';

export type Handler = (req: Request, flag: boolean) => void;
`;
  const expected: ExpectedFinding[] = [];
  plan.handlers.forEach((handlerPlan, handlerIndex) => {
    const variables: Variable[] = [];
    const render = (plan: ExpressionPlan): { text: string; reach: Reach } => renderExpression(plan, variables);
    text += `\nexport function handle${handlerIndex}(req: Request, flag: boolean): void {\n`;
    handlerPlan.declarations.forEach((declarationPlan, index) => {
      const name = `v${index}`;
      const value = render(declarationPlan.value);
      const other = render(declarationPlan.other);
      switch (declarationPlan.form) {
        case 'const':
          text += `  const ${name} = ${value.text};\n`;
          variables.push({ reference: name, reach: value.reach });
          break;
        case 'reassigned':
          text += `  let ${name} = ${value.text};\n  if (flag) {\n    ${name} = ${other.text};\n  }\n`;
          variables.push({ reference: name, reach: union(value.reach, other.reach) });
          break;
        case 'self-assigned':
          text += `  let ${name} = ${value.text};\n  ${name} = ${name};\n`;
          variables.push({ reference: name, reach: value.reach });
          break;
        case 'object':
          text += `  const ${name} = { key: ${value.text}, other: ${other.text} };\n`;
          variables.push({ reference: `${name}.key`, reach: value.reach });
          break;
        case 'array':
          text += `  const ${name} = [${other.text}, ${value.text}];\n`;
          variables.push({ reference: `${name}[1]`, reach: value.reach });
          break;
      }
    });
    const labels = handlerPlan.labels.map(render);
    const names = ['route', 'kind'];
    const prefix = handlerPlan.positional ? '  requests.labels(' : '  requests.inc({ ';
    text += prefix;
    labels.forEach((label, index) => {
      if (index > 0) text += ', ';
      if (!handlerPlan.positional) text += `${names[index]}: `;
      const start = text.length;
      text += label.text;
      const { raw, unbounded } = label.reach;
      if (raw.size > 0 || unbounded.size > 0) {
        const ruleId = raw.size > 0 ? 'raw-path-label' : 'unbounded-label';
        expected.push({ ruleId, start, end: text.length, label: names[index], sources: raw.size > 0 ? raw : unbounded });
      }
    });
    text += handlerPlan.positional ? ').inc();\n}\n' : ' });\n}\n';
  });
  const metrics = `import { Counter } from 'prom-client';
import type { Handler } from './handlers';

export const requests = new Counter({ name: 'requests_total', help: 'Requests', labelNames: ['route', 'kind'] });

export const handlers: Handler[] = [];
`;
  return { files: { 'handlers.ts': text, 'helpers.ts': HELPERS_FILE, 'metrics.ts': metrics }, expected };
}

function renderExpression(plan: ExpressionPlan, variables: readonly Variable[]): { text: string; reach: Reach } {
  const render = (inner: ExpressionPlan) => renderExpression(inner, variables);
  switch (plan.kind) {
    case 'atom': {
      const atom = ATOMS[plan.atom];
      const reach = atom.taint === undefined ? NOTHING : { ...NOTHING, [atom.taint]: new Set([atom.text]) };
      return { text: atom.text, reach };
    }
    case 'variable': {
      const variable = variables[plan.index % Math.max(variables.length, 1)];
      return variable ? { text: variable.reference, reach: variable.reach } : { text: "'none'", reach: NOTHING };
    }
    case 'template': {
      const parts = plan.parts.map(render);
      return { text: `\`${parts.map((part) => `\${${part.text}}`).join('/')}\``, reach: union(...parts.map((part) => part.reach)) };
    }
    case 'concat': {
      const left = render(plan.left);
      const right = render(plan.right);
      return { text: `${left.text} + '/' + ${right.text}`, reach: union(left.reach, right.reach) };
    }
    case 'conditional': {
      const whenTrue = render(plan.whenTrue);
      const whenFalse = render(plan.whenFalse);
      return { text: `(flag ? ${whenTrue.text} : ${whenFalse.text})`, reach: union(whenTrue.reach, whenFalse.reach) };
    }
    case 'call': {
      const argument = render(plan.argument);
      const bounded = plan.helper === 'normalize' || plan.helper === 'kind';
      const extra = plan.helper === 'loop' ? ', 3' : plan.helper === 'ping' ? ', 2' : '';
      return { text: `${plan.helper}(${argument.text}${extra})`, reach: bounded ? NOTHING : argument.reach };
    }
  }
}
