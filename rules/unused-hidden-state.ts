import ts from '../server/src/typescript';
import { accessPathTail, calleeName, calleeReceiver, enclosingFunction, functionName, functionNameNode, hoistedVarNames, isFunctionLike, isWithin, thisFieldName, unwrap, walk, type FunctionLike } from '../server/src/analysis/ast';
import { nodesInside } from '../server/src/analysis/tree-index';
import { isLayerValue } from '../server/src/analysis/calls';
import { analyzeStep, isDroppedTensorOp, touches, type StepContext } from '../server/src/analysis/dataflow';
import { inheritedSteps, type InheritedStep } from '../server/src/analysis/inherited-steps';
import { defineRule, nodeText, replaceNode, type FixDescriptor } from './rule';
import { containsStepLoop, stateReachesOutput, type StateInput, type Step } from '../server/src/analysis/steps';
import { ownMethod } from '../server/src/analysis/class-hierarchy';
import { finalReturn } from '../server/src/analysis/calls';
import { declarationOf } from '../server/src/analysis/scopes';
import { carriesNoState, droppedUsesOf, memberStates } from '../server/src/analysis/state-queries';
import { inputProjection, unusedDeclaredWeight, unusedRecurrentWeights } from '../server/src/analysis/weights';
import { scriptKindFor } from '../server/src/analysis/parse';
import { closureStateReachesOutput, closureSteps, droppedClosureUses } from '../server/src/analysis/closure-state';
import { CELL_STATE_TOKENS, RECURRENT_LAYER_FACTORIES, RECURRENT_WEIGHT_NAME, RNN_APPLY_OPTIONS, TENSOR_CONSTRUCTORS, hasToken, isStateLikeName } from '../server/src/analysis/tfjs-facts';
import type { RuleContext } from './rule';

/** An LSTM-like cell state (`c`, `carry`) of a step with several states: its missing term is the forget path. */
function isCellState(s: StateInput, stateCount: number): boolean {
  return stateCount > 1 && s.index > 0 && hasToken(s.name.split('.').pop()!, CELL_STATE_TOKENS);
}

/** The suggestion that adds `state x weight` to the step's input projection, mirroring its form. */
function addTermSuggestion(ctx: RuleContext, step: Step, s: StateInput, data: Record<string, string>): FixDescriptor | undefined {
  const { model } = ctx;
  // With several unused recurrent weights (one per gate) the repair touches every gate: no single edit.
  const weights = unusedRecurrentWeights(model, step);
  const weight = weights.length === 1 ? weights[0] : undefined;
  const proj = weight && s.binding ? inputProjection(model, step) : undefined;
  if (!weight || !proj) return undefined;
  const kind = scriptKindFor(ctx.sf.fileName);
  const isTs = kind === ts.ScriptKind.TS || kind === ts.ScriptKind.TSX;
  // Write the namespace the projection itself uses (`tfc.matMul(...)` -> `tfc`), else the file's.
  const projCall = ts.isAsExpression(proj.node) ? proj.node.expression : proj.node;
  const callee = ts.isCallExpression(projCall) ? unwrap(projCall.expression) : undefined;
  const ownNs = callee && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) &&
    model.tf.namespaces.has(callee.expression.text) ? callee.expression.text : undefined;
  const ns = ownNs ?? model.tf.namespaceForFixes;
  let term: string;
  if (weight.kind === 'layer' || proj.form === 'apply') {
    term = `${weight.path}.apply(${s.name})${isTs ? ` as ${ns ?? 'tf'}.Tensor` : ''}`;
  } else {
    const wText = proj.weightExpr ? nodeText(ctx, proj.weightExpr) : '';
    const readForm = /\.read\(\)$/.test(wText) || weight.kind === 'layer-variable';
    // Mirror a non-null assertion on the input weight (`this.kernel!.read()`).
    const bang = /!\.read\(\)$/.test(wText) || /!$/.test(wText) ? '!' : '';
    term = `${ns ?? 'tf'}.matMul(${s.name}, ${weight.path}${isTs ? bang : ''}${readForm ? '.read()' : ''})`;
  }
  // Keep a cast on the projection (`x as tf.Tensor2D`) around the sum, so the types stay as they were.
  const node = proj.node;
  const inner = ts.isAsExpression(node) ? node.expression : node;
  const innerText = nodeText(ctx, inner) + (ts.isAsExpression(node) && isTs && ns ? ` as ${ns}.Tensor` : '');
  let replacement = ns ? `${ns}.add(${innerText}, ${term})` : `${innerText}.add(${term})`;
  if (ts.isAsExpression(node)) replacement += ` as ${nodeText(ctx, node.type)}`;
  return { messageId: 'addRecurrentTerm', data: { ...data, term }, edits: [replaceNode(ctx, node, replacement)] };
}

