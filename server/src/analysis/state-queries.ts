// Questions rules ask about a step's states: where each new state is returned, which locals were
// computed as its next value, whether a state reaches any output.
import ts from '../typescript';
import { reaches, rootVal, touches, type LocalDef, type ReturnRecord, type Val } from './dataflow';
import { calleeName, unwrap } from './ast';
import { returnsItsArguments } from './calls';
import type { StateInput, Step } from './steps';
import { NEW_TOKENS, TENSOR_PIECE_CALLS, hasToken, isBareNewName, isStateLikeName, nameTokens, stateBase } from './tfjs-facts';


export interface StatePosition {
  /** The returned expression in this state's position. */
  node: ts.Expression;
  val: Val;
}

/**
 * `{ y: hNext, state: { h: hNext, c } }` from a step of several states: the states sit in the one
 * state-named member, itself an object literal. Its members, with their values; undefined otherwise.
 */
function nestedStateMembers(step: Step, members: ReadonlyMap<string, { node: ts.Expression; val: Val }>): Map<string, { node: ts.Expression; val: Val }> | undefined {
  if (step.states.length < 2) return undefined;
  const nested = [...members].filter(([key, m]) => isStateLikeName(key) && ts.isObjectLiteralExpression(unwrap(m.node)));
  if (nested.length !== 1 || [...members.keys()].some((k) => step.states.some((st) => stateBase(st.name) === stateBase(k)))) return undefined;
  const [, outer] = nested[0]!;
  const out = new Map<string, { node: ts.Expression; val: Val }>();
  for (const p of (unwrap(outer.node) as ts.ObjectLiteralExpression).properties) {
    if (ts.isShorthandPropertyAssignment(p)) out.set(p.name.text, { node: p.name, val: outer.val.props?.get(p.name.text) ?? { deps: outer.val.deps } });
    else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out.set(p.name.text, { node: p.initializer, val: outer.val.props?.get(p.name.text) ?? { deps: outer.val.deps } });
    else return undefined;
  }
  return out;
}

/** Where `step` returns the new value of state `s` (one entry per return statement). */
export function newStatePositions(step: Step, s: StateInput): StatePosition[] {
  const out: StatePosition[] = [];
  for (const r of step.flow.returns) {
    if (step.kind === 'rnn-cell') {
      // tfjs-layers' convention: [output, ...newStates].
      const el = r.elements?.[s.index + 1] ?? r.elementAt?.(s.index + 1);
      if (el) out.push({ node: el.node, val: el.val });
      continue;
    }
    if (r.members) {
      const members = nestedStateMembers(step, r.members) ?? r.members;
      const byName = [...members].filter(([key]) => stateBase(key) === stateBase(s.name));
      // `{ output, state }` for a lone state named otherwise (`hidden`): the one state-like key.
      const stateKeys = [...r.members].filter(([key]) => isStateLikeName(key));
      // `{ logits, next }` for a lone state: the one key that only says "the new value".
      const bareKeys = [...r.members].filter(([key]) => isBareNewName(key));
      const lone = step.states.length === 1 ? (stateKeys.length === 1 ? stateKeys : stateKeys.length === 0 && bareKeys.length === 1 ? bareKeys : []) : [];
      const found = byName.length > 0 ? byName : lone;
      // `{ y, state: [h, cNew] }` from a step taking its states as one tuple (`[h, c]`): the tuple
      // is the one state-like member.
      const tuple = found.length === 0 ? tupleReturned(step, stateKeys.map(([, m]) => m)) : undefined;
      if (tuple) {
        const el = tuple[s.index];
        if (el) out.push(el);
        continue;
      }
      for (const [, m] of found) out.push({ node: m.node, val: m.val });
      continue;
    }
    const nested = tupleReturned(step, r.elements);
    if (nested) {
      const el = nested[s.index];
      if (el) out.push(el);
      continue;
    }
    const n = r.elements?.length;
    if (r.elements && n !== undefined) {
      // [newStates...] or [output, ...newStates]; in the second shape element 0 is the output,
      // so a state's new value is looked for by name among the others only.
      const offset = n === step.states.length + 1 ? 1 : 0;
      const named = r.elements.slice(offset).filter((e) => {
        const id = unwrap(e.node);
        return ts.isIdentifier(id) && stateBase(id.text) === stateBase(s.name) && !(e.val.alias && e.val.alias !== s.root);
      });
      if (named.length === 1) { out.push(named[0]!); continue; }
      const k = n === step.states.length ? s.index : n === step.states.length + 1 ? s.index + 1 : -1;
      const el = k >= 0 ? r.elements[k] : undefined;
      if (el) out.push({ node: el.node, val: el.val });
      continue;
    }
    if (step.states.length === 1) out.push({ node: r.expr, val: r.val });
  }
  return out;
}

