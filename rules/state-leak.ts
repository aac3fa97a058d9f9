import ts from '../server/src/typescript';
import { defineRule, nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from './rule';
import { blockInsertion, bodyInsertion, fieldAdvancingCalls, fieldRecurrences, fieldsAdvancedBy, inlineRecurrences, isChunkLoop, writesToPath, isFanoutLoop, loopRole, sequenceFunctions } from '../server/src/analysis/loop-queries';
import { resolveCallee, type Iteration } from '../server/src/analysis/calls';
import { nodesInside, ownNodes } from '../server/src/analysis/tree-index';
import { advancingMethods, classNameOf, familyMethods, fieldWriteCount, fieldWriters, instanceMethod, overridesOf, resetByListener, RESET_METHOD_NAME, writesField, type AdvancingMethod } from '../server/src/analysis/object-state';
import type { FileModel } from '../server/src/analysis/model';
import { fieldConstructorArgs } from '../server/src/analysis/constructor-args';
import { seededRuns } from '../server/src/analysis/seeded-runs';
import { enclosingClassOfThis, prototypeClasses } from '../server/src/analysis/class-hierarchy';
import { calleeName, calleeReceiver, accessPath, accessPathTail, unwrap, walk, enclosingFunction, functionName, functionNameNode, isFunctionLike, thisFieldName, isAssignmentOperator, isWithin, type FunctionLike, declaredMemberName } from '../server/src/analysis/ast';
import { declarationOf, initializerOf, isPropertyName } from '../server/src/analysis/scopes';
import { CHUNK_LOOP_TOKENS, INDEPENDENT_UNIT_TOKENS, LISTENER_METHODS, MODEL_RUN_METHODS, MODEL_TRAIN_METHODS, RECURRENT_LAYER_FACTORIES, SEQUENCE_LOOP_TOKENS, STREAMING_FUNCTION_NAME, hasToken, nameTokens } from '../server/src/analysis/tfjs-facts';


export default defineRule({
  id: 'state-leak',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    fix: 'suggestion',
    docs: { description: 'State carried from one sequence into the next without a reset' },
    messages: {
      leak: '`{{name}}` carries over from one sequence to the next: it is initialised once, outside the loop over `{{outer}}`, and never reset. Re-initialise it at the start of each iteration of that loop.',
      statefulLeak: '`{{model}}` has a stateful recurrent layer and runs in a loop over {{what}} without `resetStates()`: each {{unit}} starts from the previous one\'s state. Call `{{model}}.resetStates()` at the start of each {{unit}}.',
      fieldLeak: '`{{name}}` is advanced by `{{method}}` for a whole sequence but never reset first: the next call continues from the previous sequence\'s state. Reset it at the start of `{{method}}`.',
      resetInit: 'Reset `{{name}}` at the start of each sequence',
      resetField: 'Reset `{{name}}` at the start of `{{method}}`',
      storedBack: '`{{method}}` stores the state the run ends with back into `{{name}}` here',
      initialisedField: '`{{name}}` is initialised here, once per object',
      insertReset: 'Call `{{model}}.resetStates()` at the start of each iteration',
      initialised: '`{{name}}` is initialised here, once',
      runsSequence: '`{{fn}}` runs a whole sequence from the state it is given, and returns the state it ends with',
      statefulHelperLeak: '`{{fn}}` runs the stateful `{{model}}` over one whole sequence, and this loop calls it for one sequence after another without `resetStates()`: each sequence starts from the previous one\'s state. Call `{{model}}.resetStates()` at the start of each iteration (or at the start of `{{fn}}`).',
      runsHere: '`{{fn}}` runs the model here',
      partialReset: 'The `{{event}}` listener resets `{{written}}` but not `{{missing}}`, which `{{method}}` advances from step to step: each new run continues from the state the last one ended with. Reset `{{missing}}` here too.',
      resetInListener: 'Reset `{{missing}}` in the listener',
      advancedBy: '`{{method}}` advances `{{missing}}` here',
      partialResetEffect: 'This effect runs when `{{event}}` changes and resets `{{written}}`, but not `{{missing}}`, the recurrent state the hook carries from step to step: each new `{{event}}` starts from the state the previous one ended with. Reset `{{missing}}` here too.',
      statefulCallLeak: '`{{fn}}` runs the stateful `{{model}}` over a whole sequence without `resetStates()`, and nothing else resets it: each call continues from the state the previous call left. Call `{{model}}.resetStates()` at the start of `{{fn}}`.',
      resetAtStart: 'Call `{{model}}.resetStates()` at the start of `{{fn}}`',
      statefulHere: 'the stateful layer is declared here',
      resetOnce: 'states are reset here, but not once per {{unit}}',
      objectLeak: '`{{obj}}.{{method}}()` advances the state of `{{obj}}` in a loop over `{{outer}}` that never resets it: each iteration continues from the previous one\'s state. Reset `{{obj}}` at the start of each iteration.',
      callReset: 'Call `{{obj}}.{{reset}}()` at the start of each iteration',
      notAReset: '`{{obj}}.{{reset}}()` is called here, but it does not reset `{{fields}}`',
      variableLeak: 'The state variable `{{name}}` is updated with `assign()` for every step but never reset in the loop over `{{outer}}`: each iteration continues from the previous one\'s state. Assign it its initial value at the start of each iteration.',
      aliasLeak: '`{{name}}` is written into the object that `{{base}}` shares with `{{alias}}`: the loop overwrites the initial state itself, so resetting `{{base}}` to `{{alias}}` restores the previous sequence\'s state. Reset with a fresh initial state (a new object).',
      aliasHere: '`{{base}}` is set to the shared `{{alias}}` object here',
      resetVariable: 'Reset `{{name}}` with `{{name}}.assign(tf.zerosLike({{name}}))` at the start of each iteration',
      objectHelperLeak: '`{{fn}}` runs one whole {{unit}} on `{{obj}}`, whose `{{method}}()` advances its `{{field}}` at every step, and this loop calls it for one {{unit}} after another without resetting `{{obj}}`: each {{unit}} continues from the previous one\'s state. Reset `{{obj}}` at the start of each iteration (or at the start of `{{fn}}`).',
      advancesHere: '`{{method}}()` advances `{{obj}}.{{field}}` here, at every step',
      shadowedReset: '`{{sub}}.{{name}}()` replaces `{{base}}.{{name}}()`, which resets `{{field}}`, but neither resets `{{field}}` itself nor calls it: after `{{name}}()`, a `{{sub}}` still carries `{{field}}` (advanced by `{{advancer}}()`) from the previous sequence into the next. Call `{{call}}` in it.',
      callBaseReset: 'Call `{{call}}` at the start of `{{sub}}.{{name}}()`',
      baseResets: '`{{base}}.{{name}}()` resets `{{field}}` here',
    },
  },
  check(ctx) {
    nestedLoopLeaks(ctx);
    sequenceFunctionLeaks(ctx);
    statefulLayerLeaks(ctx);
    const resetByCaller = perSequenceMethodLeaks(ctx);
    seededRunLeaks(ctx);
    statefulObjectLeaks(ctx, resetByCaller);
    helperObjectLeaks(ctx);
    shadowedResetLeaks(ctx);
    variableStateLeaks(ctx);
    partialResetListeners(ctx);
    partialResetEffects(ctx);
  },
});

/** The event of a listener that starts a new unit of work: a reset, a start, a new episode or session. */
const RESET_EVENT = /reset|start|begin|new|clear|init/i;

/**
 * `bus.on('episode:start', () => { this.episodeReturn = 0; this.stepsTaken = 0; })` in a class
 * whose `choose()` advances `this.h` and `this.c`: the listener resets the object's per-episode
 * fields but leaves the recurrent state as the last episode ended. Reported at the listener when it
 * writes some fields of the object, none of the advanced ones (nor calls a method that does), and
 * no other reset listener of the class resets them.
 */
function partialResetListeners(ctx: RuleContext): void {
  const { model } = ctx;
  const advancing = advancingMethods(model);
  if (advancing.size === 0) return;
  const listeners = model.callsNamed(LISTENER_METHODS).flatMap((call) => {
    const ev = call.arguments[0] && unwrap(call.arguments[0]);
    const cb = call.arguments.map((a) => unwrap(a)).find((a): a is ts.ArrowFunction => ts.isArrowFunction(a));
    const cls = cb && enclosingClassOfThis(cb);
    return ev && ts.isStringLiteralLike(ev) && RESET_EVENT.test(ev.text) && cb && cls ? [{ call, event: ev.text, cb, cls }] : [];
  });
  for (const l of listeners) {
    const advanced = [...advancing.values()].flat().filter((m) => m.fn.parent === l.cls);
    const fields = [...new Set(advanced.flatMap((m) => m.fields))];
    if (fields.length === 0) continue;
    const writes = (cb: ts.Node, f: string): boolean => writesToPath(model, `this.${f}`, l.call, cb).length > 0 || callsWriterOf(model, cb, l.cls, f);
    const written = new Set<string>();
    walk(l.cb, (n) => {
      if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind)) { const f = thisFieldName(unwrap(n.left)); if (f !== undefined) written.add(f); }
    });
    const missing = fields.filter((f) => !written.has(f) && !listeners.some((o) => o.cls === l.cls && writes(o.cb, f)));
    if (written.size === 0 || missing.length === 0) continue;
    const method = advanced.find((m) => m.fields.includes(missing[0]!))!;
    const data = { event: l.event, written: [...written].map((f) => `this.${f}`).join('`, `'), missing: missing.map((f) => `this.${f}`).join('`, `'), method: method.name };
    // The fields' own initial values, repeated at the top of the listener.
    const inits = missing.map((f) => fieldInitialiser(ctx, `this.${f}`, l.cb));
    const at = blockInsertion(ctx.text, l.cb.body);
    const suggest: FixDescriptor[] = [];
    if (at && inits.every((i) => i && isPure(i.value))) {
      const text = missing.map((f, i) => `${at.indent}this.${f} = ${nodeText(ctx, inits[i]!.value)};${eol(ctx)}`).join('');
      suggest.push({ messageId: 'resetInListener', data, edits: [insertAt(at.pos, text)] });
    }
    ctx.report({ node: l.call.arguments[0]!, messageId: 'partialReset', data, suggest, related: [{ node: functionNameNode(method.fn) ?? method.fn, messageId: 'advancedBy', data }] });
  }
}

