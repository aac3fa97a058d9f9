// Loops written with timers: a callback `setInterval` runs again and again, and a function that
// schedules itself for the next frame (`const frame = () => { ...; requestAnimationFrame(frame); }`).
// Each run is one step of an endless loop over time, as a loop statement's body is; unless each
// run takes the next element of a collection (`const user = users[i++]`, `queue.shift()`): then the
// timer iterates that collection, as `for (const user of users)` would, and its names say what
// one run is.
import ts from '../typescript';
import { accessBase, calleeName, calleeReceiver, enclosingFunction, functionName, isLoop, isWithin, outermost, unwrap, type FunctionLike } from './ast';
import { collectNames, type Iteration, type NextElement } from './calls';
import type { Scopes } from './scopes';
import { ownNodes, writtenExpression, type Write } from './tree-index';

/** Calls that run their callback later, once: a loop when the callback schedules itself again. */
const ONCE_LATER = new Set(['requestAnimationFrame', 'setTimeout', 'setImmediate', 'queueMicrotask']);
/** Calls that run their callback again and again. */
const REPEATING = new Set(['setInterval']);
export const TIMER_CALLS: ReadonlySet<string> = new Set([...ONCE_LATER, ...REPEATING]);
/** Calls that take the next element off a queue (`jobs.shift()`): called once per run, they iterate it. */
export const TAKE_NEXT_CALLS: ReadonlySet<string> = new Set(['shift']);

/** What the file offers to find timer loops with: lists of the model's index, and its scopes. */
export interface TimerFacts {
  /** The file's calls to timer functions (`setInterval(tick, 100)` names a function declared elsewhere). */
  timerCalls: readonly ts.CallExpression[];
  /** The file's calls named in TAKE_NEXT_CALLS. */
  takeCalls: readonly ts.CallExpression[];
  /** The file's writes (the index's list): a counter stepped once per run. */
  writes: readonly Write[];
  scopes: Scopes;
}

/** The timer loop `fn` is the body of, if any. */
export function timerIteration(fn: FunctionLike, facts: TimerFacts): Iteration | undefined {
  const { timerCalls } = facts;
  if (!fn.body || timerCalls.length === 0) return undefined;
  const name = functionName(fn);
  const schedules = (call: ts.CallExpression): boolean => {
    const cb = call.arguments[0] && unwrap(call.arguments[0]);
    return !!cb && (cb === fn || (name !== undefined && ts.isIdentifier(cb) && cb.text === name));
  };
  const repeated = timerCalls.some((c) => REPEATING.has(calleeName(c) ?? '') && schedules(c));
  // Scheduled again from its own body (not from a function nested in it).
  const again = !repeated && ownNodes(timerCalls, fn.body).some((c) => ONCE_LATER.has(calleeName(c) ?? '') && schedules(c));
  if (!repeated && !again) return undefined;
  const next = nextElementTaken(fn, facts);
  const names: string[] = [];
  if (next?.element) collectNames(next.element, names);
  if (next) collectNames(next.collection, names);
  return { node: fn, body: fn.body, names, timer: true, next };
}

/**
 * The element each run of `fn` takes off a collection kept between runs: `users[i++]` (or `users[i]`
 * with `i++` in the run) with a counter declared outside `fn`, or `queue.shift()` on a queue declared
 * outside it. Only once per run: a take inside a loop of the run walks the collection within one step.
 */
function nextElementTaken(fn: FunctionLike, facts: TimerFacts): NextElement | undefined {
  const body = fn.body!;
  const keptBetweenRuns = (e: ts.Expression): boolean => {
    const base = accessBase(e);
    if (base.kind === ts.SyntaxKind.ThisKeyword) return true;
    const b = ts.isIdentifier(base) ? facts.scopes.resolve(base) : undefined;
    return !!b && !isWithin(b, fn);
  };
  const onceEachRun = (n: ts.Node): boolean => {
    for (let p = n.parent; p && p !== body; p = p.parent) if (isLoop(p)) return false;
    return true;
  };
  for (const w of ownNodes(facts.writes, body)) {
    const counter = steppedCounter(w);
    if (!counter || !keptBetweenRuns(counter) || !onceEachRun(w)) continue;
    const access = indexedBy(w, counter, body, facts.scopes);
    if (access && onceEachRun(access)) return { element: boundTo(access), collection: access.expression };
  }
  for (const c of ownNodes(facts.takeCalls, body)) {
    const queue = calleeReceiver(c);
    if (queue && c.arguments.length === 0 && keptBetweenRuns(queue) && onceEachRun(c)) return { element: boundTo(c), collection: queue };
  }
  return undefined;
}

/** The counter a write steps by one (`i++`, `++i`, `i += 1`), when it is a plain name. */
function steppedCounter(w: Write): ts.Identifier | undefined {
  const stepped = ts.isPostfixUnaryExpression(w) || ts.isPrefixUnaryExpression(w)
    ? w.operator === ts.SyntaxKind.PlusPlusToken
    : ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && isOne(w.right);
  const target = stepped ? unwrap(writtenExpression(w)) : undefined;
  return target && ts.isIdentifier(target) ? target : undefined;
}

function isOne(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isNumericLiteral(u) && Number(u.text) === 1;
}

/**
 * The element access the counter stepped by `w` selects: `users[i++]` itself, or `users[i]` read
 * in the same run (`const user = users[i]; i++;`).
 */
function indexedBy(w: Write, counter: ts.Identifier, body: ts.Node, scopes: Scopes): ts.ElementAccessExpression | undefined {
  const at = outermost(w);
  if (ts.isElementAccessExpression(at.parent) && at.parent.argumentExpression === at) return at.parent;
  const binding = scopes.resolve(counter);
  if (!binding) return undefined;
  for (const ref of scopes.references(binding, body)) {
    const use = outermost(ref);
    if (ts.isElementAccessExpression(use.parent) && use.parent.argumentExpression === use && enclosingFunction(use) === enclosingFunction(w)) return use.parent;
  }
  return undefined;
}

/** The name a taken element is stored in (`const user = ...`, `job = ...`), when it is stored. */
function boundTo(take: ts.Expression): ts.BindingName | undefined {
  const at = outermost(take);
  const parent = at.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === at) return parent.name;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === at && ts.isIdentifier(unwrap(parent.left))) return unwrap(parent.left) as ts.Identifier;
  return undefined;
}
