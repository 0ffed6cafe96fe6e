/**
 * A plain JavaScript copy of a tree-sitter-go syntax tree. The analysis walks trees many times and in
 * every direction (parents, fields, siblings); doing that on plain objects is faster than crossing into
 * WebAssembly for each property and frees the analysis from the native tree's lifetime.
 *
 * Offsets are UTF-16 code units, like JavaScript strings and `Finding` offsets: the WebAssembly
 * binding parses JavaScript strings as UTF-16, so tree-sitter's indices already count that way.
 */
import type { TreeCursor } from '@vscode/tree-sitter-wasm';

export interface GoNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Named nodes are grammar rules; anonymous ones are tokens such as `+`, `:=` or `(`. */
  readonly named: boolean;
  /** The token tree-sitter inserted to recover from an error (it has no text). */
  readonly missing: boolean;
  /** The field this node fills in its parent (`left`, `operand`, `arguments`, …), if any. */
  readonly field: string | undefined;
  readonly parent: GoNode | undefined;
  readonly children: readonly GoNode[];
  readonly file: GoFileSyntax;
}

/** One parsed file: its text, its name and the root of its tree. */
export interface GoFileSyntax {
  readonly fileName: string;
  readonly text: string;
  readonly root: GoNode;
}

interface MutableNode {
  type: string;
  start: number;
  end: number;
  named: boolean;
  missing: boolean;
  field: string | undefined;
  parent: MutableNode | undefined;
  children: MutableNode[];
  file: GoFileSyntax;
}

/**
 * The grammar's names for node types and fields, by id, and which types are named (learnt from the
 * first node of each type). Reading ids and looking names up here costs a third fewer crossings into
 * WebAssembly per node than asking the cursor for names.
 */
export class GoNodeKinds {
  private readonly named: (boolean | undefined)[] = [];

  constructor(private readonly language: { readonly types: readonly string[]; readonly fields: readonly (string | null)[] }) {}

  typeName(typeId: number): string {
    return this.language.types[typeId] || 'ERROR';
  }

  fieldName(fieldId: number): string | undefined {
    return this.language.fields[fieldId] ?? undefined;
  }

  isNamed(typeId: number, cursor: TreeCursor): boolean {
    return (this.named[typeId] ??= cursor.nodeIsNamed);
  }
}

/** Copies the tree under `cursor` (positioned on the root) without recursion, so any depth works. */
export function copySyntaxTree(cursor: TreeCursor, kinds: GoNodeKinds, fileName: string, text: string): GoFileSyntax {
  const file = { fileName, text } as { fileName: string; text: string; root: GoNode };
  const makeNode = (parent: MutableNode | undefined): MutableNode => {
    const typeId = cursor.nodeTypeId;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    return {
      type: kinds.typeName(typeId),
      start,
      end,
      named: kinds.isNamed(typeId, cursor),
      // Only a zero-width node can be one tree-sitter inserted.
      missing: start === end && cursor.nodeIsMissing,
      field: kinds.fieldName(cursor.currentFieldId),
      parent,
      children: [],
      file,
    };
  };
  const root = makeNode(undefined);
  let current = root;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const child = makeNode(current);
      current.children.push(child);
      current = child;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || current.parent === undefined) {
        file.root = root;
        return file;
      }
      current = current.parent;
    }
    const parent = current.parent as MutableNode;
    const sibling = makeNode(parent);
    parent.children.push(sibling);
    current = sibling;
  }
}

/** The source text of `node`. */
export function textOf(node: GoNode): string {
  return node.file.text.slice(node.start, node.end);
}

/** The first child filling `field`, e.g. `fieldOf(call, 'function')`. */
export function fieldOf(node: GoNode, field: string): GoNode | undefined {
  return node.children.find((child) => child.field === field);
}

/** Every child filling `field` (a parameter list's names, an expression list's items). */
export function fieldsOf(node: GoNode, field: string): GoNode[] {
  return node.children.filter((child) => child.field === field);
}

export function namedChildren(node: GoNode): GoNode[] {
  return node.children.filter((child) => child.named && child.type !== 'comment');
}

/** The node itself without the parentheses around it, however many there are. */
export function unwrapParentheses(node: GoNode): GoNode {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = namedChildren(current)[0];
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The operator token of a binary, unary or assignment node. */
export function operatorOf(node: GoNode): string | undefined {
  const token = fieldOf(node, 'operator');
  return token ? textOf(token) : undefined;
}

/** Visits `root` and all its descendants in document order, without recursion. */
export function* descendants(root: GoNode, skip?: (node: GoNode) => boolean): Generator<GoNode> {
  const stack: GoNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as GoNode;
    yield node;
    if (node !== root && skip?.(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** The nearest ancestor (not the node itself) that satisfies `test`. */
export function ancestor(node: GoNode, test: (candidate: GoNode) => boolean): GoNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (test(current)) return current;
  }
  return undefined;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: GoNode, inner: GoNode): boolean {
  return outer.file === inner.file && outer.start <= inner.start && inner.end <= outer.end;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The value of a Go string literal (interpreted or raw), or undefined for any other node. */
export function stringLiteralValue(node: GoNode): string | undefined {
  const text = textOf(node);
  if (node.type === 'raw_string_literal') return text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return undefined;
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1); // Go escapes JSON does not know (\x41, \a): the raw contents are close enough
  }
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