/**
 * `forward(x, [h, c])` returning `[y, [hNew, cNew]]`: states taken as one tuple parameter come back
 * as one tuple, an array literal of exactly that many elements among the returned ones. Its
 * elements, in state order; undefined for any other shape.
 */
function tupleReturned(step: Step, elements: { node: ts.Expression; val: Val }[] | undefined): StatePosition[] | undefined {
  const count = step.states.length;
  if (!elements || count < 2) return undefined;
  const param = /^p(\d+)\.\d+$/.exec(step.states[0]!.root)?.[1];
  if (param === undefined || !step.states.every((st, k) => st.root === `p${param}.${k}`)) return undefined;
  const tuples = elements.filter((e) => {
    const items = tupleItems(step, e.node);
    return items !== undefined && items.length === count;
  });
  if (tuples.length !== 1) return undefined;
  const tuple = tuples[0]!;
  const items = tupleItems(step, tuple.node)!;
  return items.map((node, k) => ({ node, val: tuple.val.elem ? tuple.val.elem(k) : tuple.val }));
}

/**
 * The items of a tuple written in place: an array literal's elements (`[h, c]`), or the arguments
 * of a call to a helper of the file that only packs them into an array (`tuple(h, c)` with
 * `tuple(...items) { return items; }`). Undefined for anything else, and when an item is spread,
 * so that each item stands in its own position.
 */
function tupleItems(step: Step, node: ts.Expression): readonly ts.Expression[] | undefined {
  const u = unwrap(node);
  const items = ts.isArrayLiteralExpression(u) ? u.elements
    : ts.isCallExpression(u) && packingCall(step, u) ? u.arguments : undefined;
  return items && !items.some(ts.isSpreadElement) ? items : undefined;
}

/** Is `call` one the step's evaluation followed into a helper that returns its arguments as they came? */
function packingCall(step: Step, call: ts.CallExpression): boolean {
  return step.flow.helperCalls.some((h) => h.call === call && returnsItsArguments(h.helper));
}

/**
 * Does the step return state `s` unchanged on every path (not just on some, as a masked step
 * that keeps the state for padding does)? Returns those positions, or none.
 */
export function inputStateReturned(step: Step, s: StateInput): StatePosition[] {
  const positions = newStatePositions(step, s);
  if (positions.length === 0 || positions.some((p) => p.val.alias !== s.root)) return [];
  return positions;
}

function reachesAnyReturn(step: Step, root: string): boolean {
  return step.flow.returns.some((r) => reaches(r.val.deps, root)) || step.flow.sinks.has(root);
}

/** Long names of the one-letter LSTM states: the new cell state is often `cell` or `memory`, the new hidden state `hidden`. */
const LONG_FORMS = new Map([['c', ['cell', 'memory']], ['h', ['hidden']]]);

/**
 * Locals computed as the next value of state `s`: named like it (`hNew` for `h`) or computed from
 * it and then dropped; only the last of a chain (`hNew`, not the `hTilde` it is built from).
 */
