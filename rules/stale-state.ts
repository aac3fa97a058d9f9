import ts from '../server/src/typescript';
import { defineRule, nodeText, insertAt, eol, replaceNode, type FixDescriptor, type RuleContext } from './rule';
import type { TextEdit } from '../server/src/report';
import { invariantAcross, keepsBestResult, loopRole, timeLoop, writesToPath, type ElementRead, type EmptyBufferRead, type HandedOn, type Invariance } from '../server/src/analysis/loop-queries';
import { accessPath, accessPathTail, calleeName, calleeReceiver, functionName, indentAt, isFixedElementOfName, isWithin, thisFieldName, unwrap, walk, type FunctionLike } from '../server/src/analysis/ast';
import { classNameOf, familyMethods, RESET_METHOD_NAME } from '../server/src/analysis/object-state';
import { nodesInside } from '../server/src/analysis/tree-index';
import { accumulatorCarriers, isArrayStepForm, loopCarriers, returnsOneValue, type Iteration, type LoopCarrier, type StateArg, type StepCall } from '../server/src/analysis/calls';
import { recursiveCarries, type RecursiveCarry } from '../server/src/analysis/recursion';
import { staleLayerElements, staleLayerStates, type StaleLayerElement, type StaleLayerState } from '../server/src/analysis/layer-stacks';
import { containsStepLoop } from '../server/src/analysis/steps';
import { staleInlineRecurrences, type StaleInline } from '../server/src/analysis/inline-stale';
import { isStateLikeName, stateBase } from '../server/src/analysis/tfjs-facts';

/** The name the call's result binds for state `k` (`h` in `const [out, h] = cell.call(...)`). */
function newStateTarget(call: StepCall, k: number): string | undefined {
  const step = call.step;
  const targets = call.targets.filter((t) => t.path && !t.path.startsWith('this.'));
  if (targets.length === 0) return undefined;
  if (call.resultStates) return targets.find((t) => t.position === call.resultStates![k])?.path;
  const single = targets.length === 1 && targets[0]!.position === 'all';
  // An unknown callee follows the cell convention ([output, ...newStates]) only when it is called
  // like a cell (`cell.call([x, h])`); `const [h, c] = lstm(x, state)` may be the state itself.
  const a0 = call.call.arguments[0] && unwrap(call.call.arguments[0]);
  const isCell = step ? step.kind === 'rnn-cell' : isArrayStepForm(call.call) || (/^(call|apply)$/.test(calleeName(call.call) ?? '') && !!a0 && ts.isArrayLiteralExpression(a0));
  // A step returning an object (`{ logits, memory }`, `{ y, h: hNext }`) gives its new state as the
  // member named for the state.
  const members = step?.flow.returns[step.flow.returns.length - 1]?.members;
  const stateName = step?.states[k]?.name;
  const memberKey = members && stateName !== undefined ? [...members.keys()].find((m) => stateBase(m) === stateBase(stateName)) : undefined;
  if (single && !isCell && (!step || step.states.length === 1)) {
    if (!members) return targets[0]!.path;
    return memberKey ? `${targets[0]!.path}.${memberKey}` : undefined;
  }
  // `const { y, h } = step(x, state)`: the target bound to that member.
  const byMember = memberKey !== undefined ? targets.find((t) => t.position === memberKey) : undefined;
  if (byMember) return byMember.path;
  const want = isCell ? k + 1 : step && step.states.length > 1 ? k : undefined;
  return targets.find((t) => t.position === want)?.path;
}

