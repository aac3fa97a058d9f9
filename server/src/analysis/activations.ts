// Recognises activations in all their tfjs forms: `tf.tanh(x)`, `x.tanh()`, named `tanh(x)`,
// `tf.layers.activation({activation: 'tanh'}).apply(x)` and layers created with `activation:`.
import ts from '../typescript';
import { accessPath, unwrapAwaited, calleeName, calleeReceiver, enclosingFunction, functionName, isAssignmentTarget, isFunctionLike, isInside, iteratingCallback, returnedExpressions, thisFieldName, thisOwner, memberName, unwrap, walk, type FunctionLike, declaredMemberName } from './ast';
import type { FileModel } from './model';
import { knownClassMethod, lastFileMemo, resolveCallee, thisPrototypeMethod } from './calls';
import { initializerOf } from './scopes';
import { newStatePositions } from './state-queries';
import type { StateInput, Step } from './steps';
import { selectedActivation, selectedFieldActivation, selectedFieldNames, selectorHelperNames } from './selected-activations';
import { fieldConstructorArgs, fieldFromOutside } from './constructor-args';
import { classFamily, enclosingClassOfThis, implementationsOf, overriddenBelow, prototypeClasses, prototypeClassOf, prototypeFamily, prototypeHolders, thisHolders } from './class-hierarchy';
import { fieldsAdvancedBy } from './loop-queries';
import { nodesInside } from './tree-index';
import { ACTIVATION_OPS, BOUNDED_ACTIVATIONS, DEFAULT_LAYER_ACTIVATION, GATED_LAYER_FACTORIES, SQUASHED_RECURRENT_LAYER_FACTORIES, JOINING_OPS, LAYER_ACTIVATIONS, MODEL_LOADERS, SHAPE_ONLY_LAYER_FACTORIES, TRANSPARENT_OPS } from './tfjs-facts';

export interface ActivationUse {
  call: ts.CallExpression;
  /** `tanh`, `relu`, or a layer's activation name. */
  name: string;
  /** The value the activation is applied to. */
  operand: ts.Expression;
  form: 'function' | 'method' | 'layer';
  /** A layer that applies a linear map before its activation (dense with `activation:`). */
  linearFirst: boolean;
  /** For the layer form: the factory that created the layer (`dense`, `activation`, `simpleRNN`). */
  layer?: string;
  /** A function of the file that applies the activation to its argument (`toPolarity` for `const toPolarity = (t) => tf.tanh(t)`). */
  helper?: string;
  /**
   * The value is a step's incoming state, and this activation is how the step makes that state's
   * new value (found at the end of the step): the name of the state.
   */
  previousStep?: string;
  /** The activation of a model's last layer, reached through `model.predict(x)`. */
  modelOutput?: boolean;
  /**
   * Found across a call boundary (in a method, or at the call sites of the function whose
   * parameter carries it): the activation's code serves other callers too, so it is not edited.
   */
  crossesCall?: boolean;
}

/**
 * A parameter whose argument is an activation's output at every call site of its function in the
 * file (`function readout(p, h) { return tf.relu(h) }` only ever called as `readout(p, recur(...))`
 * with `recur` returning `tf.tanh(...)`). Callbacks (whose callers are not in the file) and
 * functions never called here give nothing.
 */
function argumentActivation(model: FileModel, param: ts.ParameterDeclaration, depth: number): ActivationUse | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || (ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression)) || param.dotDotDotToken) return undefined;
  const name = functionName(fn);
  const index = fn.parameters.indexOf(param);
  // An activation helper's callers are reported one by one, where each applies it.
  if (!name || index < 0 || activationHelpers(model).has(fn)) return undefined;
  const sites = model.callSitesOf(fn);
  if (sites.length === 0) return undefined;
  const found = sites.map((c) => (c.arguments[index] ? producingActivation(model, c.arguments[index]!, depth + 1, []) : undefined));
  const first = agreed(found);
  return first && { ...first, crossesCall: true };
}

export interface ActivationHelper {
  /** The name calls use: the function's, or the method's (`this.act(x)`). */
  name: string;
  activation: string;
}

/**
 * Functions and methods of the file that apply one activation to their only parameter on every
 * return (`const squash = (t) => tf.tanh(t)`, `function bound(x) { return x.sigmoid(); }`,
 * `act(x) { return tf.tanh(x); }`), also through another such helper (`readState(s) { return
 * this.act(s); }`). A call of one is that activation applied to its argument.
 */
export const activationHelpers: (model: FileModel) => Map<FunctionLike, ActivationHelper> = lastFileMemo((model: FileModel) => {
  const out = new Map<FunctionLike, ActivationHelper>();
  const candidates = model.index.containers.filter((c): c is FunctionLike => {
    // A helper is small: an arrow's expression, or a body that is one `return` (no walk needed).
    if (!isFunctionLike(c) || c.parameters.length !== 1 || !c.body || !ts.isIdentifier(c.parameters[0]!.name)) return false;
    return !ts.isBlock(c.body) || (c.body.statements.length === 1 && ts.isReturnStatement(c.body.statements[0]!));
  });
  // Rounds: the direct helpers first, then helpers of those (a chain of three at most); a later
  // round looks only at functions whose return calls a helper the round before found.
  let found: Set<string> | undefined;
  for (let round = 0; round < 3; round++) {
    const added = new Set<string>();
    for (const c of candidates) {
      if (out.has(c) || (found && !(returnedExpressions(c) ?? []).some((r) => { const u = unwrap(r); return ts.isCallExpression(u) && found!.has(calleeName(u) ?? ''); }))) continue;
      const param = c.parameters[0]!.name as ts.Identifier;
      const returns = (returnedExpressions(c) ?? []).flatMap(branches);
      const names = new Set<string>();
      const all = returns.length > 0 && returns.every((r) => {
        const u = unwrap(r);
        const act = ts.isCallExpression(u) ? activationOf(model, u, out) : undefined;
        const operand = act && unwrap(act.operand);
        if (!act || act.form === 'layer' || !operand || !ts.isIdentifier(operand) || !model.scopes.refersTo(operand, param)) return false;
        names.add(act.name);
        return true;
      });
      const name = all ? functionName(c) : undefined;
      // `opts.activation === 'relu' ? tf.relu(t) : tf.tanh(t)`: whichever it picks, the helper
      // activates its argument (applied twice in a row, it stacks either way).
      const activation = [...names].sort().join('` or `');
      if (name && activation) { out.set(c, { name, activation }); added.add(name); }
    }
    if (added.size === 0) break;
    found = added;
  }
  return out;
});

/** The values a returned expression can take: both branches of `cond ? a : b`, nested. */
function branches(e: ts.Expression): ts.Expression[] {
  const u = unwrap(e);
  return ts.isConditionalExpression(u) ? [...branches(u.whenTrue), ...branches(u.whenFalse)] : [u];
}

/** The names activation helpers are called by (for `callsNamed`). */
export const activationHelperNames = lastFileMemo((model: FileModel): string[] =>
  [...new Set([...activationHelpers(model).values()].map((h) => h.name).concat(selectorHelperNames(model), selectedFieldNames(model)))]);

/**
 * The function a call of a possible helper runs: `squash(x)` (a function of the file), `this.act(x)`
 * / `super.act(x)` (a method, inherited ones too), and in an ES5 prototype method `this.gate(x)` or
 * `self.gate(x)` (after `var self = this`): the class's prototype method. Not `this.act(x)` when a
 * subclass overrides `act`: which code runs then depends on the instance.
 */
function helperCallee(model: FileModel, call: ts.CallExpression): FunctionLike | undefined {
  const recv = calleeReceiver(call);
  if (!recv) return model.functionArg(call.expression, false);
  const r = unwrap(recv);
  if (r.kind === ts.SyntaxKind.SuperKeyword) return resolveCallee(call, model.scopes, model.classes);
  const name = calleeName(call);
  if (!name) return undefined;
  const cls = r.kind === ts.SyntaxKind.ThisKeyword ? enclosingClassOfThis(call) : undefined;
  if (cls) return overriddenBelow(cls, name, model.classes) ? undefined : resolveCallee(call, model.scopes, model.classes);
  // ES5 code keeps its helpers on the prototype and reaches them through `this` or its alias,
  // exactly as a class does through `this`: the same question, the same answer.
  return r.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(r) ? thisPrototypeMethod(r, name) : undefined;
}

const NOT_TENSORS = new Set(['Math', 'console', 'JSON', 'Number']);

