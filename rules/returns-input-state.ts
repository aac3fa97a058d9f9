import ts from '../server/src/typescript';
import { defineRule, nodeText, replaceNode, type FixDescriptor, type RuleContext } from './rule';
import { declaredTypeMembers, unwrap, type FunctionLike } from '../server/src/analysis/ast';
import type { LocalDef, StepFlow } from '../server/src/analysis/dataflow';
import { computedCandidates, inScopeAt, inputStateReturned, memberStatesReturned, readByMember, recomputedMembers, tupleElementsReturned } from '../server/src/analysis/state-queries';

export default defineRule({
  id: 'returns-input-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'safe',
    docs: { description: 'A step returns the state it received, unchanged, as its new state while it computed a new one' },
    messages: {
      returnsInput: '`{{step}}` returns the incoming state `{{name}}` unchanged as its new state, although it computes {{candidates}}: the state never advances past its initial value. The new state should be returned here.',
      returnCandidate: 'Return `{{candidate}}` as the new state',
      candidateHere: '`{{candidate}}` is computed here',
    },
  },
  check(ctx) {
    for (const step of ctx.model.steps) {
      const reported = new Set<ts.Node>();
      // A state object returned member by member (`{ h: hNew, c: state.c }`): each member is a state.
      const units = step.states.flatMap((s) => [
        { s, label: s.name, positions: inputStateReturned(step, s), item: false },
        ...memberStatesReturned(step, s).map(({ sub, positions }) => ({ s: sub, label: `${s.name}.${sub.name}`, positions, item: false })),
        // A tuple state rebuilt from its own elements (`[out, [h, c]]` after `const [h, c] = carry`).
        ...tupleElementsReturned(step, s).map(({ sub, positions }) => ({ s: sub, label: sub.name, positions, item: true })),
      ]);
      for (const { s, label, positions, item } of units) {
        for (const pos of positions) {
          if (reported.has(pos.node)) continue;
          // An object read member by member and returned whole: its new members are the candidates.
          if (label === s.name && reportWholeObject(ctx, step.name, s.name, pos.node, recomputedMembers(step, s))) {
            reported.add(pos.node);
            continue;
          }
          const candidates = computedCandidates(step, s);
          if (candidates.length === 0) continue;
          reported.add(pos.node);
          // `[out, ...states]` / `[out].concat(states)` stand for every state at once: only with one
          // state is that one position.
          const tail = !item && (ts.isSpreadElement(pos.node) || (ts.isCallExpression(pos.node.parent) && pos.node.parent.arguments.includes(pos.node)));
          // An object read member by member is not replaced by one tensor.
          const replaceable = (!tail || step.states.length === 1) && !(label === s.name && readByMember(step, s));
          // A list of states read by element (`states[0]`, `const [h] = states`) is returned as a list.
          // (An item of a returned tuple, `[out, [h, c]]`, is one tensor in its place.)
          const list = !tail && !item && readsByElement(step.flow, s.root);
          // `{ ...state, h: hNew }` hands `c` back through the spread: the member is added after it.
          const spread = ts.isSpreadAssignment(pos.node.parent) ? pos.node.parent : undefined;
          const replacement = (name: string): string => ts.isShorthandPropertyAssignment(pos.node.parent)
            ? `${nodeText(ctx, pos.node)}: ${name}` // `{ h: hNew, c }` keeps its key: `c: cNew`
            : spread ? `${nodeText(ctx, spread)}, ${s.name}: ${name}`
            : (tail && !ts.isSpreadElement(pos.node)) || list ? `[${name}]` : name;
          const fixes = replaceable
            ? candidates.filter((c) => inScopeAt(c, pos.node)).flatMap((c): FixDescriptor[] => {
              // No fix whose types cannot be checked (a state destructured from a type declared elsewhere).
              const name = keepingDeclaredType(ctx, step.fn, pos.node, c, spread ? s.name : undefined);
              return name === undefined ? [] : [{ messageId: 'returnCandidate', data: { candidate: c.name }, edits: [replaceNode(ctx, spread ?? pos.node, replacement(name))] }];
            })
            : [];
          // Safe only when the choice is not ours to make: one computed state, and it is in scope.
          const only = candidates.length === 1 && fixes.length === 1 ? fixes[0] : undefined;
          ctx.report({
            node: pos.node,
            messageId: 'returnsInput',
            // An unnamed state (`inputs[2]`) is called what the return calls it (`states[1]`).
            data: { name: s.baseName !== undefined && !ts.isSpreadElement(pos.node) ? nodeText(ctx, pos.node) : label, step: step.name, candidates: candidates.map((c) => `\`${c.name}\``).join(' or ') },
            fix: only,
            suggest: only ? undefined : fixes,
            related: candidates.map((c) => ({ node: c.node, messageId: 'candidateHere', data: { candidate: c.name } })),
          });
        }
      }
    }
  },
});

