// state-leak checks for objects whose methods advance their own fields (`this.h = step(x, this.h)`): run over one
// sequence after another without a reset, directly or through a helper, behind a subclass's reset that forgets the
// base's state, or after a listener or effect that resets the other fields but not the state.
import ts from '../../server/src/typescript';
import { nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from '../rule';
import { blockInsertion, bodyInsertion, fieldsAdvancedBy, writesToPath, loopRole } from '../../server/src/analysis/loop-queries';
import { resolveCallee } from '../../server/src/analysis/calls';
import { nodesInside } from '../../server/src/analysis/tree-index';
import { advancingMethods, classNameOf, familyMethods, fieldWriteCount, fieldWriters, instanceMethod, overridesOf, resetByListener, RESET_METHOD_NAME, writesField, type AdvancingMethod } from '../../server/src/analysis/object-state';
import type { FileModel } from '../../server/src/analysis/model';
import { enclosingClassOfThis, prototypeClasses } from '../../server/src/analysis/class-hierarchy';
import { calleeName, calleeReceiver, accessPath, accessPathTail, unwrap, walk, enclosingFunction, functionName, functionNameNode, thisFieldName, isAssignmentOperator, isWithin, type FunctionLike } from '../../server/src/analysis/ast';
import { declarationOf } from '../../server/src/analysis/scopes';
import { INDEPENDENT_UNIT_TOKENS, LISTENER_METHODS, SEQUENCE_LOOP_TOKENS, hasToken, nameTokens } from '../../server/src/analysis/tfjs-facts';
import { statefulModelMethods } from './stateful-layers';
import { isPure, outerLabel, fieldInitialiser } from './shared';

/** The event of a listener that starts a new unit of work: a reset, a start, a new episode or session. */
const RESET_EVENT = /reset|start|begin|new|clear|init/i;

/**
 * `bus.on('episode:start', () => { this.episodeReturn = 0; this.stepsTaken = 0; })` in a class
 * whose `choose()` advances `this.h` and `this.c`: the listener resets the object's per-episode
 * fields but leaves the recurrent state as the last episode ended. Reported at the listener when it
 * writes some fields of the object, none of the advanced ones (nor calls a method that does), and
 * no other reset listener of the class resets them.
 */
export function partialResetListeners(ctx: RuleContext): void {
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
export function partialResetEffects(ctx: RuleContext): void {
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
export function statefulObjectLeaks(ctx: RuleContext, resetByCaller: ReadonlySet<ts.MethodDeclaration>): void {
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
      if (!ts.isCallExpression(n) || !calleeReceiver(n) || accessPath(calleeReceiver(n)!) !== obj) return;
      // A method of the object that writes the advanced state without advancing it
      // (`agent.endEpisode()` zeroing `this.h`) resets it, whatever its name.
      if (!RESET_METHOD_NAME.test(calleeName(n) ?? '')) {
        const target = resolveCallee(n, model.scopes, model.classes);
        if (target && target !== fn && fields.some((f) => writesField(target, f) && !fieldsAdvancedBy(model, target).includes(f))) resets = true;
        return;
      }
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
export function helperObjectLeaks(ctx: RuleContext): void {
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
export function shadowedResetLeaks(ctx: RuleContext): void {
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
