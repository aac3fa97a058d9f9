// state-leak checks for stateful tf.layers models (`stateful: true`, or known by a `resetStates()` call): finding them,
// and their runs over one sequence after another without `resetStates()`, in a loop or through a helper run per sequence.
import ts from '../../server/src/typescript';
import { nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from '../rule';
import { blockInsertion, bodyInsertion, insertionBefore, isChunkLoop, isFanoutLoop, iteratedParameter, loopRole } from '../../server/src/analysis/loop-queries';
import { resolveCallee, type Iteration } from '../../server/src/analysis/calls';
import { nodesInside, ownNodes } from '../../server/src/analysis/tree-index';
import { fieldConstructorArgs, fieldFromOutside } from '../../server/src/analysis/constructor-args';
import { enclosingClassOfThis } from '../../server/src/analysis/class-hierarchy';
import { calleeName, calleeReceiver, accessPath, outermost, unwrap, walk, enclosingFunction, functionName, isFunctionLike, thisFieldName, isWithin, returnedExpressions, type FunctionLike, declaredMemberName, objectLiteralMember } from '../../server/src/analysis/ast';
import { declarationOf, initializerOf, type Scopes } from '../../server/src/analysis/scopes';
import { argumentFor, literalBoolean, parameterSlot, passesTrue, type ParameterSlot } from '../../server/src/analysis/call-arguments';
import { CHUNK_LOOP_TOKENS, INDEPENDENT_UNIT_TOKENS, MODEL_RUN_METHODS, MODEL_TRAIN_METHODS, RECURRENT_LAYER_FACTORIES, SEQUENCE_LOOP_TOKENS, STREAMING_FUNCTION_NAME, hasToken, nameTokens } from '../../server/src/analysis/tfjs-facts';

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
  const dataIndex = named ? -1 : iteratedParameter(model, fn, outermost);
  if (!named && dataIndex < 0) return;
  const index = fn.parameters.indexOf(param);
  for (const site of model.callSitesOf(fn)) {
    if (reported.has(site)) continue;
    const arg = site.arguments[index];
    const path = arg && accessPath(arg);
    const loop = model.iterationsAround(site)[0];
    if (!path) continue;
    if (!loop) {
      if (named) perCallHelperLeak(ctx, run, site, path, name, reported);
      continue;
    }
    if (isFanoutLoop(loop) || isChunkLoop(loop) || resetsStates(ctx, loop.node)) continue;
    if (!named && !newEachIteration(ctx, site.arguments[dataIndex], loop)) continue;
    reported.add(site);
    const data = { model: path, what: 'sequences', unit: 'sequence', fn: name };
    const at = bodyInsertion(ctx.text, loop);
    const suggest: FixDescriptor[] = at ? [{ messageId: 'insertReset', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
    ctx.report({ node: site, messageId: 'statefulHelperLeak', data, suggest, related: [{ node: run, messageId: 'runsHere', data }] });
  }
}

/**
 * `async handle(message) { const history = await fetch(message.id); return scoreCustomer(this.model, history); }`
 * with `for (const msg of messages) await this.handle(msg)`: the helper named for one sequence is
 * called once per call of a function, and that function is called in a loop; so each iteration of
 * that loop scores another sequence. Only when every call of the function sits in such a loop (not
 * over the chunks of one stream, not a fan-out), and neither the function nor those loops reset.
 * Reported at the helper's call, with a suggestion to reset at the start of the function (the
 * model's path is valid there, where it is passed).
 */
function perCallHelperLeak(ctx: RuleContext, run: ts.CallExpression, site: ts.CallExpression, path: string, helper: string, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const fn = enclosingFunction(site);
  const caller = fn && functionName(fn);
  if (!fn || !caller || !fn.body || reported.has(site) || resetsStates(ctx, fn)) return;
  // The model passed must itself be known stateful (`this.model` given a stateful model by every
  // `new`), not merely share a name with one: the helper may be given other models elsewhere.
  const models = statefulModels(ctx);
  const arg = site.arguments.find((a) => accessPath(a) === path);
  if (!arg || !(models.has(path) || statefulField(ctx, arg, models))) return;
  const outer = model.callSitesOf(fn);
  const loops = outer.map((c) => model.iterationsAround(c)[0]);
  if (outer.length === 0 || !loops.every((l) => l && !isFanoutLoop(l) && !isChunkLoop(l) && !resetsStates(ctx, l.node))) return;
  reported.add(site);
  const data = { model: path, fn: helper, caller };
  const at = blockInsertion(ctx.text, fn.body);
  const suggest: FixDescriptor[] = at ? [{ messageId: 'resetAtStart', data: { model: path, fn: caller }, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
  ctx.report({ node: site, messageId: 'statefulCallerLeak', data, suggest, related: [{ node: run, messageId: 'runsHere', data }] });
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
  if (reported.has(fn) || model.callsNamed(['resetStates']).length > 0 || iteratedParameter(model, fn, its[its.length - 1]!) < 0) return;
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

/** Is `arg` (`job.readings`, `rec`) made anew at each iteration of `loop`: rooted in a name declared inside it? */
function newEachIteration(ctx: RuleContext, arg: ts.Expression | undefined, loop: Iteration): boolean {
  let e = arg && unwrap(arg);
  while (e && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) e = unwrap(e.expression);
  const b = e && ts.isIdentifier(e) ? ctx.model.scopes.resolve(e) : undefined;
  return !!b && isWithin(declarationOf(b), loop.node);
}

interface StatefulModel {
  /** The stateful layer (or, known only by use, the first `resetStates()` call on it). */
  decl: ts.Node;
  /** Time steps per call from `batchInputShape: [b, T, f]`, when a literal. */
  timesteps?: number;
  byUse?: boolean;
  /** Built by a builder whose parameter decides (`lstmStack(shape, stateful)`): stateful only where a call passes `true`. */
  condition?: ParameterSlot;
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

/** Is `call` a recurrent layer that is stateful, always or for some call of its builder (`build(true)`)? */
function isStatefulLayer(ctx: RuleContext, call: ts.CallExpression): boolean {
  return statefulSomewhere(ctx, layerStatefulness(ctx, call));
}

function statefulSomewhere(ctx: RuleContext, s: { when?: ParameterSlot } | undefined): boolean {
  return !!s && (!s.when || ctx.model.callSitesOf(s.when.fn).some((c) => passesTrue(c, s.when!, ctx.model.scopes)));
}

/**
 * Whether a recurrent layer is stateful: undefined for never, `{}` for always, and `{ when }` when
 * its builder's parameter decides it at each call (`lstmStack(shape, stateful)` with `{ stateful }`).
 */
function layerStatefulness(ctx: RuleContext, call: ts.CallExpression): { when?: ParameterSlot } | undefined {
  const name = calleeName(call);
  if (!name || !RECURRENT_LAYER_FACTORIES.has(name)) return undefined;
  const f = ctx.model.tf.layerFactory(call);
  if (!f || !RECURRENT_LAYER_FACTORIES.has(f)) return undefined;
  return call.arguments[0] ? statefulConfig(ctx, call.arguments[0]) : undefined;
}

/**
 * `{ units, stateful: true }`: always. Per call of the builder, on its parameter: `{ units, stateful }`
 * or `stateful: flag` (also destructured, `build({ stateful })`), and `stateful ? { ..., stateful:
 * true } : { ... }`. A name that is no parameter (`opts.stateful`, a module's `let`) is never known.
 */
function statefulConfig(ctx: RuleContext, e: ts.Expression): { when?: ParameterSlot } | undefined {
  const cfg = unwrap(e);
  if (ts.isConditionalExpression(cfg)) {
    const test = unwrap(cfg.condition);
    const when = ts.isIdentifier(test) ? parameterSlot(ctx.model.scopes, test) : undefined;
    const onlyWhenTrue = statefulConfig(ctx, cfg.whenTrue) && !statefulConfig(ctx, cfg.whenFalse);
    return when && onlyWhenTrue ? { when } : undefined;
  }
  if (!ts.isObjectLiteralExpression(cfg)) return undefined;
  const value = objectLiteralMember(cfg, 'stateful');
  // `{ stateful: true, ...inputCfg }`: a spread could override it, but a literal `true` is meant.
  if (!value) return cfg.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'stateful' && p.initializer.kind === ts.SyntaxKind.TrueKeyword) ? {} : undefined;
  const written = literalBoolean(value, ctx.model.scopes);
  if (written !== undefined) return written ? {} : undefined;
  const when = ts.isIdentifier(unwrap(value)) ? parameterSlot(ctx.model.scopes, unwrap(value) as ts.Identifier) : undefined;
  return when ? { when } : undefined;
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
    // `[1, null, features]`: sequences of any length, each fed whole.
    if (t && t.kind === ts.SyntaxKind.NullKeyword) return Infinity;
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
    // A builder's own variable is stateful for some calls and not others: by path, neither.
    if (!m.condition) out.set(path, m);
    // `function build() { const m = ...; return m; }` -> `const model = build()` is stateful too,
    // and so on up the chain of functions that hand it on: an async IIFE's result memoised in a
    // module variable (`modelPromise = (async () => { ...; return model; })()`), the getter that
    // returns that variable (`return modelPromise`) and the handler's `const m = await getModel()`.
    const fn = container ? enclosingFunction(container) : undefined;
    if (!fn || path.includes('.')) return;
    const returned = ownNodes(model.index.returns, fn).some((r) => r.expression && accessPath(r.expression) === path);
    if (returned) addResults(fn, m);
  };
  // The variables that calls of a builder store its model in (`const serveModel = buildModel(...)`):
  // those of every call, or, when the builder's parameter decides, of the calls that pass `true`.
  const addResults = (builder: FunctionLike, m: StatefulModel): void => {
    if (m.condition && m.condition.fn !== builder) return;
    const calls = callsOfFunction(ctx, builder);
    if (!calls) return;
    if (!out.has(BUILDER)) out.set(BUILDER, m);
    for (const call of calls) {
      if (!m.condition) add(ownerPath(call), m, call);
      else if (passesTrue(call, m.condition, model.scopes)) add(ownerPath(call), { ...m, condition: undefined }, call);
    }
  };
  let builders: ReturnType<typeof modelBuilders> | undefined;
  for (const layer of model.callsNamed(RECURRENT_LAYER_FACTORIES)) {
    const statefulness = layerStatefulness(ctx, layer);
    if (!statefulSomewhere(ctx, statefulness)) continue;
    const info: StatefulModel = { decl: layer, timesteps: timestepsOf(layer), condition: statefulness?.when };
    // A functional model's time steps come from its `tf.input` (before any copy is made of `info`).
    const builder = enclosingFunction(layer);
    if (builder && info.timesteps === undefined) {
      for (const n of nodesInside(model.callsNamed(['input']), builder)) {
        if (model.tf.fn(n) === 'input') info.timesteps ??= timestepsOf(n);
      }
    }
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
    if (builder) {
      for (const n of ownNodes(model.index.returns, builder)) {
        if (!n.expression) continue;
        const e = unwrap(n.expression);
        const fn = ts.isCallExpression(e) ? model.tf.fn(e) : undefined;
        if (fn === 'model' || fn === 'sequential') addResults(builder, info);
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
 * The calls of the file that run `fn`: an immediately invoked function's own call (`(async () => {
 * ... })()`), or the plain calls of its name (`build()`, no receiver); undefined for a function
 * with no name to call it by.
 */
function callsOfFunction(ctx: RuleContext, fn: FunctionLike): ts.CallExpression[] | undefined {
  const iife = outermost(fn).parent;
  if (ts.isCallExpression(iife) && unwrap(iife.expression) === fn) return [iife];
  const name = functionName(fn);
  return name ? plainCallsNamed(ctx, name) : undefined;
}

/** `name(...)` calls of the file, without a receiver (`build()`, not `x.build()`). */
function plainCallsNamed(ctx: RuleContext, name: string): ts.CallExpression[] {
  return ctx.model.callsNamed([name]).filter((call) => calleeName(call) === name && !calleeReceiver(call));
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
  if (d.type) {
    if (!isModelType(d.type)) return undefined;
    // A builder whose parameter decides also makes stateless models (`build(false)`): a function
    // the file calls is judged by what its calls pass (statefulParameter), not by its type.
    if (built.condition && isFunctionLike(d.parent) && ctx.model.callSitesOf(d.parent).length > 0) return undefined;
  } else if (!passedBuiltModel(ctx, d, built)) return undefined;
  return buildsOnlyStateful(ctx) ? built : undefined;
}

/** `tf.Sequential`, `LayersModel`: a type that says the value is a layers model. */
function isModelType(t: ts.TypeNode): boolean {
  if (!ts.isTypeReferenceNode(t)) return false;
  const name = ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
  return /^(Sequential|LayersModel)$/.test(name);
}

/** Is every model the file builds a stateful one (then a model from outside typed as one is one of them)? */
function buildsOnlyStateful(ctx: RuleContext): boolean {
  const builds = ctx.model.callsNamed(['sequential', 'model']).filter((c) => /^(sequential|model)$/.test(ctx.model.tf.fn(c) ?? ''));
  const stateful = ctx.model.callsNamed(RECURRENT_LAYER_FACTORIES).filter((c) => isStatefulLayer(ctx, c));
  return builds.length > 0 && stateful.length >= builds.length;
}

/**
 * `this.model` of a class the file never makes, stored from a constructor parameter typed as a
 * model (`constructor(private readonly model: tf.LayersModel)`, see fieldFromOutside): the
 * importing code passes it, and like a typed parameter it is taken for the stateful model the
 * file builds when that is the only kind of model the file builds.
 */
function outsideStatefulField(ctx: RuleContext, cls: ts.ClassLikeDeclaration, field: string, models: Map<string, StatefulModel>): StatefulModel | undefined {
  const built = models.get(BUILDER);
  const from = built && fieldFromOutside(ctx.model, cls, field);
  return from?.param.type && isModelType(from.param.type) && buildsOnlyStateful(ctx) ? built : undefined;
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
  const calls = plainCallsNamed(ctx, name);
  return calls.length > 0 && calls.every((c) => !!c.arguments[i] && callsBuilder(c.arguments[i]!, built, ctx.model.scopes));
}

/** Is `e` a call of the function that builds `built` (`buildModel()`, no receiver), one that makes it stateful (`build(true)`)? */
function callsBuilder(e: ts.Expression, built: StatefulModel | undefined, scopes?: Scopes): boolean {
  const builder = built && enclosingFunction(built.decl);
  const name = builder && functionName(builder);
  const a = unwrap(e);
  if (!name || !ts.isCallExpression(a) || calleeName(a) !== name || calleeReceiver(a)) return false;
  return !built.condition || passesTrue(a, built.condition, scopes);
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
  if (!args) return cls ? outsideStatefulField(ctx, cls, field!, models) : undefined;
  const builder = models.get(BUILDER);
  const passed = args.map((arg) => {
    if (callsBuilder(arg, builder)) return builder;
    const path = accessPath(unwrap(arg));
    return path !== undefined ? models.get(path) : undefined;
  });
  return passed.every((m) => m !== undefined) ? passed[passed.length - 1] : undefined;
}

/** Methods of the file's classes that run a stateful model kept in a field (`act(obs) { return this.model.predict(...) }`), without a loop. */
export function statefulModelMethods(ctx: RuleContext): Set<ts.MethodDeclaration> {
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

export function statefulLayerLeaks(ctx: RuleContext): void {
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
    const its = ctx.model.iterationsAround(call);
    if (its.length === 0 && helperCallLeaks(ctx, call, recv, models, reported)) continue;
    const path = accessPath(recv);
    const info = path ? statefulModelOf(ctx, recv, models) : undefined;
    if (!info || !path) continue;
    if (its.length === 0) {
      handlerRunLeak(ctx, call, path, info, reported);
      continue;
    }
    loopRunLeak(ctx, { run: call, at: call, recv, path, info, its }, reported);
  }
}

/** A run of a stateful model where it is judged: the run itself, or a call of a helper that makes it (`at`). */
interface ModelRun {
  run: ts.CallExpression;
  /** Where the run happens for the caller's loops: the run, or the helper's call that makes it. */
  at: ts.CallExpression;
  /** The model, as written at `at`. */
  recv: ts.Expression;
  path: string;
  info: StatefulModel;
  /** The iterations around `at`, innermost first. */
  its: Iteration[];
}

/**
 * A stateful model run inside loops: reported when a loop around it separates sequences (or
 * epochs, or batches) and never resets the states; when the loops only walk the steps or chunks of
 * one sequence, the sequences are the calls of the function that holds them (sequenceHelperLeak).
 */
function loopRunLeak(ctx: RuleContext, { run, at, recv, path, info, its }: ModelRun, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const training = MODEL_TRAIN_METHODS.has(calleeName(run) ?? '');
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
    // A request handler's chunk loop: its request is the sequence.
    if (chunks >= 0 && handlerChunksLeak(ctx, at, recv, path, info, its, reported)) return;
    // The loops sit in a helper that runs one sequence (`feedRecording(model, data)`): the
    // sequences are its calls.
    if (chunks >= 0 || its.some((it) => loopRole(it) === 'steps' || loopRole(it) === 'unknown')) sequenceHelperLeak(ctx, at, recv, its, reported);
    return;
  }
  if (reported.has(seqLoop.node)) return;
  // A model built inside the loop (`const m = buildModel()`) starts every iteration from zero.
  const base = unwrap(recv);
  const binding = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
  if (binding && isWithin(declarationOf(binding), seqLoop.node)) return;
  if (resetsStates(ctx, seqLoop.node) || batchesResetPerEpoch(ctx, its, seqLoop)) return;
  reported.add(seqLoop.node);
  const seqIsEpoch = seqLoop.names.some((n) => /epoch/i.test(n));
  const data = { model: path, what: seqIsEpoch ? 'epochs' : training ? 'batches' : 'sequences', unit: seqIsEpoch ? 'epoch' : training ? 'batch' : 'sequence' };
  const insertion = bodyInsertion(ctx.text, seqLoop);
  const suggest: FixDescriptor[] = insertion ? [{ messageId: 'insertReset', data, edits: [insertAt(insertion.pos, `${insertion.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
  const helper = at !== run ? calleeName(at) : undefined;
  ctx.report({
    node: at, messageId: 'statefulLeak', data, suggest,
    related: [
      { node: info.decl, messageId: info.byUse ? 'resetOnce' : 'statefulHere', data },
      ...(helper ? [{ node: run, messageId: 'runsHere', data: { fn: helper } }] : []),
    ],
  });
}

/**
 * The one place that says whether a model expression holds a stateful model: a path known stateful
 * (a variable or field given a stateful builder's result, `const serveModel = buildModel({ stateful:
 * true })`, or reset by use), a stateful builder's call, a typed parameter in a file whose only models
 * are stateful, a field every `new` fills with one, or a parameter every call passes one.
 */
function statefulModelOf(ctx: RuleContext, recv: ts.Expression, models: Map<string, StatefulModel>, depth = 0): StatefulModel | undefined {
  const path = accessPath(recv);
  const known = path !== undefined ? models.get(path) : undefined;
  // Known by use: only the variable that is reset (`model.resetStates()`) is that model.
  if (known && !(known.receiver && !sameReceiver(ctx, known.receiver, recv))) return known;
  if (known) return undefined;
  const built = models.get(BUILDER);
  if (callsBuilder(recv, built, ctx.model.scopes)) return built;
  return typedModelParam(ctx, recv, models) ?? statefulField(ctx, recv, models) ?? statefulParameter(ctx, recv, models, depth);
}

/**
 * `serve(model, streams)`: a model parameter that every call of its function in the file passes a
 * stateful model (`serve(serveModel, streams)`). One call passing another model (`serve(trainModel,
 * ...)`), or a value not known here, and the parameter is not known stateful. Followed through at
 * most a few functions that pass it on.
 */
function statefulParameter(ctx: RuleContext, recv: ts.Expression, models: Map<string, StatefulModel>, depth: number): StatefulModel | undefined {
  const u = unwrap(recv);
  const slot = depth < 3 && ts.isIdentifier(u) ? parameterSlot(ctx.model.scopes, u) : undefined;
  if (!slot) return undefined;
  const sites = ctx.model.callSitesOf(slot.fn);
  let found: StatefulModel | undefined;
  for (const site of sites) {
    const arg = argumentFor(site, slot);
    const m = arg && statefulModelOf(ctx, arg, models, depth + 1);
    if (!m) return undefined;
    found ??= m;
  }
  return found;
}

/**
 * `function churnProbability(model, month) { return tf.tidy(() => model.predict(...)) }`: a helper
 * with no loop around its run, running the model it is given once per call. Each of its calls is a
 * run of the model that call passes, in the caller's loops: `churnProbability(streaming, month)` in
 * `for (const customer of customers) for (const month of customer.months)` runs the stateful
 * `streaming` over one customer after another. Judged call by call (a helper may be given a
 * stateful model at one call and a stateless one at another), and reported at the call. Returns
 * whether a call gave it a known stateful model.
 */
function helperCallLeaks(ctx: RuleContext, run: ts.CallExpression, recv: ts.Expression, models: Map<string, StatefulModel>, reported: Set<ts.Node>): boolean {
  const u = unwrap(recv);
  const slot = ts.isIdentifier(u) ? parameterSlot(ctx.model.scopes, u) : undefined;
  // The run's own function takes the model; a parameter of an enclosing function (a handler
  // factory's `model`) is captured, and each call of the inner function is not a call of the outer.
  if (!slot || slot.fn !== ctx.model.ownerThroughTidy(run)) return false;
  let judged = false;
  for (const site of ctx.model.callSitesOf(slot.fn)) {
    const arg = argumentFor(site, slot);
    const path = arg && accessPath(arg);
    const info = arg && path ? statefulModelOf(ctx, arg, models) : undefined;
    const its = ctx.model.iterationsAround(site);
    if (!arg || !path || !info || its.length === 0) continue;
    judged = true;
    loopRunLeak(ctx, { run, at: site, recv: arg, path, info, its }, reported);
  }
  return judged;
}

/**
 * `app.post('/risk', async (req, res) => { ...; model.predict(encode(req.body.events)) })` with a
 * stateful model fed whole sequences (`batchInputShape: [1, null, F]`, or more than one step): each
 * request is one sequence and, with no `resetStates()` anywhere in the file, continues from the
 * state the previous request (another user's) left. Only for a function that serves independent
 * units: a parameter named for one (`req`, `request`, `session`, `user`...).
 */
function handlerRunLeak(ctx: RuleContext, run: ts.CallExpression, path: string, info: StatefulModel, reported: Set<ts.Node>): void {
  if (info.timesteps === undefined || info.timesteps <= 1 || ctx.model.callsNamed(['resetStates']).length > 0) return;
  const fn = ctx.model.ownerThroughTidy(run);
  if (!fn || !fn.body || reported.has(fn)) return;
  if (!servesIndependentUnits(fn)) return;
  reported.add(fn);
  const data = { model: path };
  const at = blockInsertion(ctx.text, fn.body);
  const suggest: FixDescriptor[] = at ? [{ messageId: 'resetInHandler', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
  ctx.report({ node: run, messageId: 'statefulHandlerLeak', data, suggest, related: [{ node: info.decl, messageId: 'statefulHere', data }] });
}

/** A request handler: a function with a parameter named for an independent unit (`req`, `request`, `session`, `user`...). */
function servesIndependentUnits(fn: FunctionLike): boolean {
  return fn.parameters.some((p) => ts.isIdentifier(p.name) && hasToken(p.name.text, INDEPENDENT_UNIT_TOKENS));
}

/**
 * `async fetch(request) { const model = await getModel(); for (const part of chunks(events)) model.predict(part) }`:
 * a request handler that feeds its request's data to a stateful model chunk by chunk. The state flows
 * from chunk to chunk on purpose, but the request is one whole sequence, and the next request (another
 * user's) continues from the state this one left. Only for a model that outlives the call (see
 * sharedAcrossCalls; one built in the handler starts from zero), a handler not named for a stream or a
 * chunk of one (`onChunk(session, data)`), not itself a timer's tick, and, as for handlerRunLeak, a file
 * that never calls `resetStates()` (a caller or a middleware may). Reported at the run; true when it is.
 */
function handlerChunksLeak(ctx: RuleContext, run: ts.CallExpression, recv: ts.Expression, path: string, info: StatefulModel, its: readonly Iteration[], reported: Set<ts.Node>): boolean {
  const { model } = ctx;
  if (model.callsNamed(['resetStates']).length > 0 || its.some((it) => it.timer || isFanoutLoop(it))) return false;
  const fn = model.ownerThroughTidy(its[its.length - 1]!.node);
  const name = fn && functionName(fn);
  if (!fn || !fn.body || reported.has(fn) || !servesIndependentUnits(fn)) return false;
  if (name && ((STREAMING_FUNCTION_NAME.test(name) && !hasToken(name, INDEPENDENT_UNIT_TOKENS)) || hasToken(name, CHUNK_LOOP_TOKENS))) return false;
  const local = localModelDeclaration(ctx, recv, fn);
  if (local === undefined || !sharedAcrossCalls(ctx, recv, fn)) return false;
  reported.add(fn);
  const data = { model: path };
  // A model the handler fetches (`const model = await getModel()`) is reset once it has it.
  const at = local ? statementInsertionAfter(ctx.text, local, fn.body) : blockInsertion(ctx.text, fn.body);
  const suggest: FixDescriptor[] = at ? [{ messageId: 'resetInHandler', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
  ctx.report({ node: run, messageId: 'statefulHandlerLeak', data, suggest, related: [{ node: info.decl, messageId: 'statefulHere', data }] });
  return true;
}

/**
 * The statement of `fn` that declares the run's receiver, when it is a variable of `fn`; null for
 * a receiver from outside it (a module's model, `this.model`); undefined for anything else.
 */
function localModelDeclaration(ctx: RuleContext, recv: ts.Expression, fn: FunctionLike): ts.Statement | null | undefined {
  const base = unwrap(recv);
  if (thisFieldName(base) !== undefined) return null;
  const b = ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined;
  if (!b) return undefined;
  if (!isWithin(b, fn)) return null;
  let stmt: ts.Node = declarationOf(b);
  while (stmt.parent && !ts.isBlock(stmt.parent) && stmt.parent !== fn) stmt = stmt.parent;
  return ts.isVariableStatement(stmt) ? stmt : undefined;
}

/**
 * Is the model `recv` names the same object at every call of `fn`: a variable from outside it, a
 * field of its object, or a local that `fn` gets from a module variable (`await modelPromise`) or from
 * a getter that returns one (`await getModel()` with `return modelPromise`: a memoised model).
 * A local built by the call (`const m = buildModel()`, whose `m` is the builder's own) is not.
 */
function sharedAcrossCalls(ctx: RuleContext, recv: ts.Expression, fn: FunctionLike): boolean {
  const { model } = ctx;
  const base = unwrap(recv);
  if (thisFieldName(base) !== undefined) return true;
  const b = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
  if (!b) return false;
  if (!isWithin(b, fn)) return true;
  // A `const` read once: a variable written again could hold anything.
  if (model.scopes.writes(b, fn).length > 0) return false;
  const outside = (e: ts.Expression, owner: ts.Node): boolean => {
    const u = unwrap(e);
    const d = ts.isIdentifier(u) ? model.scopes.resolve(u) : undefined;
    return !!d && !isWithin(d, owner);
  };
  let init = initializerOf(b) && unwrap(initializerOf(b)!);
  if (init && ts.isAwaitExpression(init)) init = unwrap(init.expression);
  if (!init) return false;
  if (outside(init, fn)) return true;
  if (!ts.isCallExpression(init) || calleeReceiver(init) || init.arguments.length > 0) return false;
  const getter = resolveCallee(init, model.scopes, model.classes);
  const returned = getter && returnedExpressions(getter);
  return !!getter && !!returned && returned.length > 0 && returned.every((r) => outside(r, getter));
}

/** Where a statement goes right after `stmt` in `body` (the next statement's line and indent). */
function statementInsertionAfter(text: string, stmt: ts.Statement, body: ts.Node): { pos: number; indent: string } | undefined {
  if (!ts.isBlock(body) || stmt.parent !== body) return undefined;
  const next = body.statements[body.statements.indexOf(stmt) + 1];
  return next ? insertionBefore(text, next) : undefined;
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