export default defineRule({
  id: 'stale-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'A loop calls a step with the same state every iteration; the new state is never fed back' },
    messages: {
      stale: '`{{name}}` is passed to `{{step}}` on every iteration but never updated in the loop: each step starts from the same state and the new state is thrown away. Carry the state: assign each step\'s new state to the variable that the next step reads.',
      staleFresh: 'A fresh `{{name}}` is passed to `{{step}}` on every iteration: each step starts from the same initial state. Create the state once before the loop and assign each step\'s new state back to it.',
      staleHandedOn: 'The reducer hands `{{name}}` on unchanged in its accumulator (`{{handedOn}}`) while `{{step}}` computes the new state from it: every step starts from the initial state. Put the new state in the accumulator the reducer returns.',
      staleRecursive: '`{{fn}}` passes its own `{{name}}` on to the next step while it computes the new state `{{target}}` from it: every step starts from the same state. Pass `{{target}}` to the recursive call.',
      staleLayer: '`{{name}}` is read for every layer on every time step, but `{{array}}` is never updated in the loop over time: the new states go into `{{collected}}` and each step starts again from the initial ones. Carry them: `{{array}} = {{collected}}` after the loop over layers.',
      staleLayerEach: '`{{name}}` is each layer\'s state from `{{array}}`, read on every time step, but `{{array}}` is never updated in the loop over time: each layer\'s new state is not stored back, so every step starts again from the initial states. Store it: `{{store}}`.',
      storeLayer: 'Store the new state: `{{store}}`',
      carryLayers: 'Carry the new states: `{{array}} = {{collected}}` after the loop over layers',
      collectedHere: 'the new state is collected here and never read back',
      staleElement: '`{{name}}` is read from `{{read}}` on every iteration, but the loop only appends the new states to `{{array}}`: that element never changes, so each step starts from the same state. Read the last state instead: `{{last}}`.',
      staleElementArg: '`{{read}}` is passed to `{{step}}` on every iteration, but the loop only appends the new states to `{{array}}`: that element never changes, so each step starts from the same state. Pass the last state instead: `{{last}}`.',
      stalePastEnd: '`{{read}}` is past the end of `{{array}}` on every iteration (the last element is at `length - 1`), so `{{name}}` always falls back to `{{fallback}}`: each step starts from the same state. Read the last state instead: `{{last}}`.',
      readLast: 'Read the last state: `{{last}}`',
      staleEmptyBuffer: '`{{name}}` is always `{{fallback}}`: nothing ever stores a state in `{{array}}` (no push, unshift, splice or element write), so `{{read}}` never yields one and each step starts from the same state. Store each new state in `{{array}}` for the steps that read it.',
      staleEmptyBufferArg: 'The state passed to `{{step}}` is always `{{fallback}}`: nothing ever stores a state in `{{array}}` (no push, unshift, splice or element write), so `{{read}}` never yields one and each step starts from the same state. Store each new state in `{{array}}` for the steps that read it.',
      emptyBufferHere: '`{{array}}` is created empty here and never filled',
      staleReset: '`{{name}}` is set back to `{{value}}` in every iteration before `{{step}}` reads it: each step starts from the same state. Initialise it once, before the loop.',
      feedBack: 'Feed the new state back: `{{name}} = {{target}}`',
      readAccumulator: 'Pass the state the accumulator carries: `{{carried}}`',
      passCarrier: 'Pass `{{carrier}}`, which the loop updates with each new state',
      staleInline: '`{{name}}` is read by the recurrence on every iteration but never updated in the loop: `{{next}}` is computed from it and never stored back, so every step starts from the initial state. Carry the state: assign `{{next}}` to `{{name}}` once it is computed.',
      storeInline: 'Store the new state: `{{name}} = {{next}}`',
      staleField: '`{{method}}` passes `this.{{field}}` to `{{step}}` but stores the new state in `this.{{other}}`: `this.{{field}}` is never updated (only set at the start), so every call starts from the same state. Store the new state in `this.{{field}}`.',
      storeInField: 'Store the new state in `this.{{field}}` (rename `this.{{other}}` in `{{method}}`)',
      storedHere: 'the new state is stored here, in another field',
      passNew: 'Pass `{{target}}` to the recursive call',
      returnNew: 'Return the new state in the accumulator: `{{replacement}}`',
      removeReset: 'Remove `{{reset}}` from the loop',
      declared: '`{{name}}` is initialised here and never updated in the loop',
      resetHere: 'the state is set back here on every iteration',
      computedHere: 'the new state is computed here and never passed on',
      handedOnHere: 'the incoming state is returned here as the next accumulator\'s',
    },
  },
  check(ctx) {
    for (const call of ctx.model.stepCalls) {
      const it = timeLoop(call);
      // A loop over whole sequences may start each one from the same state: that is a reset. So
      // is a callee that unrolls a sequence itself (`runSequence(chunk, h0)` per chunk).
      if (!it || (loopRole(it) === 'sequences' && !foldThreadsStepState(ctx, call, it))) continue;
      if (!call.step && call.calleeFn && containsStepLoop(call.calleeFn, ctx.model.index)) continue;
      const invariance = call.stateArgs.map((arg) => invariantAcross(ctx.model, arg, it));
      // A function of the file that returns one value can advance one state at most: when the
      // loop carries another of its state-named arguments (`attend(h, memory, mask)` with `h`
      // updated), the unchanged one is an input, such as an attention memory.
      const oneOfSeveral = !call.step && !!call.calleeFn && returnsOneValue(call.calleeFn) &&
        (invariance.some((inv) => !inv) || carriedFirstArgument(ctx, call, it));
      if (oneOfSeveral || !invariance.some(Boolean) || keepsBestResult(call, it)) continue;
      call.stateArgs.forEach((arg, k) => {
        const inv = invariance[k];
        if (inv) report(ctx, call, arg, inv, it);
      });
    }
    staleFieldStates(ctx);
    for (const carry of recursiveCarries(ctx.model)) reportRecursive(ctx, carry);
    for (const s of staleLayerStates(ctx.model)) reportLayer(ctx, s);
    for (const s of staleLayerElements(ctx.model)) reportLayerElement(ctx, s);
    for (const s of staleInlineRecurrences(ctx.model)) reportInline(ctx, s);
  },
});

