// Stacked recurrent layers unrolled by hand: a loop over time around a loop over layers that reads
// each layer's state from an array, `for (t) { for (l) { const h = cell[l](x, states[l]); next.push(h) } }`.
// The states must be carried from one time step to the next (`states = next`, `states[l] = h`).
import ts from '../typescript';
import { calleeName, calleeReceiver, isAssignmentTarget, isFunctionLike, isLoop, isWithin, iteratingCallback, unwrap } from './ast';
import { lastFileMemo } from './calls';
import { loopRole } from './loop-queries';
import type { FileModel } from './model';
import { declarationOf, type Binding } from './scopes';
import { nodesInside } from './tree-index';
import { isStateLikeName } from './tfjs-facts';

/** A per-layer state array read on every time step and never updated: the new states go elsewhere. */
export interface StaleLayerState {
  /** `states[l]`, the argument that reads the unchanging state. */
  arg: ts.ElementAccessExpression;
  array: Binding;
  call: ts.CallExpression;
  /** The array the new states are collected into (`next`), and where. */
  collected: Binding;
  collectedAt: ts.Node;
  layerLoop: ts.ForStatement;
  /** The enclosing loop over time steps. */
  timeLoop: ts.IterationStatement;
  /** Only plain blocks lie between the two loops (no callback such as a `tidy`): a statement can go after the layer loop. */
  direct: boolean;
}

export const staleLayerStates: (model: FileModel) => StaleLayerState[] = lastFileMemo(findStaleLayerStates);

/** Array methods that change the array they are called on. */
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'fill', 'reverse', 'sort', 'copyWithin', 'set']);

function findStaleLayerStates(model: FileModel): StaleLayerState[] {
  const out: StaleLayerState[] = [];
  for (const layerLoop of model.index.loops) {
    // `for (let l = 0; l < n; l++)`: the counter indexes the layers.
    if (!ts.isForStatement(layerLoop) || !layerLoop.initializer || !ts.isVariableDeclarationList(layerLoop.initializer)) continue;
    const counter = layerLoop.initializer.declarations[0]?.name;
    if (!counter || !ts.isIdentifier(counter)) continue;
    const around = enclosingLoop(layerLoop);
    if (!around) continue;
    for (const call of nodesInside(model.calls, layerLoop.statement)) {
      for (const a of call.arguments) {
        const found = staleElement(model, unwrap(a), counter, call, layerLoop, around.loop);
        if (found) out.push({ ...found, direct: around.direct });
      }
    }
  }
  return out;
}

/** The loop around `n`, seen through callbacks passed inline (`tf.tidy(() => ...)`), not through other functions. */
function enclosingLoop(n: ts.Node): { loop: ts.IterationStatement; direct: boolean } | undefined {
  let direct = true;
  for (let p = n.parent; p; p = p.parent) {
    if (isLoop(p)) return { loop: p, direct };
    if (isFunctionLike(p)) {
      if (!(ts.isArrowFunction(p) || ts.isFunctionExpression(p)) || !ts.isCallExpression(p.parent) || iteratingCallback(p.parent)) return undefined;
      direct = false;
    }
  }
  return undefined;
}