/**
 * The hook form: `useEffect(() => { transcript.current = []; }, [conversationId])` in a hook whose
 * step reads `hidden.current` and another effect stores the new state there. The effect runs when
 * the conversation changes and resets the conversation's other refs, but not the recurrent state:
 * the new conversation starts from the last one's. Only for an effect whose dependencies name an
 * independent unit (a conversation, session, user, episode...).
 */
function partialResetEffects(ctx: RuleContext): void {
  const { model } = ctx;
  for (const call of model.callsNamed(['useEffect', 'useLayoutEffect'])) {
    const cb = call.arguments[0] && unwrap(call.arguments[0]);
    const deps = call.arguments[1] && unwrap(call.arguments[1]);
    const hook = enclosingFunction(call);
    if (!cb || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !deps || !ts.isArrayLiteralExpression(deps) || !hook) continue;
    const units = deps.elements.filter((d) => { const t = accessPathTail(d); return !!t && (hasToken(t, INDEPENDENT_UNIT_TOKENS) || hasToken(t, SEQUENCE_LOOP_TOKENS)); });
    if (units.length === 0) continue;
    // Refs of the hook the effect writes (`transcript.current = []`), and the state refs its steps advance.
    const refWrites = (fn: ts.Node): Set<string> => {
      const out = new Set<string>();
      for (const w of nodesInside(model.index.writes, fn)) {
        const left = ts.isBinaryExpression(w) ? unwrap(w.left) : undefined;
        const p = left && ts.isPropertyAccessExpression(left) && left.name.text === 'current' ? accessPath(left) : undefined;
        if (p) out.add(p);
      }
      return out;
    };
    const written = refWrites(cb);
    if (written.size === 0) continue;
    const advanced = [...new Set(model.stepCalls.filter((c) => isWithin(c.call, hook))
      .flatMap((c) => c.stateArgs.map((a) => a.path)).filter((p): p is string => !!p && /^[\w$]+\.current$/.test(p)))]
      .filter((p) => refWrites(hook).has(p));
    const missing = advanced.filter((p) => !written.has(p));
    if (missing.length === 0) continue;
    const data = { event: nodeText(ctx, units[0]!), written: [...written].join('`, `'), missing: missing.join('`, `') };
    ctx.report({ node: call.expression, messageId: 'partialResetEffect', data });
  }
}

/** Does `cb` call a method of `cls` that writes `this.<field>` (`this.resetState()`)? */
function callsWriterOf(model: FileModel, cb: ts.Node, cls: ts.ClassLikeDeclaration, field: string): boolean {
  let found = false;
  walk(cb, (n) => {
    if (found || !ts.isCallExpression(n)) return;
    const r = calleeReceiver(n);
    const m = r && unwrap(r).kind === ts.SyntaxKind.ThisKeyword ? resolveCallee(n, model.scopes, model.classes) : undefined;
    if (m && m.parent === cls && writesField(m, field)) found = true;
  });
  return found;
}

/** A method that advances a `this` field through a step call (`this.h = step(x, this.h)`). */
function advancesField(ctx: RuleContext, method: ts.MethodDeclaration): boolean {
  return ctx.model.stepCalls.some((c) => isWithin(c.call, method) && c.stateArgs.some((a) =>
    a.path !== undefined && a.path.startsWith('this.') && writesToPath(ctx.model, a.path, a.expr, method).length > 0));
}

/**
 * `for (const dialog of dialogs) for (const u of dialog) bot.hear(u)`: an object whose method
 * advances its own state, driven through an inner loop, with no reset of that object in the
 * outer loop. Also `for (const doc of docs) enc.encodeDocument(doc)`, where the method runs a
 * whole sequence and leaves the reset to its caller (`resetByCaller`).
 */
function statefulObjectLeaks(ctx: RuleContext, resetByCaller: ReadonlySet<ts.MethodDeclaration>): void {
  const { model } = ctx;
  if (model.classes.size === 0 && prototypeClasses(model.sf).size === 0) return;
  // Methods that advance a field of their object (found from the step calls: cheap), by name.
  const advancing = new Set<ts.Node>(resetByCaller);
  const names = new Set<string>([...resetByCaller].map((m) => (m.name as ts.Identifier).text));
  for (const c of model.stepCalls) {
    if (!c.stateArgs.some((a) => a.path?.startsWith('this.'))) continue;
    let m: ts.Node | undefined = c.call.parent;
    while (m && !ts.isMethodDeclaration(m)) m = m.parent;
    if (!m || !ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name) || advancing.has(m) || !advancesField(ctx, m)) continue;
    advancing.add(m);
    names.add(m.name.text);
  }
  // ...methods that run a stateful model kept in a field (its states are the object's)...
  for (const m of statefulModelMethods(ctx)) {
    advancing.add(m);
    names.add((m.name as ts.Identifier).text);
  }
  // ...and methods that advance a field inline (`const [y, hx] = tf.tidy(() => ... this.hx ...); this.hx = hx`),
  // in classes and ES5 prototype classes (`Agent.prototype.act = function`).
  for (const [name, list] of advancingMethods(model)) {
    for (const m of list) {
      if (advancing.has(m.fn)) continue;
      advancing.add(m.fn);
      names.add(name);
    }
  }
  if (names.size === 0) return;
  const reported = new Set<ts.Node>();
  for (const call of model.callsNamed(names)) {
    const recv = calleeReceiver(call);
    const method = calleeName(call);
    if (!recv || !method || !names.has(method) || unwrap(recv).kind === ts.SyntaxKind.ThisKeyword) continue;
    const fn = resolveCallee(call, model.scopes, model.classes);
    if (!fn || !advancing.has(fn)) continue;
    const its = ctx.model.iterationsAround(call);
    // A whole-sequence method is one iteration of the loop around its call; a step method needs
    // a loop over its steps inside the loop over sequences.
    const whole = ts.isMethodDeclaration(fn) && resetByCaller.has(fn);
    const outerIndex = whole ? (its.length > 0 && loopRole(its[0]!) !== 'steps' ? 0 : -1) : its.findIndex((it, i) => i > 0 && loopRole(it) !== 'steps');
    const outer = its[outerIndex];
    if (!outer || reported.has(outer.node) || its.slice(0, outerIndex + 1).some((it) => loopRole(it) === 'fanout')) continue;
    if (loopRole(outer) === 'chunks') continue;
    const obj = accessPath(recv);
    if (!obj) continue;
    const base = unwrap(recv);
    const binding = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
    if (binding && (isWithin(declarationOf(binding), outer.node) || model.scopes.writes(binding, outer.node).length > 0)) continue;
    // A reset-named call that leaves the advanced state alone (`agent.beginEpisode()` zeroing counters) is no reset.
    const fields = stateFieldsOf(model, fn);
    if (resetByListener(model, fn, fields)) continue;
    let resets = false;
    const notResets: ts.CallExpression[] = [];
    walk(outer.node, (n) => {
      if (ts.isCallExpression(n) && calleeName(n) === 'resetStates' && (accessPath(calleeReceiver(n) ?? n) ?? '').startsWith(`${obj}.`)) resets = true;
      if (!ts.isCallExpression(n) || !RESET_METHOD_NAME.test(calleeName(n) ?? '') || !calleeReceiver(n) || accessPath(calleeReceiver(n)!) !== obj) return;
      if (clearsState(model, n, fields)) resets = true;
      else notResets.push(n);
    });
    if (resets) continue;
    reported.add(outer.node);
    const resetMethod = familyMethods(model, fn).find((m) => RESET_METHOD_NAME.test(functionName(m) ?? '') &&
      m.parameters.length === 0 && (fields.length === 0 || fields.some((f) => writesField(m, f))));
    const reset = resetMethod ? functionName(resetMethod) ?? 'reset' : 'reset';
    const data = { obj, method, outer: outerLabel(ctx, outer), reset, fields: fields.map((f) => `this.${f}`).join('`, `') };
    const at = bodyInsertion(ctx.text, outer);
    const suggest: FixDescriptor[] = resetMethod && at ? [{ messageId: 'callReset', data, edits: [insertAt(at.pos, `${at.indent}${obj}.${reset}();${eol(ctx)}`)] }] : [];
    const related = notResets.map((n) => ({ node: n, messageId: 'notAReset', data: { ...data, reset: calleeName(n)! } }));
    ctx.report({ node: call, messageId: 'objectLeak', data, suggest, related: related.length ? related : undefined });
  }
}