/**
 * A reduce whose accumulator carries the step's new state from one element to the next, under a
 * state-named key seeded with the very value the step reads
 * (`samples.reduce((acc, s) => { const hNext = cell(s, initial); return { h: hNext, ... }; }, { h: initial })`),
 * threads one state through its elements: they are the steps of one sequence, whatever the
 * collection's name says (`samples`, `items`). A reducer over whole sequences has no state to hand
 * to the next element, and one that unrolls each sequence calls its step in a loop of its own.
 */
function foldThreadsStepState(ctx: RuleContext, call: StepCall, it: Iteration): boolean {
  if (!it.fold) return false;
  const results = new Set(call.targets.map((t) => t.path).filter((p): p is string => !!p && !p.includes('.')));
  const read = new Set(call.stateArgs.map((a) => unwrap(a.expr)).filter(ts.isIdentifier).map((id) => ctx.model.scopes.resolve(id)).filter((b) => !!b));
  return accumulatorCarriers(it, ctx.model.index.writes, ctx.model.scopes).some((c) =>
    isStateLikeName(c.key) && !!c.start && read.has(c.start) && c.values.every((v) => results.has(accessPath(v) ?? '')));
}

/** Is the call's first argument (taken as its input) a state-named value the loop updates (`h` of `attend(h, memory)`)? */
function carriedFirstArgument(ctx: RuleContext, call: StepCall, it: Iteration): boolean {
  const first = call.call.arguments[0] && unwrap(call.call.arguments[0]);
  const path = first && accessPath(first);
  if (!first || !path || !isStateLikeName(accessPathTail(first) ?? '')) return false;
  return !invariantAcross(ctx.model, { index: -1, expr: first, path }, it);
}

