// Helpers several state-leak parts use: whether an initialiser can be repeated, how a message names the outer loop,
// and the value a field is first given (the value a suggested reset assigns).
import ts from '../../server/src/typescript';
import { nodeText, type RuleContext } from '../rule';
import type { Iteration } from '../../server/src/analysis/calls';
import { calleeName, calleeReceiver, unwrap, walk, thisFieldName, isAssignmentOperator, isWithin, declaredMemberName } from '../../server/src/analysis/ast';
import { isPropertyName } from '../../server/src/analysis/scopes';
import { SEQUENCE_LOOP_TOKENS, hasToken } from '../../server/src/analysis/tfjs-facts';

/** An initialiser that can be repeated (no side effects worth worrying about: constructors, literals). */
export function isPure(e: ts.Expression): boolean {
  let ok = true;
  walk(e, (n) => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (!name || !/^(zeros|ones|zerosLike|onesLike|fill|tensor\d?d?|scalar|randomNormal|randomUniform|truncatedNormal|clone|getInitialState|initState|initialState|initHidden|initHiddenState|zeroState|getZeroState|resetState)$/i.test(name)) ok = false;
    } else if (ts.isNewExpression(n) || ts.isAwaitExpression(n) || (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind))) ok = false;
  });
  return ok;
}

export function outerLabel(ctx: RuleContext, it: Iteration): string {
  const n = it.node;
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) return nodeText(ctx, n.expression);
  if (ts.isCallExpression(n)) { const r = calleeReceiver(n); if (r) return nodeText(ctx, r); }
  // A timer loop over a collection it takes the next element of (`users[i++]`): the collection.
  if (it.next) return nodeText(ctx, it.next.collection);
  // `while (ep < episodes)`: the name of what is iterated, not the counter.
  const named = it.names.filter((x) => hasToken(x, SEQUENCE_LOOP_TOKENS)).sort((a, b) => b.length - a.length)[0];
  return named ?? it.names.find((x) => x.length > 1) ?? it.names[0] ?? 'the sequences';
}

/** Is `method` called in this file, and only from its class's constructor? */
export function calledOnlyByConstructor(ctx: RuleContext, method: ts.MethodDeclaration): boolean {
  if (!ts.isIdentifier(method.name)) return false;
  const name = method.name.text;
  const calls = ctx.model.callsNamed([name]).filter((c) => calleeName(c) === name);
  const ctor = ts.isClassLike(method.parent) ? method.parent.members.find(ts.isConstructorDeclaration) : undefined;
  return !!ctor && calls.length > 0 && calls.every((c) => isWithin(c, ctor));
}

/**
 * The value a constructor (or field declaration) gives `this.<field>`, when it can be repeated
 * as is at the start of `method`: a pure initialiser whose names mean the same there.
 */
export function fieldInitialiser(ctx: RuleContext, path: string, method: ts.Node): { value: ts.Expression; at: ts.Node } | undefined {
  let cls: ts.Node | undefined = method.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const field = path.slice('this.'.length);
  let found: { value: ts.Expression; at: ts.Node } | undefined;
  // `null` / `undefined` only hold the place of a state made later: not a value to reset to.
  const take = (value: ts.Expression, at: ts.Node): void => {
    const v = unwrap(value);
    if (v.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(v) && v.text === 'undefined')) found = { value, at };
  };
  const fromStatements = (body: ts.Block): void => {
    for (const st of body.statements) {
      const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : undefined;
      if (e && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(unwrap(e.left)) === field) take(e.right, st);
    }
  };
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && declaredMemberName(m) === field && m.initializer) take(m.initializer, m);
    if (ts.isConstructorDeclaration(m) && m.body) fromStatements(m.body);
  }
  // The first state made by a method only the constructor calls (`this.loadWeights()`).
  for (const m of cls.members) {
    if (ts.isMethodDeclaration(m) && m.body && m !== method && calledOnlyByConstructor(ctx, m)) fromStatements(m.body);
  }
  return found && portableTo(ctx, found.value, method) ? found : undefined;
}

/** Is `value` pure, and does every name in it mean the same at the start of `fn`'s body? */
export function portableTo(ctx: RuleContext, value: ts.Expression, fn: ts.Node): boolean {
  if (!isPure(value)) return false;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  let portable = !!body;
  walk(value, (n) => {
    if (!ts.isIdentifier(n) || isPropertyName(n)) return;
    const here = ctx.model.scopes.resolve(n);
    if (body && here !== ctx.model.scopes.lookup(n.text, body)) portable = false;
  });
  return portable;
}
