// One recurrent state shared by independent units (users, tabs, connections, sessions): a function
// that serves one unit at a time and keeps that unit's own bookkeeping apart, yet advances a state
// that lives outside it, the same for every unit:
//   onConnection(socket, userId) { let lastAt = 0; socket.on('message', (m) => { state = step(x, state) ... }) }
//   handle(tabId, msg) { const tab = this.tabs.get(tabId); tab.actions++; this.predictor.observe(msg.command); }
// Each unit continues from the state the last active unit left. state-leak reports it.
import ts from '../typescript';
import { calleeName, calleeReceiver, accessPath, enclosingFunction, isFunctionLike, isWithin, thisFieldName, unwrap, walk, type FunctionLike } from './ast';
import { lastFileMemo, resolveCallee } from './calls';
import type { FileModel } from './model';
import { advancingMethods } from './object-state';
import { nodesInside } from './tree-index';
import { INDEPENDENT_UNIT_TOKENS, nameTokens } from './tfjs-facts';

export interface SharedUnitState {
  /** Where the shared state is advanced: the state argument, or the advancing method's call. */
  at: ts.Expression;
  /** `state`, `this.predictor`. */
  state: string;
  fn: FunctionLike;
  /** The parameter naming the unit (`userId`, `tabId`). */
  param: ts.Identifier;
  /** The unit's own bookkeeping (`this.tabs.get(tabId)`, `let lastAt` of the connection). */
  perUnit: ts.Node;
}

/** Units served one at a time (besides INDEPENDENT_UNIT_TOKENS): browser tabs, clients, connections, players. */
const UNIT_TOKENS = new Set([...INDEPENDENT_UNIT_TOKENS, 'tab', 'client', 'connection', 'socket', 'peer', 'player', 'device']);

export const sharedUnitStates: (model: FileModel) => SharedUnitState[] = lastFileMemo(findSharedUnitStates);

function findSharedUnitStates(model: FileModel): SharedUnitState[] {
  const out: SharedUnitState[] = [];
  for (const fn of model.index.containers) {
    if (!isFunctionLike(fn) || !fn.body) continue;
    // `onConnection(socket, userId)`: the user names the unit better than the socket does.
    const units = fn.parameters.map((p) => p.name).filter((n): n is ts.Identifier => ts.isIdentifier(n) && nameTokens(n.text).some((t) => UNIT_TOKENS.has(t)));
    const param = units.find((n) => nameTokens(n.text).some((t) => INDEPENDENT_UNIT_TOKENS.has(t))) ?? units[0];
    if (!param) continue;
    // (advancingMethods runs the dataflow of every method: asked only once a unit function is found.)
    const advanced = [...sharedVariablesAdvanced(model, fn), ...sharedObjectsAdvanced(model, fn, advancingMethods(model))];
    if (advanced.length === 0) continue;
    const perUnit = perUnitBookkeeping(model, fn, param);
    if (!perUnit) continue;
    const seen = new Set<string>();
    for (const a of advanced) {
      if (seen.has(a.state)) continue;
      seen.add(a.state);
      out.push({ ...a, fn, param, perUnit });
    }
  }
  return out;
}

/** `state = step(x, state)` inside `fn` (or a listener it registers) on a variable declared outside it. */
function sharedVariablesAdvanced(model: FileModel, fn: FunctionLike): { at: ts.Expression; state: string }[] {
  const out: { at: ts.Expression; state: string }[] = [];
  for (const call of nodesInside(model.calls, fn)) {
    const c = model.stepCallAt(call);
    if (!c) continue;
    for (const a of c.stateArgs) {
      const e = unwrap(a.expr);
      const b = ts.isIdentifier(e) ? model.scopes.resolve(e) : undefined;
      if (b && !isWithin(b, fn) && model.scopes.writes(b, fn).length > 0) out.push({ at: a.expr, state: b.text });
    }
  }
  return out;
}

/** `this.predictor.observe(cmd)` / `predictor.observe(cmd)`, a method advancing its own field, on an object from outside `fn`. */
function sharedObjectsAdvanced(model: FileModel, fn: FunctionLike, advancing: ReturnType<typeof advancingMethods>): { at: ts.Expression; state: string }[] {
  if (advancing.size === 0) return [];
  const out: { at: ts.Expression; state: string }[] = [];
  for (const call of nodesInside(model.callsNamed(advancing.keys()), fn)) {
    const recv = calleeReceiver(call);
    const name = calleeName(call);
    const base = recv && unwrap(recv);
    if (!base || !name || base.kind === ts.SyntaxKind.ThisKeyword) continue;
    const target = resolveCallee(call, model.scopes, model.classes);
    if (!target || !(advancing.get(name) ?? []).some((m) => m.fn === target)) continue;
    // The object is the function's object's field, or a variable from outside the function.
    const b = ts.isIdentifier(base) ? model.scopes.resolve(base) : undefined;
    const fromOutside = b ? !isWithin(b, fn) : thisFieldName(base) !== undefined;
    const path = accessPath(base);
    if (fromOutside && path) out.push({ at: call, state: path });
  }
  return out;
}

/**
 * What `fn` keeps per unit: a lookup by the unit (`tabs.get(tabId)`, `sessions[userId]`), or a
 * `let` of its own body that a listener it registers updates (`let lastAt` of one connection).
 */
function perUnitBookkeeping(model: FileModel, fn: FunctionLike, param: ts.Identifier): ts.Node | undefined {
  let found: ts.Node | undefined;
  const isParam = (e: ts.Expression | undefined): boolean => !!e && ts.isIdentifier(unwrap(e)) && model.scopes.resolve(unwrap(e) as ts.Identifier) === param;
  walk(fn.body!, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && /^(get|set|has)$/.test(calleeName(n) ?? '') && calleeReceiver(n) && isParam(n.arguments[0])) found = n;
    else if (ts.isElementAccessExpression(n) && isParam(n.argumentExpression)) found = n;
  });
  if (found || !ts.isBlock(fn.body!)) return found;
  for (const st of fn.body.statements) {
    if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) !== 0) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const b = d.name;
      if (model.scopes.writes(b, fn).some((w) => { const owner = enclosingFunction(w); return owner !== fn && owner !== undefined && isWithin(owner, fn); })) return d;
    }
  }
  return undefined;
}
