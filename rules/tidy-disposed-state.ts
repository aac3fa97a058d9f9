import ts from '../server/src/typescript';
import { defineRule, nodeText, replaceNode, insertAt, eol, type FixDescriptor, type RuleContext } from './rule';
import { accessBase, accessPath, calleeName, calleeReceiver, enclosingFunction, functionName, thisFieldName, indentAt, isFunctionLike, isLoop, iteratingCallback, returnedExpressions, unwrap, walk, type FunctionLike, isWithin, declaredMemberName } from '../server/src/analysis/ast';
import { resolveCallee } from '../server/src/analysis/calls';
import { enclosingClassOfThis, implementationsOf } from '../server/src/analysis/class-hierarchy';
import { declarationOf, initialValueOf, isPropertyName, type Scopes } from '../server/src/analysis/scopes';
import { NON_TENSOR_TF_CALLS, READBACK_METHODS, STEP_NAME_TOKENS, TENSOR_METHODS, hasToken, isStateLikeName } from '../server/src/analysis/tfjs-facts';
import type { TextEdit } from '../server/src/report';
import { nodesInside, ownNodes } from '../server/src/analysis/tree-index';


/** Positive evidence that an expression yields a tensor (unknown calls do not count). */
function isTensorExpr(ctx: RuleContext, e: ts.Expression, depth = 0): boolean {
  const u = unwrap(e);
  // `cell.call([x, h], {})[1]`, `tf.split(z, 4, 1)[0]`: an element of a list of tensors.
  if (ts.isElementAccessExpression(u) && ts.isNumericLiteral(u.argumentExpression)) return isTensorExpr(ctx, u.expression, depth);
  if (!ts.isCallExpression(u)) return false;
  const fn = ctx.model.tf.fn(u);
  // `tf.tidy` never disposes a `tf.variable`: it outlives the callback like a kept tensor.
  if (fn !== undefined) return !NON_TENSOR_TF_CALLS.has(fn) && fn !== 'variable';
  const name = calleeName(u);
  if (!name) return false;
  if (READBACK_METHODS.has(name)) return false;
  if (ctx.model.stepCallAt(u)) return true;
  // `this.cell(x, this.h)`: a function named like a step (`cell`, `step`, `rnn`), given an input and more.
  if (u.arguments.length >= 2 && hasToken(name, STEP_NAME_TOKENS)) return true;
  const recv = calleeReceiver(u);
  if (recv && (name === 'apply' || name === 'predict')) return true;
  // `super.encode(tokens)`, `buildState()`: a function of the file that returns a tensor on every return.
  if (depth < 2 && ctx.model.index.callableNames.has(name)) {
    const callee = resolveCallee(u, ctx.model.scopes, ctx.model.classes);
    const returns = callee && returnedExpressions(callee);
    if (returns && returns.length > 0 && returns.every((r) => returnsTensors(ctx, r, depth + 1))) return true;
  }
  if (recv && TENSOR_METHODS.has(name)) {
    const r = unwrap(recv);
    return !(ts.isIdentifier(r) && /^(Math|Array|Object|JSON|console)$/.test(r.text)) && !ts.isArrayLiteralExpression(r);
  }
  return false;
}

/** A returned value that is a tensor, or holds some (`{ outputs: tf.stack(outs), final: h }`), also from `tf.tidy(() => ...)`. */
function returnsTensors(ctx: RuleContext, e: ts.Expression, depth: number): boolean {
  const u = unwrap(e);
  if (ts.isCallExpression(u) && ctx.model.tf.fn(u) === 'tidy') {
    const cb = ctx.model.functionArg(u.arguments[u.arguments.length - 1], false);
    const inner = cb && returnedExpressions(cb);
    return !!inner && inner.length > 0 && inner.every((r) => returnsTensors(ctx, r, depth));
  }
  if (ts.isObjectLiteralExpression(u) || ts.isArrayLiteralExpression(u)) return literalMembers(u).some((m) => returnsTensors(ctx, m, depth));
  // `return out` with `const out = tf.tanh(...)`.
  if (ts.isIdentifier(u)) {
    const init = ctx.model.scopes.resolve(u)?.parent;
    return !!init && ts.isVariableDeclaration(init) && !!init.initializer && isTensorExpr(ctx, init.initializer, depth);
  }
  return isTensorExpr(ctx, u, depth);
}

/** Positive evidence that a value is a tensor created inside `scope` (only those are disposed). */
function isTensorCreatedIn(ctx: RuleContext, e: ts.Expression, scope: ts.Node, depth = 0): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u) && depth < 4) {
    // `const [, next] = cell.call(...)` inside the callback, then `h = next`.
    const b = ctx.model.scopes.resolve(u);
    if (!b || !isWithin(b, scope)) return false;
    const decl = declarationOf(b);
    if (ts.isVariableDeclaration(decl) && !!decl.initializer && isTensorCreatedIn(ctx, decl.initializer, scope, depth + 1)) return true;
    // `let { h, c } = prev; for (...) ({ h, c } = lstmStep(...))`: reassigned in the callback from a tensor made there.
    return ctx.model.scopes.writes(b, scope).some((w) => ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isTensorCreatedIn(ctx, w.right, scope, depth + 1));
  }
  // `out.h` of `const out = lstmStep(...)` made in the callback: a member of a step's result.
  if (ts.isPropertyAccessExpression(u) && depth < 4) {
    const base = unwrap(u.expression);
    return ts.isIdentifier(base) && isTensorCreatedIn(ctx, base, scope, depth + 1);
  }
  // `{ h, c }`, `[h, c]`: a container of tensors made in the callback.
  if ((ts.isObjectLiteralExpression(u) || ts.isArrayLiteralExpression(u)) && depth < 4) {
    return literalMembers(u).some((m) => isTensorCreatedIn(ctx, m, scope, depth + 1));
  }
  // `h = tf.tidy(() => step(x, h))` nested in the callback: the inner tidy hands its result to the
  // enclosing scope, so the outer tidy tracks it and disposes it like any tensor it made itself.
  if (isNestedTidyOfTensors(ctx, u, depth)) return true;
  return isTensorExpr(ctx, u);
}

/** A `tf.tidy(...)` call whose callback returns tensors on every return (its result is a new tensor). */
function isNestedTidyOfTensors(ctx: RuleContext, e: ts.Expression, depth: number): boolean {
  return ts.isCallExpression(e) && ctx.model.tf.fn(e) === 'tidy' && returnsTensors(ctx, e, depth);
}

/**
 * The values a stored container holds, each disposed on its own: the members of `{ h, c: next }`,
 * the elements of `[h, c]`, or the value itself when it is no literal.
 */
function literalMembers(value: ts.Expression): ts.Expression[] {
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.flatMap((p) => ts.isShorthandPropertyAssignment(p) ? [p.name] : ts.isPropertyAssignment(p) ? [p.initializer] : []);
  }
  if (ts.isArrayLiteralExpression(value)) return value.elements.filter((el) => !ts.isSpreadElement(el) && !ts.isOmittedExpression(el));
  return [value];
}

/**
 * The nodes of `list` that run while `owner` (the `tidy` callback or its body) runs: its own, and
 * those of the array callbacks it iterates on the spot (`players.forEach((p) => { ...; states.set(p.id, h) })`,
 * `xs.map(...)`), which `tidy` tracks like its own code. Other nested functions may run later.
 */