/**
 * `function runEpisode(agent, env) { while (!done) a = agent.act(obs); }` called once per episode
 * with the same agent: `act` advances the agent's own state (`this.h = f(obs, this.h)`), the helper
 * runs one whole episode on the agent it is given, and neither the helper nor the caller's loop
 * resets it. (With both loops in one function, statefulObjectLeaks reports it.) The agent may also
 * be a field of the helper's object, set once (`runner.runEpisode()` stepping `this.policy.act(obs)`).
 * Reported at the helper's call.
 */
function helperObjectLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const methods = advancingMethods(model);
  if (methods.size === 0) return;
  const reported = new Set<ts.Node>();
  for (const call of model.callsNamed(methods.keys())) {
    const recv = calleeReceiver(call);
    const base = recv && unwrap(recv);
    const candidates = methods.get(calleeName(call) ?? '');
    if (!base || !candidates) continue;
    // Steps only: a loop over sequences (or chunks, or fan-out) in the helper is another shape.
    const its = model.iterationsAround(call);
    if (its.length === 0 || its.some((it) => loopRole(it) !== 'steps' && loopRole(it) !== 'unknown')) continue;
    const fn = model.ownerThroughTidy(its[its.length - 1]!.node);
    if (!fn) continue;
    const holder = heldBy(model, fn, base);
    if (!holder) continue;
    const target = resolveCallee(call, model.scopes, model.classes);
    const advancing = candidates.find((m) => m.fn === target);
    // A method that also writes the field elsewhere in its body (`if (done) this.h = zeros`) resets it itself.
    const field = advancing?.fields.find((f) => fieldWriteCount(advancing.fn, f) === 1);
    if (!advancing || !field || resetByListener(model, advancing.fn, [field])) continue;
    if (holder.resetWithin.some((m) => resetsObject(model, holder.path, m, advancing, field))) continue;
    const fnName = functionName(fn);
    if (!fnName) continue;
    for (const site of model.callSitesOf(fn)) {
      const loop = model.iterationsAround(site)[0];
      if (!loop || reported.has(site)) continue;
      const role = loopRole(loop);
      // The calls are separate sequences when the loop or the helper is named for them.
      if (role !== 'sequences' && !(role === 'unknown' && hasToken(fnName, SEQUENCE_LOOP_TOKENS))) continue;
      // The object the site hands over: its argument, or the field of its receiver.
      const given = holder.index !== undefined ? site.arguments[holder.index] && unwrap(site.arguments[holder.index]!) : calleeReceiver(site) && unwrap(calleeReceiver(site)!);
      const b = given && ts.isIdentifier(given) ? model.scopes.resolve(given) : undefined;
      if (!given || !b || isWithin(declarationOf(b), loop.node) || model.scopes.writes(b, loop.node).length > 0) continue;
      const obj = holder.field !== undefined ? `${b.text}.${holder.field}` : b.text;
      if (resetsObject(model, obj, loop.node, advancing, field)) continue;
      reported.add(site);
      const data = { fn: fnName, obj, method: advancing.name, field, unit: unitName([...loop.names, fnName]), reset: '' };
      const reset = familyMethods(model, advancing.fn).find((m) => {
        const name = functionName(m);
        return !!name && RESET_METHOD_NAME.test(name) && m.parameters.length === 0 && writesField(m, field);
      });
      const at = bodyInsertion(ctx.text, loop);
      const suggest: FixDescriptor[] = [];
      if (reset && at) {
        data.reset = functionName(reset)!;
        suggest.push({ messageId: 'callReset', data, edits: [insertAt(at.pos, `${at.indent}${obj}.${data.reset}();${eol(ctx)}`)] });
      }
      ctx.report({ node: site, messageId: 'objectHelperLeak', data, suggest, related: [{ node: call, messageId: 'advancesHere', data: { ...data, obj: nodeText(ctx, base) } }] });
    }
  }
}

/** How a helper holds the object it steps: a parameter (at `index`), or a field of its own object. */
interface Holder {
  index?: number;
  field?: string;
  /** The object's path inside the helper (`agent`, `this.policy`). */
  path: string;
  /** The code that could reset it on the helper's side: the helper, or every method of its object. */
  resetWithin: ts.Node[];
}

function heldBy(model: FileModel, fn: FunctionLike, base: ts.Expression): Holder | undefined {
  if (ts.isIdentifier(base)) {
    const param = model.scopes.resolve(base)?.parent;
    if (!param || !ts.isParameter(param) || param.parent !== fn) return undefined;
    return { index: fn.parameters.indexOf(param), path: base.text, resetWithin: [fn.body ?? fn] };
  }
  // `this.policy`, set only by the constructor: the same object for every call of the helper.
  const field = thisFieldName(base);
  if (field === undefined || !classNameOf(fn) || fieldWriters(model, fn, field).length > 0) return undefined;
  return { field, path: `this.${field}`, resetWithin: familyMethods(model, fn).map((m) => m.body ?? m) };
}

/**
 * `AttentivePolicy.prototype.reset = function () { this.recent = []; }` over a base `reset` that
 * zeroes `this.h`, which the base's `advance` carries from step to step: the subclass's reset
 * forgets the base's state, so every `reset()` of an `AttentivePolicy` leaves `h` as the last
 * sequence ended. Reported at the override when it neither writes the field, calls the base's
 * reset (`super.reset()`, `Base.prototype.reset.call(this)`) nor calls another method that writes
 * it, and the subclass still runs a method that advances the field.
 */
function shadowedResetLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const list of advancingMethods(model).values()) {
    for (const advancing of list) {
      for (const field of advancing.fields) {
        const writers = fieldWriters(model, advancing.fn, field, advancing.fn);
        const writerNames = new Set(writers.map((m) => functionName(m)));
        for (const reset of writers) {
          const name = functionName(reset);
          const base = classNameOf(reset);
          if (!name || !base || !RESET_METHOD_NAME.test(name)) continue;
          for (const override of overridesOf(model, reset, name)) {
            if (reported.has(override.fn) || writesField(override.fn, field) || callsReset(override.fn, name, writerNames)) continue;
            // The subclass must still advance the field (an override of the advancer may drop it).
            const runs = instanceMethod(model, override.fn, advancing.name);
            if (!runs || !(runs === advancing.fn || fieldsAdvancedBy(model, runs).includes(field))) continue;
            reported.add(override.fn);
            const es5 = !ts.isClassLike(reset.parent);
            const call = es5 ? `${base}.prototype.${name}.call(this)` : `super.${name}()`;
            const data = { sub: override.className, base, name, field, advancer: advancing.name, call };
            const at = blockInsertion(ctx.text, override.fn.body);
            const suggest: FixDescriptor[] = at ? [{ messageId: 'callBaseReset', data, edits: [insertAt(at.pos, `${at.indent}${call};${eol(ctx)}`)] }] : [];
            ctx.report({ node: functionNameNode(override.fn) ?? override.fn, messageId: 'shadowedReset', data, suggest, related: [{ node: functionNameNode(reset) ?? reset, messageId: 'baseResets', data }] });
          }
        }
      }
    }
  }
}

/** Does `fn` call the base's `name` (`super.name()`, `Base.prototype.name.call(this)`) or a method that writes the state? */
function callsReset(fn: FunctionLike, name: string, writers: ReadonlySet<string | undefined>): boolean {
  let found = false;
  if (fn.body) walk(fn.body, (n) => {
    if (found) return false;
    if (!ts.isCallExpression(n)) return;
    const callee = unwrap(n.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword && callee.name.text === name) found = true;
    else if (ts.isPropertyAccessExpression(callee) && /^(call|apply)$/.test(callee.name.text) && (accessPath(callee.expression) ?? '').endsWith(`.prototype.${name}`)) found = true;
    else if (writers.has(calleeName(n))) found = true;
  });
  return found;
}

/** The state fields `method` advances: inline (`this.h = f(this.h)`) or through a step call (`this.h = step(x, this.h)`). */
function stateFieldsOf(model: FileModel, method: FunctionLike): string[] {
  const fields = new Set(fieldsAdvancedBy(model, method));
  for (const c of model.stepCalls) {
    if (!isWithin(c.call, method)) continue;
    for (const a of c.stateArgs) if (a.path?.startsWith('this.') && a.path.split('.').length === 2) fields.add(a.path.slice('this.'.length));
  }
  return [...fields];
}

/**
 * Does a reset-named call (`agent.beginEpisode()`) clear one of `fields`? A method of the file
 * must write one (or call a method of its class that does); a method the file does not define
 * is taken at its name.
 */
function clearsState(model: FileModel, call: ts.CallExpression, fields: readonly string[]): boolean {
  const target = resolveCallee(call, model.scopes, model.classes);
  if (!target || fields.length === 0) return true;
  return fields.some((f) => {
    if (writesField(target, f)) return true;
    const writers = new Set(fieldWriters(model, target, f).map((m) => functionName(m)));
    let calls = false;
    if (target.body) walk(target.body, (n) => { if (ts.isCallExpression(n) && writers.has(calleeName(n))) calls = true; });
    return calls;
  });
}

/** What one iteration is called in the message: an episode, a game, or (by default) a sequence. */
function unitName(names: readonly string[]): string {
  const tokens = new Set(names.flatMap((n) => nameTokens(n)));
  return tokens.has('episode') || tokens.has('episodes') ? 'episode' : tokens.has('game') || tokens.has('games') ? 'game' : 'sequence';
}

