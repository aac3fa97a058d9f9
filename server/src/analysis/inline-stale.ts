// Recurrences written inline (no step function) whose new state is never stored back: the loop
// reads a zero-started state through a weight matrix, computes the next state into a local, and
// the next iteration reads the initial state again. stale-state reports them.
import ts from '../typescript';
import { calleeName, calleeReceiver, isFunctionLike, isWithin, unwrap } from './ast';
import { lastFileMemo, type Iteration } from './calls';
import { loopRole } from './loop-queries';
import type { FileModel } from './model';
import type { Binding } from './scopes';
import { ACTIVATION_OPS, isStateLikeName, stateBase } from './tfjs-facts';

export interface StaleInline {
  /** The state's read inside the weight multiplication (`x` of `tf.matMul(x, W)`). */
  read: ts.Identifier;
  binding: Binding;
  /** The local of the loop the new state is computed into (`xt`). */
  next: ts.VariableDeclaration & { name: ts.Identifier };
  loop: Iteration;
}

/**
 * `const x = tf.zeros([1, N]); for (let t ...) { const xt = tf.tanh(tf.matMul(u, Win).add(tf.matMul(x, W))); X.push(xt); }`.
 * Required: the state starts as `tf.zeros`/`zerosLike` before a loop over time steps that never
 * writes it; it is an operand of a `matMul`/`dot` (read through a weight, as a recurrent state
 * is); an activation is applied on the way from that product to a local declared in the loop;
 * and the local is named for the state (`xt`, `xNew` for `x`; any state name for a state-named
 * variable). Found once per model.
 */
export const staleInlineRecurrences: (model: FileModel) => StaleInline[] = lastFileMemo(findStaleInline);

function findStaleInline(model: FileModel): StaleInline[] {
  const out: StaleInline[] = [];
  const seen = new Set<string>();
  for (const product of model.callsNamed(['matMul', 'dot'])) {
    // Cheap tests first (the loop around is memoised, its role cached): most products are in no
    // loop over steps, or read no plain name.
    const loop = model.iterationsAround(product)[0];
    const role = loop && loopRole(loop);
    if (!loop || (role !== 'steps' && role !== 'unknown')) continue;
    const recv = calleeReceiver(product);
    const operands = model.tf.fn(product) || !recv ? product.arguments : [recv, ...product.arguments];
    for (const operand of operands) {
      const read = unwrap(operand);
      if (!ts.isIdentifier(read)) continue;
      const binding = model.scopes.resolve(read);
      const decl = binding?.parent;
      if (!binding || !decl || !ts.isVariableDeclaration(decl) || decl.name !== binding || !isZeroStart(model, decl.initializer)) continue;
      if (isWithin(binding, loop.node) || model.scopes.writes(binding, loop.node).length > 0) continue;
      const next = activatedLocal(model, product, loop);
      if (!next || !namedForState(next.name.text, binding.text)) continue;
      const key = `${binding.pos}:${loop.node.pos}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ read, binding, next, loop });
    }
  }
  return out;
}

function isZeroStart(model: FileModel, init: ts.Expression | undefined): boolean {
  const e = init && unwrap(init);
  return !!e && ts.isCallExpression(e) && /^zeros(Like)?$/.test(model.tf.fn(e) ?? '');
}

/**
 * The local of the loop that `product` is computed into, with an activation applied on the way
 * (`const xt = tf.tanh(a.add(tf.matMul(x, W)))`, `... .tanh()`), through the expressions around it.
 */
function activatedLocal(model: FileModel, product: ts.CallExpression, loop: Iteration): (ts.VariableDeclaration & { name: ts.Identifier }) | undefined {
  let activated = false;
  for (let n: ts.Node = product; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === n) {
      return activated && ts.isIdentifier(p.name) && isWithin(p, loop.body) ? p as ts.VariableDeclaration & { name: ts.Identifier } : undefined;
    }
    if (ts.isStatement(p) || isFunctionLike(p)) return undefined;
    if (ts.isCallExpression(p) && ACTIVATION_OPS.has(model.tf.fn(p) ?? calleeName(p) ?? '')) activated = true;
  }
  return undefined;
}

/** `xt`, `xNew`, `x_t` for `x`; for a state-named variable (`h`, `state`), any state name. */
function namedForState(local: string, state: string): boolean {
  if (local.startsWith(state) || stateBase(local) === stateBase(state)) return true;
  return isStateLikeName(state) && isStateLikeName(local);
}
