// Loops written with timers: a callback `setInterval` runs again and again, and a function that
// schedules itself for the next frame (`const frame = () => { ...; requestAnimationFrame(frame); }`).
// Each run is one step of an endless loop over time, as a loop statement's body is.
import ts from '../typescript';
import { calleeName, enclosingFunction, functionName, unwrap, type FunctionLike } from './ast';
import type { Iteration } from './calls';
import { nodesInside } from './tree-index';

/** Calls that run their callback later, once: a loop when the callback schedules itself again. */
const ONCE_LATER = new Set(['requestAnimationFrame', 'setTimeout', 'setImmediate', 'queueMicrotask']);
/** Calls that run their callback again and again. */
const REPEATING = new Set(['setInterval']);
export const TIMER_CALLS: ReadonlySet<string> = new Set([...ONCE_LATER, ...REPEATING]);

/**
 * The timer loop `fn` is the body of, if any. `timerCalls`: the file's calls to timer functions
 * (`setInterval(tick, 100)` names a function declared elsewhere).
 */
export function timerIteration(fn: FunctionLike, timerCalls: readonly ts.CallExpression[]): Iteration | undefined {
  if (!fn.body || timerCalls.length === 0) return undefined;
  const name = functionName(fn);
  const schedules = (call: ts.CallExpression): boolean => {
    const cb = call.arguments[0] && unwrap(call.arguments[0]);
    return !!cb && (cb === fn || (name !== undefined && ts.isIdentifier(cb) && cb.text === name));
  };
  const repeated = timerCalls.some((c) => REPEATING.has(calleeName(c) ?? '') && schedules(c));
  // Scheduled again from its own body (not from a function nested in it).
  const again = !repeated && nodesInside(timerCalls, fn.body).some((c) => ONCE_LATER.has(calleeName(c) ?? '') && schedules(c) && enclosingFunction(c) === fn);
  return repeated || again ? { node: fn, body: fn.body, names: [], timer: true } : undefined;
}