/**
 * Does `node` reset the state `field` of the object named `obj`: call a reset-named method on it
 * (or a method of its class that writes the field), hand it to a reset-named function, or assign
 * one of its members?
 */
function resetsObject(model: FileModel, obj: string, node: ts.Node, advancing: AdvancingMethod, field: string): boolean {
  const writers = new Set(fieldWriters(model, advancing.fn, field, advancing.fn).map((m) => functionName(m)));
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? '';
      const recv = calleeReceiver(n);
      const onObj = !!recv && accessPath(recv) === obj;
      if (onObj && (writers.has(name) || (RESET_METHOD_NAME.test(name) && clearsState(model, n, [field])))) found = true;
      else if (RESET_METHOD_NAME.test(name) && n.arguments.some((a) => accessPath(a) === obj)) found = true;
    } else if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind) && (accessPath(n.left) ?? '').startsWith(`${obj}.`)) {
      found = true;
    }
  });
  return found;
}

/** `const h = tf.variable(zeros)`; `for (p of patients) for (v of p.visits) h.assign(f(v, h))`. */
function variableStateLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const call of model.callsNamed(['assign'])) {
    if (calleeName(call) !== 'assign' || call.arguments.length !== 1) continue;
    const recv = calleeReceiver(call);
    const base = recv && unwrap(recv);
    if (!base || !ts.isIdentifier(base)) continue;
    const b = model.scopes.resolve(base);
    const init = b && initializerOf(b);
    const initCall = init && unwrap(init);
    if (!b || !initCall || !ts.isCallExpression(initCall) || model.tf.fn(initCall) !== 'variable') continue;
    // A recurrent update: the new value is computed from the variable itself.
    if (!model.scopes.firstReference(b, call.arguments[0]!)) continue;
    const its = ctx.model.iterationsAround(call);
    if (its.length < 2) continue;
    const [inner, outer] = its as [Iteration, Iteration];
    const role = loopRole(outer);
    if (role === 'chunks' || role === 'fanout' || role === 'steps' || loopRole(inner) === 'fanout') continue;
    if (isWithin(declarationOf(b), outer.node) || reported.has(b)) continue;
    let resets = false;
    walk(outer.node, (n) => {
      if (isWithin(n, inner.node)) return false;
      if (ts.isCallExpression(n) && calleeName(n) === 'assign' && calleeReceiver(n) && accessPath(calleeReceiver(n)!) === b.text) resets = true;
    });
    if (resets || model.scopes.writes(b, outer.node).length > 0) continue;
    reported.add(b);
    const ns = model.tf.namespaceForFixes ?? 'tf';
    const data = { name: b.text, outer: outerLabel(ctx, outer) };
    const at = bodyInsertion(ctx.text, outer);
    const first = initCall.arguments[0] && unwrap(initCall.arguments[0]);
    const zeroStart = !!first && ts.isCallExpression(first) && /^zeros(Like)?$/.test(model.tf.fn(first) ?? '');
    const suggest: FixDescriptor[] = at && zeroStart ? [{ messageId: 'resetVariable', data, edits: [insertAt(at.pos, `${at.indent}${b.text}.assign(${ns}.zerosLike(${b.text}));${eol(ctx)}`)] }] : [];
    ctx.report({ node: call, messageId: 'variableLeak', data, suggest, related: [{ node: declarationOf(b), messageId: 'initialised', data }] });
  }
}

/**
 * A stateful model run over the chunks or steps of one sequence inside a function named for one
 * (`feedRecording(model, recording)`, `scoreSession`), whose model is a parameter: each call of the
 * function in a loop is one sequence, and needs the model's states reset. Reported at such a call
 * when neither the function nor the caller's loop resets them.
 */