/**
 * `return { y, state }` with new `h` and `c` computed from `state.h` and `state.c`: the object is
 * handed back as it came. Fixed by returning the new members (`state: { h, c }`) when each has one
 * candidate in scope.
 */
function reportWholeObject(ctx: RuleContext, stepName: string, name: string, node: ts.Expression,
                           members: { sub: { name: string }; candidates: LocalDef[] }[]): boolean {
  if (members.length === 0) return false;
  const all = members.flatMap((m) => m.candidates);
  const single = members.every((m) => m.candidates.length === 1 && inScopeAt(m.candidates[0]!, node));
  const literal = `{ ${members.map((m) => (m.sub.name === m.candidates[0]!.name ? m.sub.name : `${m.sub.name}: ${m.candidates[0]!.name}`)).join(', ')} }`;
  const text = ts.isShorthandPropertyAssignment(node.parent) ? `${name}: ${literal}` : literal;
  const fix: FixDescriptor | undefined = single && !/\.[cm]?tsx?$/i.test(ctx.sf.fileName) ? { messageId: 'returnCandidate', data: { candidate: literal }, edits: [replaceNode(ctx, node, text)] } : undefined;
  ctx.report({
    node,
    messageId: 'returnsInput',
    data: { name, step: stepName, candidates: all.map((c) => `\`${c.name}\``).join(' and ') },
    suggest: fix ? [fix] : undefined,
    related: all.map((c) => ({ node: c.node, messageId: 'candidateHere', data: { candidate: c.name } })),
  });
  return true;
}

/**
 * The candidate's name, cast to the returned state's declared type when that type is rank-specific
 * (`Tensor2D`), the step's declared return type names it, and the candidate's type is only inferred (`hNew as tf.Tensor2D` for
 * `h: tf.Tensor2D` in a step returning `[tf.Tensor2D, tf.Tensor2D]`): tf ops return
 * `Tensor<Rank>`, which `Tensor2D` does not accept, and the fix must keep the program type-correct.
 * JavaScript needs no cast.
 */
function keepingDeclaredType(ctx: RuleContext, fn: FunctionLike, returned: ts.Expression, candidate: LocalDef, spreadKey?: string): string | undefined {
  if (!/\.[cm]?tsx?$/i.test(ctx.sf.fileName) || !fn.type) return candidate.name;
  const id = unwrap(returned);
  const binding = ts.isIdentifier(id) ? ctx.model.scopes.resolve(id) : undefined;
  // `{ ...state, c: cNext }`: the member's type in the state's declared type.
  // `{ h, c: state.c }` with `state: LstmState`: the member's type in the declared state type.
  const ofMember = !binding && spreadKey === undefined && ts.isPropertyAccessExpression(id) && ts.isIdentifier(unwrap(id.expression));
  const declared = spreadKey !== undefined ? spreadMemberType(ctx, binding, spreadKey) : binding ? declaredType(ctx, binding)
    : ofMember ? memberType(ctx, annotationOf(ctx.model.scopes.resolve(unwrap((id as ts.PropertyAccessExpression).expression) as ts.Identifier)), (id as ts.PropertyAccessExpression).name.text)
    : elementType(ctx, id);
  // Only a rank-specific tensor type is narrower than what tf ops return (`Tensor` accepts them).
  const typeText = declared && nodeText(ctx, declared);
  // `const { h, c } = state` with a type the file does not spell out: the fix cannot be checked.
  if (declared === null) return undefined;
  // A member of a declared state type (`{ h, c } = state`) is what the step returns by that type.
  const member = spreadKey !== undefined || ofMember || (!!binding && ts.isBindingElement(binding.parent) && ts.isObjectBindingPattern(binding.parent.parent));
  if (!typeText || !RANKED_TENSOR_TYPE.test(typeText) || (!member && !nodeText(ctx, fn.type).includes(typeText))) return candidate.name;
  const own = candidate.node.parent;
  const init = own && ts.isVariableDeclaration(own) ? own.initializer && unwrapParens(own.initializer) : undefined;
  const typed = own && ts.isVariableDeclaration(own) && (own.type !== undefined || (init !== undefined && (ts.isAsExpression(init) || ts.isTypeAssertionExpression(init))));
  return typed ? candidate.name : `${candidate.name} as ${nodeText(ctx, declared)}`;
}

/**
 * The type written for a returned name: its own annotation, or for `const { h, c } = state` (and a
 * `{ h, c }: State` parameter) the member's type in an interface or type alias of the file. Null
 * when it is destructured from a type the file does not declare.
 */
