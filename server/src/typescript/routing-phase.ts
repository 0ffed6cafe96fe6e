/**
 * Whether a read runs in a middleware before the framework has matched a route (DESIGN §3.5, "the
 * pattern read too early"). A read qualifies when it sits in the handler's own body (not in a callback
 * such as `res.on('finish')`), before the handler's first call of its `next` parameter, and the handler
 * is middleware: registered with the framework's middleware method (`app.use`), or registered nowhere in
 * sight and found by convention. There the pattern is always one value, and a raw read rewritten into
 * it would be too; so the phase carries, when it is safe, the move of the recording statement to where
 * the pattern exists.
 */
import ts from 'typescript';
import { entity as entityById, TABLES } from './catalog';
import type { EntityId, LibraryTable, RoutingOrder } from './catalog/model';
import type { CallbackSite } from './callback-sites';
import type { LateInline, RecordingMove, RoutingPhase } from '../analysis/value-facts';
import { needsParentheses, quoted } from './repair';
import { skipOuter } from './syntax';

type HandlerNode = ts.FunctionLikeDeclaration & { body: ts.Block };

/** What the phase needs from the resolver. */
export interface RoutingContext {
  registrationsOf(fn: ts.Node): readonly CallbackSite[];
  registrationMethod(site: CallbackSite): string | undefined;
  entityOf(node: ts.Expression): EntityId | undefined;
  readonly checker: ts.TypeChecker;
}

const ROUTING = new Map<string, { table: LibraryTable; routing: RoutingOrder }>(
  TABLES.flatMap((table) => (table.routing ? [[table.id, { table, routing: table.routing }] as const] : [])),
);

/** The routing phase of a read of `owner`'s member at `node`, when it runs before routing. */
export function routingPhaseOf(node: ts.Node, owner: EntityId, context: RoutingContext): RoutingPhase | undefined {
  const known = ROUTING.get(owner.slice(0, owner.indexOf(':')));
  if (!known) return undefined;
  const { table, routing } = known;
  const handler = enclosingHandler(node);
  if (!handler) return undefined;
  const errorArity = table.handlerConventions?.find((c) => c.errorHandlerArity !== undefined)?.errorHandlerArity;
  if (errorArity !== undefined && handler.parameters.length === errorArity) return undefined;
  const next = handler.parameters[routing.nextParam]?.name;
  if (!next || !ts.isIdentifier(next)) return undefined;
  const nextCall = firstCallOf(handler.body, next.text);
  if (!nextCall || nextCall.getStart() < node.getEnd()) return undefined;
  if (!isMiddleware(handler, routing, context)) return undefined;
  const where = whereThePatternExists(routing, handler);
  if (where === undefined) return undefined;
  return {
    patternThere: routing.patternThere,
    where,
    move: recordingMove(node, handler, nextCall, routing, context),
    inline: inlineAtLateUses(node, handler, nextCall, routing, context.checker),
  };
}

/** The innermost function around `node`, when it has a block body. */
function enclosingHandler(node: ts.Node): HandlerNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const body = (current as ts.FunctionLikeDeclaration).body;
      return body && ts.isBlock(body) ? (current as HandlerNode) : undefined;
    }
  }
  return undefined;
}