function runsInCallback<T extends ts.Node>(list: readonly T[], owner: ts.Node): T[] {
  return ownNodes(list, owner, (n) => isFunctionLike(n) && !iteratedOnTheSpot(n));
}

/** `xs.forEach(cb)`, `xs.map(cb)`: a synchronous callback (not async, not `forEachAsync`). */
function iteratedOnTheSpot(n: ts.Node): boolean {
  const call = n.parent;
  return ts.isCallExpression(call) && iteratingCallback(call) === n && calleeName(call) !== 'forEachAsync' &&
    !(ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Async);
}

interface Escape {
  /** The assignment (or destructuring element) that stores the tensor. */
  node: ts.Node;
  path: string;
  /** Where the stored value is read after `tidy` returned, when known. */
  readAt?: ts.Node;
  /** For a tensor put into a map (`sessions.set(id, next)`): the value stored. */
  stored?: ts.Expression;
  /** The stored variable is returned, but the loop storing it replaces it: only its last value survives. */
  lastOnly?: boolean;
  /** How the message names the stored tensors, when `stored` is a literal holding them (`hNext` and `cNext`). */
  storedNames?: string;
  /** More than one tensor is stored (the message speaks of them in the plural). */
  many?: boolean;
}

/**
 * `sessions.set(id, next)` / `this.cache.set(key, h)` inside the callback, into a map from outside
 * it: the map holds the tensor past `tidy`, and a `get` of that map (after `tidy`, or in another
 * call) reads it disposed. Without such a `get` nothing is known to read it, and nothing is reported.
 */
function storedInMap(ctx: RuleContext, set: ts.CallExpression, fn: FunctionLike, returned: Set<string>, kept: Set<string>): Escape | undefined {
  const recv = calleeReceiver(set);
  const value = set.arguments[1];
  if (!recv || !value || set.arguments.length !== 2) return undefined;
  const mapPath = accessPath(recv);
  if (!mapPath) return undefined;
  // A stored container (`{ h, c }`, `[h, c]`) is disposed member by member: what matters is a
  // member made here that is neither returned nor kept.
  const disposed = literalMembers(unwrap(value)).some((m) => {
    const path = accessPath(m);
    return !(path && (returned.has(path) || kept.has(path))) && isTensorCreatedIn(ctx, m, fn);
  });
  if (!disposed) return undefined;
  const owner = mapOwner(ctx, recv);
  if (!owner) return undefined;
  // `const cache = this.caches[i]; ...; cache.set(id, h)`: a local name for a map from outside.
  if (isWithin(owner, fn)) {
    const alias = ts.isIdentifier(unwrap(recv)) && ts.isIdentifier(owner) && aliasesOuterContainer(ctx, owner, fn);
    const readAt = alias ? entryReadOnNextRun(ctx, owner as ts.Identifier, set) : undefined;
    return readAt ? { node: set, path: mapPath, readAt, stored: unwrap(value) } : undefined;
  }
  const readAt = ctx.model.callsNamed(['get']).find((g) => {
    const r = calleeReceiver(g);
    return !!r && accessPath(r) === mapPath && mapOwner(ctx, r) === owner && (!isWithin(g, fn) || g.end <= set.pos);
  });
  return readAt ? { node: set, path: mapPath, readAt, stored: unwrap(value) } : undefined;
}

/**
 * `const past = this.history.get(l)!`, `const buf = this.buffers[i]`, `const trace = this.trace`
 * declared inside the callback: a local name for a container that lives outside it (a field of
 * `this`, an entry or element of one, or of a variable declared outside the callback). What the
 * callback stores into it outlives `tidy` like what it stores into the field itself. False for a
 * container the callback makes (`const past = []`, `this.history.get(l)!.slice()`), and for a name
 * the callback points elsewhere later.
 */