function report(ctx: RuleContext, call: StepCall, arg: StateArg, inv: Invariance, it: Iteration): void {
  const stepName = nodeText(ctx, unwrap(call.call.expression));
  const name = nodeText(ctx, arg.expr);
  const target = arg.index >= 0 ? newStateTarget(call, arg.index) : undefined;
  const data = { name, step: stepName, target: target ?? '', value: '', reset: '' };
  const suggest: FixDescriptor[] = [];
  if (inv.resetAt) {
    const e = ts.isExpressionStatement(inv.resetAt) ? unwrap(inv.resetAt.expression) : undefined;
    data.value = e && ts.isBinaryExpression(e) ? nodeText(ctx, e.right) : '';
    data.reset = nodeText(ctx, inv.resetAt).replace(/;$/, '');
    const lineStart = ctx.text.lastIndexOf('\n', inv.resetAt.getStart(ctx.sf) - 1) + 1;
    const lineEnd = ctx.text.indexOf('\n', inv.resetAt.end);
    const alone = /^[ \t]*$/.test(ctx.text.slice(lineStart, inv.resetAt.getStart(ctx.sf))) && /^[ \t\r]*$/.test(ctx.text.slice(inv.resetAt.end, lineEnd < 0 ? undefined : lineEnd));
    const edit = alone && lineEnd >= 0 ? { start: lineStart, end: lineEnd + 1, text: '' } : { start: inv.resetAt.getStart(ctx.sf), end: inv.resetAt.end, text: '' };
    suggest.push({ messageId: 'removeReset', data, edits: [edit] });
    ctx.report({ node: arg.expr, messageId: 'staleReset', data, suggest, related: [{ node: inv.resetAt, messageId: 'resetHere', data }] });
    return;
  }
  if (inv.handedOn) {
    reportHandedOn(ctx, arg, inv.handedOn, data);
    return;
  }
  if (inv.element) {
    reportElement(ctx, arg, inv.element, data);
    return;
  }
  if (inv.emptyBuffer) {
    reportEmptyBuffer(ctx, arg, inv.emptyBuffer, data);
    return;
  }
  const declaredInLoop = !!inv.fresh;
  const statement = enclosingStatement(call.call);
  const decl = inv.decl && ts.isVariableDeclaration(inv.decl) ? inv.decl : undefined;
  const declList = decl && ts.isVariableDeclarationList(decl.parent) ? decl.parent : undefined;
  // The place the next step reads: a variable declared before the loop (`h`, made `let`), or the
  // element of a local array that was read (`state[0]`, written in place: the array stays `const`).
  const place = arg.path && !arg.path.includes('.') ? { name: arg.path, declList } : isFixedElementOfName(arg.expr) ? { name, declList: undefined } : undefined;
  if (!declaredInLoop && target && place && statement && declList && decl && ts.isIdentifier(decl.name) &&
      !disposedAfter(ctx, target, statement) && !(call.step === undefined && readAsObject(ctx, call, target))) {
    suggest.push({ messageId: 'feedBack', data, edits: assignAfter(ctx, statement, place.name, target, place.declList) });
  }
  const carried = !declaredInLoop ? accumulatorRead(ctx, it, call, target, arg.expr) : undefined;
  if (carried) suggest.push({ messageId: 'readAccumulator', data: { ...data, carried }, edits: [{ start: arg.expr.getStart(ctx.sf), end: arg.expr.end, text: carried }] });
  const carrier = !declaredInLoop && !carried ? carrierOf(ctx, arg, it) : undefined;
  if (carrier) suggest.push({ messageId: 'passCarrier', data: { ...data, carrier }, edits: [replaceNode(ctx, arg.expr, carrier)] });
  ctx.report({
    node: arg.expr,
    messageId: declaredInLoop ? 'staleFresh' : 'stale',
    data,
    suggest,
    related: inv.decl && !declaredInLoop ? [{ node: inv.decl, messageId: 'declared', data: { ...data, name: arg.path?.includes('.') ? name : inv.binding?.text ?? name } }] : undefined,
  });
}

/**
 * An inline recurrence that never stores its new state back. The suggestion assigns it right
 * after it is computed (`x = xt;`, turning `const x` into `let x`), unless the loop disposes it.
 */
function reportInline(ctx: RuleContext, s: StaleInline): void {
  const name = s.binding.text;
  const next = s.next.name.text;
  const data = { name, next };
  const statement = enclosingStatement(s.next);
  const declList = ts.isVariableDeclarationList(s.binding.parent.parent) ? s.binding.parent.parent : undefined;
  const suggest: FixDescriptor[] = statement && !disposedAfter(ctx, next, statement)
    ? [{ messageId: 'storeInline', data, edits: assignAfter(ctx, statement, name, next, declList) }]
    : [];
  ctx.report({ node: s.read, messageId: 'staleInline', data, suggest, related: [{ node: s.next.name, messageId: 'computedHere', data }] });
}

