// The per-file model of recurrent code that rules query: steps, their call sites and the loops
// around them, gradient closures, tidy callbacks, stateful layers. Built once per lint.
import ts from '../typescript';
import { calleeName, calleeReceiver, enclosingFunction, functionName, isFunctionLike, unwrap, type FunctionLike } from './ast';
import { enclosingIterations, fedBackByCallee, fedBackUnresolved, finalReturn, findStepCalls, isCellValue, predictStateForms, isZeroStateVar, isStateFactoryVar, iterationOf, resolveCallee, resultTargets, returnedFunction, type CallSurroundings, type Iteration, type ResultTarget, type StepCall } from './calls';
import { Scopes } from './scopes';
import { timerIteration, TAKE_NEXT_CALLS, TIMER_CALLS, type TimerFacts } from './timer-loops';
import { DeclaredSignatures } from './declared-signatures';
import { discoverSteps, type Step } from './steps';
import { TfApi } from './tf-api';
import { TreeIndex } from './tree-index';
import { FUSED_CELL_STATE_ARGS, GRADIENT_CLOSURE_CALLS, isStateLikeName } from './tfjs-facts';

export interface ClosureCall {
  call: ts.CallExpression;
  fn: FunctionLike;
}

/**
 * A call of a function that step discovery did not take for a step, but whose state-looking
 * arguments (a zero start state, `h`) land on parameters named like states (`transition(x, prev)`).
 */
function stateParamsMatch(c: StepCall): boolean {
  const fn = c.calleeFn;
  if (!fn || c.stateArgs.length === 0 || fn.parameters.length < 2) return false;
  return c.stateArgs.every((a) => {
    if (a.index < 0) return false;
    const p = fn.parameters[a.index + 1];
    return !!p && ts.isIdentifier(p.name) && isStateLikeName(p.name.text);
  });
}

export class FileModel implements CallSurroundings {
  readonly tf: TfApi;
  readonly scopes: Scopes;
  readonly classes: Map<string, ts.ClassLikeDeclaration>;
  /** Every call expression of the file, in source order (filed by the index walk). */
  readonly calls: ts.CallExpression[];
  readonly steps: Step[];
  readonly stepCalls: StepCall[];
  private readonly stepsByFn = new Map<ts.Node, Step>();
  private gradCache?: ClosureCall[];
  private tidyCache?: ClosureCall[];

  // Memos of call surroundings, filled while the constructor finds step calls and read by the rules.
  private readonly iterationsMemo = new Map<ts.Node, Iteration[]>();
  private readonly iterationMemo = new Map<ts.Node, Iteration | undefined>();
  private readonly targetsMemo = new Map<ts.Node, ResultTarget[]>();
  private readonly iterationAt = (n: ts.Node): Iteration | undefined => {
    if (!this.iterationMemo.has(n)) this.iterationMemo.set(n, iterationOf(n));
    return this.iterationMemo.get(n);
  };
  /** The timer loop a function is the body of (memoised with the loops: a function is also a node). */
  private readonly timerAt = (fn: FunctionLike): Iteration | undefined => {
    if (!this.iterationMemo.has(fn)) {
      this.timerFacts ??= { timerCalls: this.callsNamed(TIMER_CALLS), takeCalls: this.callsNamed(TAKE_NEXT_CALLS), writes: this.index.writes, scopes: this.scopes };
      this.iterationMemo.set(fn, timerIteration(fn, this.timerFacts));
    }
    return this.iterationMemo.get(fn);
  };
  private timerFacts?: TimerFacts;