function sequenceHelperLeak(ctx: RuleContext, run: ts.CallExpression, recv: ts.Expression, its: readonly Iteration[], reported: Set<ts.Node>): void {
  const { model } = ctx;
  const outermost = its[its.length - 1]!;
  const fn = enclosingFunction(outermost.node);
  const name = fn && functionName(fn);
  const base = unwrap(recv);
  const param = ts.isIdentifier(base) ? model.scopes.resolve(base)?.parent : undefined;
  if (fn && name && !(param && ts.isParameter(param) && param.parent === fn)) {
    capturedModelLeak(ctx, run, recv, fn, name, its, reported);
    return;
  }
  if (!fn || !name || !param || !ts.isParameter(param) || param.parent !== fn || resetsStates(ctx, fn)) return;
  // Named for one sequence (`feedRecording`), or looping over all of a parameter's steps
  // (`rollForecast(model, readings)` with `for (const r of readings)`): then each call whose
  // argument there is new at every iteration of the caller's loop (`job.readings`) is one sequence.
  const named = hasToken(name, SEQUENCE_LOOP_TOKENS);
  const dataIndex = named ? -1 : iteratedParameter(ctx, fn, outermost);
  if (!named && dataIndex < 0) return;
  const index = fn.parameters.indexOf(param);
  for (const site of model.callSitesOf(fn)) {
    if (reported.has(site)) continue;
    const arg = site.arguments[index];
    const path = arg && accessPath(arg);
    const loop = model.iterationsAround(site)[0];
    if (!path || !loop || isFanoutLoop(loop) || isChunkLoop(loop) || resetsStates(ctx, loop.node)) continue;
    if (!named && !newEachIteration(ctx, site.arguments[dataIndex], loop)) continue;
    reported.add(site);
    const data = { model: path, what: 'sequences', unit: 'sequence', fn: name };
    const at = bodyInsertion(ctx.text, loop);
    const suggest: FixDescriptor[] = at ? [{ messageId: 'insertReset', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
    ctx.report({ node: site, messageId: 'statefulHelperLeak', data, suggest, related: [{ node: run, messageId: 'runsHere', data }] });
  }
}

/**
 * `async function score(req) { for (t < req.bpm.length) model.predict(...) }` with the stateful
 * `model` from outside the function (a closure's, a module's, or the object's field in a method,
 * `this.model` given to the constructor): each call runs one whole sequence,
 * the one it is given, and the next call starts from the state this one left. Only when the loop
 * runs over a parameter's steps, the function is not named for a stream or a chunk of one
 * (`onFrame`, `feedChunk`), and nothing in the file resets the model's states (a caller may).
 * Reported at the run, with a suggestion to reset at the start of the function.
 */
function capturedModelLeak(ctx: RuleContext, run: ts.CallExpression, recv: ts.Expression, fn: FunctionLike, name: string, its: readonly Iteration[], reported: Set<ts.Node>): void {
  const { model } = ctx;
  // Cheapest tests first: this runs for every model run in a loop of a function that takes no model.
  if (reported.has(fn) || model.callsNamed(['resetStates']).length > 0 || iteratedParameter(ctx, fn, its[its.length - 1]!) < 0) return;
  const path = accessPath(recv);
  const base = unwrap(recv);
  const b = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
  // A variable of an enclosing scope, or a field of the object (`this.model` given to its constructor).
  const fromOutside = b ? !isWithin(b, fn) : thisFieldName(base) !== undefined;
  if (!path || !fromOutside) return;
  if ((STREAMING_FUNCTION_NAME.test(name) && !hasToken(name, INDEPENDENT_UNIT_TOKENS)) || hasToken(name, CHUNK_LOOP_TOKENS)) return;
  if (its.some((it) => isChunkLoop(it) || isFanoutLoop(it))) return;
  reported.add(fn);
  const data = { model: path, fn: name };
  const at = blockInsertion(ctx.text, fn.body);
  const suggest: FixDescriptor[] = at ? [{ messageId: 'resetAtStart', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
  ctx.report({ node: run, messageId: 'statefulCallLeak', data, suggest });
}

/** `for (const r of readings)` (or `i < readings.length`, `job.readings`) in `fn`, with `readings` (`job`) its parameter: that parameter's index. */
function iteratedParameter(ctx: RuleContext, fn: FunctionLike, loop: Iteration): number {
  const n = loop.node;
  let over: ts.Expression | undefined;
  if (ts.isForOfStatement(n)) over = n.expression;
  else if (ts.isForStatement(n) && n.condition && ts.isBinaryExpression(n.condition)) {
    const bound = unwrap(n.condition.right);
    over = ts.isPropertyAccessExpression(bound) && bound.name.text === 'length' ? bound.expression : undefined;
  }
  // A member of a parameter counts as the parameter's (`for (t < req.bpm.length)`).
  let u = over && unwrap(over);
  while (u && ts.isPropertyAccessExpression(u)) u = unwrap(u.expression);
  const p = u && ts.isIdentifier(u) ? ctx.model.scopes.resolve(u)?.parent : undefined;
  return p && ts.isParameter(p) && p.parent === fn ? fn.parameters.indexOf(p) : -1;
}

/** Is `arg` (`job.readings`, `rec`) made anew at each iteration of `loop`: rooted in a name declared inside it? */
function newEachIteration(ctx: RuleContext, arg: ts.Expression | undefined, loop: Iteration): boolean {
  let e = arg && unwrap(arg);
  while (e && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) e = unwrap(e.expression);
  const b = e && ts.isIdentifier(e) ? ctx.model.scopes.resolve(e) : undefined;
  return !!b && isWithin(declarationOf(b), loop.node);
}

/** `let h = zeros; for (seq of seqs) for (t ...) h = step(x, h)` with no reset in the outer loop. */
function nestedLoopLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  // Step calls with their state arguments, and inline recurrences (`h = tf.tanh(... h ...)`).
  const candidates: { iterations: Iteration[]; args: { path?: string; expr: ts.Expression }[] }[] = [
    ...model.stepCalls.map((c) => ({ iterations: c.iterations, args: c.stateArgs })),
    ...inlineRecurrences(model).map((r) => ({ iterations: ctx.model.iterationsAround(r.assign), args: [{ path: r.read.text, expr: r.read as ts.Expression }] })),
  ];
  for (const call of candidates) {
    if (call.iterations.length < 2) continue;
    const [inner, outer] = call.iterations as [Iteration, Iteration];
    if (isChunkLoop(outer) || isFanoutLoop(outer) || isFanoutLoop(inner) || loopRole(outer) === 'steps') continue;
    for (const arg of call.args) {
      if (arg.path && /^[\w$]+\.[\w$]+$/.test(arg.path) && !arg.path.startsWith('this.')) {
        objectMemberLeak(ctx, arg as { path: string; expr: ts.Expression }, inner, outer, reported);
        continue;
      }
      if (!arg.path || arg.path.includes('.') || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (!b) continue;
      const decl = declarationOf(b);
      if (isWithin(decl, outer.node) || !carriedOnly(model.scopes.writes(b, outer.node), inner) || reported.has(b)) continue;
      reported.add(b);
      const declList = decl.parent;
      const mutable = ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
      reportCarried(ctx, arg.expr, b.text, decl, mutable ? initializerOf(b) : undefined, outer);
    }
  }
}

/**
 * `for (const s of sentences) { const out = encode(s, hidden); hidden = out.hidden; }` with `hidden`
 * initialised before the loop: `encode` runs a whole sequence from the state it is given (its own
 * time loop), and the loop over sequences hands it the previous sequence's final state. Only a loop
 * named for sequences (`sentences`, `examples`, `episodes`), and only when every write of the state
 * in it is the call's result: any other write is a reset.
 */
function sequenceFunctionLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const [fn, params] of sequenceFunctions(model)) {
    const name = functionName(fn);
    if (!name) continue;
    for (const call of model.callSitesOf(fn)) {
      const loop = model.iterationsAround(call)[0];
      if (!loop || loopRole(loop) !== 'sequences') continue;
      for (const i of params) {
        const arg = call.arguments[i] && unwrap(call.arguments[i]!);
        const b = arg && ts.isIdentifier(arg) ? model.scopes.resolve(arg) : undefined;
        if (!arg || !b || reported.has(b)) continue;
        const decl = declarationOf(b);
        if (isWithin(decl, loop.node)) continue;
        const writes = model.scopes.writes(b, loop.node);
        if (writes.length === 0 || !writes.every((w) => writesResultOf(ctx, w, call))) continue;
        reported.add(b);
        const declList = decl.parent;
        const mutable = ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
        const at = bodyInsertion(ctx.text, loop);
        const data = { name: b.text, outer: outerLabel(ctx, loop), fn: name };
        const init = mutable ? initializerOf(b) : undefined;
        const suggest: FixDescriptor[] = init && at && isPure(init)
          ? [{ messageId: 'resetInit', data, edits: [insertAt(at.pos, `${at.indent}${b.text} = ${nodeText(ctx, init)};${eol(ctx)}`)] }]
          : [];
        ctx.report({
          node: arg, messageId: 'leak', data, suggest,
          related: [{ node: decl, messageId: 'initialised', data }, { node: functionNameNode(fn) ?? fn, messageId: 'runsSequence', data }],
        });
      }
    }
  }
}

/** Does write `w` store (part of) what `call` returned: `h = f(...)`, `[y, h] = f(...)`, `h = out.hidden` with `const out = f(...)`? */
function writesResultOf(ctx: RuleContext, w: ts.Node, call: ts.CallExpression): boolean {
  if (isWithin(call, w)) return true;
  if (!ts.isBinaryExpression(w)) return false;
  let base = unwrap(w.right);
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = unwrap(base.expression);
  const from = ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined;
  return !!from && ctx.model.resultTargetsOf(call).some((t) => t.node === from);
}

/**
 * Written in the inner loop and nowhere else in the outer one: carried from one sequence into the
 * next. (Not written in the inner loop: not carried, stale-state's business; written in the outer
 * loop too: reset there.)
 */
function carriedOnly(writes: ts.Node[], inner: Iteration): boolean {
  return writes.some((w) => isWithin(w, inner.node)) && !writes.some((w) => !isWithin(w, inner.node));
}

/**
 * The state kept in a member of a local object (`const st = { h: tf.zeros(...) }`, `st.h = step(f,
 * st.h)` in the inner loop), with the same test as for a variable: written in the inner loop, never
 * reset (neither the member nor the object) in the outer one.
 */
function objectMemberLeak(ctx: RuleContext, arg: { path: string; expr: ts.Expression }, inner: Iteration, outer: Iteration, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const [objName, member] = arg.path.split('.') as [string, string];
  const b = model.scopes.lookup(objName, arg.expr);
  if (!b || reported.has(b)) return;
  const decl = declarationOf(b);
  if (!ts.isVariableDeclaration(decl) || isWithin(decl, outer.node)) return;
  if (!carriedOnly(writesToPath(model, arg.path, arg.expr, outer.node), inner)) return;
  if (model.scopes.writes(b, outer.node).length > 0) return; // the object itself is replaced
  reported.add(b);
  // `{ h: tf.zeros([1, units]) }`: the member's own initialiser, repeated at the start of each iteration.
  const init = decl.initializer && unwrap(decl.initializer);
  const prop = init && ts.isObjectLiteralExpression(init)
    ? init.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === member)
    : undefined;
  reportCarried(ctx, arg.expr, arg.path, decl, prop?.initializer, outer);
}

/** Reports a state carried across the outer loop, with a suggestion to repeat its initialiser there. */
function reportCarried(ctx: RuleContext, node: ts.Expression, name: string, decl: ts.Node, init: ts.Expression | undefined, outer: Iteration): void {
  const at = bodyInsertion(ctx.text, outer);
  const data = { name, outer: outerLabel(ctx, outer) };
  const suggest: FixDescriptor[] = init && at && isPure(init)
    ? [{ messageId: 'resetInit', data, edits: [insertAt(at.pos, `${at.indent}${name} = ${nodeText(ctx, init)};${eol(ctx)}`)] }]
    : [];
  ctx.report({ node, messageId: 'leak', data, suggest, related: [{ node: decl, messageId: 'initialised', data }] });
}

/** An initialiser that can be repeated (no side effects worth worrying about: constructors, literals). */
function isPure(e: ts.Expression): boolean {
  let ok = true;
  walk(e, (n) => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (!name || !/^(zeros|ones|zerosLike|onesLike|fill|tensor\d?d?|scalar|randomNormal|randomUniform|truncatedNormal|clone|getInitialState|initState|initialState|initHidden|initHiddenState|zeroState|getZeroState|resetState)$/i.test(name)) ok = false;
    } else if (ts.isNewExpression(n) || ts.isAwaitExpression(n) || (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind))) ok = false;
  });
  return ok;
}

function outerLabel(ctx: RuleContext, it: Iteration): string {
  const n = it.node;
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) return nodeText(ctx, n.expression);
  if (ts.isCallExpression(n)) { const r = calleeReceiver(n); if (r) return nodeText(ctx, r); }
  // `while (ep < episodes)`: the name of what is iterated, not the counter.
  const named = it.names.filter((x) => hasToken(x, SEQUENCE_LOOP_TOKENS)).sort((a, b) => b.length - a.length)[0];
  return named ?? it.names.find((x) => x.length > 1) ?? it.names[0] ?? 'the sequences';
}

interface StatefulModel {
  /** The stateful layer (or, known only by use, the first `resetStates()` call on it). */
  decl: ts.Node;
  /** Time steps per call from `batchInputShape: [b, T, f]`, when a literal. */
  timesteps?: number;
  byUse?: boolean;
  /** For a model known by use: the receiver of its `resetStates()` (the same variable must run). */
  receiver?: ts.Expression;
}

/** Do two receivers denote the same variable (same declaration), or the same field of one class? */
function sameReceiver(ctx: RuleContext, a: ts.Expression, b: ts.Expression): boolean {
  const ua = unwrap(a);
  const ub = unwrap(b);
  if (ts.isIdentifier(ua) && ts.isIdentifier(ub)) {
    const ba = ctx.model.scopes.resolve(ua);
    return !!ba && ba === ctx.model.scopes.resolve(ub);
  }
  const classOf = (n: ts.Node): ts.Node | undefined => { let c = n.parent; while (c && !ts.isClassLike(c)) c = c.parent; return c; };
  return thisFieldName(ua) !== undefined && thisFieldName(ua) === thisFieldName(ub) && classOf(ua) === classOf(ub);
}

/** Does `node` reset states: `m.resetStates()` in it, or a call to a local function that does? */
function resetsStates(ctx: RuleContext, node: ts.Node, depth = 0): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (!ts.isCallExpression(n)) return;
    if (calleeName(n) === 'resetStates') { found = true; return; }
    if (depth < 2) {
      const fn = resolveCallee(n, ctx.model.scopes, ctx.model.classes);
      if (fn && fn.body && !isWithin(n, fn) && resetsStates(ctx, fn.body, depth + 1)) found = true;
    }
  });
  return found;
}