/** The `tf.layers.<factory>({... activation: 'x'})` call that created a layer expression, if found. */
export function layerCreation(model: FileModel, layer: ts.Expression): { factory: string; activation?: string; activationProp?: ts.PropertyAssignment; create: ts.CallExpression } | undefined {
  const create = creatingCall(model, layer);
  if (!create) return undefined;
  const factory = model.tf.layerFactory(create);
  if (!factory) return undefined;
  const cfg = create.arguments[0] && unwrap(create.arguments[0]);
  // `tf.layers.timeDistributed({ layer: tf.layers.dense({ activation }) })` applies the inner layer
  // at every step: its output is the inner layer's.
  if (factory === 'timeDistributed' && cfg && ts.isObjectLiteralExpression(cfg)) {
    const inner = cfg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'layer');
    return inner ? layerCreation(model, inner.initializer) : undefined;
  }
  let activation: string | undefined;
  let activationProp: ts.PropertyAssignment | undefined;
  let configured = false;
  if (cfg && ts.isObjectLiteralExpression(cfg)) {
    for (const p of cfg.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'activation') {
        configured = true;
        const v = unwrap(p.initializer);
        if (ts.isStringLiteralLike(v)) { activation = v.text; activationProp = p; }
      }
    }
  }
  if (!configured) activation = DEFAULT_LAYER_ACTIVATION.get(factory);
  if (GATED_LAYER_FACTORIES.has(factory) && !squashesItsOutput(factory, activation, cfg)) return { factory, create };
  return { factory, activation, activationProp, create };
}

/**
 * Is a gated recurrent layer's output squashed by its `activation`, like a tanh's? An `lstm`'s
 * `o * tanh(c)` and a `gru`'s mix of tanh candidates lie in (-1, 1), so an activation layer (or
 * `tf.softmax`) straight after one works on values already squashed: it stacks. Not when the
 * layer's activation is unbounded (`relu`, `linear`: `o * relu(c)` is no squashed value), nor
 * with `returnState` (its outputs include the cell state, which is unbounded), nor for the cells
 * and `convLstm2d` (see SQUASHED_RECURRENT_LAYER_FACTORIES).
 */
function squashesItsOutput(factory: string, activation: string | undefined, cfg: ts.Expression | undefined): boolean {
  if (!SQUASHED_RECURRENT_LAYER_FACTORIES.has(factory) || !activation || !BOUNDED_ACTIVATIONS.has(activation)) return false;
  const returnState = cfg && ts.isObjectLiteralExpression(cfg)
    ? cfg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && declaredMemberName(p) === 'returnState') : undefined;
  return !returnState || unwrap(returnState.initializer).kind === ts.SyntaxKind.FalseKeyword;
}

/** `model.getLayer('head')`: a layer fetched from a model by its name. */
function isLayerFetchByName(model: FileModel, call: ts.CallExpression): boolean {
  return calleeName(call) === 'getLayer' && !!calleeReceiver(call) && model.tf.fn(call) === undefined;
}

/**
 * The creation of the layer `model.getLayer('head')` fetches: the layer made in the file with
 * `name: 'head'`, when the model is one the file builds (a loaded model's layers are whatever was
 * saved) and every layer of the file given that name is made alike (two models may reuse a name
 * for different layers: then which one is fetched is not known here).
 */
function layerFetchedByName(model: FileModel, call: ts.CallExpression): ts.CallExpression | undefined {
  const arg = call.arguments.length === 1 ? unwrap(call.arguments[0]!) : undefined;
  if (!arg || !ts.isStringLiteralLike(arg) || !isModelBuiltInFile(model, calleeReceiver(call)!, 0)) return undefined;
  const made = layersByName(model).get(arg.text) ?? [];
  const first = made[0] && layerCreation(model, made[0]);
  const alike = !!first && made.every((c) => { const l = layerCreation(model, c); return l?.factory === first.factory && l.activation === first.activation; });
  return alike ? made[0] : undefined;
}

/** The layers the file makes with a literal `name:` (`tf.layers.dense({ name: 'head', ... })`), by name; one pass over the file's calls. */
const layersByName = lastFileMemo((model: FileModel): Map<string, ts.CallExpression[]> => {
  const out = new Map<string, ts.CallExpression[]>();
  for (const c of model.index.calls) {
    const cfg = c.arguments[0] && unwrap(c.arguments[0]);
    if (!cfg || !ts.isObjectLiteralExpression(cfg) || !model.tf.layerFactory(c)) continue;
    const prop = cfg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && declaredMemberName(p) === 'name');
    const name = prop && unwrap(prop.initializer);
    if (!name || !ts.isStringLiteralLike(name)) continue;
    const list = out.get(name.text);
    if (list) list.push(c);
    else out.set(name.text, [c]);
  }
  return out;
});

/**
 * Is `expr` a model the file builds (`tf.sequential()`, `tf.model(...)`), held by a variable that
 * is never reassigned, a `this` field, or returned on every return of a builder of the file
 * (`const model = buildSentimentModel(n)`)? Not a loaded model, nor a parameter.
 */
function isModelBuiltInFile(model: FileModel, expr: ts.Expression, depth: number): boolean {
  const e = unwrapAwaited(expr);
  if (depth > MAX_DEPTH) return false;
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    const decl = b?.parent;
    if (!b || !decl || !ts.isVariableDeclaration(decl) || decl.name !== b || !decl.initializer) return false;
    const scope = decl.parent.parent.parent ?? decl;
    if ((decl.parent.flags & ts.NodeFlags.Const) === 0 && model.scopes.writes(b, scope).length > 0) return false;
    return isModelBuiltInFile(model, decl.initializer, depth + 1);
  }
  if (thisFieldName(e) !== undefined) {
    const made = creatingCall(model, e);
    return !!made && isModelBuiltInFile(model, made, depth + 1);
  }
  if (!ts.isCallExpression(e)) return false;
  const fn = model.tf.fn(e);
  if (fn !== undefined) return fn === 'sequential' || fn === 'model';
  const builder = !calleeReceiver(e) ? model.functionArg(e.expression, false) : undefined;
  const returns = builder ? returnedExpressions(builder) ?? [] : [];
  return returns.length > 0 && returns.every((r) => isModelBuiltInFile(model, r, depth + 1));
}

function creatingCall(model: FileModel, expr: ts.Expression, depth = 0): ts.CallExpression | undefined {
  const e = unwrap(expr);
  if (depth > 4) return undefined;
  // `model.getLayer('head')` is the layer the file made with `name: 'head'`.
  if (ts.isCallExpression(e)) return isLayerFetchByName(model, e) ? layerFetchedByName(model, e) : e;
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    const init = b && initializerOf(b);
    return init ? creatingCall(model, init, depth + 1) : undefined;
  }
  // `net.head` with `net` the object a builder of the file returns (`return { cell, embed, head }`),
  // held by a variable or passed by every caller: the layer, when every value is the same creation.
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(unwrap(e.expression)) && thisFieldName(e) === undefined) {
    const made = memberValues(model, e.expression, e.name.text, depth + 1)?.map((v) => creatingCall(model, v, depth + 1));
    return made && made.length > 0 && made.every((c) => c === made[0]) ? made[0] : undefined;
  }
  const field = thisFieldName(e);
  if (field !== undefined) {
    let found: ts.CallExpression | undefined;
    for (const holder of thisHolders(e)) {
      walk(holder, (n) => {
        if (found) return false;
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(n.left) === field) {
          const r = unwrap(n.right);
          if (ts.isCallExpression(r)) found = r;
        } else if (ts.isPropertyDeclaration(n) && declaredMemberName(n) === field && n.initializer) {
          const r = unwrap(n.initializer);
          if (ts.isCallExpression(r)) found = r;
        }
      });
    }
    return found;
  }
  return undefined;
}

/**
 * If `call` applies an activation, describes it. `helpers`: the activation helpers to recognise
 * (all of the file's unless given; activationHelpers passes the ones found so far).
 */
