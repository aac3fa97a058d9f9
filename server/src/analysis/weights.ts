// Weights a step could use: fields of its class (`this.recurrentKernel`) or names in scope around a
// plain function (`const W_hh = tf.variable(...)`), and how the step applies its input weight.
import ts from '../typescript';
import { accessPath, calleeName, calleeReceiver, enclosingFunction, thisFieldName, unwrap, walk, declaredMemberName } from './ast';
import { reaches } from './dataflow';
import type { FileModel } from './model';
import type { Step } from './steps';
import { RECURRENT_WEIGHT_NAME, TENSOR_CONSTRUCTORS } from './tfjs-facts';

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

/** Namespaces of tfjs whose calls build configuration objects, not tensors. */
const CONFIG_NAMESPACES = new Set(['initializers', 'constraints', 'regularizers', 'activations', 'train', 'losses', 'metrics']);

/**
 * Does this value make a weight (`addWeight`, `tf.variable`, a tensor, a layer, `new ...`)?
 * True / false when the initialiser says so; undefined when it says nothing (`null`, `undefined`).
 */
function isWeightMaking(model: FileModel, init: ts.Expression): boolean | undefined {
  const e = unwrap(init);
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return undefined;
  if (ts.isNewExpression(e)) return true;
  if (ts.isCallExpression(e)) {
    if (calleeName(e) === 'addWeight') return true;
    const path = model.tf.path(e.expression);
    if (path) return !CONFIG_NAMESPACES.has(path[0] ?? '');
    // Tensor methods (`tf.randomNormal(...).mul(0.1)`) keep it a tensor.
    const recv = calleeReceiver(e);
    return recv ? isWeightMaking(model, recv) === true : false;
  }
  return false;
}

/** `tf.variable(...)`, a tensor constructor, a layer, `addWeight`, possibly cast or scaled. */
function isCreatedWeight(model: FileModel, init: ts.Expression): boolean {
  const e = unwrap(init);
  if (!ts.isCallExpression(e)) return false;
  if (calleeName(e) === 'addWeight' || model.tf.layerFactory(e)) return true;
  const fn = model.tf.fn(e);
  if (fn) return TENSOR_CONSTRUCTORS.has(fn);
  const recv = calleeReceiver(e);
  return !!recv && isCreatedWeight(model, recv);
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
    // Every write of each recurrent-named field: declarations and `this.f = ...` anywhere in the class.
    const writes = new Map<string, { node: ts.Node; init?: ts.Expression; type?: ts.TypeNode }[]>();
    walk(step.classNode, (n) => {
      let name: string | undefined;
      let init: ts.Expression | undefined;
      let type: ts.TypeNode | undefined;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) { name = thisFieldName(n.left); init = n.right; }
      else if (ts.isPropertyDeclaration(n) && declaredMemberName(n) !== undefined) { name = declaredMemberName(n)!; init = n.initializer; type = n.type; }
      if (!name || !RECURRENT_WEIGHT_NAME.test(name) || used.has(`this.${name}`)) return;
      const list = writes.get(name) ?? [];
      list.push({ node: n, init, type });
      writes.set(name, list);
    });
    for (const [name, list] of writes) {
      const made = list.find((w) => w.init && isWeightMaking(model, w.init) === true);
      const known = list.filter((w) => w.init && isWeightMaking(model, w.init) !== undefined);
      // `recurrentInitializer = getInitializer(...)`: a recurrent-named field that is not a weight.
      if (!made && (known.length > 0 || !list.some((w) => w.type && /Tensor|Variable|Layer/.test(w.type.getText())))) continue;
      out.push({ path: `this.${name}`, name, node: list[0]!.node, kind: weightKind(model, made?.init) });
    }
    return out;
  }
  // A plain step: names declared at the top level of the file (closure weights), unless another
  // step of the file uses them (they are that step's weights).
  const usedByOthers = new Set<string>();
  for (const other of model.steps) {
    if (other === step) continue;
    walk(other.fn, (n) => { if (ts.isIdentifier(n)) usedByOthers.add(n.text); });
  }
  const seen = new Set<string>();
  const consider = (id: ts.Identifier, node: ts.Node, init: ts.Expression | undefined): void => {
    const name = id.text;
    if (seen.has(name) || !RECURRENT_WEIGHT_NAME.test(name) || used.has(name) || usedByOthers.has(name)) return;
    seen.add(name);
    out.push({ path: name, name, node, kind: weightKind(model, init) });
  };
  // Closures first: parameters and locals of the functions around the step (`makeCell(W, U)`).
  for (let f = enclosingFunction(step.fn); f; f = enclosingFunction(f)) {
    for (const p of f.parameters) if (ts.isIdentifier(p.name)) consider(p.name, p, undefined);
    if (f.body && ts.isBlock(f.body)) for (const d of recurrentWeightDeclarations(model, f.body)) consider(d.name, d, d.initializer);
  }
  for (const d of recurrentWeightDeclarations(model, model.sf)) consider(d.name, d, d.initializer);
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

/**
 * The recurrent-named variables (`Wh`, `U`, `recurrentKernel`) a block declares. Inside a function
 * they must be made like weights (`tf.variable`, a tensor constructor, a layer): `const r =
 * tf.sigmoid(...)` there is a gate. At the top of a module the name is enough.
 */
function recurrentWeightDeclarations(model: FileModel, block: ts.Block | ts.SourceFile): (ts.VariableDeclaration & { name: ts.Identifier })[] {
  const strict = !ts.isSourceFile(block);
  const out: (ts.VariableDeclaration & { name: ts.Identifier })[] = [];
  for (const st of block.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !RECURRENT_WEIGHT_NAME.test(d.name.text)) continue;
      if (strict && !(d.initializer && isCreatedWeight(model, d.initializer))) continue;
      out.push(d as ts.VariableDeclaration & { name: ts.Identifier });
    }
  }
  return out;
}

/**
 * A recurrent weight declared in `block` (a closure's function body or the module) that nothing in
 * its scope uses except to dispose it: the weight a closure-held state was meant to meet.
 */
export function unusedDeclaredWeight(model: FileModel, block: ts.Block | ts.SourceFile): ts.Identifier | undefined {
  const scope = ts.isSourceFile(block) ? block : block.parent;
  for (const d of recurrentWeightDeclarations(model, block)) {
    if (!model.scopes.references(d.name, scope).some((r) => !disposedOnly(r))) return d.name;
  }
  return undefined;
}

/** `w.dispose()`, `tf.dispose([w, ...])`: a reference that only frees the tensor. */
function disposedOnly(r: ts.Identifier): boolean {
  const p = r.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === r && p.name.text === 'dispose') return true;
  const call = ts.isArrayLiteralExpression(p) ? p.parent : p;
  return ts.isCallExpression(call) && /dispose$/.test(call.expression.getText());
}