export default defineRule({
  id: 'unused-hidden-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'A state input of a step never influences any returned output or new state' },
    messages: {
      unused: '`{{step}}` never uses its incoming state `{{name}}`: nothing it returns depends on it, so every step starts from scratch. The recurrent term is missing: add `{{name}}` times a recurrent weight (e.g. `tf.matMul({{name}}, U)`) to the pre-activation.',
      unusedCellState: '`{{step}}` never uses its incoming cell state `{{name}}`: the new cell state is built from the current input only, so nothing is remembered across steps. The forget path is missing: the new cell state should be `forgetGate * {{name}} + inputGate * candidate`.',
      unusedWithWeight: '`{{step}}` never uses its incoming state `{{name}}`, and the recurrent weight `{{weight}}` is declared but never used: the recurrent term (`{{name}}` through `{{weight}}`) is missing from the pre-activation, so every step starts from scratch.',
      unusedWithWeights: '`{{step}}` never uses its incoming state `{{name}}`, and the recurrent weights `{{weight}}` are declared but never used: the recurrent terms (`{{name}}` through each of them) are missing from the gates\' pre-activations, so every step starts from scratch.',
      droppedUse: '`{{step}}` reads its incoming state `{{name}}` only into `{{local}}`, which never reaches the output or new state: the recurrent term is computed and then dropped. Add `{{local}}` to the pre-activation.',
      notRead: '`{{step}}` never reads its state input `{{name}}`: the cell ignores its hidden state, so every step starts from scratch. Read it (e.g. `const [x, h] = inputs`) and add the recurrent term (`h` times a recurrent weight) to the pre-activation.',
      discarded: '`{{step}}` uses its incoming state `{{name}}` only in `{{expr}}`, whose result is thrown away: tensor ops return a new tensor and never change the one they are called on, so nothing the step returns depends on `{{name}}`. Keep the result.',
      keepResult: 'Keep the result: `{{target}} = {{expr}}`',
      closureDroppedUse: '`{{step}}` reads the state `{{name}}` it keeps between calls only into `{{local}}`, which never reaches its output or the new `{{name}}`: the recurrent term is computed and then dropped. Add `{{local}}` to the pre-activation.',
      closureUnusedWithWeight: '`{{step}}` keeps the state `{{name}}` between calls but never uses it, and the recurrent weight `{{weight}}` is declared but never used: the recurrent term (`{{name}}` through `{{weight}}`) is missing, so every call starts from scratch.',
      addRecurrentTerm: 'Add the recurrent term `{{term}}`',
      weightDeclared: '`{{weight}}` is declared here but never used by the step',
      droppedByOverride: 'In a `{{cls}}`, `{{step}}` never uses its incoming state `{{name}}`: it passes the state to `{{method}}` as `{{param}}`, and `{{cls}}`\'s override of `{{method}}` ignores `{{param}}`, so nothing the step returns depends on the state and every step starts from scratch. Use `{{param}}` in the override.',
      stateEntersHere: '`{{name}}` enters `{{step}}` here',
      droppedHere: '`{{local}}` is computed from `{{name}}` here and then dropped',
      ignoredOption: '`{{layer}}.{{method}}` never reads the option `{{key}}`: a recurrent layer takes its starting state only from `initialState`, so `{{value}}` is ignored and every call starts from zeros. Pass it as `initialState`.',
      renameOption: 'Pass the state as `initialState`',
      unusedInput: '`{{name}}` is an input of the model, but no layer reads it: the state fed in never reaches the outputs, so every step starts from zeros. Pass it to the recurrent layer as its `initialState`.',
      passInitialState: 'Pass `{{name}}` to `{{layer}}` as its `initialState`',
      unreadField: '`{{method}}` replaces `this.{{field}}` at every call, but nothing ever reads it: the state is kept and never used, so every step starts from scratch. The recurrent weight `{{weight}}` is applied to something else; apply it to `this.{{field}}`.',
      weightOnOther: 'the recurrent weight is applied here, not to `this.{{field}}`',
      shadowedByVar: '`{{step}}` never uses its incoming state `{{name}}`: a `var {{name}}` in a function inside it is hoisted to that whole function, so every `{{name}}` there, the one in its own initialiser included, is that new variable (undefined at first), not the state. Give the inner variable another name.',
      shadowHere: 'this `var {{name}}` hides the state in the whole function around it',
      sequenceIgnoresState: '`{{step}}` runs the whole sequence from a state it makes itself and never reads its incoming state `{{name}}`: it hands back its final state `{{returned}}` for the next call, but the state passed in is ignored, so every call starts from scratch. Start the loop from `{{name}}`.',
      loopStartsHere: 'the loop starts from this state instead of `{{name}}`',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const step of model.steps) {
      // A state object used member by member: each member it returns is a state (`state.c`).
      let stateCount = step.states.length;
      const units = step.states.flatMap((s) => {
        if (!stateReachesOutput(step, s)) return [s];
        const members = memberStates(step, s);
        stateCount += Math.max(0, members.length - 1);
        return members.filter((m) => !stateReachesOutput(step, m));
      });
      for (const s of units) {
        if (stateReachesOutput(step, s) || carriesNoState(step, s)) continue;
        // `pre.add(tf.matMul(h, Wh));`: its own message, before weights and dropped terms are looked up.
        const discarded = s.binding && ts.isIdentifier(s.binding) ? discardedTensorOp(ctx, step, s.binding) : undefined;
        if (discarded) {
          reportDiscarded(ctx, step, s.name, discarded);
          continue;
        }
        // `var h = h || tf.zeros(...)` in a callback: its own message, the cause is not a missing term.
        const shadow = s.binding && ts.isIdentifier(s.binding) ? hoistedShadow(step.fn, s.binding.text) : undefined;
        if (shadow) {
          const data = { name: s.name, step: step.name };
          ctx.report({ node: s.binding!, messageId: 'shadowedByVar', data, related: [{ node: shadow, messageId: 'shadowHere', data }] });
          continue;
        }
        const where = s.binding ?? step.fn.name ?? step.fn;
        const weights = unusedRecurrentWeights(model, step);
        const weight = weights[0];
        const dropped = droppedUsesOf(step, s);
        const last = dropped.filter((l) => !dropped.some((o) => o !== l && o.val.deps.has(l.root))).pop();
        const data: Record<string, string> = {
          name: s.name, step: step.name, local: last?.name ?? '',
          weight: weights.map((w) => w.path).join('`, `'),
        };
        const related: { node: ts.Node; messageId: string; data: Record<string, string> }[] = [];
        let messageId: string;
        if (!s.binding && step.kind === 'rnn-cell') messageId = 'notRead';
        else if (last) { messageId = 'droppedUse'; related.push({ node: last.node, messageId: 'droppedHere', data }); }
        else if (isCellState(s, stateCount)) messageId = 'unusedCellState';
        else if (weights.length > 1) messageId = 'unusedWithWeights';
        else if (weight) messageId = 'unusedWithWeight';
        else messageId = 'unused';
        if (messageId === 'unusedWithWeight' || messageId === 'unusedWithWeights' || messageId === 'notRead') {
          for (const w of weights) related.push({ node: w.node, messageId: 'weightDeclared', data: { ...data, weight: w.path } });
        }
        const suggestion = messageId === 'unusedWithWeight' ? addTermSuggestion(ctx, step, s, data) : undefined;
        ctx.report({ node: where, messageId, data, suggest: suggestion ? [suggestion] : undefined, related: related.length ? related : undefined });
      }
    }
    // A base class's step as a subclass runs it: an override the step calls drops the state.
    for (const inherited of inheritedSteps(model)) reportDroppedByOverride(ctx, inherited);
    // State captured by a closure (`let h` in a factory, advanced by `step(x)`): reported only when
    // the step reads it into a term it then drops, the evidence that a recurrence was meant.
    for (const step of closureSteps(model)) {
      if (closureStateReachesOutput(step)) continue;
      const dropped = droppedClosureUses(step);
      const last = dropped.filter((l) => !dropped.some((o) => o !== l && o.val.deps.has(l.root))).pop();
      if (last) {
        const data = { step: step.name, name: step.state.text, local: last.name };
        ctx.report({
          node: functionNameNode(step.fn) ?? step.write, messageId: 'closureDroppedUse', data,
          related: [{ node: last.node, messageId: 'droppedHere', data }],
        });
        continue;
      }
      // Not read at all: reported only when the closure also declares a recurrent weight it never
      // uses (`Wh` next to `let memory`), the evidence that a recurrence was meant.
      const weight = closureWeight(ctx, step.state);
      if (!weight) continue;
      const data = { step: step.name, name: step.state.text, weight: weight.text };
      ctx.report({
        node: functionNameNode(step.fn) ?? step.write, messageId: 'closureUnusedWithWeight', data,
        related: [{ node: weight, messageId: 'weightDeclared', data }],
      });
    }
    ignoredInitialStates(ctx);
    sequenceForwardsIgnoringState(ctx);
    unusedStateInputs(ctx);
    unreadFieldStates(ctx);
  },
});

