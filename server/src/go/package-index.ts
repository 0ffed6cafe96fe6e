/**
 * One Go package (the files of a directory sharing a package clause) indexed once: imports per file,
 * package-level declarations, and where each name is assigned or called. The flow analysis asks these
 * questions for every identifier it meets; answering them from maps keeps it linear.
 */
import { GO_CATALOGS, type GoCatalog } from './catalog';
import { descendants, fieldOf, fieldsOf, namedChildren, operatorOf, stringLiteralValue, textOf, unwrapParentheses, type GoFileSyntax, type GoNode } from './syntax';

const PATTERNED_CATALOGS = GO_CATALOGS.filter((catalog) => catalog.importPathPattern !== undefined);

/** A package-level declaration: the declaring identifier and the declaration node around it. */
export interface TopLevelDeclaration {
  readonly name: GoNode;
  /** `var_spec`, `const_spec` or `function_declaration`. */
  readonly declaration: GoNode;
}

export class GoPackage {
  readonly files: readonly GoFileSyntax[];
  private readonly importsByFile = new Map<GoFileSyntax, Map<string, string>>();
  private readonly topLevel = new Map<string, TopLevelDeclaration>();
  private readonly methods = new Map<string, GoNode[]>();
  private readonly assignedNames = new Map<string, GoNode[]>();
  private readonly indexWrites = new Map<string, GoNode[]>();
  private readonly fieldWrites = new Map<string, GoNode[]>();
  private readonly structFields = new Set<string>();
  /** The method names the package's interface types declare. */
  private readonly interfaceMethods = new Set<string>();
  /** The declared type of each field of the package's struct types, by `Type.field`. */
  private readonly fieldTypes = new Map<string, GoNode>();
  private readonly typeNames = new Set<string>();
  private readonly calls = new Map<string, GoNode[]>();
  private readonly catalogsByImportPath = new Map<string, GoCatalog>();

  private readonly fileSet: ReadonlySet<GoFileSyntax>;

  constructor(files: readonly GoFileSyntax[]) {
    this.files = files;
    this.fileSet = new Set(files);
    for (const catalog of GO_CATALOGS) {
      for (const importPath of catalog.importPaths) this.catalogsByImportPath.set(importPath, catalog);
    }
    for (const file of files) this.indexFile(file);
  }

  /** The catalog of the package `alias` names in `file` (`gin`, or `g` for `g "github.com/gin-gonic/gin"`). */
  catalogForAlias(file: GoFileSyntax, alias: string): GoCatalog | undefined {
    const importPath = this.importsByFile.get(file)?.get(alias);
    return importPath === undefined ? undefined : this.catalogOfImportPath(importPath);
  }

  private catalogOfImportPath(importPath: string): GoCatalog | undefined {
    return this.catalogsByImportPath.get(importPath) ?? PATTERNED_CATALOGS.find((catalog) => catalog.importPathPattern?.test(importPath));
  }

  /** The name under which `file` imports `catalog`'s package, if it does. */
  aliasOf(file: GoFileSyntax, catalog: GoCatalog): string | undefined {
    for (const [alias, importPath] of this.importsByFile.get(file) ?? []) {
      if (catalog.importPaths.includes(importPath) || catalog.importPathPattern?.test(importPath)) return alias;
    }
    return undefined;
  }

  /** True when some file of the package imports `catalog`'s package. */
  imports(catalog: GoCatalog): boolean {
    return this.files.some((file) => this.aliasOf(file, catalog) !== undefined);
  }

  /** True when `file` is one of this package's. */
  holds(file: GoFileSyntax): boolean {
    return this.fileSet.has(file);
  }

  /** The import path `alias` names in `file`. */
  importPathOf(file: GoFileSyntax, alias: string): string | undefined {
    return this.importsByFile.get(file)?.get(alias);
  }

  /** The aliases and import paths of `file`'s imports. */
  importsOf(file: GoFileSyntax): ReadonlyMap<string, string> {
    return this.importsByFile.get(file) ?? new Map();
  }

  /** True when `name` is an import alias in `file` (so `name.X` is a package member, not a field). */
  isImportAlias(file: GoFileSyntax, name: string): boolean {
    return this.importsByFile.get(file)?.has(name) ?? false;
  }

  topLevelDeclaration(name: string): TopLevelDeclaration | undefined {
    return this.topLevel.get(name);
  }

  /** Method declarations named `name`, on any receiver type. */
  methodsNamed(name: string): readonly GoNode[] {
    return this.methods.get(name) ?? [];
  }

  /** Identifiers named `name` on the left of `=`, `:=` or `op=`, anywhere in the package. */
  assignmentTargets(name: string): readonly GoNode[] {
    return this.assignedNames.get(name) ?? [];
  }

  /** `name[k] = v` anywhere in the package: the `name[k]` targets. */
  indexWritesTo(name: string): readonly GoNode[] {
    return this.indexWrites.get(name) ?? [];
  }

  /**
   * The values given to fields named `name` anywhere in the package: `x.name = v` (the `v`) and
   * `T{name: v}` (the `v`). Fields are told apart by name only; callers decide what to trust.
   */
  fieldValues(name: string): readonly GoNode[] {
    return this.fieldWrites.get(name) ?? [];
  }

  /** True when this package declares a type named `name` (so `name(x)` is a conversion). */
  declaresType(name: string): boolean {
    return this.typeNames.has(name);
  }

