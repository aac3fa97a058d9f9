// Weights a step could use: fields of its class (`this.recurrentKernel`) or names in scope around a
// plain function (`const W_hh = tf.variable(...)`), and how the step applies its input weight.
import ts from 'typescript';
import { accessPath, calleeName, calleeReceiver, thisFieldName, unwrap, walk } from './ast';
import { reaches } from './dataflow';
import type { FileModel } from './model';
import type { Step } from './steps';
import { RECURRENT_WEIGHT_NAME } from './tfjs-facts';

export interface Weight {
  /** `this.recurrentKernel` or `W_hh`. */
  path: string;
  name: string;
  /** Where it is declared/assigned. */
  node: ts.Node;
  /** How it is created: `addWeight` (LayerVariable: use `.read()`), a layer (use `.apply()`), or a tensor. */
  kind: 'layer-variable' | 'layer' | 'tensor';
}

function weightKind(model: FileModel, init: ts.Expression | undefined): Weight['kind'] {
  const e = init && unwrap(init);
  if (e && ts.isCallExpression(e)) {
    if (calleeName(e) === 'addWeight') return 'layer-variable';
    if (model.tf.layerFactory(e)) return 'layer';
  }
  return 'tensor';
}

/** Recurrent-looking weights declared for the step but never referenced inside it. */
export function unusedRecurrentWeights(model: FileModel, step: Step): Weight[] {
  const used = new Set<string>();
  // The step and the methods of its class it calls (`this.recurrent(h)`), transitively.
  const bodies: ts.Node[] = [step.fn];
  for (let i = 0; i < bodies.length; i++) {
    walk(bodies[i]!, (n) => {
      if (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) {
        const p = accessPath(n as ts.Expression);
        if (p) used.add(p);
      }
      if (step.classNode && ts.isCallExpression(n) && thisFieldName(n.expression) !== undefined) {
        const m = step.classNode.members.find((x) => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === thisFieldName(n.expression));
        if (m && !bodies.includes(m)) bodies.push(m);
      }
    });
  }
  const out: Weight[] = [];
  if (step.classNode) {
    const seen = new Set<string>();
    walk(step.classNode, (n) => {
      let name: string | undefined;
      let init: ts.Expression | undefined;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) { name = thisFieldName(n.left); init = n.right; }
      else if (ts.isPropertyDeclaration(n) && ts.isIdentifier(n.name)) { name = n.name.text; init = n.initializer; }
      if (!name || seen.has(name) || !RECURRENT_WEIGHT_NAME.test(name) || used.has(`this.${name}`)) return;
      seen.add(name);
      out.push({ path: `this.${name}`, name, node: n, kind: weightKind(model, init) });
    });
    return out;
  }
  // A plain step: names declared at the top level of the file (closure weights), unless another
  // step of the file uses them (they are that step's weights).
  const usedByOthers = new Set<string>();
  for (const other of model.steps) {
    if (other === step) continue;
    walk(other.fn, (n) => { if (ts.isIdentifier(n)) usedByOthers.add(n.text); });
  }
  for (const st of model.sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && RECURRENT_WEIGHT_NAME.test(d.name.text) && !used.has(d.name.text) && !usedByOthers.has(d.name.text)) {
        out.push({ path: d.name.text, name: d.name.text, node: d, kind: weightKind(model, d.initializer) });
      }
    }
  }
  return out;
}

/**
 * The input projection inside the step (`tf.matMul(x, this.kernel.read())`, `x.matMul(W)`,
 * `this.W_ih.apply(x)`): where a missing recurrent term belongs, and the form to mirror.
 */
export function inputProjection(model: FileModel, step: Step): { node: ts.Expression; form: 'matMul' | 'apply'; weightExpr?: ts.Expression } | undefined {
  let found: { node: ts.Expression; form: 'matMul' | 'apply'; weightExpr?: ts.Expression } | undefined;
  const inputRoot = step.inputRoot;
  if (!inputRoot) return undefined;
  const readsInput = (e: ts.Expression): boolean => {
    const p = accessPath(e);
    if (!p) return false;
    const root = p.split('.')[0]!;
    if (step.inputName === root) return true;
    const names = step.flow.aliasNames.get(inputRoot) ?? [];
    return names.includes(root) || step.flow.locals.some((l) => l.name === root && reaches(l.val.deps, inputRoot) && l.val.deps.size <= 3);
  };
  walk(step.fn, (n) => {
    if (found || !ts.isCallExpression(n)) return;
    const name = calleeName(n);
    const recv = calleeReceiver(n);
    if (name === 'matMul' || name === 'dot') {
      if (model.tf.fn(n) && n.arguments.length >= 2 && readsInput(n.arguments[0]!)) found = { node: n, form: 'matMul', weightExpr: n.arguments[1] };
      else if (recv && n.arguments.length >= 1 && readsInput(recv)) found = { node: n, form: 'matMul', weightExpr: n.arguments[0] };
    } else if (name === 'apply' && recv && n.arguments[0] && readsInput(n.arguments[0])) found = { node: n, form: 'apply' };
  });
  if (found && ts.isAsExpression(found.node.parent)) found = { ...found, node: found.node.parent };
  return found;
}