/**
 * `next() { ... tf.matMul(e, p.Whh) ...; this.h = hNext; }` in a class where nothing reads `this.h`
 * but to dispose it: the method replaces its state at every call and never uses it, while it
 * applies a recurrent weight to something else. The recurrent weight applied, not the state, is
 * the evidence that a recurrence was meant; a field read anywhere (a getter, a caller) is not
 * reported.
 */
function unreadFieldStates(ctx: RuleContext): void {
  const { model } = ctx;
  // Whether a field is read walks the whole file: asked once per field name.
  const readAsData = new Map<string, boolean>();
  const isRead = (field: string): boolean => {
    let read = readAsData.get(field);
    if (read === undefined) readAsData.set(field, (read = fieldReadAsData(ctx, field)));
    return read;
  };
  for (const cls of new Set(model.classes.values())) {
    for (const m of cls.members) {
      if (!ts.isMethodDeclaration(m) || !m.body) continue;
      for (const w of nodesInside(model.index.writes, m.body)) {
        if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const field = thisFieldName(unwrap(w.left));
        const right = unwrap(w.right);
        if (field === undefined || !isStateLikeName(field) || !(ts.isIdentifier(right) || ts.isCallExpression(right))) continue;
        if (ts.isCallExpression(right) && TENSOR_CONSTRUCTORS.has(model.tf.fn(right) ?? '')) continue;
        const weight = recurrentWeightOnOther(ctx, m, field);
        if (!weight || isRead(field)) continue;
        const data = { method: functionName(m) ?? 'this method', field, weight: nodeText(ctx, weight) };
        ctx.report({ node: w.left, messageId: 'unreadField', data, related: [{ node: weight, messageId: 'weightOnOther', data }] });
      }
    }
  }
}

