// A field that seeds a whole run and gets the run's final state back, in a method that serves
// independent units (requests, users, sessions):
//   encode(ids) { let h = this.context; for (const id of ids) h = this.encoder.step(x(id), h); return h; }
//   handle(req) { let h = this.encode(ids); ...; this.context = h; }
// Each request continues from the state the previous one (another user's) ended with.
import ts from '../typescript';
import { calleeReceiver, functionName, isWithin, thisFieldName, unwrap, type FunctionLike } from './ast';
import { lastFileMemo, resolveCallee } from './calls';
import type { FileModel } from './model';
import { initializerOf, type Binding } from './scopes';
import { nodesInside } from './tree-index';
import { INDEPENDENT_UNIT_TOKENS, hasToken } from './tfjs-facts';

export interface SeededRun {
  /** `this.context`, read as the first state of the run. */
  seed: ts.Expression;
  field: string;
  /** The method that stores the run's final state back into the field, and the store. */
  method: ts.MethodDeclaration;
  store: ts.BinaryExpression;
}

export const seededRuns = lastFileMemo((model: FileModel): SeededRun[] => {
  const out: SeededRun[] = [];
  const seen = new Set<ts.Node>();
  for (const c of model.stepCalls) {
    const loop = c.iterations[c.iterations.length - 1];
    if (!loop) continue;
    for (const a of c.stateArgs) {
      const e = unwrap(a.expr);
      const b = ts.isIdentifier(e) ? model.scopes.resolve(e) : undefined;
      const init = b && initializerOf(b);
      const seed = init && unwrap(init);
      const field = seed ? thisFieldName(seed) : undefined;
      if (!b || !seed || field === undefined || seen.has(seed) || model.scopes.writes(b, loop.node).length === 0) continue;
      const run = model.ownerThroughTidy(loop.node);
      const cls = run && ts.isMethodDeclaration(run) && ts.isClassLike(run.parent) ? run.parent : undefined;
      if (!run || !cls) continue;
      const found = storeBack(model, cls, field, run, b, seed);
      if (found) { seen.add(seed); out.push({ seed, field, ...found }); }
    }
  }
  return out;
});

/**
 * The one method of the class, besides the constructor, that writes `this.<field>`: the run itself
 * or a method that calls it, storing after the run a state it carries (the run's variable, the
 * run's result, or a state it passes to a step), with no write of the field before the run (a reset).
 */
function storeBack(model: FileModel, cls: ts.ClassLikeDeclaration, field: string, run: FunctionLike, carried: Binding, seed: ts.Node):
    { method: ts.MethodDeclaration; store: ts.BinaryExpression } | undefined {
  const writes = nodesInside(model.index.writes, cls).filter((w): w is ts.BinaryExpression =>
    ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(unwrap(w.left)) === field);
  const owners = new Set(writes.map((w) => ownerMethod(w)));
  owners.delete(undefined);
  const methods = [...owners].filter((m) => !ts.isConstructorDeclaration(m!)) as ts.MethodDeclaration[];
  if (methods.length !== 1) return undefined;
  const method = methods[0]!;
  if (!servesIndependentUnits(method)) return undefined;
  // Where the run happens in `method`: the loop itself, or the call of the run method.
  const runAt = method === run ? run : nodesInside(model.calls, method).find((call) => {
    const r = calleeReceiver(call);
    return !!r && unwrap(r).kind === ts.SyntaxKind.ThisKeyword && resolveCallee(call, model.scopes, model.classes) === run;
  });
  if (!runAt) return undefined;
  // A write before the run (before the seed is read, or before the call of the run) resets the field.
  const inMethod = writes.filter((w) => isWithin(w, method));
  if (inMethod.some((w) => w.pos < (method === run ? seed.pos : runAt.pos))) return undefined;
  const store = inMethod[inMethod.length - 1]!;
  const value = unwrap(store.right);
  const vb = ts.isIdentifier(value) ? model.scopes.resolve(value) : undefined;
  if (!vb) return undefined;
  const vInit = initializerOf(vb);
  const carriesState = vb === carried || (vInit !== undefined && isWithin(runAt, vInit)) ||
    model.stepCalls.some((s) => isWithin(s.call, method) && s.stateArgs.some((x) => ts.isIdentifier(unwrap(x.expr)) && model.scopes.resolve(unwrap(x.expr) as ts.Identifier) === vb));
  return carriesState && (method === run || store.pos > runAt.end) ? { method, store } : undefined;
}

function ownerMethod(n: ts.Node): ts.MethodDeclaration | ts.ConstructorDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isMethodDeclaration(p) || ts.isConstructorDeclaration(p)) return p;
    if (ts.isClassLike(p)) return undefined;
  }
  return undefined;
}

/** `handle(req: ChatRequest)`, `onRequest(...)`, `replyToUser(userId, text)`: each call is another request or user. */
function servesIndependentUnits(method: ts.MethodDeclaration): boolean {
  const names = [functionName(method) ?? ''];
  for (const p of method.parameters) {
    if (ts.isIdentifier(p.name)) names.push(p.name.text);
    if (p.type && ts.isTypeReferenceNode(p.type) && ts.isIdentifier(p.type.typeName)) names.push(p.type.typeName.text);
  }
  return names.some((n) => hasToken(n, INDEPENDENT_UNIT_TOKENS));
}