export function computedCandidates(step: Step, s: StateInput): LocalDef[] {
  const base = s.baseName ?? stateBase(s.name);
  const aliasNames = new Set(step.flow.aliasNames.get(s.root) ?? []);
  for (const list of step.flow.restNames.values()) for (const r of list) aliasNames.add(r.name);
  const lastByName = new Map<string, LocalDef>();
  for (const l of step.flow.locals) {
    if (l.val.alias !== undefined || aliasNames.has(l.name) || (l.name === s.name && s.memberOf === undefined)) continue;
    if (!ts.isIdentifier(l.node) && !ts.isBinaryExpression(l.node)) continue;
    if (l.val.deps.size === 0) continue;
    // A view of the inputs (`const states = list.slice(1)`) holds the states; it computes nothing.
    if (l.val.elem) continue;
    // `next`, `updated`: a name that only says "the new value"; of the one state when there is one.
    const bareNew = step.states.length === 1 && isBareNewName(l.name) && touches(l.val.deps, s.root);
    // A conventional name (`c` for an unnamed second state) is weak: the local must say it is new (`newC`).
    // (`cc` for `c`, `hh` for `h`: the one-letter state's name doubled, a common "new value"; `cn`,
    // `xn`: the letter with an `n` for "next", as equations are transcribed.)
    const doubled = base.length === 1 && (l.name.toLowerCase() === base + base || l.name.toLowerCase() === `${base}n`);
    // `cy` for `cx`, `hy` for `hx`: PyTorch's LSTMCell names the incoming states `hx`, `cx` and the
    // new ones `hy`, `cy`; ports keep the names.
    const xToY = isNextInXYNaming(s.name, l.name);
    const nameMatches = base !== '' && (stateBase(l.name) === base || doubled || xToY) && (s.baseName === undefined || hasToken(l.name, NEW_TOKENS) || doubled || xToY);
    // `cell` for `c`, `hidden` for `h`: the long form of a one-letter state's name, computed from it.
    const longForm = (LONG_FORMS.get(base) ?? []).some((w) => nameTokens(l.name).includes(w)) && touches(l.val.deps, s.root);
    // Whatever its name, a piece of a split is no new state: `hN` of `const [hR, hZ, hN] =
    // tf.split(gh, 3, 1)` is the hidden projection's share of a GRU's `n` gate.
    const named = (nameMatches || bareNew || longForm) && !isSplitPiece(l.node);
    const dropped = touches(l.val.deps, s.root) && !reachesAnyReturn(step, l.root);
    if (named || dropped) lastByName.set(l.name, l);
  }
  const cands = [...lastByName.values()];
  const ends = cands.filter((c) => !cands.some((o) => o !== c && o.val.deps.has(c.root)));
  if (ends.length > 0 || s.index !== 0) return ends;
  const out = outputLocal(step);
  if (!out || !touches(out.def.val.deps, s.root)) return outputUpdatingMember(step, s);
  // `{ output, memory }` is also how a step hands on a context it only reads (an attention
  // memory): the output is taken for the new state only when it is an update of the state itself.
  return !out.fromObject || blendsState(out.def, s) ? [out.def] : [];
}

/** A name bound by destructuring a tensor's pieces (`const [i, f, g, o] = tf.split(z, 4, 1)`). */
function isSplitPiece(node: ts.Node): boolean {
  const element = node.parent;
  if (!element || !ts.isBindingElement(element) || !ts.isArrayBindingPattern(element.parent)) return false;
  const decl = element.parent.parent;
  const init = ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return !!init && ts.isCallExpression(init) && TENSOR_PIECE_CALLS.has(calleeName(init) ?? '');
}

/**
 * `{ output: hMixed, state: { h, uProb: pNext }, u }` (a Skip-GRU): a state-named member of the
 * state object returned next to the output, whose output is an elementwise update of that very
 * member (`u * gru(x, h) + (1 - u) * h`), the same local on every return. The output is then that
 * member's new value, as it is for a GRU returning `{ output, state }`. Why so narrow: an output
 * that reads the member through a weight, or a member that is no state (a probability, a
 * counter), may be a context the step only carries, and an output named nothing of the state's is
 * weak evidence without the update itself.
 */