/**
 * `let y = y0; for (...) { const yn = euler(p, y0, I[k]); y = yn; }`: the variable that starts as
 * the stale argument and that the loop writes on every iteration (a statement of the loop body
 * itself) is the state it meant to pass; so is the member of a reduce's accumulator seeded with it
 * (`acc.m` of `{ out: [], m: m0 }`, set by `acc.m = m`). Only when the call sees its name.
 */
function carrierOf(ctx: RuleContext, arg: StateArg, it: Iteration): string | undefined {
  const id = unwrap(arg.expr);
  const argBinding = ts.isIdentifier(id) ? ctx.model.scopes.resolve(id) : undefined;
  const carrier = argBinding && loopCarriers(it, ctx.model.index.writes, ctx.model.scopes).find((c) => c.start === argBinding);
  return carrier && readableAt(ctx, carrier, arg.expr) ? carrier.carrier : undefined;
}

/**
 * `prev = states.at(0)` / `states[states.length] ?? h0` while the loop appends to `states`. The
 * suggestion reads the last element, which is the state the previous step appended (or the
 * array's initial state, or the fallback before the first push).
 */
function reportElement(ctx: RuleContext, arg: StateArg, el: ElementRead, data: Record<string, string>): void {
  const array = el.array.text;
  const read = el.read;
  const last = ts.isCallExpression(read) ? `${array}.at(-1)` : `${array}[${array}.length - 1]`;
  const fallback = el.pastEnd && ts.isBinaryExpression(read.parent) ? nodeText(ctx, unwrap(read.parent.right)) : '';
  const all = { ...data, read: nodeText(ctx, read), array, last, fallback };
  ctx.report({
    node: arg.expr,
    messageId: el.pastEnd ? 'stalePastEnd' : unwrap(arg.expr) === read ? 'staleElementArg' : 'staleElement',
    data: all,
    suggest: [{ messageId: 'readLast', data: all, edits: [replaceNode(ctx, read, last)] }],
  });
}

/**
 * A state read from a buffer nothing fills (`const hPrev = ring.length === d ? ring.shift()! :
 * zero`). No edit: where the new state goes in the buffer (pushed before or after the read, how
 * many steps back it is read) is the model's design, which only the author knows.
 */
function reportEmptyBuffer(ctx: RuleContext, arg: StateArg, buf: EmptyBufferRead, data: Record<string, string>): void {
  const all = { ...data, read: nodeText(ctx, buf.read), array: buf.array.text, fallback: nodeText(ctx, buf.fallback) };
  const declared = ctx.model.scopes.resolve(buf.array);
  ctx.report({
    node: arg.expr,
    messageId: ts.isIdentifier(unwrap(arg.expr)) ? 'staleEmptyBuffer' : 'staleEmptyBufferArg',
    data: all,
    related: declared ? [{ node: declared, messageId: 'emptyBufferHere', data: all }] : [],
  });
}

/**
 * `act(obs) { const { probs, h } = this.policy.forward(obs, this.hidden); this.h = h; }`: a method
 * that passes one field of its object to the step and stores the new state in another. When
 * nothing but the constructor and reset methods writes the field passed, every call starts from
 * the same state. Only for a call outside any loop (a loop is checked by the loop's test), a state
 * passed as `this.<field>`, and one store of the new state into one other field, in the same method.
 */