  /** True when an interface type of this package declares a method named `name`. */
  declaresInterfaceMethod(name: string): boolean {
    return this.interfaceMethods.has(name);
  }

  /** The type a struct type of this package declares for one of its fields (`stdReporter.r` is `*http.Request`). */
  fieldTypeOf(typeName: string, field: string): GoNode | undefined {
    return this.fieldTypes.get(`${typeName}.${field}`);
  }

  /** True when a struct type of this package declares a field named `name`. */
  declaresField(name: string): boolean {
    return this.structFields.has(name);
  }

  /** Calls whose callee is `name` or `x.name`. */
  callsNamed(name: string): readonly GoNode[] {
    return this.calls.get(name) ?? [];
  }

  private indexFile(file: GoFileSyntax): void {
    const imports = new Map<string, string>();
    this.importsByFile.set(file, imports);
    for (const node of descendants(file.root)) {
      switch (node.type) {
        case 'import_spec':
          this.indexImport(node, imports);
          break;
        case 'function_declaration':
          this.addTopLevel(fieldOf(node, 'name'), node);
          break;
        case 'method_declaration': {
          const name = fieldOf(node, 'name');
          if (name) push(this.methods, textOf(name), node);
          break;
        }
        case 'method_elem':
        case 'method_spec': {
          const name = fieldOf(node, 'name');
          if (name) this.interfaceMethods.add(textOf(name));
          break;
        }
        case 'var_spec':
        case 'const_spec':
          if (node.parent?.parent?.type === 'source_file' || node.parent?.parent?.parent?.type === 'source_file') {
            for (const name of fieldsOf(node, 'name')) this.addTopLevel(name, node);
          }
          break;
        case 'assignment_statement':
        case 'short_var_declaration':
          this.indexAssignment(node);
          break;
        case 'type_spec':
        case 'type_alias': {
          const name = fieldOf(node, 'name');
          if (name) this.typeNames.add(textOf(name));
          break;
        }
        case 'field_declaration': {
          const struct = node.parent?.parent;
          const typeName = struct?.type === 'struct_type' && struct.parent?.type === 'type_spec' ? fieldOf(struct.parent, 'name') : undefined;
          const type = fieldOf(node, 'type');
          for (const name of fieldsOf(node, 'name')) {
            this.structFields.add(textOf(name));
            if (typeName && type) this.fieldTypes.set(`${textOf(typeName)}.${textOf(name)}`, type);
          }
          break;
        }
        case 'keyed_element': {
          const key = keyedFieldName(node);
          const value = fieldOf(node, 'value');
          const inner = value?.type === 'literal_element' ? namedChildren(value)[0] : value;
          if (key !== undefined && inner) push(this.fieldWrites, key, inner);
          break;
        }
        case 'call_expression': {
          const callee = fieldOf(node, 'function');
          const name = callee?.type === 'selector_expression' ? fieldOf(callee, 'field') : callee;
          if (name && (name.type === 'identifier' || name.type === 'field_identifier')) push(this.calls, textOf(name), node);
          break;
        }
      }
    }
  }

  private indexAssignment(statement: GoNode): void {
    const targets = namedChildren(fieldOf(statement, 'left') ?? statement);
    const values = namedChildren(fieldOf(statement, 'right') ?? statement);
    for (const [index, target] of targets.entries()) {
      if (target.type === 'identifier') push(this.assignedNames, textOf(target), target);
      const operand = target.type === 'index_expression' ? unwrapParentheses(fieldOf(target, 'operand') as GoNode) : undefined;
      if (operand?.type === 'identifier') push(this.indexWrites, textOf(operand), target);
      const field = target.type === 'selector_expression' ? fieldOf(target, 'field') : undefined;
      // `a.F, b.G = f()` gives no single value to a field: only one value per target counts.
      if (field && values.length === targets.length && operatorOf(statement) === '=') push(this.fieldWrites, textOf(field), values[index]);
    }
  }

  private indexImport(spec: GoNode, imports: Map<string, string>): void {
    const pathNode = fieldOf(spec, 'path');
    const importPath = pathNode && stringLiteralValue(pathNode);
    if (importPath === undefined) return;
    const explicit = fieldOf(spec, 'name');
    if (explicit && explicit.type !== 'package_identifier') return; // `_` and `.` imports bind no name
    imports.set(explicit ? textOf(explicit) : defaultPackageName(importPath), importPath);
  }

  private addTopLevel(name: GoNode | undefined, declaration: GoNode): void {
    if (name && !this.topLevel.has(textOf(name))) this.topLevel.set(textOf(name), { name, declaration });
  }
}

/** The field a `key: value` element of a struct literal sets; undefined for map keys that are not plain names. */
function keyedFieldName(element: GoNode): string | undefined {
  const keyElement = fieldOf(element, 'key');
  const key = keyElement?.type === 'literal_element' ? namedChildren(keyElement)[0] : keyElement;
  return key && (key.type === 'field_identifier' || key.type === 'identifier') ? textOf(key) : undefined;
}

/** The name a package is used by when imported without one: `chi` for `github.com/go-chi/chi/v5`. */
function defaultPackageName(importPath: string): string {
  const segments = importPath.split('/');
  let last = segments[segments.length - 1];
  if (/^v\d+$/.test(last) && segments.length > 1) last = segments[segments.length - 2];
  return last.replace(/^go[.-]/, '').replace(/[.-]go$/, '');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