function outputUpdatingMember(step: Step, s: StateInput): LocalDef[] {
  if (s.memberOf === undefined || !isStateLikeName(s.name)) return [];
  let found: LocalDef | undefined;
  for (const r of step.flow.returns) {
    const holders = r.members && [...r.members].filter(([key]) => stateBase(key) === stateBase(s.memberOf!));
    if (!holders || holders.length !== 1 || !ts.isObjectLiteralExpression(unwrap(holders[0]![1].node))) return [];
    const updates = [...r.members!].filter(([key]) => !isStateLikeName(key))
      .map(([, m]) => returnedLocal(step, m))
      .filter((d): d is LocalDef => !!d && touches(d.val.deps, s.root) && blendsState(d, s));
    if (updates.length !== 1 || (found && found !== updates[0])) return [];
    found = updates[0];
  }
  return found ? [found] : [];
}

/** The local a returned member or element names (`output: hMixed`), as computed before the return; none for an alias of an input. */
function returnedLocal(step: Step, el: { node: ts.Expression; val: Val }): LocalDef | undefined {
  const id = unwrap(el.node);
  if (!ts.isIdentifier(id) || el.val.alias !== undefined) return undefined;
  return [...step.flow.locals].reverse().find((l) => l.name === id.text && l.node.end <= id.pos);
}

/** Is `local` the new value of `state` in the `hx` -> `hy` naming (one letter, then `x` for the old value, `y` for the new)? */
function isNextInXYNaming(state: string, local: string): boolean {
  return /^[a-z]x$/i.test(state) && local.length === 2 && local[0]!.toLowerCase() === state[0]!.toLowerCase() && local[1]!.toLowerCase() === 'y';
}

/**
 * The local a step returns as its output when it returns [output, ...states] (a simple RNN or
 * GRU returns its new state as the output too: `[next, next]`), the same on every return.
 */
function outputLocal(step: Step): { def: LocalDef; fromObject: boolean } | undefined {
  let found: LocalDef | undefined;
  let fromObject = false;
  for (const r of step.flow.returns) {
    const n = r.elements?.length;
    const shaped = step.kind === 'rnn-cell' || n === step.states.length + 1;
    const el = shaped ? r.elements?.[0] ?? r.elementAt?.(0) : objectOutput(step, r.members);
    const def = el && returnedLocal(step, el);
    if (!def || (found && found !== def)) return undefined;
    found = def;
    fromObject ||= !shaped;
  }
  return found && { def: found, fromObject };
}

/** Elementwise tf ops through which a value is updated in place of replaced (`(1 - z) * h + z * cand`). */
const BLENDING_OPS = new Set(['add', 'sub', 'mul']);

/**
 * Is the local's value the state updated elementwise, as a GRU's or a leaky integrator's new state
 * is (`tf.sub(1, z).mul(state).add(...)`, `state.add(delta)`), rather than read through a weight
 * (`tf.matMul(memory, U)`)?
 */
function blendsState(local: LocalDef, s: StateInput): boolean {
  const decl = local.node.parent;
  const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
  if (!init) return false;
  const operandOfBlend = (id: ts.Node): boolean => {
    const at = id.parent;
    if (ts.isBinaryExpression(at)) return [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(at.operatorToken.kind);
    if (ts.isCallExpression(at) && at.arguments.includes(id as ts.Expression)) return BLENDING_OPS.has(calleeName(at) ?? '');
    // `state.mul(z)`: the receiver of a tensor method.
    return ts.isPropertyAccessExpression(at) && at.expression === id && BLENDING_OPS.has(at.name.text) && ts.isCallExpression(at.parent);
  };
  const visit = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === s.name && operandOfBlend(n)) || (!ts.isFunctionLike(n) && !!ts.forEachChild(n, visit));
  return visit(init);
}

/**
 * `{ output, state }` from a step of one state: the member beside the state's, when there are just
 * the two (the object form of `[output, state]`).
 */
function objectOutput(step: Step, members: ReturnRecord['members']): { node: ts.Expression; val: Val } | undefined {
  if (!members || members.size !== 2 || step.states.length !== 1) return undefined;
  const others = [...members].filter(([key]) => !isStateLikeName(key));
  return others.length === 1 ? others[0]![1] : undefined;
}