/** In `fn`, a recurrent weight (`Whh`, `this.U`) multiplied with something that is not `this.<field>`. */
function recurrentWeightOnOther(ctx: RuleContext, fn: FunctionLike, field: string): ts.Expression | undefined {
  for (const call of nodesInside(ctx.model.callsNamed(['matMul', 'dot']), fn)) {
    const recv = calleeReceiver(call);
    const isTf = recv ? ctx.model.tf.path(recv) !== undefined : true;
    const [a, b] = isTf ? [call.arguments[0], call.arguments[1]] : [recv, call.arguments[0]];
    const tail = b && accessPathTail(b);
    if (!a || !b || !tail || !RECURRENT_WEIGHT_NAME.test(tail)) continue;
    let readsField = false;
    walk(a, (n) => { if (thisFieldName(n) === field) readsField = true; });
    if (!readsField) return b;
  }
  return undefined;
}

/** Is `.<field>` read anywhere in the file as a value: not assigned, and not only disposed? */
function fieldReadAsData(ctx: RuleContext, field: string): boolean {
  let read = false;
  walk(ctx.sf, (n) => {
    if (read) return false;
    if (!ts.isPropertyAccessExpression(n) || n.name.text !== field) return;
    const p = n.parent;
    if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return;
    if (ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text === 'dispose') return;
    if (ts.isCallExpression(p) && ctx.model.tf.fn(p) === 'dispose') return;
    read = true;
  });
  return read;
}