/** The first call of `name` in `body` itself, not in a function nested in it. */
function firstCallOf(body: ts.Block, name: string): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
    if (callee && ts.isIdentifier(callee) && callee.text === name) {
      found = node as ts.CallExpression;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** Registered only as middleware, or registered nowhere in sight (a middleware by its shape). */
function isMiddleware(handler: HandlerNode, routing: RoutingOrder, context: RoutingContext): boolean {
  return context.registrationsOf(handler).every((site) => {
    const method = context.registrationMethod(site);
    if (method === undefined || !routing.methods.includes(method)) return false;
    const callee = skipOuter(site.call.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? context.entityOf(callee.expression) : undefined;
    return receiver === undefined || routing.receivers.includes(receiver);
  });
}

function whereThePatternExists(routing: RoutingOrder, handler: HandlerNode): string | undefined {
  if (routing.recordAt.kind === 'after-awaited-next') return 'after await next()';
  const response = handler.parameters[routing.recordAt.responseParam]?.name;
  if (!response || !ts.isIdentifier(response)) return undefined;
  return `in ${response.text}.on('${routing.recordAt.event}', …)`;
}

/**
 * Moves the statement holding `node` to where the pattern exists, when that is safe: a statement of
 * the handler's own body, a lone expression (it declares nothing later code uses, and holds no
 * `await` an arrow function could not keep) recording into a metric whose recordings may move, with
 * no assignment between it and `next` to anything it reads. Express's is wrapped in the response's event; Koa's and Hono's go after `await next()`.
 */
function recordingMove(node: ts.Node, handler: HandlerNode, nextCall: ts.CallExpression, routing: RoutingOrder, context: RoutingContext): RecordingMove | undefined {
  const statements = handler.body.statements;
  const statement = statements.find((s) => s.getStart() <= node.getStart() && node.getEnd() <= s.getEnd());
  const nextStatement = statements.find((s) => s.getStart() <= nextCall.getStart() && nextCall.getEnd() <= s.getEnd());
  if (!statement || !nextStatement || !ts.isExpressionStatement(statement) || statement === nextStatement) return undefined;
  if (containsAwaitOrYield(statement.expression) || !recordsAnyTime(statement.expression, context)) return undefined;
  const between = statements.slice(statements.indexOf(statement) + 1, statements.indexOf(nextStatement));
  if (assignsAny(between, identifiersIn(statement.expression))) return undefined;
  const file = node.getSourceFile();
  const semicolon = statement.getText().endsWith(';') ? ';' : '';
  if (routing.recordAt.kind === 'response-event') {
    const response = (handler.parameters[routing.recordAt.responseParam].name as ts.Identifier).text;
    const expression = statement.expression;
    return {
      remove: { file: file.fileName, start: statement.getStart(), end: statement.getEnd() },
      moved: { file: file.fileName, start: expression.getStart(), end: expression.getEnd() },
      insertAt: statement.getStart(),
      prefix: `${response}.on(${quoted(file, routing.recordAt.event)}, () => `,
      suffix: `)${semicolon}`,
    };
  }
  if (!isAwaitedStatement(nextStatement, nextCall) || !standsAlone(file, statement) || !standsAlone(file, nextStatement)) return undefined;
  const lines = lineRange(file, statement);
  const afterNext = lineRange(file, nextStatement).end;
  const indentation = file.text.slice(lines.start, statement.getStart());
  const eol = file.text.slice(statement.getEnd(), lines.end);
  return {
    remove: { file: file.fileName, start: lines.start, end: lines.end },
    moved: { file: file.fileName, start: statement.getStart(), end: statement.getEnd() },
    insertAt: afterNext,
    prefix: indentation,
    suffix: eol.length > 0 ? eol : '\n',
  };
}

/**
 * For `const endpoint = req.path` in the handler's own body, when every use of `endpoint` runs once
 * the pattern exists: in a callback of the response's event (Express), or after `await next()`
 * (Koa, Hono). The constant goes, and each use reads the pattern itself.
 */
function inlineAtLateUses(node: ts.Node, handler: HandlerNode, nextCall: ts.CallExpression, routing: RoutingOrder, checker: ts.TypeChecker): LateInline | undefined {
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1) return undefined;
  if (!ts.isVariableStatement(statement) || statement.parent !== handler.body) return undefined;
  const file = node.getSourceFile();
  if (!standsAlone(file, statement)) return undefined;
  const name = declaration.name;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return undefined;
  const uses: ts.Identifier[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) && child !== name && child.text === name.text && symbolAt(checker, child) === symbol) uses.push(child);
    ts.forEachChild(child, visit);
  };
  visit(handler.body);
  if (uses.length === 0 || !uses.every((use) => runsAfterRouting(use, handler, nextCall, routing))) return undefined;
  return {
    remove: { file: file.fileName, ...lineRange(file, statement) },
    uses: uses.map((use) => ({
      span: { file: file.fileName, start: use.getStart(), end: use.getEnd() },
      prefix: ts.isShorthandPropertyAssignment(use.parent) ? `${use.text}: ` : '',
      parenthesize: !ts.isShorthandPropertyAssignment(use.parent) && needsParentheses(use),
    })),
  };
}