/** Is the local visible at `at` (declared in a block that contains `at`, before it)? */
export function inScopeAt(local: LocalDef, at: ts.Node): boolean {
  const declId = ts.isIdentifier(local.node) ? local.node : undefined;
  if (!declId) return true;
  let block: ts.Node | undefined = declId.parent;
  while (block && !ts.isBlock(block) && !ts.isSourceFile(block) && !ts.isFunctionLike(block)) block = block.parent;
  if (!block) return false;
  return at.pos >= block.pos && at.end <= block.end && at.pos >= declId.end;
}

/** Does the step hand on an empty list as this state on every path (`return [y, []]`: stateless on purpose)? */
export function carriesNoState(step: Step, s: StateInput): boolean {
  const positions = newStatePositions(step, s);
  return positions.length > 0 && positions.every((p) => {
    const e = unwrap(p.node);
    return ts.isArrayLiteralExpression(e) && e.elements.length === 0;
  });
}

/**
 * Locals computed from state `s` whose value never reaches a return or escapes: the state is
 * read, but only into values the step then drops (`const fromState = tf.matMul(h, U)`, unused).
 */
export function droppedUsesOf(step: Step, s: StateInput): LocalDef[] {
  const aliasNames = new Set(step.flow.aliasNames.get(s.root) ?? []);
  // Rest bindings (`...states`) hold the states themselves; they compute nothing.
  for (const list of step.flow.restNames.values()) for (const r of list) aliasNames.add(r.name);
  return step.flow.locals.filter((l) => l.val.alias === undefined && !l.val.elem && !aliasNames.has(l.name) &&
    touches(l.val.deps, s.root) && !reachesAnyReturn(step, l.root));
}

type Members = ReadonlyMap<string, { node: ts.Expression; val: Val }>;

/**
 * The object literal a return gives back as state object `s`: the return itself (`return { h:
 * hNew, c: cNew }`), or, when the return wraps the state next to an output, the object literal
 * under the state's own name (`return { y, state: { h, c } }` for a parameter `state`). With
 * `withSpread`, a leading spread of the incoming state is passed over (withSpreadMembers adds
 * what it copies).
 */
function returnedStateObject(r: ReturnRecord, s: StateInput, withSpread = false): Members | undefined {
  if (!r.members) {
    // `return [out, { h: hNew, c: carry.c }]`: the one object literal next to the output (with
    // `withSpread`, also `[out, { ...state, h: hNew }]` when the spread copies the state).
    const objects = (r.elements ?? []).filter((e) => ts.isObjectLiteralExpression(unwrap(e.node)));
    const spread = withSpread && objects.length === 1 && objects[0]!.spreadOf?.root === s.root;
    return objects.length === 1 ? membersOf(unwrap(objects[0]!.node) as ts.ObjectLiteralExpression, objects[0]!.val.props, spread) : undefined;
  }
  const inner = [...r.members].filter(([key]) => stateBase(key) === stateBase(s.name));
  const lit = inner.length === 1 ? unwrap(inner[0]![1].node) : undefined;
  if (!lit) return r.members;
  if (!ts.isObjectLiteralExpression(lit)) {
    // `{ y, state: [h, c] }`, `{ y, state: next }` for a parameter `state`: the state is that member,
    // not an object of members. (`{ h: hNew, c: cNew }` for `hidden` is the state object itself.)
    return inner[0]![0] === s.name || ts.isArrayLiteralExpression(lit) ? undefined : r.members;
  }
  return membersOf(lit, inner[0]![1].val.props, withSpread && !!nestedSpreadOf(r, s));
}

/** `{ out, state: { ...state, c: cNew } }`: the leading spread of the incoming state in the member named for it. */
function nestedSpreadOf(r: ReturnRecord, s: StateInput): { root: string; node: ts.Expression } | undefined {
  const member = r.members?.get(s.name);
  const lit = member && unwrap(member.node);
  const first = lit && ts.isObjectLiteralExpression(lit) ? lit.properties[0] : undefined;
  const spread = first && ts.isSpreadAssignment(first) ? unwrap(first.expression) : undefined;
  return spread && ts.isIdentifier(spread) && spread.text === s.name && s.memberOf === undefined ? { root: s.root, node: (first as ts.SpreadAssignment).expression } : undefined;
}