  /** `index`: the parse's TreeIndex; built here (setting parent pointers) when not given. */
  constructor(readonly sf: ts.SourceFile, readonly index: TreeIndex = new TreeIndex(sf)) {
    this.tf = new TfApi(sf);
    this.scopes = new Scopes(index);
    this.calls = index.calls;
    this.classes = index.classes;
    // Names a call could resolve to a function of this file by: most calls (`tf.tanh`, `push`)
    // match none, and skip name resolution entirely.
    const callable = index.callableNames;
    const resolved = new Map<ts.CallExpression, FunctionLike | undefined>();
    const resolve = (call: ts.CallExpression): FunctionLike | undefined => {
      const name = calleeName(call);
      if (!name || !callable.has(name === 'apply' ? 'call' : name)) return undefined;
      // Memoised only past the name test: hashing every call node as a Map key costs more than the test.
      if (resolved.has(call)) return resolved.get(call);
      const fn = resolveCallee(call, this.scopes, this.classes);
      resolved.set(call, fn);
      return fn;
    };
    // Use evidence first: which parameters do loops feed results back into?
    const fedBack = fedBackByCallee(this.calls, resolve, this, index.writes, this.scopes);
    this.steps = discoverSteps(sf, this.tf, fedBack, this.scopes, index);
    for (const s of this.steps) this.stepsByFn.set(s.fn, s);
    const cellVar = (recv: ts.Expression): boolean => isCellValue(recv, this.scopes, this.tf);
    const signatures = new DeclaredSignatures(sf, this.scopes);
    const stateByEvidence = (call: ts.CallExpression, a: ts.Expression, i: number): boolean =>
      (i > 0 && (isZeroStateVar(a, this.scopes, this.tf) || isStateFactoryVar(a, this.scopes))) ||
      (isStateLikeName(signatures.parameterNames(call.expression)?.[i] ?? '') && !signatures.returnsNoSlotFor(call.expression, i));
    const fused = (call: ts.CallExpression): readonly number[] | undefined => {
      const name = calleeName(call);
      return name && FUSED_CELL_STATE_ARGS.has(name) && this.tf.fn(call) === name ? FUSED_CELL_STATE_ARGS.get(name) : undefined;
    };
    this.stepCalls = findStepCalls(this.calls, resolve, this.stepsByFn, this, cellVar, stateByEvidence, fused,
      // Not for the tf API itself (`tf.add(x, h)` is no step, whatever its result feeds).
      (call) => fedBackUnresolved(call, this, index.writes, (c) => this.tf.path(c.expression) !== undefined) ||
        // A call of a function declared as a state transition (`reducer: Reducer`).
        (call.arguments.length >= 2 && this.tf.path(call.expression) === undefined && signatures.isTransition(call.expression)),
      predictStateForms(this.callsNamed(['predict'])))
      .filter((c) => c.step || !c.calleeFn || stateParamsMatch(c));
  }

  /** The iterations around `node`, innermost first (see enclosingIterations); one Iteration per loop. */
  iterationsAround(node: ts.Node): Iteration[] {
    let its = this.iterationsMemo.get(node);
    if (!its) this.iterationsMemo.set(node, (its = enclosingIterations(node, this.iterationAt, this.timerAt)));
    return its;
  }

  /** Where the value of `call` goes (see resultTargets), memoised. */
  resultTargetsOf(call: ts.CallExpression): ResultTarget[] {
    let t = this.targetsMemo.get(call);
    if (!t) this.targetsMemo.set(call, (t = resultTargets(call)));
    return t;
  }

  private stepCallIndex?: Map<ts.CallExpression, StepCall>;

  /** The step call made by `call`, if it is one. */
  stepCallAt(call: ts.Node): StepCall | undefined {
    if (!this.stepCallIndex) this.stepCallIndex = new Map(this.stepCalls.map((c) => [c.call, c]));
    return this.stepCallIndex.get(call as ts.CallExpression);
  }

  stepOf(fn: ts.Node): Step | undefined {
    return this.stepsByFn.get(fn);
  }

  private callSitesMemo = new Map<FunctionLike, readonly ts.CallExpression[]>();

  /** The calls of the file that run `fn` (named as it is, and resolving to it), in source order. */
  callSitesOf(fn: FunctionLike): readonly ts.CallExpression[] {
    let sites = this.callSitesMemo.get(fn);
    if (!sites) {
      const name = functionName(fn);
      sites = name ? this.callsNamed([name]).filter((c) => calleeName(c) === name && resolveCallee(c, this.scopes, this.classes) === fn) : [];
      this.callSitesMemo.set(fn, sites);
    }
    return sites;
  }

  /**
   * The function that owns a loop (or any node): the enclosing function, seen through `tf.tidy`
   * callbacks around it, which are part of the function that calls `tidy`.
   */
  ownerThroughTidy(node: ts.Node): FunctionLike | undefined {
    let fn = enclosingFunction(node);
    while (fn && ts.isCallExpression(fn.parent) && this.tf.fn(fn.parent) === 'tidy') fn = enclosingFunction(fn.parent);
    return fn;
  }

  private callIndex?: Map<string, ts.CallExpression[]>;