export function activationOf(model: FileModel, call: ts.CallExpression, helpers?: ReadonlyMap<FunctionLike, ActivationHelper>): ActivationUse | undefined {
  const fn = model.tf.fn(call);
  if (fn !== undefined) {
    if (ACTIVATION_OPS.has(fn) && call.arguments[0]) {
      return { call, name: fn, operand: call.arguments[0], form: 'function', linearFirst: false };
    }
    return undefined;
  }
  const name = calleeName(call);
  const recv = calleeReceiver(call);
  if (name && call.arguments.length === 1) {
    const table = helpers ?? activationHelpers(model);
    const fnOf = table.size > 0 && model.index.callableNames.has(name) ? helperCallee(model, call) : undefined;
    const helper = fnOf && table.get(fnOf);
    if (helper) return { call, name: helper.activation, operand: call.arguments[0]!, form: 'function', linearFirst: false, helper: name };
  }
  // `this.act(n)`: a function the constructor picked from a table of activations by a value known here.
  if (recv && call.arguments.length === 1 && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword) {
    const selected = selectedFieldActivation(model, call);
    if (selected) return { call, name: selected.name, operand: selected.operand, form: 'function', linearFirst: false, helper: name };
  }
  // `activate(x, this.act)`: a helper choosing its activation by a configuration value known here.
  if (name && call.arguments.length === 2 && model.index.callableNames.has(name)) {
    const selected = selectedActivation(model, call);
    if (selected) return { call, name: selected.name, operand: selected.operand, form: 'function', linearFirst: false, helper: name };
  }
  if (!name || !recv) return undefined;
  if (ACTIVATION_OPS.has(name) && model.tf.path(recv) === undefined) {
    const base = unwrap(recv);
    if (ts.isIdentifier(base) && NOT_TENSORS.has(base.text)) return undefined;
    // Tensor methods take no tensor argument (`x.tanh()`, `x.leakyRelu(0.2)`, `x.softmax(-1)`).
    const arg = call.arguments[0];
    if (call.arguments.length > 1 || (arg && !ts.isNumericLiteral(unwrap(arg)) && !ts.isPrefixUnaryExpression(unwrap(arg)))) return undefined;
    return { call, name, operand: recv, form: 'method', linearFirst: false };
  }
  if (name === 'apply' && call.arguments[0]) {
    const layer = layerCreation(model, recv);
    if (layer?.activation && LAYER_ACTIVATIONS.has(layer.activation)) {
      return { call, name: layer.activation, operand: call.arguments[0], form: 'layer', linearFirst: layer.factory !== 'activation', layer: layer.factory };
    }
  }
  return undefined;
}

/** Losses that apply an activation to the logits they are given (their second argument). */
const LOGIT_LOSSES = new Map([['sigmoidCrossEntropy', 'sigmoid'], ['softmaxCrossEntropy', 'softmax']]);

/**
 * `tf.losses.sigmoidCrossEntropy(labels, logits)`: the loss, the activation it applies inside,
 * and the value it applies it to. Kept apart from activationOf: a loss's output is no activation.
 */
export function lossActivationOf(model: FileModel, call: ts.CallExpression): { loss: string; name: string; operand: ts.Expression } | undefined {
  const path = model.tf.path(call.expression);
  const loss = path && path.length === 2 && path[0] === 'losses' ? path[1]! : undefined;
  const name = loss && LOGIT_LOSSES.get(loss);
  return name && call.arguments[1] ? { loss: loss!, name, operand: call.arguments[1] } : undefined;
}

/** The loss names lossActivationOf knows, for `callsNamed`. */
export const LOGIT_LOSS_NAMES: readonly string[] = [...LOGIT_LOSSES.keys()];

/**
 * The activation whose output `expr` is, seen through parentheses, casts, shape-only ops and
 * single-assignment variables; undefined when anything that mixes values stands between.
 */
export function producingActivation(model: FileModel, expr: ts.Expression, depth = 0, via: ts.Identifier[] = []): ActivationUse | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    const act = activationOf(model, e);
    if (act) return act;
    const fn = model.tf.fn(e);
    // `tf.tidy(() => tf.tanh(z))` returns what its callback returns.
    if (fn === 'tidy') {
      const ret = model.tidyResult(e);
      return ret ? producingActivation(model, ret, depth + 1, via) : undefined;
    }
    if (fn !== undefined) {
      const scaled = scaledByConstant(model, fn, e.arguments);
      if (scaled) return producingActivation(model, scaled, depth + 1, via);
      // `tf.concat(probs, 0)` of per-step outputs: what every element of the list is (not edited there).
      if (JOINING_OPS.has(fn) && e.arguments[0]) {
        const joined = elementsActivation(model, e.arguments[0], depth + 1);
        return joined && { ...joined, crossesCall: true };
      }
      return TRANSPARENT_OPS.has(fn) && e.arguments[0] ? producingActivation(model, e.arguments[0], depth + 1, via) : undefined;
    }
    const name = calleeName(e);
    const recv = calleeReceiver(e);
    if (name && recv && TRANSPARENT_OPS.has(name)) return producingActivation(model, recv, depth + 1, via);
    // `model.predict(x)`: the output of the model's last layer.
    if (name && recv && MODEL_RUN_CALLS.has(name)) {
      const act = modelOutputActivation(model, recv, depth + 1);
      if (act) return { ...act, modelOutput: true };
    }
    // `hs.at(-1)`, `outputs.pop()`: an element of an array of activations.
    if (name && recv && ARRAY_ELEMENT_READS.has(name) && ts.isIdentifier(unwrap(recv))) return pushedActivation(model, unwrap(recv) as ts.Identifier, depth);
    const scaledRecv = name && recv && e.arguments.length === 1 ? scaledByConstant(model, name, [recv, e.arguments[0]!]) : undefined;
    if (scaledRecv) return producingActivation(model, scaledRecv, depth + 1, via);
    // A helper of this file whose every return is an activation (`const squash = (z) => tf.tanh(z)`),
    // or a method of the class (`this.gate(x, h, p)` returning `tf.sigmoid(...)`).
    const helper = !recv ? model.functionArg(e.expression) : helperCallee(model, e);
    if (helper) {
      const callee = unwrap(e.expression);
      const id = ts.isIdentifier(callee) ? callee : undefined;
      const results = (returnedExpressions(helper) ?? []).map((r) => producingActivation(model, r, depth + 1, id ? [...via, id] : [...via]));
      if (results.length > 0 && results.every((r) => r !== undefined)) {
        if (id) via.push(id);
        // A method's body is shared by every caller we did not look at: no edit inside it.
        return id ? results[0] : { ...results[0]!, crossesCall: true };
      }
    }
    // `this.proposal(x, h)` that subclasses override (abstract in the base): what every
    // implementation in the file returns, when they all agree.
    const self = recv && !helper && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword ? enclosingClassOfThis(e) : undefined;
    if (self && name) {
      const results = implementationsOf(self, name, model.classes).flatMap((f): (ts.Expression | undefined)[] => [...(returnedExpressions(f) ?? [undefined])])
        .map((r) => (r ? producingActivation(model, r, depth + 1, []) : undefined));
      const first = agreed(results);
      if (first) return { ...first, crossesCall: true };
    }
    // `core.policy(h)`, `ro.apply(h)`: a method of an object whose class the file knows, on every return.
    // (Only a name some function of the file is declared under: most calls here are tensor methods.)
    const method = recv && !helper && !self && name && model.index.callableNames.has(name) ? receiverMethod(model, recv, name, depth + 1) : undefined;
    if (method) {
      const first = agreed((returnedExpressions(method) ?? []).map((r) => producingActivation(model, r, depth + 1, [])));
      if (first) return { ...first, crossesCall: true };
    }
    return undefined;
  }
  // `hs[hs.length - 1]`: an element of an array of activations.
  if (ts.isElementAccessExpression(e) && ts.isIdentifier(unwrap(e.expression))) return pushedActivation(model, unwrap(e.expression) as ts.Identifier, depth);
  // `squash(this.h)` in a method that advances `this.h`: what the method stored one call earlier.
  if (thisFieldName(e) !== undefined) return fieldStateActivation(model, e, depth);
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    if (!b) return undefined;
    via.push(e);
    const decl = b.parent;
    if (ts.isParameter(decl) && decl.name === b) {
      return elementParamActivation(model, decl, depth) ?? previousStepActivation(model, decl, depth) ??
        compiledLossPredictionActivation(model, decl, depth) ?? argumentActivation(model, decl, depth);
    }
    // `const [x, state] = inputs` in a cell's `call`: the state its previous step returned.
    if (ts.isBindingElement(decl) && decl.name === b) {
      const previous = destructuredStateActivation(model, b, depth);
      if (previous) return previous;
    }
    // `const [i, f, o] = gates`: an element of an array of activations.
    if (ts.isBindingElement(decl) && decl.name === b && !decl.dotDotDotToken && ts.isArrayBindingPattern(decl.parent) &&
        ts.isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer) {
      const init = decl.parent.parent.initializer;
      // `const [dist, next] = dec.step(...)`: element k of what a function of the file returns;
      // `const [p, h2, c2] = decoder.predict([...])`: output k of a model with several.
      const k = decl.parent.elements.indexOf(decl);
      const act = elementsActivation(model, init, depth + 1) ?? returnedElementActivation(model, init, k, depth + 1) ?? predictedOutputActivation(model, init, k, depth + 1);
      return act && { ...act, crossesCall: true };
    }
    if (!ts.isVariableDeclaration(decl) || decl.name !== b) return undefined;
    const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    if (!isConst) {
      const scope = decl.parent.parent.parent ?? decl;
      if (model.scopes.writes(b, scope).length > 0) {
        const value = reachingAssignment(model, b, e);
        return value ? producingActivation(model, value, depth + 1, via) : undefined;
      }
    }
    const init = initializerOf(b);
    return init ? producingActivation(model, init, depth + 1, via) : undefined;
  }
  return undefined;
}