function staleFieldStates(ctx: RuleContext): void {
  const { model } = ctx;
  for (const call of model.stepCalls) {
    if (call.iterations.length > 0 || call.stateArgs.length === 0) continue;
    const fn = model.ownerThroughTidy(call.call);
    if (!fn || !fn.body || classNameOf(fn) === undefined) continue;
    for (const arg of call.stateArgs) {
      const field = arg.path && /^this\.[^.]+$/.test(arg.path) ? arg.path.slice('this.'.length) : undefined;
      if (!field || arg.index < 0) continue;
      const store = newStateStore(ctx, call, arg.index, fn);
      const other = store && thisFieldName(unwrap(store.left));
      if (!store || !other || other === field) continue;
      // Written anywhere but in a constructor or a reset: advanced somewhere, not stale.
      const writers = [fn, ...familyMethods(model, fn)].filter((m) => writesToPath(model, arg.path!, arg.expr, m).length > 0);
      if (writers.some((m) => !RESET_METHOD_NAME.test(functionName(m) ?? ''))) continue;
      const method = functionName(fn) ?? 'this method';
      const data = { method, field, other, step: nodeText(ctx, unwrap(call.call.expression)) };
      // Renaming the other field is exact when only this method uses it (its disposal included).
      const uses = fieldUses(ctx, other, fn);
      const suggest: FixDescriptor[] = uses.outside === 0
        ? [{ messageId: 'storeInField', data, edits: uses.inside.map((n) => ({ start: n.getStart(ctx.sf), end: n.end, text: `this.${field}` })) }]
        : [];
      ctx.report({ node: arg.expr, messageId: 'staleField', data, suggest, related: [{ node: store, messageId: 'storedHere', data }] });
    }
  }
}

/** The one `this.<other> = <new state>` in `fn` that stores the step's new state for state `k`. */
function newStateStore(ctx: RuleContext, call: StepCall, k: number, fn: FunctionLike): ts.BinaryExpression | undefined {
  const target = newStateTarget(call, k);
  const direct = call.targets.length === 1 && call.targets[0]!.position === 'all' && call.targets[0]!.path?.startsWith('this.') && (!call.step || call.step.states.length === 1)
    ? call.targets[0]!.node : undefined;
  const stores: ts.BinaryExpression[] = [];
  for (const w of nodesInside(ctx.model.index.writes, fn)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken || thisFieldName(unwrap(w.left)) === undefined) continue;
    const right = unwrap(w.right);
    if ((target && ts.isIdentifier(right) && right.text === target) || (direct && isWithin(direct, w))) stores.push(w);
  }
  return stores.length === 1 ? stores[0] : undefined;
}

/** The `this.<field>` expressions of `fn`, and how many there are in the rest of its class. */
function fieldUses(ctx: RuleContext, field: string, fn: FunctionLike): { inside: ts.Expression[]; outside: number } {
  const inside: ts.Expression[] = [];
  let outside = 0;
  for (const m of familyMethods(ctx.model, fn)) {
    if (m !== fn && m.body) walk(m.body, (n) => { if (thisFieldName(n) === field) outside++; });
  }
  const cls = fn.parent;
  if (ts.isClassLike(cls)) for (const member of cls.members) {
    if (member !== fn && !ts.isMethodDeclaration(member)) walk(member, (n) => { if (thisFieldName(n) === field) outside++; });
    // A declaration with no initial value (`private h?: Tensor`) stays harmlessly after the rename.
    if (ts.isPropertyDeclaration(member) && member.initializer && ts.isIdentifier(member.name) && member.name.text === field) outside++;
  }
  if (fn.body) walk(fn.body, (n) => { if (thisFieldName(n) === field) inside.push(n as ts.Expression); });
  return { inside, outside };
}

/**
 * A reducer that passes an outside value to the step while it carries the step's new state in its
 * accumulator (`(acc, x) => { const [y, next] = cell(x, init); return { state: next, ... }; }`, or
 * `acc.state = next; return acc;`): the state to pass is the accumulator's (`acc.state`, or the
 * name a destructured accumulator binds to that key, `h` of `({ h, odds }, x)`). Only when one
 * member of the accumulator receives the same part of the step's result (the known new state, or
 * else a state-named key) from every call, the seed has it too (accumulatorCarriers), and the
 * call sees the accumulator's name (not shadowed).
 */