function aliasesOuterContainer(ctx: RuleContext, b: ts.Identifier, fn: FunctionLike): boolean {
  const decl = b.parent;
  if (!ts.isVariableDeclaration(decl) || decl.name !== b || !decl.initializer) return false;
  if (ctx.model.scopes.writes(b, enclosingFunction(b) ?? ctx.sf).length > 0) return false;
  let e = unwrap(decl.initializer);
  // The entry of a map (`.get(key)`) or the element of an array (`[i]`) is the container itself.
  if (ts.isCallExpression(e) && calleeName(e) === 'get' && e.arguments.length === 1) e = unwrap(calleeReceiver(e)!);
  else if (ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  if (accessPath(e) === undefined) return false;
  const base = accessBase(e);
  if (base.kind === ts.SyntaxKind.ThisKeyword) return true;
  const owner = ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined;
  return !!owner && !isWithin(declarationOf(owner), fn);
}

/**
 * Where the callback reads back an entry of the aliased container `b` before it stores into it
 * (`past[past.length - dilation]` before `past.push(h)`): on the next run of the callback, that
 * entry is the one this run stored, disposed by then. A read inside a loop that also holds the
 * store (within the alias's own block) may see an entry of the same run, alive, and does not count.
 */
function entryReadOnNextRun(ctx: RuleContext, b: ts.Identifier, store: ts.Node): ts.Node | undefined {
  const scope = enclosingFunction(b) ?? ctx.sf;
  const sameRunLoops: ts.Node[] = [];
  for (let n = store.parent; n && n !== scope && !isWithin(b, n); n = n.parent) {
    if (isLoop(n) || (isFunctionLike(n) && iteratedOnTheSpot(n))) sameRunLoops.push(n);
  }
  return ctx.model.scopes.references(b, scope).find((r) => r.end <= store.pos && readsEntry(r) &&
    !sameRunLoops.some((loop) => isWithin(r, loop)));
}

/**
 * `ring[t % k] = h` with `const ring = this.rings[l]` (a container from outside, see
 * aliasesOuterContainer), when the callback reads an entry of it back on its next run: reported
 * like a tensor pushed into it.
 */
function storedIntoAliasedElement(ctx: RuleContext, target: ts.Expression, write: ts.BinaryExpression, fn: FunctionLike): Escape | undefined {
  if (!ts.isElementAccessExpression(target)) return undefined;
  const arr = unwrap(target.expression);
  const b = ts.isIdentifier(arr) ? ctx.model.scopes.resolve(arr) : undefined;
  if (!b || !isWithin(b, fn) || !aliasesOuterContainer(ctx, b, fn)) return undefined;
  const readAt = entryReadOnNextRun(ctx, b, write);
  return readAt ? { node: write, path: b.text, readAt, stored: unwrap(write.right) } : undefined;
}

/** `past[k]` (not written), `past.at(-1)`, `cache.get(id)`: a reference that reads an entry of the container. */
function readsEntry(ref: ts.Identifier): boolean {
  const p = ref.parent;
  if (ts.isElementAccessExpression(p) && p.expression === ref) {
    const w = p.parent;
    return !(ts.isBinaryExpression(w) && w.left === p && w.operatorToken.kind === ts.SyntaxKind.EqualsToken);
  }
  return ts.isPropertyAccessExpression(p) && p.expression === ref && ENTRY_READS.has(p.name.text) && ts.isCallExpression(p.parent) && p.parent.expression === p;
}

/** Methods that hand back an entry of an array or a map. */
const ENTRY_READS = new Set(['at', 'get']);

/**
 * `trace.push(h)` inside the callback, with `h` a state made there (named like one) and `trace` an
 * array from outside that is used after `tidy` returns (returned, passed on, read): every element
 * it collected is disposed by then. An array only the callback uses is not reported. The same for a
 * field array (`this.frames.push(h)`) whose entries other code of the class reads.
 */
function statePushed(ctx: RuleContext, push: ts.CallExpression, tidy: ts.CallExpression, fn: FunctionLike, returned: Set<string>, kept: Set<string>): Escape | undefined {
  const recv = calleeReceiver(push);
  const arr = recv && unwrap(recv);
  // `this.frames.push(h)`: a field array lives on with its object, like an array from outside.
  const intoField = !!arr && ts.isPropertyAccessExpression(arr) && thisFieldName(arr) !== undefined;
  if (!arr || !(ts.isIdentifier(arr) || intoField)) return undefined;
  const lastOnly = (a: ts.Identifier): boolean => returned.has(a.text) && replacedAroundPush(ctx, a, push, fn);
  const isDisposedState = (a: ts.Expression): a is ts.Identifier => ts.isIdentifier(a) && isStateLikeName(a.text) &&
    (!returned.has(a.text) || lastOnly(a)) && !kept.has(a.text) && isTensorCreatedIn(ctx, a, fn);
  // `trace.push(h)`, or an entry holding the states (`beams.push({ tokens, h: hNext, c: cNext })`).
  let value: ts.Expression | undefined = push.arguments.map(unwrap).find(isDisposedState);
  let states: ts.Identifier[] = value ? [value as ts.Identifier] : [];
  if (!value) {
    const entry = push.arguments.map(unwrap).find((a) => (ts.isObjectLiteralExpression(a) || ts.isArrayLiteralExpression(a)) && literalMembers(a).map(unwrap).some(isDisposedState));
    states = entry ? literalMembers(entry).map(unwrap).filter(isDisposedState) : [];
    value = entry;
  }
  const names = states.map((id) => id.text);
  const storedNames = value === states[0] ? undefined : names.length > 1 ? `${names.slice(0, -1).join('`, `')}\` and \`${names[names.length - 1]}` : names[0];
  const escape = (path: string, readAt: ts.Node | undefined): Escape | undefined =>
    value && readAt ? { node: push, path, readAt, stored: value, lastOnly: states.some(lastOnly), storedNames, many: states.length > 1 } : undefined;
  if (!value) return undefined;
  if (!ts.isIdentifier(arr)) {
    const path = accessPath(arr);
    return path && !returned.has(path) && !kept.has(path) ? escape(path, fieldEntriesReadOutside(ctx, arr, fn, push)) : undefined;
  }
  const b = ctx.model.scopes.resolve(arr);
  if (!b || returned.has(arr.text)) return undefined;
  // `const past = this.history.get(l)!; ...; past.push(h)`: a local name for a container from outside.
  const aliased = isWithin(b, fn);
  if (aliased && !aliasesOuterContainer(ctx, b, fn)) return undefined;
  const scope = enclosingFunction(b) ?? ctx.sf;
  const readAt = aliased ? entryReadOnNextRun(ctx, b, push)
    : ctx.model.scopes.references(b, scope).find((r) => !isWithin(r, fn) && (r.pos > tidy.end || enclosingFunction(r) !== enclosingFunction(tidy))) ?? readByCaller(ctx, b);
  return escape(arr.text, readAt);
}

/**
 * `for (...) { h = step(x, h); states.push(h); } return h;`: the callback returns the last `h`
 * only; every earlier one it pushed is disposed. True when a loop inside the callback holds both
 * the push and a write to the pushed variable.
 */
function replacedAroundPush(ctx: RuleContext, value: ts.Identifier, push: ts.Node, fn: FunctionLike): boolean {
  const b = ctx.model.scopes.resolve(value);
  if (!b) return false;
  for (let n = push.parent; n && n !== fn; n = n.parent) {
    const body = isLoop(n) ? n.statement : iteratingCallback(n)?.body;
    if (body && ctx.model.scopes.writes(b, body).length > 0) return true;
  }
  return false;
}

/**
 * `encode(ids, states)` filling its array parameter `states` inside a tidy: the caller owns the
 * array. Its first read after a call that passes it is where the disposed tensors are used.
 */
function readByCaller(ctx: RuleContext, b: ts.Identifier): ts.Node | undefined {
  const param = b.parent;
  if (!ts.isParameter(param) || param.name !== b) return undefined;
  const owner = param.parent as FunctionLike;
  const index = owner.parameters.indexOf(param);
  for (const site of ctx.model.callSitesOf(owner)) {
    const arg = site.arguments[index] && unwrap(site.arguments[index]);
    const b = arg && ts.isIdentifier(arg) ? ctx.model.scopes.resolve(arg) : undefined;
    const scope = b && (enclosingFunction(b) ?? ctx.sf);
    const read = scope && ctx.model.scopes.references(b, scope).find((r) => r.pos > site.end);
    if (read) return read;
  }
  return undefined;
}

/** `tf.keep` takes one tensor: a stored `{ h, c }` / `[h, c]` keeps each member (`{ h: tf.keep(h), c: tf.keep(c) }`). */
function keepEdits(ctx: RuleContext, written: ts.Expression, ns: string, fn: ts.Node): TextEdit[] {
  const keep = (e: ts.Expression): TextEdit => replaceNode(ctx, e, `${ns}.keep(${nodeText(ctx, e)})`);
  // Only the tensors the callback made: `{ h, step: n + 1 }` keeps `h`, not the counter.
  const made = (e: ts.Expression): boolean => isTensorCreatedIn(ctx, e, fn);
  const value = unwrap(written);
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.flatMap((p) => ts.isShorthandPropertyAssignment(p) && made(p.name)
      ? [replaceNode(ctx, p, `${p.name.text}: ${ns}.keep(${p.name.text})`)]
      : ts.isPropertyAssignment(p) && made(p.initializer) ? [keep(p.initializer)] : []);
  }
  if (ts.isArrayLiteralExpression(value)) return literalMembers(value).filter(made).map(keep);
  return destructuredInGeneric(ctx, value) || holdsObject(ctx, value) ? [] : [keep(written)];
}

/**
 * `const next = lstmCell(p, x, s)` with `lstmCell` returning `{ h, c }`: an object of tensors,
 * which `tf.keep` does not take. No keep edit then (the message says what to keep).
 */
function holdsObject(ctx: RuleContext, value: ts.Expression): boolean {
  const init = ts.isIdentifier(value) ? initialValueOf(ctx.model.scopes, value) : value;
  const call = init && unwrap(init);
  const callee = call && ts.isCallExpression(call) ? resolveCallee(call, ctx.model.scopes, ctx.model.classes) : undefined;
  const returns = callee && returnedExpressions(callee);
  return !!returns && returns.length > 0 && returns.every((r) => ts.isObjectLiteralExpression(unwrap(r)));
}