/**
 * `tf.model({ inputs: [tokIn, stateIn], outputs })` where `stateIn = tf.input(...)` is read by no
 * layer: the state fed to the model never reaches its outputs, and every step starts from zeros.
 * Only for an input named for a state (its variable or its `name` option). The suggestion passes it
 * as the `initialState` of the one recurrent layer applied to a single tensor in the same function.
 */
function unusedStateInputs(ctx: RuleContext): void {
  const { model } = ctx;
  for (const call of model.callsNamed(['model'])) {
    const opts = call.arguments[0] && unwrap(call.arguments[0]);
    if (model.tf.fn(call) !== 'model' || !opts || !ts.isObjectLiteralExpression(opts)) continue;
    const inputsProp = opts.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'inputs');
    const list = inputsProp && unwrap(inputsProp.initializer);
    if (!list || !ts.isArrayLiteralExpression(list)) continue;
    for (const el of list.elements) {
      const id = unwrap(el as ts.Expression);
      const b = ts.isIdentifier(id) ? model.scopes.resolve(id) : undefined;
      const decl = b?.parent;
      const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
      if (!b || !init || !ts.isCallExpression(init) || model.tf.fn(init) !== 'input') continue;
      const nameOpt = init.arguments[0] && unwrap(init.arguments[0]);
      const named = nameOpt && ts.isObjectLiteralExpression(nameOpt) ? nameOpt.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'name') : undefined;
      const inputName = named && ts.isStringLiteralLike(unwrap(named.initializer)) ? (unwrap(named.initializer) as ts.StringLiteral).text : '';
      if (!isStateLikeName(b.text) && !isStateLikeName(inputName)) continue;
      const owner = enclosingFunction(call) ?? ctx.sf;
      if (model.scopes.references(b, owner).some((r) => !isWithin(r, list))) continue;
      const data = { name: b.text };
      // The one recurrent layer applied to one tensor here (`gru.apply(emb)`): where the state belongs.
      const applies = model.callsNamed(['apply']).filter((a) => isWithin(a, owner) && a.arguments.length === 1 && calleeReceiver(a) &&
        isLayerValue(calleeReceiver(a)!, model.scopes, model.tf, RECURRENT_LAYER_FACTORIES));
      const suggest: FixDescriptor[] = applies.length === 1
        ? [{ messageId: 'passInitialState', data: { ...data, layer: nodeText(ctx, calleeReceiver(applies[0]!)!) }, edits: [{ start: applies[0]!.arguments[0]!.end, end: applies[0]!.arguments[0]!.end, text: `, { initialState: [${b.text}] }` }] }]
        : [];
      ctx.report({ node: el, messageId: 'unusedInput', data, suggest });
    }
  }
}

/**
 * `forward(input, hidden)` that unrolls the sequence itself (a loop over time steps, so it is not a
 * step and the checks above do not see it) from `let [h, c] = this.init_hidden(b)`, returns its
 * final state (`[logits, [h, c]]`) and never mentions `hidden`: the caller carries a state from
 * chunk to chunk that the model throws away. All three are required: a parameter named like a
 * state that is never referenced (`hidden ?? this.init_hidden()` is a use), the model's own loop
 * state, and that state handed back; a second parameter named otherwise (`training`, `mask`), or a
 * forward that does not return its final state (one that resets per sequence on purpose), is not
 * reported.
 */
