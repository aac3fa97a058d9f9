// Questions rules ask about a step's states: where each new state is returned, which locals were
// computed as its next value, whether a state reaches any output.
import ts from 'typescript';
import { reaches, type LocalDef, type Val } from './dataflow';
import type { StateInput, Step } from './steps';
import { stateBase } from './tfjs-facts';

export interface StatePosition {
  /** The returned expression in this state's position. */
  node: ts.Expression;
  val: Val;
}

/** Where `step` returns the new value of state `s` (one entry per return statement). */
export function newStatePositions(step: Step, s: StateInput): StatePosition[] {
  const out: StatePosition[] = [];
  for (const r of step.flow.returns) {
    if (step.kind === 'rnn-cell') {
      const el = r.elements?.[s.index + 1];
      if (el) out.push({ node: el.node, val: el.val });
      continue;
    }
    if (r.members) {
      for (const [key, m] of r.members) if (stateBase(key) === stateBase(s.name)) out.push({ node: m.node, val: m.val });
      continue;
    }
    if (r.elements) {
      const n = r.elements.length;
      const byName = r.elements.find((e) => ts.isIdentifier(e.node) && stateBase(e.node.text) === stateBase(s.name) && !(e.val.alias && e.val.alias !== s.root));
      if (byName) { out.push(byName); continue; }
      const k = n === step.states.length ? s.index : n === step.states.length + 1 ? s.index + 1 : -1;
      const el = k >= 0 ? r.elements[k] : undefined;
      if (el) out.push({ node: el.node, val: el.val });
      continue;
    }
    if (step.states.length === 1) out.push({ node: r.expr, val: r.val });
  }
  return out;
}

function reachesAnyReturn(step: Step, root: string): boolean {
  return step.flow.returns.some((r) => reaches(r.val.deps, root)) || step.flow.sinks.has(root);
}

/**
 * Locals computed as the next value of state `s`: named like it (`hNew` for `h`) or computed from
 * it and then dropped; only the last of a chain (`hNew`, not the `hTilde` it is built from).
 */
export function computedCandidates(step: Step, s: StateInput): LocalDef[] {
  const base = stateBase(s.name);
  const aliasNames = new Set(step.flow.aliasNames.get(s.root) ?? []);
  const lastByName = new Map<string, LocalDef>();
  for (const l of step.flow.locals) {
    if (l.val.alias !== undefined || aliasNames.has(l.name) || l.name === s.name) continue;
    if (!ts.isIdentifier(l.node) && !ts.isBinaryExpression(l.node)) continue;
    if (l.val.deps.size === 0) continue;
    const named = base !== '' && stateBase(l.name) === base;
    const dropped = reaches(l.val.deps, s.root) && !reachesAnyReturn(step, l.root);
    if (named || dropped) lastByName.set(l.name, l);
  }
  const cands = [...lastByName.values()];
  return cands.filter((c) => !cands.some((o) => o !== c && o.val.deps.has(c.root)));
}

/** Is the local visible at `at` (declared in a block that contains `at`, before it)? */
export function inScopeAt(local: LocalDef, at: ts.Node): boolean {
  const declId = ts.isIdentifier(local.node) ? local.node : undefined;
  if (!declId) return true;
  let block: ts.Node | undefined = declId.parent;
  while (block && !ts.isBlock(block) && !ts.isSourceFile(block) && !ts.isFunctionLike(block)) block = block.parent;
  if (!block) return false;
  return at.pos >= block.pos && at.end <= block.end && at.pos >= declId.end;
}