/**
 * `const { y, state } = this.cell.step(x, this.state)` in a `class Runner<S>`: the value may be of
 * the type parameter (an object of tensors, say), which `tf.keep` does not take. No keep edit then.
 */
function destructuredInGeneric(ctx: RuleContext, value: ts.Expression): boolean {
  const b = ts.isIdentifier(value) ? ctx.model.scopes.resolve(value) : undefined;
  if (!b || !ts.isBindingElement(b.parent)) return false;
  for (let p: ts.Node | undefined = b.parent; p; p = p.parent) {
    if ((ts.isClassLike(p) || isFunctionLike(p)) && (p.typeParameters?.length ?? 0) > 0) return true;
  }
  return false;
}

/** The type the written field or variable is declared with, and the declaration (TypeScript files only). */
function declaredTypeOf(ctx: RuleContext, target: ts.Expression): { type: ts.TypeNode; owner: ts.Node } | undefined {
  if (!/\.[cm]?tsx?$/i.test(ctx.sf.fileName)) return undefined;
  const t = unwrap(target);
  const field = thisFieldName(t);
  if (field !== undefined) {
    const cls = enclosingClassOfThis(t);
    const decl = cls?.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && declaredMemberName(m) === field);
    return cls && decl?.type ? { type: decl.type, owner: cls } : undefined;
  }
  const d = ts.isIdentifier(t) ? ctx.model.scopes.resolve(t)?.parent : undefined;
  return d && (ts.isVariableDeclaration(d) || ts.isParameter(d)) && d.type ? { type: d.type, owner: d } : undefined;
}

/**
 * Is the written field or variable declared with a type that names a type parameter of its class
 * or function (`state: S | null` in `class Runner<S>`)?
 */
function typedByTypeParameter(ctx: RuleContext, target: ts.Expression): boolean {
  const declared = declaredTypeOf(ctx, target);
  if (!declared) return false;
  const names = new Set<string>();
  for (let p: ts.Node | undefined = declared.owner; p; p = p.parent) {
    if (ts.isClassLike(p) || isFunctionLike(p)) for (const tp of p.typeParameters ?? []) names.add(tp.name.text);
  }
  let found = false;
  walk(declared.type, (n) => { if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && names.has(n.typeName.text)) found = true; });
  return found;
}

/**
 * Is the written field or variable declared as several tensors: a tuple or an array type, also
 * through a type alias of the file (`let state: State` with `type State = [tf.Tensor2D, tf.Tensor2D]`)?
 * `tf.keep` takes one tensor: kept whole, the array's tensors are still disposed.
 */
function typedAsSeveral(ctx: RuleContext, target: ts.Expression): boolean {
  const several = (type: ts.TypeNode, depth: number): boolean => {
    if (ts.isParenthesizedTypeNode(type)) return several(type.type, depth);
    if (ts.isUnionTypeNode(type)) return type.types.some((t) => several(t, depth));
    if (ts.isTupleTypeNode(type) || ts.isArrayTypeNode(type)) return true;
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || depth > 3) return false;
    const name = type.typeName.text;
    if (name === 'Array' || name === 'ReadonlyArray') return true;
    const alias = ctx.sf.statements.find((st): st is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(st) && st.name.text === name);
    return !!alias && several(alias.type, depth + 1);
  };
  const declared = declaredTypeOf(ctx, target);
  return !!declared && several(declared.type, 0);
}

/**
 * `this.states[l] = next`: an element of a field at a computed index, named as written. Only when
 * the callback neither replaces the whole field later (`this.states_ = this.states_.map((s) =>
 * tf.keep(s.clone()))`) nor keeps anything of it.
 */
function fieldElementPath(ctx: RuleContext, target: ts.Expression, body: ts.Block, write: ts.Node): string | undefined {
  if (!ts.isElementAccessExpression(target)) return undefined;
  const field = accessPath(target.expression);
  if (!field || !field.startsWith('this.') || overwrittenLater(body, write, field)) return undefined;
  let kept = false;
  walk(body, (n) => {
    if (kept) return false;
    if (ts.isCallExpression(n) && calleeName(n) === 'keep' && n.arguments.some((a) => readsPath(a, field))) kept = true;
  });
  return kept ? undefined : nodeText(ctx, target);
}

/**
 * A later statement of the callback's own body replaces the value unconditionally before `tidy`
 * returns (`this.states_ = [zeros]; ...; this.states_ = this.states_.map((s) => tf.keep(s.clone()))`):
 * the first value is never what outlives the callback.
 */
function overwrittenLater(body: ts.Block, write: ts.Node, path: string): boolean {
  const i = body.statements.findIndex((st) => isWithin(write, st));
  return i >= 0 && body.statements.slice(i + 1).some((st) => {
    const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : undefined;
    return !!e && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && accessPath(e.left) === path;
  });
}