function sequenceForwardsIgnoringState(ctx: RuleContext): void {
  const { model } = ctx;
  for (const cls of model.classes.values()) {
    const forward = ownMethod(cls, 'forward');
    if (!forward?.body || forward.parameters.length < 2 || !containsStepLoop(forward, model.index)) continue;
    const returned = returnedOwnStates(ctx, forward);
    if (returned.length === 0) continue;
    for (const p of forward.parameters.slice(1)) {
      if (!ts.isIdentifier(p.name) || p.initializer || !isStateLikeName(p.name.text)) continue;
      if (model.scopes.references(p.name, forward.body).length > 0) continue;
      const data = { step: cls.name?.text ?? 'forward', name: p.name.text, returned: returned.map((r) => r.text).join('`, `') };
      const start = declarationOf(model.scopes.resolve(returned[0]!)!);
      ctx.report({ node: p.name, messageId: 'sequenceIgnoresState', data, related: [{ node: start, messageId: 'loopStartsHere', data }] });
    }
  }
}

/**
 * The states a sequence `forward` hands back at its end, beside its output: the state-named `let`
 * variables of the function itself in `[out, [h, c]]`, `[out, h]` or `{ out, hidden: [h, c] }`.
 * Empty when it returns anything else.
 */
function returnedOwnStates(ctx: RuleContext, fn: FunctionLike): ts.Identifier[] {
  const r = finalReturn(fn);
  if (!r) return [];
  const slots = ts.isArrayLiteralExpression(r) ? r.elements.slice(1)
    : ts.isObjectLiteralExpression(r) ? r.properties.map((p) => (ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined)).filter((e): e is ts.Expression => !!e)
    : [];
  const ids = slots.flatMap((e) => {
    const u = unwrap(e);
    return ts.isArrayLiteralExpression(u) ? u.elements.map(unwrap) : [u];
  }).filter((e): e is ts.Identifier => ts.isIdentifier(e) && isStateLikeName(e.text));
  return ids.filter((id) => {
    const b = ctx.model.scopes.resolve(id);
    const list = b && declarationOf(b).parent;
    // A `let` of the function itself: the loop's own state, advanced in place.
    return !!b && !!list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Let) !== 0 && enclosingFunction(b) === fn;
  });
}

/**
 * `gru.apply(x, { initialStates: [h] })`: a recurrent layer reads its starting state only from
 * `initialState` (the Keras name is `initial_state`), and ignores any other key, so the state passed
 * never reaches the layer and every call starts from zeros. Reported at a key named for a state.
 */
function ignoredInitialStates(ctx: RuleContext): void {
  const { model } = ctx;
  // Only files that build a recurrent layer have one to check (most calls of `apply` are cells').
  if (!model.callsNamed(RECURRENT_LAYER_FACTORIES).some((c) => RECURRENT_LAYER_FACTORIES.has(model.tf.layerFactory(c) ?? ''))) return;
  // One name at a time: each list is already indexed (a merged list would be sorted anew).
  for (const call of [...model.callsNamed(['apply']), ...model.callsNamed(['call'])]) {
    const opts = call.arguments[1] && unwrap(call.arguments[1]);
    const recv = calleeReceiver(call);
    if (!opts || !ts.isObjectLiteralExpression(opts) || !recv || !isLayerValue(recv, model.scopes, model.tf, RECURRENT_LAYER_FACTORIES)) continue;
    for (const p of opts.properties) {
      if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      const key = p.name.text;
      if (RNN_APPLY_OPTIONS.has(key) || !/state|hidden|initial|carry|memory/i.test(key)) continue;
      const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
      const data = { layer: nodeText(ctx, recv), method: calleeName(call)!, key, value: nodeText(ctx, value) };
      const text = ts.isShorthandPropertyAssignment(p) ? `initialState: ${key}` : 'initialState';
      const at = ts.isShorthandPropertyAssignment(p) ? p : p.name;
      ctx.report({
        node: p.name, messageId: 'ignoredOption', data,
        suggest: [{ messageId: 'renameOption', data, edits: [{ start: at.getStart(ctx.sf), end: at.end, text }] }],
      });
    }
  }
}

/** An unused recurrent weight declared where the closure's state is (its factory or the module). */
function closureWeight(ctx: RuleContext, state: ts.Identifier): ts.Identifier | undefined {
  const block = state.parent.parent?.parent?.parent;
  return block && (ts.isBlock(block) || ts.isSourceFile(block)) ? unusedDeclaredWeight(ctx.model, block) : undefined;
}