function isStatefulLayer(ctx: RuleContext, call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (!name || !RECURRENT_LAYER_FACTORIES.has(name)) return false;
  const f = ctx.model.tf.layerFactory(call);
  if (!f || !RECURRENT_LAYER_FACTORIES.has(f)) return false;
  return !!call.arguments[0] && statefulConfig(ctx, call.arguments[0]);
}

/**
 * `{ units, stateful: true }`; or, in a builder, `stateful ? { ..., stateful: true } : { ... }` on
 * a parameter that some call of the builder passes `true` (`build(true)`).
 */
function statefulConfig(ctx: RuleContext, e: ts.Expression): boolean {
  const cfg = unwrap(e);
  if (ts.isConditionalExpression(cfg)) {
    const test = unwrap(cfg.condition);
    const param = ts.isIdentifier(test) ? ctx.model.scopes.resolve(test)?.parent : undefined;
    const fn = param && ts.isParameter(param) ? param.parent : undefined;
    if (!fn || !isFunctionLike(fn) || !(statefulConfig(ctx, cfg.whenTrue) && !statefulConfig(ctx, cfg.whenFalse))) return false;
    const i = fn.parameters.indexOf(param as ts.ParameterDeclaration);
    return ctx.model.callSitesOf(fn).some((c) => c.arguments[i]?.kind === ts.SyntaxKind.TrueKeyword);
  }
  return ts.isObjectLiteralExpression(cfg) && cfg.properties.some((p) =>
    ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'stateful' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/**
 * Time steps per call from `batchInputShape: [b, T, f]`: the literal, or Infinity for a name
 * (`timesteps`: a whole window per call; step-by-step feeding writes 1).
 */
function timestepsOf(call: ts.CallExpression): number | undefined {
  const cfg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!cfg || !ts.isObjectLiteralExpression(cfg)) return undefined;
  for (const p of cfg.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || !/^(batchInputShape|batchShape)$/.test(p.name.text)) continue;
    const arr = unwrap(p.initializer);
    const t = ts.isArrayLiteralExpression(arr) ? arr.elements[1] && unwrap(arr.elements[1] as ts.Expression) : undefined;
    if (t && ts.isNumericLiteral(t)) return Number(t.text);
    return t && ts.isIdentifier(t) && /time|step|len|window/i.test(t.text) ? Infinity : undefined;
  }
  return undefined;
}

/** The variable or field a value is stored in: `const m = ...`, `this.m = ...`. */
function ownerPath(n: ts.Node): string | undefined {
  let p: ts.Node = n;
  while (p.parent && (ts.isParenthesizedExpression(p.parent) || ts.isAsExpression(p.parent) || ts.isAwaitExpression(p.parent))) p = p.parent;
  const parent = p.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return accessPath(parent.left);
  if (parent && ts.isPropertyDeclaration(parent) && declaredMemberName(parent) !== undefined) return `this.${declaredMemberName(parent)}`;
  return undefined;
}

/**
 * Models and layers that carry state across calls, by access path: built with `stateful: true`
 * (the layer, the model it is added to, the result of a function that returns that model), or
 * known by use (something calls `resetStates()` on it).
 */
function statefulModels(ctx: RuleContext): Map<string, StatefulModel> {
  const { model } = ctx;
  const out = new Map<string, StatefulModel>();
  const add = (path: string | undefined, m: StatefulModel, container?: ts.Node): void => {
    if (!path || out.has(path)) return;
    out.set(path, m);
    // `function build() { const m = ...; return m; }` -> `const model = build()` is stateful too.
    const fn = container ? enclosingFunction(container) : undefined;
    const name = fn && functionName(fn);
    if (!fn || !name || path.includes('.')) return;
    const returned = ownNodes(model.index.returns, fn).some((r) => r.expression && accessPath(r.expression) === path);
    if (!returned) return;
    if (!out.has(BUILDER)) out.set(BUILDER, m);
    for (const call of model.callsNamed([name])) {
      if (calleeName(call) === name && !calleeReceiver(call)) add(ownerPath(call), m);
    }
  };
  let builders: ReturnType<typeof modelBuilders> | undefined;
  for (const layer of model.callsNamed(RECURRENT_LAYER_FACTORIES)) {
    if (!isStatefulLayer(ctx, layer)) continue;
    const info: StatefulModel = { decl: layer, timesteps: timestepsOf(layer) };
    const layerPath = ownerPath(layer);
    add(layerPath, info, layer);
    // The model that contains it: tf.sequential({layers: [...]}) or m.add(layer) or tf.model(...) nearby.
    for (let p: ts.Node | undefined = layer.parent; p; p = p.parent) {
      if (ts.isCallExpression(p)) {
        const fn = model.tf.fn(p);
        if (fn === 'sequential' || fn === 'model') { add(ownerPath(p), info, p); break; }
        if (calleeName(p) === 'add' && calleeReceiver(p)) { add(accessPath(calleeReceiver(p)!), info, p); break; }
      }
      if (ts.isStatement(p)) break;
    }
    // A functional model: `tf.layers.gru({stateful}).apply(input)` in a builder that returns `tf.model(...)`.
    const builder = enclosingFunction(layer);
    if (builder) {
      for (const n of ownNodes(model.index.returns, builder)) {
        if (!n.expression) continue;
        const e = unwrap(n.expression);
        const fn = ts.isCallExpression(e) ? model.tf.fn(e) : undefined;
        if (fn === 'model' || fn === 'sequential') {
          if (!out.has(BUILDER)) out.set(BUILDER, info);
          const name = functionName(builder);
          if (name) for (const call of model.callsNamed([name])) if (calleeName(call) === name && !calleeReceiver(call)) add(ownerPath(call), info);
        }
      }
      if (info.timesteps === undefined) {
        for (const n of nodesInside(model.callsNamed(['input']), builder)) {
          if (model.tf.fn(n) === 'input') info.timesteps ??= timestepsOf(n);
        }
      }
    }
    if (layerPath) {
      builders ??= modelBuilders(ctx);
      for (const call of builders.addsByArgument.get(layerPath) ?? []) add(accessPath(calleeReceiver(call)!), info, call);
      for (const { call, text } of builders.constructors) if (text.includes(layerPath)) add(ownerPath(call), info, call);
    }
  }
  for (const call of model.callsNamed(['resetStates'])) {
    const r = calleeReceiver(call);
    if (r && calleeName(call) === 'resetStates' && call.arguments.length === 0) add(accessPath(r), { decl: call, byUse: true, receiver: r });
  }
  return out;
}

/**
 * The calls that put layers into models, gathered once per file: `m.add(layer)` by the layer's
 * access path, and `tf.sequential(...)` / `tf.model(...)` with their text.
 */
function modelBuilders(ctx: RuleContext): { addsByArgument: Map<string, ts.CallExpression[]>; constructors: { call: ts.CallExpression; text: string }[] } {
  const { model } = ctx;
  const addsByArgument = new Map<string, ts.CallExpression[]>();
  const constructors: { call: ts.CallExpression; text: string }[] = [];
  for (const call of model.callsNamed(['add', 'sequential', 'model'])) {
    const arg = call.arguments[0] && accessPath(call.arguments[0]);
    if (arg && calleeName(call) === 'add' && calleeReceiver(call)) addsByArgument.set(arg, [...(addsByArgument.get(arg) ?? []), call]);
    const fn = model.tf.fn(call);
    if (fn === 'sequential' || fn === 'model') constructors.push({ call, text: nodeText(ctx, call) });
  }
  return { addsByArgument, constructors };
}

/** Key of the model returned by the file's stateful model builder, when there is one. */
const BUILDER = '#builder';

/**
 * `evaluate(policy: tf.Sequential)` in a file whose only model builder makes a stateful model:
 * the parameter is that model (the file builds no other).
 */
function typedModelParam(ctx: RuleContext, recv: ts.Expression, models: Map<string, StatefulModel>): StatefulModel | undefined {
  const built = models.get(BUILDER);
  const u = unwrap(recv);
  if (!built || !ts.isIdentifier(u)) return undefined;
  const d = ctx.model.scopes.resolve(u)?.parent;
  if (!d || !ts.isParameter(d)) return undefined;
  const t = d.type;
  if (t) {
    if (!ts.isTypeReferenceNode(t)) return undefined;
    const name = ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
    if (!/^(Sequential|LayersModel)$/.test(name)) return undefined;
  } else if (!passedBuiltModel(ctx, d, built)) return undefined;
  // Every model the file builds must be a stateful one.
  const builds = ctx.model.callsNamed(['sequential', 'model']).filter((c) => /^(sequential|model)$/.test(ctx.model.tf.fn(c) ?? ''));
  const stateful = ctx.model.callsNamed(RECURRENT_LAYER_FACTORIES).filter((c) => isStatefulLayer(ctx, c));
  return builds.length > 0 && stateful.length >= builds.length ? built : undefined;
}

/**
 * An untyped parameter (`scoreAll(model, patients)`) that every call of its function in the file
 * passes the stateful model builder's result (`scoreAll(build(), patients)`).
 */