/**
 * The method `name` an object runs when its class is known (see knownClassMethod): also for a
 * parameter (`function chooseMove(agent, h) { agent.policy(h) }`) when every caller in the file
 * passes an object whose method that is. Callbacks and functions never called here give nothing.
 */
function receiverMethod(model: FileModel, recv: ts.Expression, name: string, depth: number): FunctionLike | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const r = unwrap(recv);
  const known = knownClassMethod(r, name, model.scopes, model.classes);
  if (known || !ts.isIdentifier(r)) return known;
  const b = model.scopes.resolve(r);
  const param = b?.parent;
  if (!param || !ts.isParameter(param) || param.name !== b || param.dotDotDotToken) return undefined;
  const fn = param.parent;
  if (!isFunctionLike(fn) || (ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression))) return undefined;
  const index = fn.parameters.indexOf(param);
  const sites = index >= 0 ? model.callSitesOf(fn) : [];
  const methods = sites.map((c) => (c.arguments[index] ? receiverMethod(model, c.arguments[index]!, name, depth + 1) : undefined));
  return methods.length > 0 && methods.every((m) => m !== undefined && m === methods[0]) ? methods[0] : undefined;
}

/**
 * `model.compile({ loss: (yTrue, yPred) => ... })`: tfjs calls a loss function with the labels and
 * the model's output, so its second parameter is what the model's last layer applies (the same
 * question `model.predict(x)` asks). Only a function written in the `loss:` property of the
 * `compile` call: its caller is then certainly the model's training, with no other call site. A
 * model with several outputs (a loss per output) gives nothing here.
 */
function compiledLossPredictionActivation(model: FileModel, param: ts.ParameterDeclaration, depth: number): ActivationUse | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[1] !== param) return undefined;
  const prop = fn.parent;
  if (!ts.isPropertyAssignment(prop) || prop.initializer !== fn || declaredMemberName(prop) !== 'loss') return undefined;
  const config = prop.parent;
  const compile = config.parent;
  if (!ts.isCallExpression(compile) || compile.arguments[0] !== config || calleeName(compile) !== 'compile') return undefined;
  const recv = calleeReceiver(compile);
  const act = recv && modelOutputActivation(model, recv, depth + 1);
  return act && { ...act, modelOutput: true, crossesCall: true };
}

/** `model.predict(inputs)` destructured: the activation output `index` of the model ends in. */
function predictedOutputActivation(model: FileModel, init: ts.Expression, index: number, depth: number): ActivationUse | undefined {
  const call = unwrap(init);
  const recv = ts.isCallExpression(call) ? calleeReceiver(call) : undefined;
  if (!recv || !MODEL_RUN_CALLS.has(calleeName(call as ts.CallExpression) ?? '')) return undefined;
  const act = modelOutputActivation(model, recv, depth, index);
  return act && { ...act, modelOutput: true };
}

/**
 * A state the object keeps in a field, read by a method that advances it (`observe(s) { const
 * prev = squash(this.h); ... this.h = next; }`, see fieldsAdvancedBy) before the method writes it:
 * the value read is the one the method stored on its previous call. When every value the object's
 * code (its class, bases and subclasses, class or ES5) stores in the field is one activation's
 * output, the method's own writes included, apart from the constructor's initial value and fresh
 * resets (`tf.zeros(...)`, `null`), so is the value read, from the second call on. A compound or
 * destructuring write of the field, or a write of a member of that name on another object, that is
 * not a fresh tensor gives nothing.
 */