/** What makes two spellings of a map the same map: the binding of `sessions`, or the class of `this.sessions`. */
function mapOwner(ctx: RuleContext, recv: ts.Expression): ts.Node | undefined {
  const base = accessBase(recv);
  if (ts.isIdentifier(base)) return ctx.model.scopes.resolve(base);
  if (base.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.Node | undefined = base.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  return cls;
}

export default defineRule({
  id: 'tidy-disposed-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'State assigned inside tf.tidy without being returned or kept is disposed when tidy returns' },
    messages: {
      disposed: '`{{name}}` is assigned a tensor inside `tf.tidy` but neither returned nor kept: it is disposed when `tidy` returns, and the next step reads a disposed state. Return it from the `tidy` callback (or wrap it in `tf.keep()`).',
      returnFromTidy: 'Return the new state from `tidy`: `{{target}} = tf.tidy(...)`',
      disposedSeveral: '`{{name}}` is assigned tensors inside `tf.tidy` but neither returned nor kept: they are disposed when `tidy` returns, and the next step reads a disposed state. Return it from the `tidy` callback (or keep each of its tensors with `tf.keep()`: kept whole, the array\'s tensors are still disposed).',
      keep: 'Keep it with `tf.keep(...)` (dispose the old state yourself)',
      readAfter: '`{{name}}` is read here after `tidy` disposed it',
      disposedStored: '`{{value}}` is stored in `{{name}}` inside `tf.tidy` but neither returned nor kept: it is disposed when `tidy` returns, and the next read from `{{name}}` gets a disposed state. Keep it with `tf.keep()` (or return it from `tidy` and store it after).',
      disposedStoredMany: '`{{value}}` are stored in `{{name}}` inside `tf.tidy` but neither returned nor kept: they are disposed when `tidy` returns, and the next read from `{{name}}` gets disposed states. Keep them with `tf.keep()` (or return them from `tidy` and store them after).',
      disposedStoredButLast: '`{{value}}` is stored in `{{name}}` on every iteration inside `tf.tidy`, but the callback returns only its last value: every earlier one is disposed when `tidy` returns, and the next read from `{{name}}` gets disposed states. Keep each with `tf.keep()`.',
      disposedInMethod: '`{{name}}` is assigned a tensor in `{{method}}`, which runs inside `tf.tidy` here and is not kept: it is disposed when `tidy` returns, and the next read of `{{name}}` gets a disposed state. Keep it with `tf.keep()` in `{{method}}` (and dispose the old value yourself).',
      disposedStoredBy: '`{{value}}` is stored in `{{name}}` by `{{method}}` inside `tf.tidy` but neither returned nor kept: it is disposed when `tidy` returns, and the next read from `{{name}}` gets a disposed state. Keep it with `tf.keep()` (or return it from `tidy` and store it after).',
      disposedStoredByMany: '`{{value}}` are stored in `{{name}}` by `{{method}}` inside `tf.tidy` but neither returned nor kept: they are disposed when `tidy` returns, and the next read from `{{name}}` gets disposed states. Keep them with `tf.keep()` (or return them from `tidy` and store them after).',
      runsInTidy: '`{{method}}` runs inside `tf.tidy` here',
      readAfterStored: '`{{name}}` is read here; the entry stored inside `tidy` is disposed by then',
    },
  },
  check(ctx) {
    const reportedInMethods = new Set<ts.Node>();
    for (const { call, fn } of ctx.model.tidyCalls()) {
      if (fn.body) reportMethodStores(ctx, fn, reportedInMethods);
      if (!fn.body) continue;
      const body = fn.body;
      const returned = returnedPaths(ctx, fn);
      const kept = keptPaths(ctx, fn);
      const escapes: Escape[] = [];
      // `tidy(() => expr)` returns its value: only what the array callbacks it runs store can escape
      // (`tf.tidy(() => players.map((p) => { states.set(p.id, next); ... }))`).
      if (ts.isBlock(body)) for (const n of runsInCallback(ctx.model.index.writes, body)) {
        if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        if (!isTensorCreatedIn(ctx, n.right, fn)) continue;
        const left = unwrap(n.left);
        const targets = ts.isArrayLiteralExpression(left)
          ? left.elements.filter((el) => !ts.isOmittedExpression(el) && !ts.isSpreadElement(el)).map((el) => unwrap(el as ts.Expression))
          : ts.isObjectLiteralExpression(left)
            ? left.properties.map((p) => (ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined)).filter((t): t is ts.Expression => !!t)
            : [left];
        for (const target of targets) {
          const valueKept = [returned, kept].some((paths) => paths.has(accessPath(n.right) ?? ''));
          const intoAlias = targets.length === 1 && !valueKept ? storedIntoAliasedElement(ctx, target, n, fn) : undefined;
          if (intoAlias) { escapes.push(intoAlias); continue; }
          const path = accessPath(target) ?? fieldElementPath(ctx, target, body, n);
          if (!path || returned.has(path) || kept.has(path) || overwrittenLater(body, n, path)) continue;
          // `finalState = state` after `state`'s tensors were kept: the same tensors.
          const valuePath = targets.length === 1 ? accessPath(n.right) : undefined;
          if (valuePath && kept.has(valuePath)) continue;
          const node = targets.length === 1 ? n : target;
          if (ts.isIdentifier(target)) {
            const b = ctx.model.scopes.resolve(target);
            if (!b || isWithin(declarationOf(b), fn)) continue; // a local of the callback
            const read = readAfterTidy(ctx, b, call, fn, n);
            if (read === false) continue;
            escapes.push({ node, path, readAt: read === true ? undefined : read });
          } else {
            // A field of `this` or of an object from outside: the object outlives the tidy.
            const base = accessBase(target);
            if (ts.isIdentifier(base)) {
              const b = ctx.model.scopes.resolve(base);
              if (!b || isWithin(declarationOf(b), fn)) continue;
            } else if (base.kind !== ts.SyntaxKind.ThisKeyword) continue;
            else if (!fieldReadAfter(target, fn, n)) continue;
            escapes.push({ node, path });
          }
        }
      }
      for (const set of runsInCallback(ctx.model.callsNamed(['set']), body)) {
        const stored = storedInMap(ctx, set, fn, returned, kept);
        if (stored) escapes.push(stored);
      }
      for (const push of runsInCallback(ctx.model.callsNamed(['push', 'unshift']), body)) {
        const stored = statePushed(ctx, push, call, fn, returned, kept);
        if (stored) escapes.push(stored);
      }
      if (escapes.length === 0) continue;
      // Keeps made by helpers the callback calls (`this.keepState(s)`): looked for only now, once
      // something would be reported.
      const helperKept = keptThroughHelpers(ctx, fn);
      const live = helperKept.size === 0 ? escapes : escapes.filter((e) => !helperKept.has(e.path) &&
        !(e.stored && helperKept.has(accessPath(e.stored) ?? '')) && !(ts.isBinaryExpression(e.node) && helperKept.has(accessPath(e.node.right) ?? '')));
      if (live.length === 0) continue;
      const ns = ctx.model.tf.namespaceForFixes ?? 'tf';
      const returnFix = returnFromTidy(ctx, call, fn, [...new Set(live.filter((e) => !e.stored).map((e) => e.path))]);
      for (const esc of live) {
        if (esc.stored) {
          const data = { name: esc.path, value: esc.storedNames ?? nodeText(ctx, esc.stored) };
          ctx.report({
            node: esc.node, messageId: esc.lastOnly ? 'disposedStoredButLast' : esc.many ? 'disposedStoredMany' : 'disposedStored', data,
            suggest: [{ messageId: 'keep', data, edits: keepEdits(ctx, esc.stored, ns, fn) }],
            related: esc.readAt ? [{ node: esc.readAt, messageId: 'readAfterStored', data }] : undefined,
          });
          continue;
        }
        const data = { name: esc.path, target: returnFix?.target ?? esc.path };
        const suggest: FixDescriptor[] = [];
        // A state of a generic type (`state: S | null` in `class Runner<S>`) may be an object of
        // tensors, which neither edit types: `tf.keep` and `tf.tidy`'s result take tensors.
        const generic = ts.isBinaryExpression(esc.node) && typedByTypeParameter(ctx, esc.node.left);
        if (returnFix && !generic) suggest.push({ messageId: 'returnFromTidy', data, edits: returnFix.edits });
        const several = ts.isBinaryExpression(esc.node) && typedAsSeveral(ctx, esc.node.left);
        if (ts.isBinaryExpression(esc.node) && !generic && !several) {
          suggest.push({ messageId: 'keep', data, edits: keepEdits(ctx, esc.node.right, ns, fn) });
        }
        ctx.report({
          node: esc.node, messageId: several ? 'disposedSeveral' : 'disposed', data, suggest,
          related: esc.readAt ? [{ node: esc.readAt, messageId: 'readAfter', data }] : undefined,
        });
      }
    }
  },
});

/**
 * `tf.tidy(() => { ...; h = step(x, h); })` as a statement whose result is dropped and whose
 * callback returns nothing: assign the tidy's result and return the state(s) from the callback.
 */
function returnFromTidy(ctx: RuleContext, call: ts.CallExpression, fn: ts.FunctionLikeDeclaration, paths: string[]): { target: string; edits: TextEdit[] } | undefined {
  const stmt = call.parent;
  if (!ts.isExpressionStatement(stmt) || stmt.expression !== call || !fn.body || !ts.isBlock(fn.body)) return undefined;
  const hasReturn = ownNodes(ctx.model.index.returns, fn.body).length > 0;
  const last = fn.body.statements[fn.body.statements.length - 1];
  if (hasReturn || !last) return undefined;
  const target = paths.length === 1 ? paths[0]! : `[${paths.join(', ')}]`;
  const indent = indentAt(ctx.text, last.getStart(ctx.sf));
  return {
    target,
    edits: [insertAt(call.getStart(ctx.sf), `${target} = `), insertAt(last.end, `${eol(ctx)}${indent}return ${target};`)],
  };
}