function passedBuiltModel(ctx: RuleContext, param: ts.ParameterDeclaration, built: StatefulModel): boolean {
  const fn = param.parent;
  const name = isFunctionLike(fn) ? functionName(fn) : undefined;
  if (!isFunctionLike(fn) || !name) return false;
  const i = fn.parameters.indexOf(param);
  const calls = ctx.model.callsNamed([name]).filter((c) => calleeName(c) === name && !calleeReceiver(c));
  return calls.length > 0 && calls.every((c) => !!c.arguments[i] && callsBuilder(c.arguments[i]!, built));
}

/** Is `e` a call of the function that builds `built` (`buildModel()`, no receiver)? */
function callsBuilder(e: ts.Expression, built: StatefulModel | undefined): boolean {
  const builder = built && enclosingFunction(built.decl);
  const name = builder && functionName(builder);
  const a = unwrap(e);
  return !!name && ts.isCallExpression(a) && calleeName(a) === name && !calleeReceiver(a);
}

/**
 * `this.model` of a class whose constructor stores a parameter there (`constructor(model) {
 * this.model = model }`), when every `new Agent(...)` of the file passes a stateful model: the
 * builder's result (`new Agent(buildPolicy())`) or a variable known to hold one.
 */
function statefulField(ctx: RuleContext, recv: ts.Expression, models: Map<string, StatefulModel>): StatefulModel | undefined {
  const field = thisFieldName(unwrap(recv));
  const cls = field ? enclosingClassOfThis(recv) : undefined;
  const args = cls && fieldConstructorArgs(ctx.model, cls, field!);
  if (!args) return undefined;
  const builder = models.get(BUILDER);
  const passed = args.map((arg) => {
    if (callsBuilder(arg, builder)) return builder;
    const path = accessPath(unwrap(arg));
    return path !== undefined ? models.get(path) : undefined;
  });
  return passed.every((m) => m !== undefined) ? passed[passed.length - 1] : undefined;
}

/** Methods of the file's classes that run a stateful model kept in a field (`act(obs) { return this.model.predict(...) }`), without a loop. */
function statefulModelMethods(ctx: RuleContext): Set<ts.MethodDeclaration> {
  const out = new Set<ts.MethodDeclaration>();
  if (!ctx.text.includes('stateful')) return out;
  const models = statefulModels(ctx);
  if (models.size === 0) return out;
  for (const call of ctx.model.callsNamed(MODEL_RUN_METHODS)) {
    const recv = calleeReceiver(call);
    if (!recv || !MODEL_RUN_METHODS.has(calleeName(call) ?? '') || thisFieldName(unwrap(recv)) === undefined) continue;
    const method = ctx.model.ownerThroughTidy(call);
    if (!method || !ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || nodesInside(ctx.model.index.loops, method).length > 0) continue;
    if (models.has(accessPath(recv)!) || statefulField(ctx, recv, models)) out.add(method);
  }
  return out;
}

function statefulLayerLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  if (!ctx.text.includes('stateful') && !ctx.text.includes('resetStates')) return;
  const models = statefulModels(ctx);
  if (models.size === 0) return;
  const reported = new Set<ts.Node>();
  for (const call of model.callsNamed(MODEL_RUN_METHODS)) {
    const method = calleeName(call);
    if (!method || !MODEL_RUN_METHODS.has(method)) continue;
    const recv = calleeReceiver(call);
    if (!recv) continue;
    const path = accessPath(recv);
    const info = path ? models.get(path) ?? typedModelParam(ctx, recv, models) ?? statefulField(ctx, recv, models) : undefined;
    if (!info || !path) continue;
    if (info.receiver && !sameReceiver(ctx, info.receiver, recv)) continue;
    const its = ctx.model.iterationsAround(call);
    if (its.length === 0) continue;
    const training = MODEL_TRAIN_METHODS.has(method);
    // The loop whose iterations are separate sequences: a training loop, one named for
    // sequences/epochs/batches, a loop around the loop that feeds steps one at a time, or a loop
    // that feeds the model whole multi-step sequences (`batchInputShape: [1, 20, 3]`).
    const wholeSequences = info.timesteps !== undefined && info.timesteps > 1;
    // Inside a loop over the chunks of one series, the state flows from chunk to chunk on purpose;
    // only a loop named for sequences around that one (`for (const review of reviews)`) separates
    // sequences that must not share it.
    const chunks = its.findIndex((it) => isChunkLoop(it));
    const seqLoop = chunks >= 0
      ? its.slice(chunks + 1).find((it) => loopRole(it) === 'sequences')
      : its.find((it, i) => {
        const role = loopRole(it);
        if (role === 'chunks' || role === 'fanout') return false;
        return (i === 0 && training) || role === 'sequences' || i > 0 || (wholeSequences && role !== 'steps');
      });
    if (!seqLoop) {
      // The loops sit in a helper that runs one sequence (`feedRecording(model, data)`): the
      // sequences are its calls.
      if (chunks >= 0 || its.some((it) => loopRole(it) === 'steps' || loopRole(it) === 'unknown')) sequenceHelperLeak(ctx, call, recv, its, reported);
      continue;
    }
    if (reported.has(seqLoop.node)) continue;
    // A model built inside the loop (`const m = buildModel()`) starts every iteration from zero.
    const base = unwrap(recv);
    const binding = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
    if (binding && isWithin(declarationOf(binding), seqLoop.node)) continue;
    if (resetsStates(ctx, seqLoop.node) || batchesResetPerEpoch(ctx, its, seqLoop)) continue;
    reported.add(seqLoop.node);
    const seqIsEpoch = seqLoop.names.some((n) => /epoch/i.test(n));
    const data = { model: path, what: seqIsEpoch ? 'epochs' : training ? 'batches' : 'sequences', unit: seqIsEpoch ? 'epoch' : training ? 'batch' : 'sequence' };
    const at = bodyInsertion(ctx.text, seqLoop);
    const suggest: FixDescriptor[] = at ? [{ messageId: 'insertReset', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
    ctx.report({
      node: call, messageId: 'statefulLeak', data, suggest,
      related: [{ node: info.decl, messageId: info.byUse ? 'resetOnce' : 'statefulHere', data }],
    });
  }
}

/**
 * `for (epoch) { for (const batch of batches) model.trainOnBatch(...); model.resetStates(); }`: a
 * loop over batches (named so, and for nothing else that is a sequence) inside a loop that resets
 * the states once per iteration. That is the documented way to train a stateful model: the batches
 * are consecutive pieces of one series, and the state must flow from one to the next.
 */
function batchesResetPerEpoch(ctx: RuleContext, its: Iteration[], seqLoop: Iteration): boolean {
  const tokens = new Set(seqLoop.names.flatMap((n) => nameTokens(n)));
  const batches = tokens.has('batch') || tokens.has('batches');
  const otherSequence = [...tokens].some((t) => t !== 'batch' && t !== 'batches' && SEQUENCE_LOOP_TOKENS.has(t));
  if (!batches || otherSequence) return false;
  return its.slice(its.indexOf(seqLoop) + 1).some((outer) => resetsStates(ctx, outer.node));
}

/**
 * A method that runs a whole sequence and advances `this.h` (or a module variable) without a reset.
 * Returns the methods that would be such a leak but for a reset in another method (`reset()`):
 * their callers must call it between sequences (statefulObjectLeaks checks they do).
 */
function perSequenceMethodLeaks(ctx: RuleContext): Set<ts.MethodDeclaration> {
  const { model } = ctx;
  const reported = new Set<string>();
  const resetByCaller = new Set<ts.MethodDeclaration>();
  // Step calls, and fields advanced inline (`const next = tf.tidy(() => ... this.h ...); this.h = next`).
  // And calls of a method that advances a field by itself (`this.step(tok)` replacing `this.h`):
  // the call is where the loop advances the state.
  const candidates: { iterations: Iteration[]; stateArgs: { path?: string; expr: ts.Expression }[]; advancer?: ts.MethodDeclaration }[] = [
    ...model.stepCalls,
    ...fieldRecurrences(model).map((r) => ({ iterations: model.iterationsAround(r.assign), stateArgs: [{ path: r.path, expr: r.read }] })),
    // A closure's or module's variable advanced inline (`const next = tf.tidy(() => ... h ...); h = next`).
    ...inlineRecurrences(model).map((r) => ({ iterations: model.iterationsAround(r.assign), stateArgs: [{ path: r.binding.text, expr: r.read as ts.Expression }] })),
    ...fieldAdvancingCalls(model).filter((a) => !streamingApi(a.method))
      .map((a) => ({ iterations: model.iterationsAround(a.call), stateArgs: [{ path: a.path, expr: a.call }], advancer: a.method })),
  ];
  for (const call of candidates) {
    if (call.iterations.length === 0) continue;
    const outermost = call.iterations[call.iterations.length - 1]!;
    // The function that owns the loops; a tf.tidy callback around them is part of it.
    const fn = model.ownerThroughTidy(outermost.node);
    if (!fn || !fn.body) continue;
    const fnName = functionName(fn) ?? '';
    // A reset that aliases the object the loop writes into is broken whatever the method is for.
    if (call.stateArgs.some((a) => a.path && aliasedResetLeak(ctx, a.path, a.expr, outermost.node, reported))) continue;
    // A streaming name (`onFrame`, `push`) continues one stream, unless it names independent units (`onRequest`).
    const streaming = STREAMING_FUNCTION_NAME.test(fnName) && !hasToken(fnName, INDEPENDENT_UNIT_TOKENS);
    if (streaming || hasToken(fnName, CHUNK_LOOP_TOKENS) || ts.isConstructorDeclaration(fn)) continue;
    if (call.iterations.some((it) => isChunkLoop(it) || isFanoutLoop(it))) continue;
    if (ts.isMethodDeclaration(fn) && fnName && freshOrStreamingUses(ctx, fnName)) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path) continue;
      const isField = arg.path.startsWith('this.') && arg.path.split('.').length === 2;
      let isModuleVar = false;
      if (!isField) {
        if (!ts.isIdentifier(arg.expr)) continue;
        const b = model.scopes.resolve(arg.expr);
        if (!b || isWithin(declarationOf(b), fn)) continue;
        isModuleVar = true;
      }
      const writesInFn = writesToPath(model, arg.path, arg.expr, fn);
      const advancedAt = call.advancer ? [arg.expr] : writesInFn;
      if (!advancedAt.some((w) => isWithin(w, outermost.node))) continue; // not advanced here
      if (writesInFn.some((w) => !isWithin(w, outermost.node))) continue; // reset in the method
      if (resetElsewhere(ctx, arg.path, arg.expr, fn, isModuleVar, call.advancer)) {
        if (isField && ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name) && !hasResetMethodCall(fn)) resetByCaller.add(fn);
        continue;
      }
      const key = `${fn.pos}:${arg.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const data = { name: arg.path, method: fnName || 'this function' };
      const init = isField ? fieldInitialiser(ctx, arg.path, fn) : variableInitialiser(ctx, arg.expr as ts.Identifier, fn);
      const at = blockInsertion(ctx.text, fn.body);
      const suggest: FixDescriptor[] = init && at
        ? [{ messageId: 'resetField', data, edits: [insertAt(at.pos, `${at.indent}${arg.path} = ${nodeText(ctx, init.value)};${eol(ctx)}`)] }]
        : [];
      ctx.report({
        node: arg.expr, messageId: 'fieldLeak', data, suggest,
        related: init ? [{ node: init.at, messageId: isField ? 'initialisedField' : 'initialised', data }] : undefined,
      });
    }
  }
  return resetByCaller;
}

/**
 * A request handler that runs a whole sequence from a field and stores the final state back in it
 * (`let h = this.context; ...; this.context = h`): the next request starts where this one ended.
 */
function seededRunLeaks(ctx: RuleContext): void {
  for (const run of seededRuns(ctx.model)) {
    const path = `this.${run.field}`;
    const data = { name: path, method: functionName(run.method) ?? 'this method' };
    const init = fieldInitialiser(ctx, path, run.method);
    const at = run.method.body && blockInsertion(ctx.text, run.method.body);
    const suggest: FixDescriptor[] = init && at
      ? [{ messageId: 'resetField', data, edits: [insertAt(at.pos, `${at.indent}${path} = ${nodeText(ctx, init.value)};${eol(ctx)}`)] }]
      : [];
    ctx.report({
      node: run.seed, messageId: 'fieldLeak', data, suggest,
      related: [{ node: run.store, messageId: 'storedBack', data }, ...(init ? [{ node: init.at, messageId: 'initialisedField', data }] : [])],
    });
  }
}

/**
 * A public method named for streaming (`push(frame)`, `step(x)`, `update(obs)`) that advances the
 * state is the class's streaming interface: another method looping over it continues the stream on
 * purpose. A private one (`#step`, `private advance`) is a detail of the method that loops.
 */
function streamingApi(method: ts.MethodDeclaration): boolean {
  const isPrivate = ts.isPrivateIdentifier(method.name) ||
    !!ts.getModifiers(method)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
  return !isPrivate && ts.isIdentifier(method.name) && STREAMING_FUNCTION_NAME.test(method.name.text);
}

/**
 * `reset() { this.state = this.zeroState; }` and a loop that writes `this.state.h = h`: the loop
 * writes into the zero-state object itself, so after the first run "reset" restores the last
 * state. Reported at the state argument.
 */
function aliasedResetLeak(ctx: RuleContext, path: string, at: ts.Expression, loop: ts.Node, reported: Set<string>): boolean {
  const parts = path.split('.');
  if (parts[0] !== 'this' || parts.length !== 3) return false;
  const base = `${parts[0]}.${parts[1]}`;
  if (writesToPath(ctx.model, path, at, loop).length === 0) return false;
  let cls: ts.Node | undefined = at.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return false;
  // Every assignment of the base field copies another field's object (no fresh object anywhere).
  const sources: ts.Node[] = [];
  let fresh = false;
  walk(cls, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken || accessPath(n.left) !== base) return;
    const src = accessPath(n.right);
    if (src && src.startsWith('this.') && src !== base) sources.push(n);
    // The constructor's first value is not a reset: after the first reset the alias is in place.
    // `setState(s) { this.state = s }` restores a caller's object: neither a reset nor fresh.
    else if (!ts.isConstructorDeclaration(functionOrConstructor(n)) && !ts.isIdentifier(unwrap(n.right))) fresh = true;
  });
  if (fresh || sources.length === 0) return false;
  const key = `alias:${base}`;
  if (reported.has(key)) return true;
  reported.add(key);
  const first = sources[0] as ts.BinaryExpression;
  const data = { name: path, base, alias: nodeText(ctx, first.right) };
  ctx.report({ node: at, messageId: 'aliasLeak', data, related: sources.map((n) => ({ node: n, messageId: 'aliasHere', data })) });
  return true;
}