/**
 * `return { ...state, h: hNew }`: the members of `state` the step reads (`state.c`) and does not
 * write again come back unchanged through the spread, at the spread's expression.
 */
function withSpreadMembers(step: Step, r: ReturnRecord, s: StateInput, members: Members | undefined): Members | undefined {
  // The spread of an object-literal return, of the one object literal next to the output, or of
  // the state's own member of an object return (`{ out, state: { ...state, c } }`).
  const spreadOf = r.spreadOf ?? (r.members ? nestedSpreadOf(r, s) : r.elements?.find((e) => ts.isObjectLiteralExpression(unwrap(e.node)))?.spreadOf);
  if (!members || spreadOf?.root !== s.root) return members;
  const out = new Map(members);
  const prefix = `${s.root}.`;
  for (const read of step.flow.readRoots) {
    const key = read.startsWith(prefix) ? read.slice(prefix.length) : undefined;
    // Only state-named members: a mask, a counter or settings ride along in the spread on purpose.
    if (key && !key.includes('.') && !out.has(key) && isStateLikeName(key)) out.set(key, { node: spreadOf.node, val: rootVal(read) });
  }
  return out;
}

/**
 * The members of a returned object literal with their values; undefined when a spread or computed
 * key hides one (a leading spread is passed over with `leadingSpread`: the caller adds what it copies).
 */
function membersOf(lit: ts.ObjectLiteralExpression, props: ReadonlyMap<string, Val> | undefined, leadingSpread = false): Members | undefined {
  const out = new Map<string, { node: ts.Expression; val: Val }>();
  for (const p of lit.properties) {
    if (leadingSpread && p === lit.properties[0] && ts.isSpreadAssignment(p)) continue;
    const node = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.initializer : undefined;
    const val = node && props?.get((p.name as ts.Identifier).text);
    if (!node || !val) return undefined; // a spread or computed key: the members cannot be listed
    out.set((p.name as ts.Identifier).text, { node, val });
  }
  return out;
}

/**
 * A state passed as one object (`lstmStep(x, state)`) and returned as an object literal: members
 * that hand back the incoming member unchanged on every path (`{ h: hNew, c: state.c }`), each as
 * a sub-state of its own (`state.c`, root `p1.c`) with its positions.
 */
export function memberStatesReturned(step: Step, s: StateInput): { sub: StateInput; positions: StatePosition[] }[] {
  const objects = step.flow.returns.map((r) => withSpreadMembers(step, r, s, returnedStateObject(r, s, true)));
  if (objects.length === 0 || objects.some((o) => !o)) return [];
  const out: { sub: StateInput; positions: StatePosition[] }[] = [];
  for (const key of objects[0]!.keys()) {
    const root = `${s.root}.${key}`;
    const positions = objects.map((o) => o!.get(key)).filter((m): m is { node: ts.Expression; val: Val } => !!m);
    if (positions.length !== objects.length || positions.some((p) => p.val.alias !== root)) continue;
    out.push({ sub: { ...s, root, name: key, memberOf: s.name }, positions: positions.map((p) => ({ node: p.node, val: p.val })) });
  }
  return out;
}

/**
 * A tuple state taken whole and destructured inside the step (`const [h, c] = carry`), returned on
 * every path as an array of as many elements (`[out, [hNew, c]]`; a list of one, `[out, [h]]` with `const [h] = states`): each element is a state of its
 * own (`carry[1]` as `c`, root `p1.1`). The elements the step hands back unchanged on every path
 * (`c` above), each with its positions. Empty for any other shape, or when an element comes back in
 * another element's place (a swap is not this rule's pattern).
 */