/**
 * Is the value written to `b` inside the tidy callback read after `tidy` returned (later in the
 * function, in the next iteration of a loop around the tidy, or by other code when the variable
 * lives outside the function)? Returns the read when one is found in order, true when the variable
 * may be read elsewhere, false when every later use writes it first (or there is none).
 */
function readAfterTidy(ctx: RuleContext, b: ts.Identifier, call: ts.CallExpression, fn: FunctionLike, write: ts.Node): ts.Node | boolean {
  const { scopes } = ctx.model;
  const decl = declarationOf(b);
  const owner: ts.Node = ts.isParameter(decl) ? decl.parent : enclosingFunction(decl) ?? decl.getSourceFile();
  // Loops between the tidy and the variable's owner repeat the tidy; any other function around the
  // tidy may run again or later, so the variable's other uses count as reads after the tidy.
  let loop: ts.Node | undefined;
  for (let p: ts.Node = call.parent; p && p !== owner; p = p.parent) {
    if (isLoop(p)) loop = p;
    else if (isFunctionLike(p)) {
      const c = p.parent;
      if (ts.isCallExpression(c) && iteratingCallback(c) === p) loop = c;
      else if (!(ts.isCallExpression(c) && ctx.model.tf.fn(c) === 'tidy')) {
        const elsewhere = scopes.references(b, owner).find((r) => !isWithin(r, fn) && !isWriteTarget(r));
        return elsewhere ?? (readBefore(scopes, b, fn, write) ? true : false);
      }
    }
  }
  const events = orderedRefs(scopes, b, owner, call);
  const end = events.findIndex((e) => e === 'tidy-end');
  const after = events.slice(end + 1);
  // A write that may not run (`if (!h) h = init()` without an else) does not end the search.
  // Disposing it again (`h.dispose()`, `tf.dispose([h, c])`) reads nothing: tfjs skips a disposed tensor.
  const first = after.find((e): e is Ref => e !== 'tidy-end' && (e.read ? !isDisposal(ctx, e.node) : !mayBeSkipped(e.node, owner)));
  if (first) return first.read ? first.node : false;
  if (!loop) return false;
  // Wrap around to the next iteration: the loop's uses from its start, up to the write.
  for (const e of events) {
    if (e === 'tidy-end' || !isWithin(e.node, loop)) continue;
    if (e.node === write || (isWithin(e.node, write) && !e.read)) break;
    if (e.read && isDisposal(ctx, e.node)) continue;
    if (!e.read && mayBeSkipped(e.node, loop)) continue;
    return e.read ? e.node : false;
  }
  return false;
}

/** `h.dispose()`, `tf.dispose(h)`, `tf.dispose([h, c])`: the reference only disposes the tensor. */
function isDisposal(ctx: RuleContext, ref: ts.Node): boolean {
  let n: ts.Node = ref;
  while (ts.isParenthesizedExpression(n.parent) || (ts.isArrayLiteralExpression(n.parent) && n.parent.elements.includes(n as ts.Expression))) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text === 'dispose') return ts.isCallExpression(p.parent) && p.parent.expression === p;
  return ts.isCallExpression(p) && p.arguments.length === 1 && p.arguments[0] === n && ctx.model.tf.fn(p) === 'dispose';
}

/**
 * Does `n` run only on some paths through `within`: in an `if` without an `else`, or on the
 * right of `&&`, `||`, `??` or `? :`? (An if/else is taken to write on both branches.)
 */
function mayBeSkipped(n: ts.Node, within: ts.Node): boolean {
  for (let c = n, p = n.parent; p && c !== within; c = p, p = p.parent) {
    if (ts.isIfStatement(p) && c === p.thenStatement && !p.elseStatement) return true;
    if (ts.isConditionalExpression(p) && c !== p.condition) return true;
    if (ts.isBinaryExpression(p) && c === p.right) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return true;
    }
  }
  return false;
}

/**
 * `this.f = t` inside the callback: is `this.f` read by other code of the class (another method, a
 * later call of this one before the write)? A field drawn fresh and read only after the write
 * in the same callback is never read disposed.
 */
function fieldReadAfter(target: ts.Expression, fn: FunctionLike, write: ts.Node): boolean {
  return firstFieldRead(target, fn, write) !== undefined;
}

/**
 * The read fieldReadAfter looks for, when `counts` accepts it: 'unknown' when `target` is no field
 * of a class (then any other code may read it), undefined when nothing reads it after the write.
 */
function firstFieldRead(target: ts.Expression, fn: FunctionLike, write: ts.Node, counts: (read: ts.Node) => boolean = () => true): ts.Node | 'unknown' | undefined {
  const field = thisFieldName(target);
  if (field === undefined) return 'unknown';
  let cls: ts.Node | undefined = fn.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return 'unknown';
  // Methods this callback runs (`this.fit()` and what it calls) read the field while it is alive.
  const reachable = new Set<ts.Node>();
  const methods = new Map<string, ts.MethodDeclaration>();
  for (const m of (cls as ts.ClassLikeDeclaration).members) if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.body) methods.set(m.name.text, m);
  const visit = (n: ts.Node): void => {
    walk(n, (c) => {
      if (!ts.isCallExpression(c)) return;
      const recv = calleeReceiver(c);
      const m = recv && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword ? methods.get(calleeName(c) ?? '') : undefined;
      // In the callback itself, only calls made after the write see the new value.
      if (m && !reachable.has(m) && (n !== fn || c.pos >= write.end)) { reachable.add(m); visit(m); }
    });
  };
  visit(fn);
  // ...unless something outside that run also calls them later (`classify()` -> `closest()`).
  const callers = new Map<ts.Node, ts.Node[]>();
  for (const m of methods.values()) {
    walk(m, (c) => {
      if (!ts.isCallExpression(c) || isWithin(c, fn)) return;
      const recv = calleeReceiver(c);
      const callee = recv && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword ? methods.get(calleeName(c) ?? '') : undefined;
      if (callee) callers.set(callee, [...(callers.get(callee) ?? []), m]);
    });
  }
  const usedOutside = (m: ts.Node, seen = new Set<ts.Node>()): boolean => {
    if (seen.has(m)) return false;
    seen.add(m);
    return (callers.get(m) ?? []).some((c) => !reachable.has(c) || usedOutside(c, seen));
  };
  for (const m of [...reachable]) if (usedOutside(m)) reachable.delete(m);
  let read: ts.Node | undefined;
  walk(cls, (n) => {
    if (read) return false;
    if (reachable.has(n)) return false;
    if (!(ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) || thisFieldName(n) !== field) return;
    const p = n.parent;
    const written = ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    if (written) return;
    // Reads inside the callback after the write see the live tensor.
    if (isWithin(n, fn) && n.pos >= write.end) return;
    // Reads in the constructor (before any call) or in `dispose()`-style cleanup do not see it either.
    let owner: ts.Node | undefined = n.parent;
    while (owner && !ts.isClassElement(owner)) owner = owner.parent;
    if (owner && ts.isConstructorDeclaration(owner)) return;
    if (counts(n)) read = n;
  });
  return read;
}