function fieldStateActivation(model: FileModel, read: ts.Expression, depth: number): ActivationUse | undefined {
  const field = thisFieldName(read);
  const method = field !== undefined && depth <= MAX_DEPTH ? model.ownerThroughTidy(read) : undefined;
  if (!method || !isObjectMethod(method) || !fieldsAdvancedBy(model, method).includes(field!)) return undefined;
  const holders = familyHolders(model, method);
  const acts: ActivationUse[] = [];
  let own = false;
  for (const holder of holders) {
    for (const w of nodesInside(model.index.writes, holder)) {
      if (!ts.isBinaryExpression(w)) continue;
      const left = unwrap(w.left);
      if (thisFieldName(left) !== field) {
        if ((ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) && assignsField(left, field!)) return undefined;
        continue;
      }
      // The initial value, set once before any step.
      const owner = thisOwner((left as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
      if (owner && (ts.isConstructorDeclaration(owner) || (ts.isFunctionDeclaration(owner) && !!owner.name && prototypeClasses(model.sf).has(owner.name.text)))) continue;
      if (w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
      if (isFreshState(model, w.right)) continue;
      const act = producingActivation(model, w.right, depth + 1, []);
      if (!act) return undefined;
      acts.push(act);
      if (model.ownerThroughTidy(w) === method) {
        // Written before the read: the read sees this call's value, not the previous call's.
        if (w.pos < read.pos) return undefined;
        own = true;
      }
    }
  }
  // `other.h = saved` on some other object may write this one's field: only fresh tensors there.
  for (const w of model.index.writes) {
    if (!ts.isBinaryExpression(w)) continue;
    const left = unwrap(w.left);
    if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && memberName(left) === field &&
        thisFieldName(left) === undefined && !isFreshState(model, w.right)) return undefined;
  }
  const first = own ? agreed(acts) : undefined;
  return first && { ...first, crossesCall: true, previousStep: accessPath(read) ?? `this.${field}` };
}

/** A method of a class, or of an ES5 prototype class (`X.prototype.step = function`). */
function isObjectMethod(fn: FunctionLike): boolean {
  return (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) || prototypeClassOf(fn) !== undefined;
}

/**
 * Where the objects a method may run on get their fields written: its class with its bases and
 * subclasses; for an ES5 method, the constructor functions and prototype methods of its class, bases
 * and subclasses.
 */
function familyHolders(model: FileModel, method: FunctionLike): ts.Node[] {
  const cls = method.parent;
  if (ts.isClassLike(cls)) return classFamily(cls, model.classes);
  const owner = prototypeClassOf(method);
  return owner ? prototypeFamily(model.sf, owner).flatMap((name) => prototypeHolders(model.sf, name)) : [];
}

/** Does a destructuring target (`[this.h, y] = ...`, `({ h: this.h } = ...)`) write `this.<field>`? */
function assignsField(target: ts.Node, field: string): boolean {
  let found = false;
  walk(target, (n) => {
    if (found) return false;
    if (thisFieldName(n) === field) found = true;
  });
  return found;
}

/** Tensor factories a state is reset with (a fresh start, like the initial value). */
const FRESH_STATE_OPS = new Set(['zeros', 'zerosLike', 'ones', 'onesLike', 'fill']);

/** `tf.zeros([1, units])`, `null`, `undefined`: a reset, not a value computed by a step. */
function isFreshState(model: FileModel, expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return true;
  if (!ts.isCallExpression(e)) return false;
  const fn = model.tf.fn(e);
  if (fn === 'keep' && e.arguments[0]) return isFreshState(model, e.arguments[0]);
  return fn !== undefined && FRESH_STATE_OPS.has(fn);
}

/** Element `index` of what a function or method of the file returns on every return (`return [this.head.apply(out), hNew]`, also from a `tf.tidy` callback). */
function returnedElementActivation(model: FileModel, init: ts.Expression, index: number, depth: number): ActivationUse | undefined {
  const call = unwrap(init);
  // `const [next, y] = tf.tidy(() => { ...; return [hNew, y]; })`: element k of the callback's return.
  if (ts.isCallExpression(call) && model.tf.fn(call) === 'tidy') {
    const ret = model.tidyResult(call);
    const arr = ret && unwrap(ret);
    const el = arr && ts.isArrayLiteralExpression(arr) ? arr.elements[index] : undefined;
    return el && !ts.isSpreadElement(el) && depth <= MAX_DEPTH ? producingActivation(model, el, depth + 1, []) : undefined;
  }
  if (depth > MAX_DEPTH || !ts.isCallExpression(call) || model.tf.fn(call) !== undefined) return undefined;
  const fn = resolveCallee(call, model.scopes, model.classes);
  const returns = fn && returnedExpressions(fn);
  if (!returns || returns.length === 0) return undefined;
  return agreed(returns.map((r) => {
    let e = unwrap(r);
    if (ts.isCallExpression(e) && model.tf.fn(e) === 'tidy') e = unwrap(model.tidyResult(e) ?? e);
    const el = ts.isArrayLiteralExpression(e) ? e.elements[index] : undefined;
    return el && !ts.isSpreadElement(el) ? producingActivation(model, el, depth + 1, []) : undefined;
  }));
}

/**
 * The incoming state of a step (`step(x, h)`, `forward(input, state)`) is what the step returned
 * as that state one step earlier: when every new value it returns for the state is one
 * activation's output (`return tf.tanh(pre)`), so is the parameter, from the second step on.
 */
function previousStepActivation(model: FileModel, param: ts.ParameterDeclaration, depth: number): ActivationUse | undefined {
  const fn = param.parent;
  const step = isFunctionLike(fn) ? model.stepOf(fn) : undefined;
  const k = step?.paramState.get(fn.parameters.indexOf(param));
  const state = step && k !== undefined && k >= 0 ? step.states[k] : undefined;
  return step && state ? stateActivation(model, step, state, depth) : undefined;
}

/** The same for a state a step destructures from its inputs (`const [x, h] = inputs` in a cell's `call`, also inside its `tf.tidy`). */
function destructuredStateActivation(model: FileModel, binding: ts.Identifier, depth: number): ActivationUse | undefined {
  const step = model.stepOf(model.ownerThroughTidy(binding) ?? binding);
  const state = step?.states.find((s) => s.binding === binding);
  return step && state ? stateActivation(model, step, state, depth) : undefined;
}

function stateActivation(model: FileModel, step: Step, state: StateInput, depth: number): ActivationUse | undefined {
  const acts = newStatePositions(step, state).map((p) => producingActivation(model, p.node, depth + 1, []));
  const first = agreed(acts);
  return first && { ...first, crossesCall: true, previousStep: state.name };
}

/**
 * How many hops (a variable, a call site, a helper's return, a model's builder) the search for an
 * inner activation follows: a model's output reached through a sampler's parameter is about ten.
 */
const MAX_DEPTH = 10;

/** Calls that run a whole model on an input and return its output (`apply` on a model: on a layer, activationOf answers first). */
const MODEL_RUN_CALLS = new Set(['predict', 'predictOnBatch', 'apply']);

/**
 * The activation a model's last layer applies, for a model expression: `tf.sequential()` with its
 * `model.add(...)` calls (or `layers: [...]`), `tf.model({ inputs, outputs })`, a function of the
 * file that builds and returns one, a variable or `this` field holding one, or a parameter every
 * caller in the file passes one. A model whose last layer has no activation (or a recurrent one)
 * gives nothing.
 */
function modelOutputActivation(model: FileModel, expr: ts.Expression, depth: number, index?: number): ActivationUse | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // `const model = await loadGenerator()`: an async builder's model is the one its returns give.
  const e = unwrapAwaited(expr);
  // `models.decoder` with `models` the object a builder of the file returns (`{ encoder, decoder }`).
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(unwrap(e.expression)) && thisFieldName(e) === undefined) {
    const values = memberValues(model, e.expression, e.name.text, depth + 1);
    return values && agreedModelOutputs(model, values, depth + 1, index);
  }
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    const decl = b?.parent;
    if (!b || !decl) return undefined;
    if (ts.isParameter(decl) && decl.name === b) return index === undefined ? parameterModelActivation(model, decl, depth) : undefined;
    // `const { vocab, model } = await loadArtifacts(dir)`: the member every return of the helper gives.
    const member = destructuredMember(decl);
    if (member) {
      const values = memberValues(model, member.from, member.name, depth + 1);
      return values && agreedModelOutputs(model, values, depth + 1, index);
    }
    if (!ts.isVariableDeclaration(decl) || decl.name !== b || !decl.initializer) return undefined;
    const scope = decl.parent.parent.parent ?? decl;
    if ((decl.parent.flags & ts.NodeFlags.Const) === 0 && model.scopes.writes(b, scope).length > 0) return undefined;
    const init = unwrap(decl.initializer);
    // `const m = tf.sequential(); m.add(...)`: the last layer added to this variable.
    if (ts.isCallExpression(init) && model.tf.fn(init) === 'sequential' && init.arguments.length === 0) {
      if (index !== undefined) return undefined;
      const adds = model.callsNamed(['add']).filter((c) => {
        const r = calleeReceiver(c);
        return calleeName(c) === 'add' && c.arguments.length === 1 && !!r && ts.isIdentifier(unwrap(r)) && model.scopes.refersTo(unwrap(r) as ts.Identifier, b);
      });
      const last = adds[adds.length - 1];
      return last ? layerOutputActivation(model, last.arguments[0]!) : undefined;
    }
    return modelOutputActivation(model, init, depth + 1, index);
  }
  if (thisFieldName(e) !== undefined) {
    if (index !== undefined) return undefined;
    const made = creatingCall(model, e);
    // `this.model = tf.sequential(); this.model.add(...)`: the last layer added to the field.
    if (made && model.tf.fn(made) === 'sequential' && made.arguments.length === 0) return fieldModelOutput(model, e);
    if (made) return modelOutputActivation(model, made, depth + 1);
    // `constructor(private readonly model: LayersModel)` with `new Batcher(buildModel())`: every
    // model the file passes in must end in the same activation.
    const cls = enclosingClassOfThis(e);
    const args = cls && fieldConstructorArgs(model, cls, thisFieldName(e)!);
    if (cls && !args) return outsideModelFieldActivation(model, cls, thisFieldName(e)!);
    const acts = args?.map((a) => modelOutputActivation(model, a, depth + 1));
    return acts && acts.length > 0 && acts.every((a) => a && a.name === acts[0]!.name) ? acts[0] : undefined;
  }
  if (!ts.isCallExpression(e)) return undefined;
  const fn = model.tf.fn(e);
  const cfg = e.arguments[0] && unwrap(e.arguments[0]);
  const prop = (key: string): ts.Expression | undefined => cfg && ts.isObjectLiteralExpression(cfg)
    ? cfg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key)?.initializer
    : undefined;
  if (fn === 'sequential') {
    if (index !== undefined) return undefined;
    const layers = prop('layers');
    const list = layers && unwrap(layers);
    const last = list && ts.isArrayLiteralExpression(list) ? list.elements[list.elements.length - 1] : undefined;
    return last && !ts.isSpreadElement(last) ? layerOutputActivation(model, last) : undefined;
  }
  if (fn === 'model') {
    const outputs = prop('outputs');
    const list = outputs && unwrap(outputs);
    // One output; or, for a model with several (`outputs: [probs, hOut, cOut]`), the one asked for.
    const output = list && !ts.isArrayLiteralExpression(list) ? (index === undefined ? list : undefined)
      : list && index !== undefined ? list.elements[index] : undefined;
    const act = output && !ts.isSpreadElement(output) ? producingActivation(model, output, depth + 1, []) : undefined;
    return act && { ...act, crossesCall: true };
  }
  if (fn !== undefined || calleeReceiver(e)) return undefined;
  // `buildModel()`: what the function returns, on every return.
  const builder = model.functionArg(e.expression, false);
  return builder ? agreedModelOutputs(model, returnedExpressions(builder) ?? [], depth + 1, index) : undefined;
}

/**
 * The activation every one of `models` (the values a builder returns, or a member of the objects
 * it returns) ends in. A model loaded back from the address the file itself saves to
 * (`resume()` returning `await tf.loadLayersModel(CKPT)` or else `buildModel()`, with
 * `model.save(CKPT)` in the training loop) is a checkpoint of the model the file trains: its layers
 * are those of the models built beside it, so it leaves the answer to them. At least one must be
 * built here: checkpoints alone say nothing about their last layer.
 */