/** A shorthand property's name stands for the variable, not for the property. */
function symbolAt(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Symbol | undefined {
  return ts.isShorthandPropertyAssignment(identifier.parent) ? checker.getShorthandAssignmentValueSymbol(identifier.parent) : checker.getSymbolAtLocation(identifier);
}

/** In a callback of `res.on('finish' | 'close', …)` (Express), or after `await next()` (Koa, Hono). */
function runsAfterRouting(use: ts.Node, handler: HandlerNode, nextCall: ts.CallExpression, routing: RoutingOrder): boolean {
  if (routing.recordAt.kind === 'after-awaited-next') {
    const nextStatement = handler.body.statements.find((s) => s.getStart() <= nextCall.getStart() && nextCall.getEnd() <= s.getEnd());
    return nextStatement !== undefined && isAwaitedStatement(nextStatement, nextCall) && use.getStart() >= nextStatement.getEnd();
  }
  const response = handler.parameters[routing.recordAt.responseParam]?.name;
  if (!response || !ts.isIdentifier(response)) return false;
  for (let current: ts.Node = use; current.parent && current !== handler; current = current.parent) {
    if (!ts.isFunctionLike(current) || current.parent === undefined) continue;
    const call = current.parent;
    if (!ts.isCallExpression(call) || call.arguments[1] !== current) return false;
    const callee = skipOuter(call.expression);
    const event = call.arguments[0];
    return (
      ts.isPropertyAccessExpression(callee) &&
      ['on', 'once'].includes(callee.name.text) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === response.text &&
      ts.isStringLiteralLike(event) &&
      RESPONSE_DONE_EVENTS.has(event.text)
    );
  }
  return false;
}

/** Node's response events after which routing is over. */
const RESPONSE_DONE_EVENTS = new Set(['finish', 'close']);

/** The statement records into a metric whose recordings may move later (`hits.inc(…)`, `latency.labels(…).observe(v)`). */
function recordsAnyTime(expression: ts.Expression, context: RoutingContext): boolean {
  let node = skipOuter(expression);
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const inner = skipOuter(node.expression);
    // The first metric on the way decides; a child made by `labels(…)` says nothing of its own.
    const id = ts.isCallExpression(node) ? undefined : context.entityOf(inner);
    const verdict = id === undefined ? undefined : entityById(id)?.recordsAnyTime;
    if (verdict !== undefined) return verdict;
    node = inner;
  }
  return false;
}

function isAwaitedStatement(statement: ts.Statement, call: ts.CallExpression): boolean {
  return ts.isExpressionStatement(statement) && ts.isAwaitExpression(statement.expression) && skipOuter(statement.expression.expression) === call;
}

function containsAwaitOrYield(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, containsAwaitOrYield) ?? false;
}

function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) names.add(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** Whether any of `statements` assigns (or declares) one of `names`. */
function assignsAny(statements: readonly ts.Statement[], names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = skipOuter(node.left);
      if (ts.isIdentifier(target) && names.has(target.text)) found = true;
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && names.has(node.operand.text)) {
      found = true;
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && names.has(node.name.text)) {
      found = true;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of statements) visit(statement);
  return found;
}

/** The statement is alone on its lines: only spaces before it and after it. */
function standsAlone(file: ts.SourceFile, statement: ts.Statement): boolean {
  const lines = lineRange(file, statement);
  return file.text.slice(lines.start, statement.getStart()).trim() === '' && file.text.slice(statement.getEnd(), lines.end).trim() === '';
}

/** From the start of the statement's first line to the start of the line after its last. */
function lineRange(file: ts.SourceFile, statement: ts.Statement): { start: number; end: number } {
  const first = file.getLineAndCharacterOfPosition(statement.getStart()).line;
  const last = file.getLineAndCharacterOfPosition(statement.getEnd()).line;
  const starts = file.getLineStarts();
  return { start: starts[first], end: last + 1 < starts.length ? starts[last + 1] : file.text.length };
}