/**
 * `this.frames.push(h)` inside the callback: where code outside the callback reads the entries the
 * field array collected (`this.frames.map((f) => f.arraySync())` in another method), each disposed
 * by then. Counting them (`.length`), adding more (`.push`) or disposing them reads no tensor.
 */
function fieldEntriesReadOutside(ctx: RuleContext, field: ts.Expression, fn: FunctionLike, push: ts.Node): ts.Node | undefined {
  const read = firstFieldRead(field, fn, push, (n) => !isWithin(n, fn) && !ENTRY_FREE_USES.has(useOfField(n)) && !isDisposal(ctx, n));
  return read === 'unknown' ? undefined : read;
}

/** What is done with a field read (`this.frames.length` -> length; `this.frames.map(...)` -> map). */
function useOfField(n: ts.Node): string {
  const p = n.parent;
  return ts.isPropertyAccessExpression(p) && p.expression === n ? p.name.text : '';
}

/** Uses of an array of tensors that read none of them (a disposed tensor may be counted, or disposed again). */
const ENTRY_FREE_USES = new Set(['length', 'push', 'unshift']);

interface Ref { node: ts.Node; read: boolean }

function isWriteTarget(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (ts.isParenthesizedExpression(n.parent) || ts.isArrayLiteralExpression(n.parent) || ts.isSpreadElement(n.parent)) n = n.parent;
  const p = n.parent;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** A read of `b` inside the callback that runs before `write` (the previous value is used). */
function readBefore(scopes: Scopes, b: ts.Identifier, fn: FunctionLike, write: ts.Node): boolean {
  for (const e of orderedRefs(scopes, b, fn, undefined)) {
    if (e === 'tidy-end') continue;
    if (e.node === write || (isWithin(e.node, write) && !e.read)) return false;
    if (e.read) return true;
  }
  return false;
}

/** References to `b` inside `within` in evaluation order (right side of `=` before its target). */
function orderedRefs(scopes: Scopes, b: ts.Identifier, within: ts.Node, marker: ts.Node | undefined): (Ref | 'tidy-end')[] {
  const out: (Ref | 'tidy-end')[] = [];
  const visitTarget = (t: ts.Node): void => {
    const u = ts.isExpression(t) ? unwrap(t) : t;
    if (ts.isIdentifier(u)) { if (scopes.refersTo(u, b)) out.push({ node: u, read: false }); return; }
    if (ts.isArrayLiteralExpression(u)) { for (const el of u.elements) visitTarget(ts.isSpreadElement(el) ? el.expression : el); return; }
    if (ts.isObjectLiteralExpression(u)) {
      for (const p of u.properties) {
        if (ts.isShorthandPropertyAssignment(p)) visitTarget(p.name);
        else if (ts.isPropertyAssignment(p)) visitTarget(p.initializer);
      }
      return;
    }
    visit(u); // obj.x = ..., arr[i] = ...: reads obj
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      visit(n.right);
      visitTarget(n.left);
    } else if (ts.isIdentifier(n)) {
      if (!isPropertyName(n) && scopes.refersTo(n, b)) out.push({ node: n, read: true });
    } else ts.forEachChild(n, visit);
    if (n === marker) out.push('tidy-end');
  };
  visit(within);
  return out;
}

/** Paths returned by the callback (`return h`, `return [h, c]`, `return {h}`). */
function returnedPaths(ctx: RuleContext, fn: FunctionLike): Set<string> {
  const out = new Set<string>();
  const add = (e: ts.Expression | undefined, depth = 0): void => {
    if (!e || depth > 3) return;
    const u = unwrap(e);
    const p = accessPath(u);
    // `return outs` with `const outs = xs.map((x) => { ...; return h; })`: the mapped array holds `h`.
    const init = ts.isIdentifier(u) ? initialValueOf(ctx.model.scopes, u) : undefined;
    if (init && isWithin(init, fn) && ts.isCallExpression(unwrap(init))) add(init, depth + 1);
    if (p) out.add(p);
    else if (ts.isCallExpression(u) && /^(map|flatMap)$/.test(calleeName(u) ?? '')) {
      const cb = iteratingCallback(u);
      if (cb) for (const r of returnedPaths(ctx, cb)) out.add(r);
    } else if (ts.isArrayLiteralExpression(u)) u.elements.forEach((el) => add(ts.isSpreadElement(el) ? el.expression : el));
    else if (ts.isObjectLiteralExpression(u)) for (const pr of u.properties) {
      if (ts.isShorthandPropertyAssignment(pr)) out.add(pr.name.text);
      else if (ts.isPropertyAssignment(pr)) add(pr.initializer);
    } else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.EqualsToken) { add(u.left); add(u.right); }
  };
  for (const r of ownNodes(ctx.model.index.returns, fn)) add(r.expression);
  if (fn.body && !ts.isBlock(fn.body)) add(fn.body);
  return out;
}

/** Paths passed to `tf.keep(...)` in the callback. */
function keptPaths(ctx: RuleContext, fn: FunctionLike): Set<string> {
  const out = new Set<string>();
  for (const n of nodesInside(ctx.model.callsNamed(['keep']), fn)) {
    if (ctx.model.tf.fn(n) === 'keep' && n.arguments[0]) {
      const p = accessPath(n.arguments[0]);
      if (p) out.add(p);
      // `this.states.forEach((s) => tf.keep(s))`: every element of the array is kept; also of an
      // array made from a state there (`[s.h, s.c].forEach(...)`, `this.tensorsOf(s).forEach(...)`).
      const arg = unwrap(n.arguments[0]);
      const cb = enclosingFunction(n);
      const iterated = cb && ts.isCallExpression(cb.parent) && /^(forEach|map)$/.test(calleeName(cb.parent) ?? '') ? calleeReceiver(cb.parent) : undefined;
      const param = cb?.parameters[0]?.name;
      if (iterated && param && ts.isIdentifier(param) && ts.isIdentifier(arg) && ctx.model.scopes.refersTo(arg, param)) {
        const source = unwrap(iterated);
        const parts = ts.isArrayLiteralExpression(source) ? source.elements : ts.isCallExpression(source) ? source.arguments : [source];
        for (const e of parts) { const q = accessPath(e); if (q) out.add(q); }
      }
    }
  }
  return out;
}

/**
 * `this.keepState(state)`: paths the callback hands to a function of the file that keeps what its
 * parameter holds (for a method the subclasses implement, every implementation of the file), also
 * one level further down (`keepState(s) { this.keepAll(s); }`).
 */