function agreedModelOutputs(model: FileModel, models: readonly ts.Expression[], depth: number, index?: number): ActivationUse | undefined {
  const built = models.filter((m) => !isOwnCheckpointLoad(model, m));
  return built.length > 0 ? agreed(built.map((m) => modelOutputActivation(model, m, depth, index))) : undefined;
}

/**
 * Is `expr` (through `await` and a `const`) `tf.loadLayersModel(url)` from an address some
 * `x.save(url)` of the file writes to: the same `const` name, or the same string? An address the
 * file only reads (a pretrained model from a server) may hold any model, so it is not one.
 */
function isOwnCheckpointLoad(model: FileModel, expr: ts.Expression): boolean {
  let e = unwrapAwaited(expr);
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    const decl = b?.parent;
    const init = b && decl && ts.isVariableDeclaration(decl) && (decl.parent.flags & ts.NodeFlags.Const) !== 0 ? initializerOf(b) : undefined;
    if (!init) return false;
    e = unwrapAwaited(init);
  }
  if (!ts.isCallExpression(e) || !MODEL_LOADERS.includes(model.tf.fn(e) ?? '') || !e.arguments[0]) return false;
  const url = addressKey(model, e.arguments[0]);
  return url !== undefined && savedAddresses(model).has(url);
}

/** The addresses the file saves models to (`model.save(CKPT_URL)`), as addressKey gives them. */
const savedAddresses = lastFileMemo((model: FileModel): Set<unknown> => {
  const keys = new Set<unknown>();
  for (const c of model.callsNamed(['save'])) {
    const key = calleeName(c) === 'save' && calleeReceiver(c) && c.arguments[0] ? addressKey(model, c.arguments[0]) : undefined;
    if (key !== undefined) keys.add(key);
  }
  return keys;
});

/** What names an address: the text of a string literal, or the `const` binding a name resolves to. */
function addressKey(model: FileModel, expr: ts.Expression): unknown {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (!ts.isIdentifier(e)) return undefined;
  const b = model.scopes.resolve(e);
  const decl = b?.parent;
  if (!b || !decl || !ts.isVariableDeclaration(decl) || (decl.parent.flags & ts.NodeFlags.Const) === 0) return undefined;
  // `const CKPT = 'indexeddb://m'`: the same string under another name is the same address.
  const init = initializerOf(b);
  const lit = init && unwrap(init);
  return lit && ts.isStringLiteralLike(lit) ? lit.text : b;
}

/**
 * What the member `name` of an object can be: `{ encoder, decoder }` returned by a builder of the
 * file, held by a variable or passed by every caller as a parameter. Undefined when any is unknown.
 */
function memberValues(model: FileModel, obj: ts.Expression, name: string, depth: number): ts.Expression[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // `await loadArtifacts(dir)`: an async helper's object is the one its returns build.
  const e = unwrapAwaited(obj);
  if (ts.isObjectLiteralExpression(e)) {
    const p = e.properties.find((q) => q.name && ts.isIdentifier(q.name) && q.name.text === name);
    return p && ts.isShorthandPropertyAssignment(p) ? [p.name] : p && ts.isPropertyAssignment(p) ? [p.initializer] : undefined;
  }
  const collect = (parts: readonly ts.Expression[]): ts.Expression[] | undefined => {
    const all = parts.map((x) => memberValues(model, x, name, depth + 1));
    return all.length > 0 && all.every((a) => a !== undefined) ? all.flat() as ts.Expression[] : undefined;
  };
  if (ts.isCallExpression(e)) {
    const builder = model.tf.fn(e) === undefined && !calleeReceiver(e) ? model.functionArg(e.expression, false) : undefined;
    return builder ? collect(returnedExpressions(builder) ?? []) : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const b = model.scopes.resolve(e);
  const decl = b?.parent;
  if (!b || !decl) return undefined;
  if (ts.isParameter(decl) && decl.name === b && isFunctionLike(decl.parent)) {
    const index = decl.parent.parameters.indexOf(decl);
    const args = model.callSitesOf(decl.parent).map((c) => c.arguments[index]);
    return args.every((a) => a !== undefined) ? collect(args as ts.Expression[]) : undefined;
  }
  const init = initializerOf(b);
  return init && ts.isVariableDeclaration(decl) && (decl.parent.flags & ts.NodeFlags.Const) !== 0 ? collect([init]) : undefined;
}

/**
 * `{ model }` or `{ net: model }` in `const { model } = init` (a `const`, one level of pattern, no
 * rest or default): the object it is taken from and the member's name. A default could stand in
 * for a missing member, so a binding with one is not followed.
 */
function destructuredMember(decl: ts.Node): { from: ts.Expression; name: string } | undefined {
  if (!ts.isBindingElement(decl) || decl.dotDotDotToken || decl.initializer || !ts.isObjectBindingPattern(decl.parent)) return undefined;
  const holder = decl.parent.parent;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || (holder.parent.flags & ts.NodeFlags.Const) === 0) return undefined;
  const key = decl.propertyName ?? decl.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) ? { from: holder.initializer, name: key.text } : undefined;
}

/** `this.model.add(layer)` (or `self.model.add`) in the object's class or ES5 constructor and methods: the last layer's activation. */
function fieldModelOutput(model: FileModel, field: ts.Expression): ActivationUse | undefined {
  const name = thisFieldName(field);
  const holders = thisHolders(field);
  if (name === undefined || holders.length === 0) return undefined;
  const adds = model.callsNamed(['add']).filter((c) => {
    const r = calleeReceiver(c);
    return calleeName(c) === 'add' && c.arguments.length === 1 && !!r && thisFieldName(unwrap(r)) === name && thisHolders(unwrap(r))[0] === holders[0];
  });
  const last = adds[adds.length - 1];
  return last ? layerOutputActivation(model, last.arguments[0]!) : undefined;
}

/** A layer given to a model (`tf.layers.dense({ activation: 'softmax' })`): the activation its output ends in. */
function layerOutputActivation(model: FileModel, layer: ts.Expression): ActivationUse | undefined {
  const made = layerCreation(model, layer);
  if (!made?.activation || !LAYER_ACTIVATIONS.has(made.activation)) return undefined;
  return { call: made.create, name: made.activation, operand: made.create, form: 'layer', linearFirst: made.factory !== 'activation', layer: made.factory, crossesCall: true };
}

/** A model parameter (`function sample(model, x)`): the model every call of the function in the file passes. */
function parameterModelActivation(model: FileModel, param: ts.ParameterDeclaration, depth: number): ActivationUse | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || (ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression))) return undefined;
  const name = functionName(fn);
  const index = fn.parameters.indexOf(param);
  if (!name || index < 0) return undefined;
  const sites = model.callSitesOf(fn);
  // An entry point nothing in the file calls (`routes(app, model)`, exported): a `model` parameter
  // is one of the models the file builds, when they all end alike and none is loaded from outside.
  if (sites.length === 0) return MODEL_NAME.test(param.name.getText()) ? builtModelsActivation(model) : undefined;
  return agreed(sites.map((c) => (c.arguments[index] ? modelOutputActivation(model, c.arguments[index]!, depth + 1) : undefined)));
}

/**
 * `this.model` of a wrapper class the file never makes, set from its constructor's `model`
 * parameter (`export class Suggester { constructor(model) { this.model = model } }` beside `export
 * function buildSuggestModel()`): a module that exports a builder and a wrapper means the wrapper
 * for that builder's model, so the field is taken for the models the file builds, on the same
 * terms as an entry point's `model` parameter (see parameterModelActivation): every model the file
 * builds ends in the same activation and none is loaded (a wrapper of a `tf.loadLayersModel` result
 * is not this). A parameter not named for a model is not assumed to hold one.
 */
function outsideModelFieldActivation(model: FileModel, cls: ts.ClassLikeDeclaration, field: string): ActivationUse | undefined {
  const from = fieldFromOutside(model, cls, field);
  return from && MODEL_NAME.test(from.name) ? builtModelsActivation(model) : undefined;
}

/** A name for a model (`model`, `lmModel`, `suggestModel`): the sign that a value from outside is one. */
const MODEL_NAME = /model/i;