function staleElement(model: FileModel, arg: ts.Expression, counter: ts.Identifier, call: ts.CallExpression,
                      layerLoop: ts.ForStatement, timeLoop: ts.IterationStatement): Omit<StaleLayerState, 'direct'> | undefined {
  if (!ts.isElementAccessExpression(arg)) return undefined;
  const index = unwrap(arg.argumentExpression);
  const base = unwrap(arg.expression);
  if (!ts.isIdentifier(index) || !model.scopes.refersTo(index, counter) || !ts.isIdentifier(base) || !isStateLikeName(base.text)) return undefined;
  const array = model.scopes.resolve(base);
  if (!array || isWithin(declarationOf(array), timeLoop)) return undefined;
  // Unchanged over the time loop: every use there reads an element or the length.
  for (const ref of model.scopes.references(array, timeLoop)) {
    const p = ref.parent;
    const readsElement = ts.isElementAccessExpression(p) && p.expression === ref && !isAssignmentTarget(p);
    const readsLength = ts.isPropertyAccessExpression(p) && p.expression === ref && !MUTATORS.has(p.name.text) && !isAssignmentTarget(p);
    if (!readsElement && !readsLength) return undefined;
  }
  // The step's result is collected per layer into an array made fresh for each time step.
  const holder = call.parent;
  const result = ts.isVariableDeclaration(holder) && holder.initializer === call && ts.isIdentifier(holder.name) ? holder.name : undefined;
  if (!result) return undefined;
  for (const push of nodesInside(model.callsNamed(['push']), layerLoop.statement)) {
    const recv = push.expression;
    if (!ts.isPropertyAccessExpression(recv) || !ts.isIdentifier(recv.expression)) continue;
    if (!push.arguments.some((x) => { const u = unwrap(x); return ts.isIdentifier(u) && model.scopes.refersTo(u, result); })) continue;
    const collected = model.scopes.resolve(recv.expression);
    if (collected && isWithin(declarationOf(collected), timeLoop) && !isWithin(declarationOf(collected), layerLoop)) {
      return { arg, array, call, collected, collectedAt: push, layerLoop, timeLoop };
    }
  }
  return undefined;
}

/**
 * `layerStates.forEach((state, i) => { input = layers[i].step(input, state); })` inside a loop over
 * time: each layer steps from the array's element, and the array never changes in the time loop,
 * so every time step starts again from the initial states.
 */
export interface StaleLayerElement {
  /** The element parameter as the step reads it (`state`). */
  arg: ts.Identifier;
  array: Binding;
  /** The `forEach`/`map` call over the layers' states. */
  each: ts.CallExpression;
  /** The callback's index parameter (`i`), when it has one. */
  index?: ts.Identifier;
  /** The step call, and the name its new state is given (`input = ...step(...)`, `const h = ...`). */
  call: ts.CallExpression;
  result?: ts.Identifier;
  timeLoop: ts.IterationStatement;
}

export const staleLayerElements: (model: FileModel) => StaleLayerElement[] = lastFileMemo((model: FileModel): StaleLayerElement[] => {
  const out: StaleLayerElement[] = [];
  for (const c of model.stepCalls) {
    for (const a of c.stateArgs) {
      const e = unwrap(a.expr);
      const param = ts.isIdentifier(e) ? model.scopes.resolve(e)?.parent : undefined;
      const cb = param && ts.isParameter(param) ? param.parent : undefined;
      const each = cb && ts.isCallExpression(cb.parent) ? cb.parent : undefined;
      if (!cb || !each || iteratingCallback(each) !== cb || !/^(forEach|map)$/.test(calleeName(each) ?? '') || cb.parameters[0] !== param) continue;
      const recv = calleeReceiver(each);
      const base = recv && unwrap(recv);
      const array = base && ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
      const around = enclosingLoop(each);
      if (!array || !around || isWithin(declarationOf(array), around.loop)) continue;
      const it = model.iterationsAround(each).find((x) => x.node === around.loop);
      if (!it || !['steps', 'unknown'].includes(loopRole(it))) continue;
      // Unchanged over the time loop: iterated, or its elements or length read.
      const unchanged = model.scopes.references(array, around.loop).every((ref) => {
        const p = ref.parent;
        if (p === each.expression) return true;
        if (ts.isElementAccessExpression(p) && p.expression === ref) return !isAssignmentTarget(p);
        return ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === 'length';
      });
      if (!unchanged) continue;
      const index = cb.parameters[1] && ts.isIdentifier(cb.parameters[1].name) ? cb.parameters[1].name : undefined;
      const holder = c.call.parent;
      const result = ts.isVariableDeclaration(holder) && holder.initializer === c.call && ts.isIdentifier(holder.name) ? holder.name
        : ts.isBinaryExpression(holder) && holder.right === c.call && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(holder.left) ? holder.left : undefined;
      out.push({ arg: e as ts.Identifier, array, each, index, call: c.call, result, timeLoop: around.loop });
    }
  }
  return out;
});