/**
 * Every call of the method in the file is on a fresh object (`new Encoder().encode(s)`, or an
 * object made in the same loop iteration) or continues a stream chunk by chunk: no leak.
 */
function freshOrStreamingUses(ctx: RuleContext, method: string): boolean {
  const { model } = ctx;
  const sites = model.callsNamed([method]).filter((c) => calleeName(c) === method && calleeReceiver(c) && unwrap(calleeReceiver(c)!).kind !== ts.SyntaxKind.ThisKeyword);
  if (sites.length === 0) return false;
  return sites.every((c) => {
    const its = ctx.model.iterationsAround(c);
    if (its.some((it) => loopRole(it) === 'chunks')) return true;
    const recv = unwrap(calleeReceiver(c)!);
    if (ts.isNewExpression(recv)) return true;
    if (!ts.isIdentifier(recv)) return false;
    const b = model.scopes.resolve(recv);
    const init = b && initializerOf(b);
    const fresh = init && ts.isNewExpression(unwrap(init));
    // Made once and used in a loop over sequences: that object carries state across them.
    return !!fresh && (its.length === 0 || isWithin(declarationOf(b!), its[0]!.node));
  });
}

/** Does some other method/function reset the state (assign it something not computed from a step)? */
function resetElsewhere(ctx: RuleContext, path: string, at: ts.Expression, fn: ts.Node, isModuleVar: boolean, advancer?: ts.Node): boolean {
  const { model } = ctx;
  const scope = isModuleVar ? ctx.sf : (() => { let c: ts.Node | undefined = fn.parent; while (c && !ts.isClassLike(c)) c = c.parent; return c; })();
  if (!scope) return true;
  // The method that advances the state (`step`, called by `fn`'s loop) does not reset it.
  const writes = writesToPath(model, path, at, scope).filter((w) => !isWithin(w, fn) && !(advancer && isWithin(w, advancer)));
  return writes.some((w) => {
    const owner = functionOrConstructor(w);
    // A constructor or field initialiser sets the first state; that alone is not a per-sequence reset.
    if (ts.isConstructorDeclaration(owner)) return false;
    // Nor does a method only the constructor calls (`this.loadWeights().then(...)`).
    return !(ts.isMethodDeclaration(owner) && calledOnlyByConstructor(ctx, owner));
  }) || (!isModuleVar && thisFieldName(unwrap(at)) !== undefined && hasResetMethodCall(fn));
}

/** Is `method` called in this file, and only from its class's constructor? */
function calledOnlyByConstructor(ctx: RuleContext, method: ts.MethodDeclaration): boolean {
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
function fieldInitialiser(ctx: RuleContext, path: string, method: ts.Node): { value: ts.Expression; at: ts.Node } | undefined {
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

/** `let h = tf.zeros([1, units])` in a factory or module: the value to reset `h` to at the start of `fn`. */
function variableInitialiser(ctx: RuleContext, id: ts.Identifier, fn: ts.Node): { value: ts.Expression; at: ts.Node } | undefined {
  const b = ctx.model.scopes.resolve(id);
  const decl = b && declarationOf(b);
  const init = b && initializerOf(b);
  const list = decl?.parent;
  const mutable = !!list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) === 0;
  if (!decl || !init || !mutable || unwrap(init).kind === ts.SyntaxKind.NullKeyword) return undefined;
  return portableTo(ctx, init, fn) ? { value: init, at: decl } : undefined;
}

/** Is `value` pure, and does every name in it mean the same at the start of `fn`'s body? */
function portableTo(ctx: RuleContext, value: ts.Expression, fn: ts.Node): boolean {
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

function functionOrConstructor(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isConstructorDeclaration(p) || ts.isPropertyDeclaration(p)) return p;
    if (enclosingFunction(n) === p) return p;
  }
  return n.getSourceFile();
}

/** The method itself calls `this.reset...()` / `this.init...State()`. */
function hasResetMethodCall(fn: ts.Node): boolean {
  let found = false;
  walk(fn, (n) => {
    if (ts.isCallExpression(n) && /^(reset|init|clear|zero)/i.test(calleeName(n) ?? '')) found = true;
  });
  return found;
}