  /**
   * Calls whose callee is named one of `names` (`f()`, `x.f()`, `tf.f()`, or a local alias of a
   * tf function, `const squash = tf.tanh`), in source order. Rules that look for particular calls
   * ask this instead of scanning every call of the file.
   */
  callsNamed(names: Iterable<string>): readonly ts.CallExpression[] {
    // Rules ask for the same few names thousands of times per file (`assign` for every state
    // write check): each answer is kept, and shared, so callers must not change it. (`names` is
    // read twice: an iterator such as `map.keys()` is copied first.)
    if (!Array.isArray(names) && !(names instanceof Set)) names = [...names];
    const key = [...names].join('\0');
    const cached = this.namedMemo.get(key);
    if (cached) return cached;
    const found = this.findCallsNamed(names);
    this.namedMemo.set(key, found);
    return found;
  }

  private readonly namedMemo = new Map<string, readonly ts.CallExpression[]>();

  private findCallsNamed(names: Iterable<string>): ts.CallExpression[] {
    if (!this.callIndex) {
      this.callIndex = new Map();
      for (const c of this.calls) {
        const n = calleeName(c);
        if (n === undefined) continue;
        const list = this.callIndex.get(n);
        if (list) list.push(c);
        else this.callIndex.set(n, [c]);
      }
    }
    const wanted = new Set(names);
    for (const [local, exported] of this.tf.named) if (wanted.has(exported)) wanted.add(local);
    const out: ts.CallExpression[] = [];
    for (const n of wanted) {
      const list = this.callIndex.get(n);
      if (list) out.push(...list);
    }
    return wanted.size > 1 ? out.sort((a, b) => a.pos - b.pos) : out;
  }

  /** Callbacks run under a gradient tape: `optimizer.minimize(f)`, `tf.grad(f)`, `tf.variableGrads(f)`... */
  gradientClosures(): ClosureCall[] {
    if (this.gradCache) return this.gradCache;
    const out: ClosureCall[] = [];
    for (const call of this.callsNamed(GRADIENT_CLOSURE_CALLS)) {
      const name = calleeName(call);
      if (!name || !GRADIENT_CLOSURE_CALLS.has(name)) continue;
      const isTf = this.tf.path(call.expression) !== undefined;
      const isMethod = !!calleeReceiver(call) && (name === 'minimize' || name === 'computeGradients');
      if (!isTf && !isMethod) continue;
      const fn = this.functionArg(call.arguments[0]);
      if (fn) out.push({ call, fn });
    }
    return (this.gradCache = out);
  }

  /** `tf.tidy(fn)` / `tf.tidy(name, fn)` calls with their callback. */
  tidyCalls(): ClosureCall[] {
    if (this.tidyCache) return this.tidyCache;
    const out: ClosureCall[] = [];
    for (const call of this.callsNamed(['tidy'])) {
      if (this.tf.fn(call) !== 'tidy') continue;
      const fn = this.functionArg(call.arguments[call.arguments.length - 1]);
      if (fn) out.push({ call, fn });
    }
    return (this.tidyCache = out);
  }

  /**
   * What a `tf.tidy(fn)` call returns: its callback's (inline or named) return, when that is the
   * callback's last statement and its only return. Undefined for any other call.
   */
  tidyResult(call: ts.CallExpression): ts.Expression | undefined {
    if (this.tf.fn(call) !== 'tidy') return undefined;
    const cb = this.functionArg(call.arguments[call.arguments.length - 1], false);
    if (!cb?.body) return undefined;
    if (ts.isBlock(cb.body) && cb.body.statements.filter(ts.isReturnStatement).length !== 1) return undefined;
    return finalReturn(cb);
  }

  /**
   * A function given inline, by the name of a local function/arrow, or made by a call to a local
   * factory that returns one (`tf.variableGrads(lossFn(xs, ys))` with `function lossFn(xs, ys) {
   * return () => ... }`).
   */
  functionArg(arg: ts.Expression | undefined, viaFactory = true): FunctionLike | undefined {
    if (!arg) return undefined;
    const a = unwrap(arg);
    if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) return a;
    if (ts.isIdentifier(a)) {
      const b = this.scopes.resolve(a);
      const d = b?.parent;
      if (d && ts.isFunctionDeclaration(d)) return d;
      if (d && ts.isVariableDeclaration(d) && d.initializer) {
        const init = unwrap(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    if (viaFactory && ts.isCallExpression(a)) {
      const factory = this.functionArg(a.expression, false);
      return factory ? returnedFunction(factory) : undefined;
    }
    return undefined;
  }

  /** The innermost gradient closure containing `node`, if any. */
  gradientClosureAround(node: ts.Node): ClosureCall | undefined {
    for (let p = node.parent; p; p = p.parent) {
      if (isFunctionLike(p)) {
        const g = this.gradientClosures().find((c) => c.fn === p);
        if (g) return g;
      }
    }
    return undefined;
  }
}