function keptThroughHelpers(ctx: RuleContext, fn: FunctionLike, depth = 0): Set<string> {
  const out = new Set<string>();
  if (depth < 2) {
    for (const c of nodesInside(ctx.model.calls, fn)) {
      const name = calleeName(c);
      if (!name || !ctx.model.index.callableNames.has(name)) continue;
      const recv = calleeReceiver(c);
      const cls = recv && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword ? enclosingClassOfThis(c) : undefined;
      const resolved = resolveCallee(c, ctx.model.scopes, ctx.model.classes);
      const targets: FunctionLike[] = (cls ? implementationsOf(cls, name, ctx.model.classes) : resolved ? [resolved] : []).filter((t) => !!t.body);
      if (targets.length === 0 || targets.some((t) => t === fn || isWithin(t, fn))) continue;
      const keeps = targets.map((t) => new Set([...keptPaths(ctx, t), ...keptThroughHelpers(ctx, t, depth + 1)]));
      c.arguments.forEach((arg, i) => {
        const a = accessPath(arg);
        const keptBy = (t: FunctionLike, inner: Set<string>): boolean => {
          const p = t.parameters[i];
          const pn = p && ts.isIdentifier(p.name) ? p.name.text : undefined;
          return !!pn && [...inner].some((k) => k === pn || k.startsWith(`${pn}.`));
        };
        if (a && targets.every((t, k) => keptBy(t, keeps[k]!))) out.add(a);
      });
    }
  }
  return out;
}

/**
 * Methods the callback runs (`this.step(x)`, with the overrides subclasses give it; `self.put(id, h)`)
 * that outlive it with a tensor: a field assigned a tensor the method makes (`this.slow = tf.add(...)`)
 * and read elsewhere, or the tensor the callback hands them stored in a map that is read elsewhere
 * (`this.map.set(id, tensor)`). Reported in the method, or at the call, once each.
 */
function reportMethodStores(ctx: RuleContext, cb: FunctionLike, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const ns = model.tf.namespaceForFixes ?? 'tf';
  const returned = returnedPaths(ctx, cb);
  const kept = keptPaths(ctx, cb);
  for (const c of runsInCallback(model.calls, cb)) {
    // Only names a function of this file is called by (most calls are tf's: `tf.add`, `x.matMul`).
    const callee = calleeName(c);
    if (!callee || !model.index.callableNames.has(callee)) continue;
    // A plain function (`saveState(id, h)`) has no fields to advance: only what it stores is read.
    const isMethod = calleeReceiver(c) !== undefined;
    for (const m of methodsRun(ctx, c)) {
      if (!m.body || !ts.isBlock(m.body) || m === cb) continue;
      if (!isMethod && ownNodes(model.callsNamed(['set']), m.body).length === 0) continue;
      const name = functionName(m) ?? 'this method';
      const runs = { node: c, messageId: 'runsInTidy', data: { method: name } };
      const ownReturns = returnedPaths(ctx, m);
      const ownKept = keptPaths(ctx, m);
      if (isMethod) for (const w of ownNodes(model.index.writes, m.body)) {
        if (reported.has(w) || !ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const path = thisFieldName(w.left) !== undefined ? accessPath(w.left) : undefined;
        if (!path || ownReturns.has(path) || ownKept.has(path) || isKeepCall(ctx, w.right)) continue;
        // Only a field the method advances from its own old value (`this.slow = f(this.slow, x)`):
        // the next call reads the disposed one as data. A field reset at each call is not.
        if (!readsPath(w.right, path) || !isTensorCreatedIn(ctx, w.right, m) || !fieldReadAfter(w.left, m, w)) continue;
        reported.add(w);
        const data = { name: path, method: name };
        ctx.report({ node: w, messageId: 'disposedInMethod', data, suggest: [{ messageId: 'keep', data, edits: keepEdits(ctx, w.right, ns, m) }], related: [runs] });
      }
      // Every tensor of the callback the method stores (`saveState(id, h, c)` keeps both): one
      // report for the call, with a suggestion that keeps them all.
      if (reported.has(c)) continue;
      const stored: { arg: ts.Expression; map: string; readAt: ts.Node }[] = [];
      m.parameters.forEach((param, i) => {
        const arg = c.arguments[i];
        const argPath = arg && accessPath(arg);
        if (!arg || !ts.isIdentifier(param.name) || (argPath && (returned.has(argPath) || kept.has(argPath))) || !isTensorCreatedIn(ctx, arg, cb)) return;
        const store = storeOfParameter(ctx, m, param.name, cb);
        if (store) stored.push({ arg, ...store });
      });
      if (stored.length === 0) continue;
      reported.add(c);
      const values = stored.map((x) => nodeText(ctx, x.arg));
      const data = { name: stored[0]!.map, value: values.length > 1 ? `${values.slice(0, -1).join('`, `')}\` and \`${values[values.length - 1]}` : values[0]!, method: name };
      ctx.report({
        node: c, messageId: stored.length > 1 ? 'disposedStoredByMany' : 'disposedStoredBy', data,
        suggest: [{ messageId: 'keep', data, edits: stored.map((x) => replaceNode(ctx, x.arg, `${ns}.keep(${nodeText(ctx, x.arg)})`)) }],
        related: [{ node: stored[0]!.readAt, messageId: 'readAfterStored', data }],
      });
    }
  }
}

/** The methods a call runs: the one it resolves to, and for `this.m()` the overrides of `m` in subclasses. */
function methodsRun(ctx: RuleContext, call: ts.CallExpression): FunctionLike[] {
  const { model } = ctx;
  const r = calleeReceiver(call);
  const recv = r && unwrap(r);
  const cls = recv && recv.kind === ts.SyntaxKind.ThisKeyword ? enclosingClassOfThis(recv) : undefined;
  const name = calleeName(call);
  if (cls && name) return implementationsOf(cls, name, model.classes);
  const fn = resolveCallee(call, model.scopes, model.classes);
  return fn ? [fn] : [];
}

/**
 * `this.map.set(key, p)` (or `sessions.set(id, { h: p, c })`, a map of the enclosing closure or
 * module) in `m` for its parameter `p`, alone or inside the literal stored, with a `get` of that map
 * outside the callback.
 */
function storeOfParameter(ctx: RuleContext, m: FunctionLike, param: ts.Identifier, cb: FunctionLike): { map: string; readAt: ts.Node } | undefined {
  for (const set of ownNodes(ctx.model.callsNamed(['set']), m.body!)) {
    const recv = calleeReceiver(set);
    const value = set.arguments[1] && unwrap(set.arguments[1]);
    const owner = recv && mapOwner(ctx, recv);
    // A field of the object (`this.map`, also in an ES5 method, which has no class node), or a map
    // of the enclosing closure or module.
    const map = recv && (thisFieldName(unwrap(recv)) !== undefined || (owner && !isWithin(owner, m))) ? accessPath(recv) : undefined;
    if (!map || set.arguments.length !== 2 || !value) continue;
    if (!literalMembers(value).some((v) => ts.isIdentifier(v) && ctx.model.scopes.refersTo(v, param))) continue;
    const readAt = ctx.model.callsNamed(['get']).find((g) => {
      const r = calleeReceiver(g);
      return !!r && accessPath(r) === map && (!owner || mapOwner(ctx, r) === owner) && !isWithin(g, cb) && !isWithin(g, m);
    });
    if (readAt) return { map, readAt };
  }
  return undefined;
}

function isKeepCall(ctx: RuleContext, e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isCallExpression(u) && ctx.model.tf.fn(u) === 'keep';
}

/** Does `e` read `path` (`this.slow`) itself somewhere inside? */
function readsPath(e: ts.Node, path: string): boolean {
  let found = false;
  walk(e, (n) => {
    if (found) return false;
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && accessPath(n) === path) found = true;
  });
  return found;
}
