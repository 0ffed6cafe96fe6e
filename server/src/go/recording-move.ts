/**
 * Moves a Go middleware's recording to where the route pattern exists: after the statement that
 * hands the request on (`next.ServeHTTP(w, r)`, `err := c.Next()`), or, when that statement returns
 * (`return c.Next()`), into a deferred function in place, which runs once the handler chain returned.
 * A move is offered only when it changes nothing but the moment (see `recordingMove`).
 */
import type { RecordingMove } from '../analysis/value-facts';
import { descendants, fieldOf, namedChildren, textOf, unwrapParentheses, type GoNode } from './syntax';

/** Whether a statement's expression records into a metric whose recordings may move (not a gauge's). */
export type RecordsAnyTime = (expression: GoNode) => boolean;

/**
 * The move of the statement holding `read` to after `handsOn`, when it is safe: both are statements of
 * the function's own body, alone on their lines; the recording is a lone expression into a metric
 * whose recordings may move; nothing it reads is assigned between the two (a deferred function would
 * see the later values); and the request handed on is the function's own parameter, never replaced,
 * so the pattern the router sets is the one the moved recording reads.
 */
export function recordingMove(read: GoNode, fn: GoNode, handsOn: GoNode, recordsAnyTime: RecordsAnyTime): RecordingMove | undefined {
  const statements = bodyStatements(fn);
  const statement = statements.find((candidate) => candidate.start <= read.start && read.end <= candidate.end);
  const handing = statements.find((candidate) => candidate.start <= handsOn.start && handsOn.end <= candidate.end);
  if (!statement || !handing || statement === handing || statement.type !== 'expression_statement') return undefined;
  const expression = namedChildren(statement)[0];
  if (!expression || !recordsAnyTime(expression) || !handsOnOwnParameters(handsOn, fn)) return undefined;
  const between = statements.slice(statements.indexOf(statement) + 1, statements.indexOf(handing));
  if (assignsAny(between, identifiersIn(statement))) return undefined;
  if (!standsAlone(statement) || !standsAlone(handing)) return undefined;
  const file = statement.file;
  if (handing.type === 'return_statement') {
    const span = { file: file.fileName, start: statement.start, end: statement.end };
    return { remove: span, moved: span, insertAt: statement.start, prefix: 'defer func() { ', suffix: ' }()' };
  }
  if (handedOnBy(handing) !== handsOn) return undefined;
  const lines = lineRange(statement);
  return {
    remove: { file: file.fileName, ...lines },
    moved: { file: file.fileName, start: statement.start, end: statement.end },
    insertAt: lineRange(handing).end,
    prefix: file.text.slice(lines.start, statement.start),
    suffix: file.text.slice(statement.end, lines.end) || '\n',
  };
}

/** The call a statement is made of: `next.ServeHTTP(w, r)`, `err := c.Next()`, `err = c.Next()`. */
function handedOnBy(statement: GoNode): GoNode | undefined {
  if (statement.type === 'expression_statement') return unwrapParentheses(namedChildren(statement)[0] ?? statement);
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return undefined;
  const right = namedChildren(fieldOf(statement, 'right') as GoNode);
  return right.length === 1 ? unwrapParentheses(right[0]) : undefined;
}

/** The statements of the function's own block, in order. */
function bodyStatements(fn: GoNode): GoNode[] {
  const body = fieldOf(fn, 'body');
  const list = body && namedChildren(body).find((child) => child.type === 'statement_list');
  return list ? namedChildren(list) : [];
}

/** `next.ServeHTTP(w, r)`, `c.Next()`: every name in the call is a parameter of `fn` that the body never assigns. */
function handsOnOwnParameters(handsOn: GoNode, fn: GoNode): boolean {
  const parameters = new Set(parameterNames(fn));
  const args = namedChildren(fieldOf(handsOn, 'arguments') as GoNode);
  if (!args.every((arg) => arg.type === 'identifier' && parameters.has(textOf(arg)))) return false;
  const callee = fieldOf(handsOn, 'function');
  const receiver = callee?.type === 'selector_expression' ? unwrapParentheses(fieldOf(callee, 'operand') as GoNode) : undefined;
  if (receiver?.type !== 'identifier') return false;
  return !assignsAny(bodyStatements(fn), new Set([...identifiersIn(handsOn)]));
}

function parameterNames(fn: GoNode): string[] {
  const parameters = fieldOf(fn, 'parameters');
  if (!parameters) return [];
  return namedChildren(parameters).flatMap((declaration) => namedChildren(declaration).filter((child) => child.type === 'identifier').map(textOf));
}

function identifiersIn(node: GoNode): Set<string> {
  const names = new Set<string>();
  for (const child of descendants(node)) if (child.type === 'identifier') names.add(textOf(child));
  return names;
}

/** Whether any of `statements` assigns, declares or increments one of `names`, closures included. */
function assignsAny(statements: readonly GoNode[], names: ReadonlySet<string>): boolean {
  for (const statement of statements) {
    for (const node of descendants(statement)) {
      const targets =
        node.type === 'assignment_statement' || node.type === 'short_var_declaration'
          ? namedChildren(fieldOf(node, 'left') as GoNode)
          : node.type === 'inc_statement' || node.type === 'dec_statement'
            ? namedChildren(node).slice(0, 1)
            : node.type === 'var_spec'
              ? namedChildren(node).filter((child) => child.type === 'identifier')
              : [];
      if (targets.some((target) => unwrapParentheses(target).type === 'identifier' && names.has(textOf(unwrapParentheses(target))))) return true;
    }
  }
  return false;
}

/** Only spaces and tabs before the statement on its first line, and nothing but them after it on its last. */
function standsAlone(statement: GoNode): boolean {
  const { text } = statement.file;
  const lines = lineRange(statement);
  return text.slice(lines.start, statement.start).trim() === '' && text.slice(statement.end, lines.end).trim() === '';
}

/** From the start of the statement's first line to the start of the line after its last. */
function lineRange(statement: GoNode): { start: number; end: number } {
  const { text } = statement.file;
  const start = text.lastIndexOf('\n', statement.start - 1) + 1;
  const newline = text.indexOf('\n', statement.end);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}