export function tupleElementsReturned(step: Step, s: StateInput): { sub: StateInput; positions: StatePosition[] }[] {
  const positions = newStatePositions(step, s);
  if (positions.length === 0) return [];
  const rebuilt = positions.map((p) => ({ elements: tupleItems(step, p.node) })).filter((e): e is { elements: readonly ts.Expression[] } => e.elements !== undefined);
  // Element values are followed only where the dataflow tracked the array element by element.
  if (rebuilt.length !== positions.length || positions.some((p) => !p.val.elem)) return [];
  const count = rebuilt[0]!.elements.length;
  const elementRoot = (i: number, k: number): string | undefined => positions[i]!.val.elem?.(k)?.alias;
  const ownElement = (root: string | undefined): number => (root?.startsWith(`${s.root}.`) ? Number(root.slice(s.root.length + 1).split('.')[0]) : -1);
  // Every array has exactly `count` elements, none spread, none an element of the state in another
  // place; the step reads no element past them, and reads its elements by destructuring.
  if (count < 1 || rebuilt.some((a, i) => a.elements.length !== count || a.elements.some((_el, k) => {
    const own = ownElement(elementRoot(i, k));
    return own >= 0 && own !== k;
  }))) return [];
  if ([...step.flow.readRoots].some((r) => ownElement(r) >= count)) return [];
  return Array.from({ length: count }, (_, k) => {
    const names = step.flow.aliasNames.get(`${s.root}.${k}`);
    const name = names?.[0] ?? `${s.name}[${k}]`;
    return {
      sub: { ...s, index: s.index, root: `${s.root}.${k}`, name },
      positions: rebuilt.map((a, i) => ({ node: a.elements[k]!, val: positions[i]!.val.elem!(k) })),
    };
  }).filter((e) => e.positions.every((p) => p.val.alias === e.sub.root));
}

/**
 * A state object read member by member (`state.h`, `state.c`) and returned as an object literal:
 * each returned key is a state of its own. Undefined when the object is used whole anywhere
 * (passed on, spread), where its members cannot be told apart.
 */
export function memberStates(step: Step, s: StateInput): StateInput[] {
  const returns = step.flow.returns;
  const objects = returns.map((r) => returnedStateObject(r, s));
  if (objects.length === 0 || objects.some((o) => !o)) return [];
  const whole = (deps: ReadonlySet<string>): boolean => deps.has(s.root);
  if (returns.some((r) => whole(r.val.deps)) || whole(step.flow.sinks)) return [];
  // Only members named like states (`h`, `c`, `hidden`): a step counter or a constant is not one.
  const keys = [...objects[0]!.keys()].filter((k) => isStateLikeName(k));
  return keys.map((key, index) => ({ ...s, index, root: `${s.root}.${key}`, name: `${s.name}.${key}` }));
}

/**
 * A state object returned whole and unchanged (`return { y, state }`) by a step that reads its
 * members and computes new ones (`const c = f * state.c + ...; const h = o * tanh(c)`): each member
 * read, with the locals named for it computed as its next value. Empty unless the object has two
 * state-named members or more read, each with a local of its own.
 */
export function recomputedMembers(step: Step, s: StateInput): { sub: StateInput; candidates: LocalDef[] }[] {
  const keys = new Set<string>();
  for (const r of [...step.flow.readRoots, ...step.flow.locals.flatMap((l) => [...l.val.deps])]) {
    const rest = r.startsWith(`${s.root}.`) ? r.slice(s.root.length + 1) : undefined;
    if (rest && !rest.includes('.') && isStateLikeName(rest)) keys.add(rest);
  }
  // Only locals named for their member (`h`, `hNew` for `h`; `c`, `cNext` for `c`), each its own.
  const out = [...keys].map((key) => {
    const sub: StateInput = { ...s, root: `${s.root}.${key}`, name: key, memberOf: s.name };
    return { sub, candidates: computedCandidates(step, sub).filter((c) => stateBase(c.name) === stateBase(key)) };
  });
  const used = out.flatMap((m) => m.candidates);
  return out.length > 1 && out.every((m) => m.candidates.length > 0) && new Set(used).size === used.length ? out : [];
}

/** Does the step read members of state `s` (`state.h`, `memory.c`): an object, which no single tensor replaces? */
export function readByMember(step: Step, s: StateInput): boolean {
  const prefix = `${s.root}.`;
  // `states[0]` of a list of states is an element, not a member: `[hNew]` replaces the list.
  const member = (r: string): boolean => r.startsWith(prefix) && !/^\d/.test(r.slice(prefix.length));
  return [...step.flow.readRoots].some(member) || step.flow.locals.some((l) => [...l.val.deps].some(member));
}