function accumulatorRead(ctx: RuleContext, it: Iteration, call: StepCall, target: string | undefined, at: ts.Expression): string | undefined {
  const results = new Set(target ? [target] : call.targets.map((t) => t.path).filter((p): p is string => !!p && !p.includes('.')));
  const slots = accumulatorCarriers(it, ctx.model.index.writes, ctx.model.scopes).filter((c) => c.values.every((v) => results.has(accessPath(v) ?? '')));
  const slot = slots.length === 1 ? slots[0]! : undefined;
  if (!slot || (!target && !isStateLikeName(slot.key))) return undefined;
  return readableAt(ctx, slot, at) ? slot.carrier : undefined;
}

/** Does `at` see the carrier's name as the carrier (not shadowed by another `acc` or `m`)? */
function readableAt(ctx: RuleContext, c: LoopCarrier, at: ts.Node): boolean {
  return ctx.model.scopes.lookup(c.binding.text, at) === c.binding;
}

/**
 * A reducer that returns the incoming state in its accumulator. The fix puts the step's new state
 * at that slot in every return (`{ h, outs }` -> `{ h: hNext, outs }`); offered only when the new
 * state has a name.
 */
function reportHandedOn(ctx: RuleContext, arg: StateArg, handedOn: HandedOn[], data: Record<string, string>): void {
  const target = data.target;
  const suggest: FixDescriptor[] = [];
  const replacementOf = (h: HandedOn): string =>
    typeof h.key === 'number' ? target : `${/^[A-Za-z_$][\w$]*$/.test(h.key) ? h.key : JSON.stringify(h.key)}: ${target}`;
  const first = handedOn[0]!;
  // A spread (`...acc`) hands the state on without naming it: the fix adds the key after it.
  const editOf = (h: HandedOn) => ts.isSpreadAssignment(h.node)
    ? insertAt(h.node.end, `, ${replacementOf(h)}`)
    : { start: h.node.getStart(ctx.sf), end: h.node.end, text: replacementOf(h) };
  // `return acc` handing on `acc.h`: the change (set `acc.h`, or return a new object) is for the author to choose.
  const wholeAccumulator = handedOn.some((h) => ts.isIdentifier(h.node) && typeof h.key === 'string');
  if (target && arg.index >= 0 && !wholeAccumulator) {
    suggest.push({ messageId: 'returnNew', data: { ...data, replacement: replacementOf(first) }, edits: handedOn.map(editOf) });
  }
  ctx.report({
    node: arg.expr,
    messageId: 'staleHandedOn',
    data: { ...data, handedOn: nodeText(ctx, first.node) },
    suggest,
    related: handedOn.map((h) => ({ node: h.node, messageId: 'handedOnHere', data })),
  });
}

/**
 * Per-layer states read from an array that the time loop never updates. The fix assigns the
 * collected array back right after the layer loop, offered only when nothing but blocks lies
 * between the two loops (inside a `tidy` callback the assignment would keep disposed tensors) and
 * the array is a `let` or a parameter (a `const` becomes `let`).
 */
function reportLayer(ctx: RuleContext, s: StaleLayerState): void {
  const data = { name: nodeText(ctx, s.arg), array: s.array.text, collected: s.collected.text };
  const decl = s.array.parent;
  const suggest: FixDescriptor[] = [];
  const assignable = ts.isParameter(decl) || (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent));
  if (s.direct && assignable) {
    const declList = ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) ? decl.parent : undefined;
    suggest.push({ messageId: 'carryLayers', data, edits: assignAfter(ctx, s.layerLoop, s.array.text, s.collected.text, declList) });
  }
  ctx.report({ node: s.arg, messageId: 'staleLayer', data, suggest, related: [{ node: s.collectedAt, messageId: 'collectedHere', data }] });
}