/** The activation every model the file builds ends in (`const m = tf.sequential(); ... m.add(dense softmax)`), when the file loads none. */
const builtModelsActivation = lastFileMemo((model: FileModel): ActivationUse | undefined => {
  if (model.callsNamed(MODEL_LOADERS).length > 0) return undefined;
  const built = model.callsNamed(['sequential', 'model']).filter((c) => /^(sequential|model)$/.test(model.tf.fn(c) ?? ''));
  if (built.length === 0) return undefined;
  return agreed(built.map((c) => {
    const d = c.parent;
    // `const m = tf.sequential()` followed by `m.add(...)`: the variable; `tf.sequential({ layers })`: the call.
    return modelOutputActivation(model, ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) ? d.name : c, 1);
  }));
});

/** The activation every one of `acts` is (the same name; none missing), or undefined. */
function agreed(acts: readonly (ActivationUse | undefined)[]): ActivationUse | undefined {
  const first = acts[0];
  return first && acts.every((a) => a?.name === first.name) ? first : undefined;
}

/**
 * agreed() over `activationOf` each item, asked in order and no further than the first that is no
 * activation or another one: `tf.concat([x, h], 1)` in every cell of a file stops at `x`.
 */
function agreedOf<T>(items: readonly T[], activationOf: (item: T) => ActivationUse | undefined): ActivationUse | undefined {
  let first: ActivationUse | undefined;
  for (const item of items) {
    const act = activationOf(item);
    if (!act || (first && act.name !== first.name)) return undefined;
    first ??= act;
  }
  return first;
}

/** Array methods whose callback gets the elements one by one as its first parameter. */
const ELEMENT_CALLBACK_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every']);

/** `gates.map((g) => tf.sigmoid(g))`: the callback's first parameter is an element of `gates`. */
function elementParamActivation(model: FileModel, param: ts.ParameterDeclaration, depth: number): ActivationUse | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param || iteratingCallback(fn.parent) !== fn) return undefined;
  const call = fn.parent as ts.CallExpression;
  const recv = calleeReceiver(call);
  if (!recv || !ELEMENT_CALLBACK_METHODS.has(calleeName(call) ?? '')) return undefined;
  const act = elementsActivation(model, recv, depth + 1);
  return act && { ...act, crossesCall: true };
}

/**
 * The activation every element of an array is the output of: `tf.split(tf.sigmoid(z), 3, 1)`,
 * `tf.unstack(...)` of one, an array literal of them, or a helper or method returning one of those
 * (`this.gateBlock(x, h)`), through `const` names.
 */
function elementsActivation(model: FileModel, expr: ts.Expression, depth: number): ActivationUse | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e)) {
    return agreedOf(e.elements, (el) => (ts.isSpreadElement(el) ? undefined : producingActivation(model, el, depth + 1)));
  }
  if (ts.isIdentifier(e)) {
    const b = model.scopes.resolve(e);
    const decl = b?.parent;
    if (!b || !decl || !ts.isVariableDeclaration(decl) || decl.name !== b || !decl.initializer || (decl.parent.flags & ts.NodeFlags.Const) === 0) return undefined;
    const init = unwrap(decl.initializer);
    return ts.isArrayLiteralExpression(init) && init.elements.length === 0 ? pushedActivation(model, e, depth) : elementsActivation(model, init, depth + 1);
  }
  if (!ts.isCallExpression(e)) return undefined;
  const fn = model.tf.fn(e);
  if ((fn === 'split' || fn === 'unstack') && e.arguments[0]) return producingActivation(model, e.arguments[0], depth + 1);
  if (fn !== undefined) return undefined;
  // `frames.map((f) => this.stepFrame(f))`: an array of what the callback returns, on every return.
  const mapped = calleeName(e) === 'map' && calleeReceiver(e) ? mapCallback(e) : undefined;
  if (mapped) return agreedOf(returnedExpressions(mapped) ?? [], (r) => producingActivation(model, r, depth + 1, []));
  const helper = helperCallee(model, e);
  return helper ? agreedOf(returnedExpressions(helper) ?? [], (r) => elementsActivation(model, r, depth + 1)) : undefined;
}

/** The function literal `xs.map(...)` is given (`xs.map((x) => f(x))`), not a named callback or a `thisArg` form. */
function mapCallback(call: ts.CallExpression): FunctionLike | undefined {
  const cb = call.arguments.length === 1 ? unwrap(call.arguments[0]!) : undefined;
  return cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) ? cb : undefined;
}

/** Calls that read one element of an array (`at(-1)`, `pop()`), not a mix of them. */
const ARRAY_ELEMENT_READS = new Set(['at', 'pop', 'shift']);

/**
 * The activation every element of an array is the output of: a local `const hs = []` filled only
 * by `hs.push(v)` with the same activation's outputs (`hs.push(h)` after `h = tf.tanh(...)`).
 * Reached through `const { hs } = this.encode(xs)` when the method returns `{ hs }`. The pushes
 * usually sit in the recurrence itself, so no edit is offered at them (`crossesCall`).
 */
function pushedActivation(model: FileModel, id: ts.Identifier, depth: number): ActivationUse | undefined {
  const b = model.scopes.resolve(id);
  if (!b || depth > MAX_DEPTH) return undefined;
  const array = b.parent;
  // `const { x, hs } = this.encode(window)`: the array the method's object return names.
  if (ts.isBindingElement(array) && ts.isObjectBindingPattern(array.parent) && array.name === b && !array.dotDotDotToken) {
    const decl = array.parent.parent;
    const init = ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
    const fn = init && ts.isCallExpression(init) ? resolveCallee(init, model.scopes, model.classes) : undefined;
    const key = array.propertyName ? (ts.isIdentifier(array.propertyName) ? array.propertyName.text : undefined) : b.text;
    const ret = fn && key ? returnedExpressions(fn) : undefined;
    if (!ret || ret.length !== 1) return undefined;
    const obj = unwrap(ret[0]!);
    if (!ts.isObjectLiteralExpression(obj)) return undefined;
    const member = obj.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
    const value = member && ts.isShorthandPropertyAssignment(member) ? member.name
      : member && ts.isPropertyAssignment(member) ? unwrap(member.initializer) : undefined;
    return value && ts.isIdentifier(value) ? pushedActivation(model, value, depth + 1) : undefined;
  }
  if (!ts.isVariableDeclaration(array) || array.name !== b || !array.initializer) return undefined;
  const init = unwrap(array.initializer);
  if (!ts.isArrayLiteralExpression(init) || init.elements.length > 0) return undefined;
  const scope = enclosingFunction(array) ?? model.sf;
  let first: ActivationUse | undefined;
  for (const ref of model.scopes.references(b, scope)) {
    if (ref === b) continue;
    const p = ref.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === ref) {
      if (p.name.text !== 'push') {
        if (ARRAY_MUTATORS.has(p.name.text)) return undefined;
        continue;
      }
      const call = p.parent;
      if (!ts.isCallExpression(call) || call.expression !== p || call.arguments.length === 0) return undefined;
      for (const a of call.arguments) {
        const act = producingActivation(model, a, depth + 1);
        if (!act || (first && act.name !== first.name)) return undefined;
        first ??= act;
      }
      continue;
    }
    // Any other write (`hs[i] = x`, `hs = other`) puts values of unknown origin in it.
    if (ts.isElementAccessExpression(p) && p.expression === ref && isAssignmentTarget(p)) return undefined;
    if (isAssignmentTarget(ref)) return undefined;
  }
  return first && { ...first, crossesCall: true };
}

/** Array methods that put values in (other than `push`) or reorder them. */
const ARRAY_MUTATORS = new Set(['unshift', 'splice', 'fill', 'copyWithin', 'reverse', 'sort']);

/**
 * `tf.div(relu, temperature)`, `x.mul(0.5)`: an activation's output divided or multiplied by a
 * constant scalar (a number, `tf.scalar(...)`, a temperature by name) is still that activation's
 * output, only sharper or flatter; returns the scaled operand. A tensor weight (`x.mul(gamma)`)
 * or a bias is a linear layer and stops the chain.
 */
function scaledByConstant(model: FileModel, op: string, args: readonly ts.Expression[]): ts.Expression | undefined {
  if ((op !== 'div' && op !== 'mul') || args.length !== 2) return undefined;
  const divides = op === 'div';
  if (isConstantScalar(model, args[1]!, divides)) return args[0];
  return !divides && isConstantScalar(model, args[0]!, false) ? args[1] : undefined;
}

