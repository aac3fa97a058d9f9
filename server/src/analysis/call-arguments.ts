// What a function's parameter holds at each of its calls: the argument a call passes for it, for a
// parameter taken plainly (`lstmStack(shape, stateful)`), or destructured from an options object
// (`buildModel({ stateful })`, `build({ stateful: s = false })`), defaults applied. Rules use it to
// judge a builder's result call by call (`buildModel({ stateful: true })` makes a stateful model,
// `buildModel({ stateful: false })` does not), and to follow a value given to a function to every
// place it is given from (`serve(serveModel, streams)`).
import ts from '../typescript';
import { isFunctionLike, objectLiteralMember, unwrap, type FunctionLike } from './ast';
import type { Scopes } from './scopes';

/** Where a name's value comes from in its function's calls: the parameter, and the member of it when destructured. */
export interface ParameterSlot {
  fn: FunctionLike;
  index: number;
  /** `{ stateful }` in the parameter list: the options member it is taken from. */
  member?: string;
  /** The parameter's default (`opts = {}`, `stateful = false`), used where a call passes nothing. */
  paramDefault?: ts.Expression;
  /** The member's default (`{ stateful = false }`), used where the options object has no such member. */
  memberDefault?: ts.Expression;
}

/**
 * The parameter slot `id` refers to: a parameter of its function, or a member destructured in place
 * from one (one level, no rest: `{ stateful, ...rest }` keeps `stateful` but not `rest`). Undefined
 * for any other name, and for nested patterns, whose value this does not follow.
 */
export function parameterSlot(scopes: Scopes, id: ts.Identifier): ParameterSlot | undefined {
  const b = scopes.resolve(id);
  const d = b?.parent;
  if (!d) return undefined;
  if (ts.isParameter(d) && d.name === b && isFunctionLike(d.parent)) {
    return { fn: d.parent, index: d.parent.parameters.indexOf(d), paramDefault: d.initializer };
  }
  if (!ts.isBindingElement(d) || d.dotDotDotToken || !ts.isObjectBindingPattern(d.parent)) return undefined;
  const param = d.parent.parent;
  const key = d.propertyName ?? d.name;
  if (!ts.isParameter(param) || !isFunctionLike(param.parent) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return undefined;
  return { fn: param.parent, index: param.parent.parameters.indexOf(param), member: key.text, paramDefault: param.initializer, memberDefault: d.initializer };
}

/**
 * The expression `call` gives `slot`: its argument (the parameter's default where it passes none),
 * or that argument's member for a destructured one (the member's default where the literal has no
 * such member). Undefined when it cannot be read from the call: a spread argument, an options
 * object that is not a literal, a spread in the literal that may supply the member.
 */
export function argumentFor(call: ts.CallExpression | ts.NewExpression, slot: ParameterSlot): ts.Expression | undefined {
  const args = call.arguments ?? [];
  if (args.slice(0, slot.index + 1).some(ts.isSpreadElement)) return undefined;
  const arg = args[slot.index] ?? slot.paramDefault;
  if (slot.member === undefined || !arg) return arg;
  const lit = unwrap(arg);
  if (!ts.isObjectLiteralExpression(lit)) return undefined;
  const value = objectLiteralMember(lit, slot.member);
  if (value) return value;
  return lit.properties.some(ts.isSpreadAssignment) ? undefined : slot.memberDefault;
}

/**
 * The boolean a value is, when written as one: `true`, `false`, or (given `scopes` to resolve it) a
 * `const` initialised with one (`const STATEFUL = true`). Undefined for anything else: a value not
 * known here (`opts.stateful`, a `let`, a parameter) is neither.
 */
export function literalBoolean(e: ts.Expression | undefined, scopes?: Scopes): boolean | undefined {
  let v = e && unwrap(e);
  if (v && ts.isIdentifier(v)) {
    const d = scopes?.resolve(v)?.parent;
    const constant = d && ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
    v = constant && d.initializer ? unwrap(d.initializer) : undefined;
  }
  if (v?.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (v?.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** Does `call` pass `true` for `slot` (written so, not merely truthy)? */
export function passesTrue(call: ts.CallExpression | ts.NewExpression, slot: ParameterSlot, scopes?: Scopes): boolean {
  return literalBoolean(argumentFor(call, slot), scopes) === true;
}
