// What a callee's declared type says about its parameters, when the callee itself is not known:
// `cell: Cell<S>` with `type Cell<S> = (x: Tensor, state: S) => [Tensor, S]` is a function whose
// second parameter is a state, even though the function passed in is written somewhere else.
// Generic TypeScript libraries (combinators, scan/fold helpers) name their states only there.
import ts from '../typescript';
import { thisFieldName, unwrap } from './ast';
import { enclosingClassOfThis, fieldDeclaration } from './class-hierarchy';
import type { Scopes } from './scopes';
import { isStateLikeName, stateBase } from './tfjs-facts';

/** Function types and call-signature interfaces declared in a file, by name (found once, lazily). */
export class DeclaredSignatures {
  private types?: Map<string, ts.TypeNode | ts.InterfaceDeclaration>;

  constructor(private readonly sf: ts.SourceFile, private readonly scopes: Scopes) {}

  /**
   * The parameter names of the function type `callee` is declared with (`cell(x, init)` where
   * `cell: (x: Tensor, h: Tensor) => Tensor` or `cell: Cell<S>`), or undefined when it has none.
   */
  parameterNames(callee: ts.Expression): readonly string[] | undefined {
    const sig = this.signatureOf(callee);
    return sig && sig.params.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  }

  /**
   * Is parameter `i` of `callee`'s declared type without a place in the object it is declared to
   * return (`(token, h, memory, mask) => { h; logits; attn }`: `memory` comes back nowhere)? Such a
   * parameter is an input passed every step (an attention memory), not a state. False when the
   * return type is not an object type of named members.
   */
  returnsNoSlotFor(callee: ts.Expression, i: number): boolean {
    const sig = this.signatureOf(callee);
    const p = sig?.params[i];
    // `(state: S, ev) => S`: the parameter is the whole of what comes back.
    if (p?.type && sig?.type && p.type.getText() === sig.type.getText()) return false;
    const members = sig?.type && this.memberNames(sig.type, 0);
    return !!p && ts.isIdentifier(p.name) && !!members && members.length > 1 && !members.some((m) => stateBase(m) === stateBase((p.name as ts.Identifier).text));
  }

  private memberNames(type: ts.TypeNode | ts.InterfaceDeclaration, depth: number): string[] | undefined {
    const members = ts.isInterfaceDeclaration(type) || ts.isTypeLiteralNode(type) ? type.members
      : ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && depth < 4 ? undefined : null;
    if (members === null) return undefined;
    if (members === undefined) {
      const target = this.typeNamed(((type as ts.TypeReferenceNode).typeName as ts.Identifier).text);
      return target && this.memberNames(target, depth + 1);
    }
    if (members.some((m) => !ts.isPropertySignature(m))) return undefined;
    const names = members.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined));
    return names.every((n) => n !== undefined) ? names as string[] : undefined;
  }

  /**
   * Is `callee` declared as a state transition: a function type with a state-named parameter of
   * the very type it returns (`type Reducer = (state: SessionState, ev: Event) => SessionState`),
   * alone or in a returned tuple (`(x: Tensor, state: S) => [Tensor, S]`)? A call of it is a step.
   */
  isTransition(callee: ts.Expression): boolean {
    const sig = this.signatureOf(callee);
    const ret = sig?.type;
    if (!sig || !ret) return false;
    const returned = ts.isTupleTypeNode(ret) ? ret.elements.map((e) => e.getText()) : [ret.getText()];
    return sig.params.some((p) => ts.isIdentifier(p.name) && isStateLikeName(p.name.text) && !!p.type && returned.includes(p.type.getText()));
  }

  private signatureOf(callee: ts.Expression): Signature | undefined {
    const e = unwrap(callee);
    let type: ts.TypeNode | undefined;
    if (ts.isIdentifier(e)) {
      const d = this.scopes.resolve(e)?.parent;
      type = d && (ts.isParameter(d) || ts.isVariableDeclaration(d)) ? d.type : undefined;
    } else {
      // `this.reducer(state, ev)`: a field declared with a function type (or a constructor's
      // parameter property, `constructor(private readonly reducer: Reducer)`).
      const field = thisFieldName(e);
      const cls = field !== undefined ? enclosingClassOfThis(e) : undefined;
      type = cls && field !== undefined ? fieldDeclaration(cls, field)?.type : undefined;
    }
    return type && this.signatureIn(type, 0);
  }

  private signatureIn(type: ts.TypeNode | ts.InterfaceDeclaration, depth: number): Signature | undefined {
    if (ts.isInterfaceDeclaration(type)) {
      const sig = type.members.find(ts.isCallSignatureDeclaration);
      return sig && { params: sig.parameters, type: sig.type };
    }
    if (ts.isParenthesizedTypeNode(type)) return this.signatureIn(type.type, depth);
    if (ts.isFunctionTypeNode(type)) return { params: type.parameters, type: type.type };
    // An alias of an alias is followed a few levels; a cycle (`type A = B; type B = A`) stops there.
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && depth < 4) {
      const target = this.typeNamed(type.typeName.text);
      return target && this.signatureIn(target, depth + 1);
    }
    return undefined;
  }

  private typeNamed(name: string): ts.TypeNode | ts.InterfaceDeclaration | undefined {
    if (!this.types) {
      this.types = new Map();
      const visit = (statements: readonly ts.Statement[]): void => {
        for (const s of statements) {
          if (ts.isTypeAliasDeclaration(s)) this.types!.set(s.name.text, s.type);
          else if (ts.isInterfaceDeclaration(s)) this.types!.set(s.name.text, s);
          else if (ts.isModuleDeclaration(s) && s.body && ts.isModuleBlock(s.body)) visit(s.body.statements);
        }
      };
      visit(this.sf.statements);
    }
    return this.types.get(name);
  }
}

/** A declared function signature: its parameters and return type. */
interface Signature {
  params: readonly ts.ParameterDeclaration[];
  type?: ts.TypeNode;
}

/**
 * The name of the function type `fn` is written to fill, when the code declares one: the return
 * type of the function returning it (`build(): StepFn { return (x, h) => ... }`), the type of the
 * variable or field it initialises (`const cell: CellFn = (x, h) => ...`). A library that names
 * its step type (`StepFn`, `Cell<S>`, `RnnCell`) says what its anonymous functions are.
 */
export function declaredTypeName(fn: ts.Node): string | undefined {
  const p = fn.parent;
  let type: ts.TypeNode | undefined;
  if (ts.isReturnStatement(p)) {
    let outer: ts.Node | undefined = p.parent;
    while (outer && !ts.isFunctionLike(outer)) outer = outer.parent;
    type = outer && ts.isFunctionLike(outer) ? outer.type : undefined;
  } else if ((ts.isArrowFunction(p) && p.body === fn) || ts.isParenthesizedExpression(p) && ts.isArrowFunction(p.parent) && p.parent.body === p) {
    type = (ts.isArrowFunction(p) ? p : p.parent as ts.ArrowFunction).type;
  } else if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && p.initializer === fn) {
    type = p.type;
  }
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  return ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
}
