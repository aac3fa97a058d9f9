// Lexical name resolution without a type-checker: a binding is the Identifier that declares a name.
// Scopes are indexed lazily, once per container, so files pay only for the names rules ask about.
import ts from '../typescript';
import { boundIdentifiers, isFunctionLike, someAssignedTarget, walk } from './ast';
import { nodesInside, writtenExpression, type TreeIndex } from './tree-index';

export type Binding = ts.Identifier;

export class Scopes {
  private readonly index = new Map<ts.Node, ReadonlyMap<string, Binding>>();

  /** The identifier that declares `id`'s name in scope at `id`, or undefined for globals. */
  resolve(id: ts.Identifier): Binding | undefined {
    return this.lookup(id.text, id);
  }

  /** Resolves `name` as seen from `at`. */
  lookup(name: string, at: ts.Node): Binding | undefined {
    for (let n: ts.Node | undefined = at; n; n = n.parent) {
      // Most ancestors are expressions and statements: a table lookup skips them (rules resolve
      // thousands of identifiers per file).
      if (!SCOPE_KINDS[n.kind]) continue;
      const b = this.declarations(n).get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** Is `id` a reference to `binding` (same name, same declaration)? */
  refersTo(id: ts.Identifier, binding: Binding): boolean {
    return id.text === binding.text && (id === binding || this.resolve(id) === binding);
  }

  constructor(private readonly tree: TreeIndex) {}

  /** Every write to `binding` inside `within`: `=`, `+=`, `++`, destructuring and for-of targets. */
  writes(binding: Binding, within: ts.Node): ts.Node[] {
    return nodesInside(this.tree.writes, within).filter((n) => this.targets(writtenExpression(n), binding));
  }

  /** The first reference to `binding` inside `within` in source order, without looking further. */
  firstReference(binding: Binding, within: ts.Node): ts.Identifier | undefined {
    let found: ts.Identifier | undefined;
    walk(within, (n) => {
      if (found) return false;
      if (ts.isIdentifier(n) && n !== binding && n.text === binding.text && !isPropertyName(n) && this.resolve(n) === binding) found = n;
    });
    return found;
  }

  /** Every read or write reference to `binding` inside `within` (the declaration itself excluded). */
  references(binding: Binding, within: ts.Node): ts.Identifier[] {
    const out: ts.Identifier[] = [];
    walk(within, (n) => {
      if (ts.isIdentifier(n) && n !== binding && n.text === binding.text && !isPropertyName(n) &&
          this.resolve(n) === binding) out.push(n);
    });
    return out;
  }

  private targets(target: ts.Expression, binding: Binding): boolean {
    return someAssignedTarget(target, (e) => ts.isIdentifier(e) && this.refersTo(e, binding));
  }

  private declarations(n: ts.Node): ReadonlyMap<string, Binding> {
    let map = this.index.get(n);
    if (!map) {
      const m = new Map<string, Binding>();
      collectDeclarations(n, m);
      this.index.set(n, (map = m));
    }
    return map;
  }
}

/** Identifiers that are property names, not references (`a.b`'s b, `{b: 1}`'s b). */
export function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    (ts.isMethodDeclaration(p) && p.name === id) ||
    (ts.isPropertyDeclaration(p) && p.name === id) ||
    (ts.isBindingElement(p) && p.propertyName === id);
}

/** The node kinds that declare names (blocks, functions, for-headers, catch, class expressions). */
const SCOPE_KINDS: boolean[] = [];
for (const k of [
  ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleBlock, ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ClassExpression, ts.SyntaxKind.Constructor, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor,
]) SCOPE_KINDS[k] = true;

function addAll(name: ts.BindingName, map: Map<string, Binding>): void {
  for (const id of boundIdentifiers(name)) if (!map.has(id.text)) map.set(id.text, id);
}

function collectStatements(statements: ts.NodeArray<ts.Statement>, map: Map<string, Binding>): void {
  for (const s of statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) addAll(d.name, map);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) {
      map.set(s.name.text, s.name);
    } else if (ts.isImportDeclaration(s) && s.importClause) {
      const c = s.importClause;
      if (c.name) map.set(c.name.text, c.name);
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) map.set(nb.name.text, nb.name);
      else if (nb) for (const el of nb.elements) map.set(el.name.text, el.name);
    } else if (ts.isImportEqualsDeclaration(s)) map.set(s.name.text, s.name);
  }
}

function collectDeclarations(n: ts.Node, map: Map<string, Binding>): void {
  if (ts.isSourceFile(n) || ts.isBlock(n) || ts.isModuleBlock(n)) collectStatements(n.statements, map);
  else if (ts.isCaseBlock(n)) for (const c of n.clauses) collectStatements(c.statements, map);
  else if (isFunctionLike(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n)) {
    for (const p of n.parameters) addAll(p.name, map);
    if ((ts.isFunctionExpression(n)) && n.name) map.set(n.name.text, n.name);
  } else if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n)) {
    const init = n.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) addAll(d.name, map);
  } else if (ts.isCatchClause(n) && n.variableDeclaration) addAll(n.variableDeclaration.name, map);
  else if (ts.isClassExpression(n) && n.name) map.set(n.name.text, n.name);
}

/** The declaration node (VariableDeclaration, Parameter, BindingElement...) a binding belongs to. */
export function declarationOf(b: Binding): ts.Node {
  let n: ts.Node = b.parent;
  while (ts.isBindingElement(n) || ts.isArrayBindingPattern(n) || ts.isObjectBindingPattern(n)) {
    if (ts.isVariableDeclaration(n.parent) || ts.isParameter(n.parent)) return n.parent;
    n = n.parent;
  }
  return n;
}

/** The initialiser of a `const/let x = init` binding (plain identifiers only). */
export function initializerOf(b: Binding): ts.Expression | undefined {
  const d = b.parent;
  return ts.isVariableDeclaration(d) && d.name === b ? d.initializer : undefined;
}

/** The initial value of the variable a name refers to (`last` in `last.h` with `const last = ...`), when declared with one. */
export function initialValueOf(scopes: Scopes, id: ts.Identifier): ts.Expression | undefined {
  return initializerOf(scopes.resolve(id) ?? id);
}