function declaredType(ctx: RuleContext, binding: ts.Identifier): ts.TypeNode | undefined | null {
  const holder = binding.parent;
  if ((ts.isParameter(holder) || ts.isVariableDeclaration(holder)) && holder.name === binding) return holder.type;
  // `[h, c]: State` with `type State = [tf.Tensor2D, tf.Tensor2D]`: the element's type.
  if (ts.isBindingElement(holder) && ts.isArrayBindingPattern(holder.parent)) {
    const owner = holder.parent.parent;
    const type = ts.isParameter(owner) || ts.isVariableDeclaration(owner) ? owner.type : undefined;
    return type ? tupleElementType(ctx, type, holder.parent.elements.indexOf(holder)) : undefined;
  }
  if (!ts.isBindingElement(holder) || !ts.isObjectBindingPattern(holder.parent)) return undefined;
  const key = holder.propertyName && ts.isIdentifier(holder.propertyName) ? holder.propertyName.text : binding.text;
  const owner = holder.parent.parent;
  let type: ts.TypeNode | undefined;
  if (ts.isParameter(owner)) type = owner.type;
  else if (ts.isVariableDeclaration(owner)) {
    const init = owner.initializer && unwrap(owner.initializer);
    type = owner.type ?? (init && ts.isIdentifier(init) ? annotationOf(ctx.model.scopes.resolve(init)) : undefined);
  }
  return memberType(ctx, type, key);
}

/** The declared type of member `key` of a typed state (`{ ...state, c }` with `state: LSTMState`); null when the file does not declare it. */
function spreadMemberType(ctx: RuleContext, binding: ts.Identifier | undefined, key: string): ts.TypeNode | null {
  return memberType(ctx, annotationOf(binding), key);
}

/** The type written on a parameter or variable name (`h: tf.Tensor2D`), if any. */
function annotationOf(binding: ts.Identifier | undefined): ts.TypeNode | undefined {
  const holder = binding?.parent;
  return holder && (ts.isParameter(holder) || ts.isVariableDeclaration(holder)) && holder.name === binding ? holder.type : undefined;
}

/** Member `key`'s type in `type` (a type literal, or an interface or alias of the file); null when none is spelled out. */
function memberType(ctx: RuleContext, type: ts.TypeNode | undefined, key: string): ts.TypeNode | null {
  if (!type) return null;
  const m = declaredTypeMembers(ctx.sf, type)?.find((x) => ts.isPropertySignature(x) && x.name && ts.isIdentifier(x.name) && x.name.text === key);
  return m && ts.isPropertySignature(m) && m.type ? m.type : null;
}

/** `states[1]` of `states: tf.Tensor2D[]` (or a tuple type): the element's declared type. */
function elementType(ctx: RuleContext, e: ts.Expression): ts.TypeNode | undefined {
  if (!ts.isElementAccessExpression(e) || !ts.isNumericLiteral(e.argumentExpression)) return undefined;
  const base = unwrap(e.expression);
  const type = annotationOf(ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined);
  if (type && ts.isArrayTypeNode(type)) return type.elementType;
  const el = type && ts.isTupleTypeNode(type) ? type.elements[Number(e.argumentExpression.text)] : undefined;
  return el && !ts.isNamedTupleMember(el) && !ts.isRestTypeNode(el) && !ts.isOptionalTypeNode(el) ? el : undefined;
}

/** Element `index` of a tuple or array type, also through a type alias of the file (`type State = [A, B]`), when spelled out. */
function tupleElementType(ctx: RuleContext, type: ts.TypeNode, index: number, hops = 0): ts.TypeNode | undefined {
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (ts.isTupleTypeNode(type)) {
    const el = type.elements[index];
    return el && !ts.isNamedTupleMember(el) && !ts.isRestTypeNode(el) && !ts.isOptionalTypeNode(el) ? el : undefined;
  }
  if (hops > 2 || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const name = type.typeName.text;
  const alias = ctx.sf.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  return alias ? tupleElementType(ctx, alias.type, index, hops + 1) : undefined;
}

const RANKED_TENSOR_TYPE = /\b(Tensor[1-6]D|Scalar)\b|Rank\.R\d/;

function unwrapParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** Does the step read root `p1` by element (`p1.0`: `states[0]`, `const [h] = states`)? */
function readsByElement(flow: StepFlow, root: string): boolean {
  const isElement = (r: string): boolean => r.startsWith(`${root}.`) && /^\d+$/.test(r.slice(root.length + 1));
  return [...flow.readRoots].some(isElement) || [...flow.aliasNames.keys()].some(isElement);
}