/** `pre.add(tf.matMul(h, Wh));` on its own: a tensor op reading the state whose result is dropped. */
function discardedTensorOp(ctx: RuleContext, step: Step, state: ts.Identifier): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  walk(step.fn, (n) => {
    if (found) return false;
    if (!ts.isExpressionStatement(n)) return;
    const e = unwrap(n.expression);
    if (ts.isCallExpression(e) && isDroppedTensorOp(e, ctx.model.tf, ctx.model.scopes) && ctx.model.scopes.firstReference(state, e)) found = e;
  });
  return found;
}

function reportDiscarded(ctx: RuleContext, step: Step, name: string, call: ts.CallExpression): void {
  const expr = nodeText(ctx, call);
  // `pre.add(x);` with `let pre`: assigning the result back is the evident intent.
  const recv = ts.isPropertyAccessExpression(call.expression) ? unwrap(call.expression.expression) : undefined;
  const b = recv && ts.isIdentifier(recv) ? ctx.model.scopes.resolve(recv) : undefined;
  const isLet = !!b && ts.isVariableDeclaration(b.parent) && (b.parent.parent.flags & (ts.NodeFlags.Let)) !== 0;
  const data = { step: step.name, name, expr, target: isLet ? b!.text : '' };
  const suggest: FixDescriptor[] = isLet ? [{ messageId: 'keepResult', data, edits: [replaceNode(ctx, call, `${b!.text} = ${expr}`)] }] : [];
  ctx.report({ node: call, messageId: 'discarded', data, suggest });
}

/**
 * `RecurrentCell.step` passes the recurrent term to `this.mix(xs, hs)`, and `LayerNormCell`'s
 * `mix` ignores `hs`: reported at that parameter, once per subclass and state, only when the base
 * class's own step does use the state (else the base is reported above).
 */
function reportDroppedByOverride(ctx: RuleContext, { view, base, ownerName, clsName, context, overrides }: InheritedStep): void {
  for (const s of base.states) {
    if (!stateReachesOutput(base, s)) continue;
    const units = !stateReachesOutput(view, s) ? [s]
      : memberStates(base, s).filter((m) => stateReachesOutput(base, m) && !stateReachesOutput(view, m));
    for (const u of units) {
      if (carriesNoState(view, u)) continue;
      const dropped = ignoredParameter(ctx, view, context, overrides, u);
      if (!dropped) continue;
      const data = { cls: clsName, step: `${ownerName}.${functionName(base.fn) ?? base.name}`, name: u.name, method: dropped.method, param: dropped.param.text };
      ctx.report({
        node: dropped.param, messageId: 'droppedByOverride', data,
        related: u.binding ? [{ node: u.binding, messageId: 'stateEntersHere', data }] : undefined,
      });
    }
  }
}

/** The parameter of an override that receives state `s` in the view and never reaches that override's result. */
function ignoredParameter(ctx: RuleContext, view: Step, context: StepContext, overrides: readonly FunctionLike[], s: StateInput): { method: string; param: ts.Identifier } | undefined {
  const { model } = ctx;
  for (const call of view.flow.helperCalls) {
    if (!overrides.includes(call.helper)) continue;
    const own = analyzeStep(call.helper, model.tf, undefined, context);
    for (let i = 0; i < call.args.length; i++) {
      const p = call.helper.parameters[i];
      if (!p || !ts.isIdentifier(p.name) || p.dotDotDotToken || !touches(call.args[i]!.deps, s.root)) continue;
      const root = `p${i}`;
      const used = own.returns.some((r) => touches(r.val.deps, root)) || touches(own.sinks, root);
      if (!used) return { method: functionName(call.helper) ?? p.name.text, param: p.name };
    }
  }
  return undefined;
}

/**
 * The `var <name>` declaration, in a function nested in `fn`, that hides `fn`'s parameter `name`
 * throughout that function (`tf.tidy(function () { var h = h || tf.zeros(...); ... })`).
 */
function hoistedShadow(fn: FunctionLike, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  walk(fn.body ?? fn, (n) => {
    if (found) return false;
    if (n === fn || !isFunctionLike(n)) return;
    const id = hoistedVarNames(n).find((v) => v.text === name);
    if (id) found = id.parent;
  });
  return found;
}