/** `layerStates.forEach((state, i) => { input = layers[i].step(input, state); })`: store `input` back at `i`. */
function reportLayerElement(ctx: RuleContext, s: StaleLayerElement): void {
  const store = s.index && s.result ? `${s.array.text}[${s.index.text}] = ${s.result.text};` : `${s.array.text}[i] = <new state>;`;
  const data = { name: s.arg.text, array: s.array.text, store };
  const statement = enclosingStatement(s.call);
  const suggest: FixDescriptor[] = s.index && s.result && statement && ts.isBlock(statement.parent)
    ? [{ messageId: 'storeLayer', data, edits: [insertAt(statement.end, `${eol(ctx)}${indentAt(ctx.text, statement.getStart(ctx.sf))}${store}`)] }]
    : [];
  ctx.report({ node: s.arg, messageId: 'staleLayerEach', data, suggest });
}

/**
 * The edits that carry a new value: `name = value;` on a line of its own after `after` (with its
 * indentation), and `const` made `let` in the declaration (`const h = tf.zeros(...)`), which the
 * assignment now needs.
 */
function assignAfter(ctx: RuleContext, after: ts.Node, name: string, value: string, declList: ts.VariableDeclarationList | undefined): TextEdit[] {
  const indent = indentAt(ctx.text, after.getStart(ctx.sf));
  const edits = [insertAt(after.end, `${eol(ctx)}${indent}${name} = ${value};`)];
  if (declList && declList.flags & ts.NodeFlags.Const) {
    const kw = declList.getStart(ctx.sf);
    edits.push({ start: kw, end: kw + 'const'.length, text: 'let' });
  }
  return edits;
}

/** The fix passes the new state instead, where every recursive call can see its name. */
function reportRecursive(ctx: RuleContext, carry: RecursiveCarry): void {
  const target = carry.nextMember ? `${carry.next.text}.${carry.nextMember}` : carry.next.text;
  const data = { fn: carry.name, name: carry.param.text, target };
  const visible = carry.passed.every((p) => ctx.model.scopes.lookup(carry.next.text, p) === carry.next);
  const suggest: FixDescriptor[] = visible
    ? [{ messageId: 'passNew', data, edits: carry.passed.map((p) => ({ start: p.getStart(ctx.sf), end: p.end, text: target })) }]
    : [];
  ctx.report({ node: carry.passed[0]!, messageId: 'staleRecursive', data, suggest, related: [{ node: carry.next, messageId: 'computedHere', data }] });
}

/** `hNew.dispose()` / `tf.dispose(hNew)` later in the same block: feeding it back would read a disposed tensor. */
function disposedAfter(ctx: RuleContext, name: string, statement: ts.Statement): boolean {
  const block = statement.parent;
  if (!ts.isBlock(block)) return false;
  let found = false;
  for (const st of block.statements.slice(block.statements.indexOf(statement) + 1)) {
    walk(st, (n) => {
      if (!ts.isCallExpression(n)) return;
      const m = calleeName(n);
      const recv = calleeReceiver(n);
      if (m === 'dispose' && recv && nodeText(ctx, recv) === name) found = true;
      if (m === 'dispose' && ctx.model.tf.fn(n) === 'dispose' && n.arguments.some((a) => nodeText(ctx, a).split(/[^\w$.]+/).includes(name))) found = true;
    });
  }
  return found;
}

function enclosingStatement(n: ts.Node): ts.Statement | undefined {
  for (let p: ts.Node | undefined = n; p; p = p.parent) {
    if (ts.isExpressionStatement(p) || ts.isVariableStatement(p)) return ts.isBlock(p.parent) || ts.isSourceFile(p.parent) ? p : undefined;
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isArrowFunction(p) || ts.isFunctionExpression(p)) return undefined;
  }
  return undefined;
}

/**
 * An unknown step's whole result that the loop reads member by member (`r.out`): it is an object
 * holding the new state somewhere, not the state, so `state = r` would be a guess.
 */
function readAsObject(ctx: RuleContext, call: StepCall, target: string): boolean {
  const t = call.targets.find((x) => x.path === target)?.node;
  const b = t && ts.isIdentifier(t) ? ctx.model.scopes.resolve(t) : undefined;
  const loop = call.iterations[0];
  return !!b && !!loop && ctx.model.scopes.references(b, loop.node).some((r) => ts.isPropertyAccessExpression(r.parent) && r.parent.expression === r);
}