const TEMPERATURE_NAME = /^(temp|temperature|tau|sampling_?temp(erature)?|inv_?temp(erature)?)$/i;

/**
 * A number, `tf.scalar(...)` of one, or a temperature by name. A bare `t`/`T` counts only as a
 * divisor (`logits.div(T)`): multiplied, `t` is as often a tensor (a gate) as a temperature.
 */
function isConstantScalar(model: FileModel, expr: ts.Expression, divisor: boolean): boolean {
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) return true;
  if (ts.isCallExpression(e)) return model.tf.fn(e) === 'scalar' && !!e.arguments[0] && isConstantScalar(model, e.arguments[0], divisor);
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
  return name !== undefined && (TEMPERATURE_NAME.test(name) || (divisor && /^t$/i.test(name)));
}


/**
 * The value a `let` variable holds at `use` when that is plain to see: the last `x = value`
 * statement before the use in the same statement list, with no other write to `x` in between
 * (`z = tf.tanh(z); z = tf.tanh(z);`). Undefined when a branch or loop may have changed it.
 */
function reachingAssignment(model: FileModel, b: ts.Identifier, use: ts.Identifier): ts.Expression | undefined {
  let stmt: ts.Node = use;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) {
    if (isFunctionLike(stmt.parent)) return undefined;
    stmt = stmt.parent;
  }
  const list = stmt.parent && (ts.isBlock(stmt.parent) || ts.isSourceFile(stmt.parent)) ? stmt.parent.statements : undefined;
  if (!list) return undefined;
  // The statement holding the use may itself write the variable after reading it (`z = f(z)`).
  const own = stmt as ts.Statement;
  if (ts.isExpressionStatement(own) && isPlainAssignmentTo(model, own.expression, b)) {
    if (!isInside(use, (own.expression as ts.BinaryExpression).right)) return undefined;
  } else if (model.scopes.writes(b, own).length > 0) return undefined;
  for (let i = list.indexOf(own) - 1; i >= 0; i--) {
    const st = list[i]!;
    if (ts.isExpressionStatement(st) && isPlainAssignmentTo(model, st.expression, b)) return (st.expression as ts.BinaryExpression).right;
    if (model.scopes.writes(b, st).length > 0) return undefined;
    if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.name === b)) {
      return st.declarationList.declarations.find((d) => d.name === b)?.initializer;
    }
  }
  return undefined;
}

function isPlainAssignmentTo(model: FileModel, e: ts.Expression, b: ts.Identifier): boolean {
  const u = unwrap(e);
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(unwrap(u.left)) &&
    model.scopes.refersTo(unwrap(u.left) as ts.Identifier, b);
}

/** One layer of a `tf.sequential()` model, in the order it is added. */
export interface SequentialLayer {
  /** The layer expression (`tf.layers.activation({...})` or a name bound to one). */
  expr: ts.Expression;
  /** What removing this layer deletes: its `model.add(...)` statement or its array element. */
  removal: { start: number; end: number };
  factory: string;
  activation?: string;
  activationProp?: ts.PropertyAssignment;
}

/** Pairs of consecutive layers of a Sequential model where an activation layer follows a layer that ends in an activation. */
export function sequentialStacks(model: FileModel): { inner: SequentialLayer; outer: SequentialLayer }[] {
  const out: { inner: SequentialLayer; outer: SequentialLayer }[] = [];
  const describe = (expr: ts.Expression, removal: { start: number; end: number }): SequentialLayer | undefined => {
    const c = layerCreation(model, expr);
    return c ? { expr, removal, factory: c.factory, activation: c.activation, activationProp: c.activationProp } : undefined;
  };
  const pairUp = (layers: (SequentialLayer | undefined)[]): void => {
    let prev: SequentialLayer | undefined;
    for (const l of layers) {
      if (!l) { prev = undefined; continue; }
      if (SHAPE_ONLY_LAYER_FACTORIES.has(l.factory)) continue;
      const outerAct = l.factory === 'activation' && l.activation && LAYER_ACTIVATIONS.has(l.activation);
      if (outerAct && prev?.activation && LAYER_ACTIVATIONS.has(prev.activation)) out.push({ inner: prev, outer: l });
      prev = l;
    }
  };
  const sf = model.sf;
  for (const call of model.callsNamed(['sequential'])) {
    if (model.tf.fn(call) !== 'sequential') continue;
    // tf.sequential({ layers: [a, b, c] })
    const cfg = call.arguments[0] && unwrap(call.arguments[0]);
    if (cfg && ts.isObjectLiteralExpression(cfg)) {
      for (const p of cfg.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'layers') continue;
        const arr = unwrap(p.initializer);
        if (!ts.isArrayLiteralExpression(arr)) continue;
        pairUp(arr.elements.map((el, i) => {
          if (ts.isSpreadElement(el)) return undefined;
          const next = arr.elements[i + 1];
          const end = next ? next.getStart(sf) : el.end;
          return describe(el, { start: el.getStart(sf), end });
        }));
      }
    }
    // const model = tf.sequential(); model.add(a); model.add(b); ... in one statement list
    const decl = call.parent;
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) continue;
    const binding = decl.name;
    const list = decl.parent.parent.parent;
    if (!list || !(ts.isBlock(list) || ts.isSourceFile(list))) continue;
    const layers: (SequentialLayer | undefined)[] = [];
    // The `.add(...)` statements of that list on a receiver of that name, grouped once per file
    // (not a scan of the list per model).
    for (const e of addStatementsByList(model).get(list)?.get(binding.text) ?? []) {
      let st: ts.Node = e.parent;
      while (ts.isParenthesizedExpression(st)) st = st.parent;
      if (!model.scopes.refersTo(unwrap(calleeReceiver(e)!) as ts.Identifier, binding)) continue;
      const lineStart = sf.text.lastIndexOf('\n', st.getStart(sf) - 1) + 1;
      const lineEnd = sf.text.indexOf('\n', st.end);
      const onlyOnLine = sf.text.slice(lineStart, st.getStart(sf)).trim() === '' && (lineEnd < 0 ? sf.text.slice(st.end) : sf.text.slice(st.end, lineEnd)).trim() === '';
      layers.push(describe(e.arguments[0]!, onlyOnLine ? { start: lineStart, end: lineEnd < 0 ? sf.text.length : lineEnd + 1 } : { start: st.getStart(sf), end: st.end }));
    }
    pairUp(layers);
  }
  return out;
}

/** `m.add(x);` statements with one argument, by the statement list that holds them and the receiver's name, in order. */
const addStatementsByList = lastFileMemo((model: FileModel): Map<ts.Node, Map<string, ts.CallExpression[]>> => {
  const byList = new Map<ts.Node, Map<string, ts.CallExpression[]>>();
  for (const e of model.callsNamed(['add'])) {
    let st: ts.Node = e.parent;
    while (ts.isParenthesizedExpression(st)) st = st.parent;
    const recv = calleeReceiver(e);
    const r = recv && unwrap(recv);
    if (!ts.isExpressionStatement(st) || e.arguments.length !== 1 || !r || !ts.isIdentifier(r)) continue;
    let byName = byList.get(st.parent);
    if (!byName) byList.set(st.parent, (byName = new Map()));
    const calls = byName.get(r.text);
    if (calls) calls.push(e);
    else byName.set(r.text, [e]);
  }
  return byList;
});

/**
 * `x * tanh(softplus(x))` (Mish) and the like: a composed activation multiplied by its own input
 * is one self-gated activation, not two stacked ones.
 */
export function isSelfGated(outer: ActivationUse, inner: ActivationUse): boolean {
  const base = accessPath(inner.operand);
  if (!base) return false;
  let node: ts.Node = outer.call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const p = node.parent;
  const other = (): ts.Expression | undefined => {
    if (ts.isCallExpression(p) && calleeName(p) === 'mul') {
      const recv = calleeReceiver(p);
      if (p.arguments.length === 2) return p.arguments[0] === node ? p.arguments[1] : p.arguments[1] === node ? p.arguments[0] : undefined;
      if (p.arguments.length === 1 && recv) return p.arguments[0] === node ? recv : undefined;
    }
    if (ts.isPropertyAccessExpression(p) && p.expression === node && p.name.text === 'mul' && ts.isCallExpression(p.parent)) return p.parent.arguments[0];
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AsteriskToken) return p.left === node ? p.right : p.left;
    return undefined;
  };
  const o = other();
  return !!o && accessPath(o) === base;
}

