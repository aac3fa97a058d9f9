// Slicing: cut the cell out of the user's file with exactly the top-level declarations it needs
// (imports, consts, functions, classes, transitively), so that probing never runs the file's own top
// level (a training loop, a file write, an infinite loop). Statements that are not declarations
// (expression statements, loops, ifs...) are never part of a slice.
//
// The slice keeps every character position of the user's file: what is not in the slice becomes
// blanks (newlines stay). Lines and columns of the slice are therefore the user's own, and the
// inline source map of the transpiled code maps straight back to the user's file.
//
// Transpiling: we use TypeScript's own `ts.transpileModule` (inline source map) rather than esbuild.
// The slice is a single module whose only imports are packages, which the runner resolves itself (tfjs
// is the runner's own instance), so there is nothing to bundle; and the compiler API is already in the
// parent bundle (the engine parses with it), while esbuild would need its native binary at run time,
// which a VSIX under 10 MB cannot ship for every platform.

import ts from '../typescript';
import { findCells } from '../analysis/cells';
import { declaredTypeMembers } from '../analysis/ast';
import type { CellSummary } from '../analysis/cell-summary';
import type { CellKind, ProbeCellInfo, ProbeConfig, ProbeRunOptions, StateLayout } from './types';

export const DEFAULT_INPUT_SIZE = 10;
export const DEFAULT_STATE_SIZE = 20;
export const DEFAULT_STEPS = 8;
export const DEFAULT_BATCH = 2;
export const DEFAULT_SEED = 42;

/** A cell as the probe sees it: the summary plus the AST nodes needed to drive it. */
export interface ProbeCell {
  name: string;
  kind: CellKind;
  className?: string;
  methodName?: string;
  /** The top-level statement declaring the cell. */
  statement: ts.Statement;
  classDecl?: ts.ClassDeclaration;
  /** The step function/method. */
  fn: ts.FunctionLikeDeclaration;
  line: number;
  start: number;
  end: number;
}

export class SliceError extends Error {
  constructor(
    message: string,
    readonly kind: 'no-cell' | 'slice' | 'infer',
    readonly line?: number,
  ) {
    super(message);
  }
}

const STATE_NAME = /^(h|c|s|hx|cx|ht|ct)([A-Z_0-9].*)?$|state|hidden|prev|carry|memory/i;
const INPUT_SIZE_NAME = /^(input|in|nIn|inputDim|inputSize|inputFeatures|inFeatures|numInputs|inputUnits)$|^input/i;
const STATE_SIZE_NAME = /units|hidden|state|size|dim|features|num/i;

function parse(text: string, fileName: string): ts.SourceFile {
  const kind = /\.[cm]?jsx?$/i.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(sf: ts.SourceFile, pos: number): number {
  return sf.getLineAndCharacterOfPosition(pos).line + 1;
}

function paramName(p: ts.ParameterDeclaration): string {
  return ts.isIdentifier(p.name) ? p.name.text : p.name.getText();
}

function extendsText(c: ts.ClassDeclaration): string {
  const h = c.heritageClauses?.find((x) => x.token === ts.SyntaxKind.ExtendsKeyword);
  return h ? h.types[0].expression.getText() : '';
}

function methodOf(c: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  return c.members.find(
    (m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.body && m.name.getText() === name,
  );
}

/** The cells (steps) of a file, in source order. */
export function discoverCells(sf: ts.SourceFile): ProbeCell[] {
  const out: ProbeCell[] = [];
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const st of sf.statements) if (ts.isClassDeclaration(st) && st.name) classes.set(st.name.text, st);
  const isCellClass = (c: ts.ClassDeclaration, depth = 0): boolean => {
    const base = extendsText(c);
    if (/RNNCell$|(^|\.)Layer$/.test(base)) return true;
    const local = classes.get(base);
    return !!local && depth < 5 && isCellClass(local, depth + 1);
  };
  for (const st of sf.statements) {
    const push = (c: Omit<ProbeCell, 'line' | 'start' | 'end' | 'statement'>) =>
      out.push({ ...c, statement: st, line: lineOf(sf, st.getStart(sf)), start: st.getStart(sf), end: st.end });
    if (ts.isClassDeclaration(st) && st.name) {
      const name = st.name.text;
      const call = methodOf(st, 'call');
      const forward = methodOf(st, 'forward') ?? methodOf(st, 'step');
      if (call && isCellClass(st)) push({ name, kind: 'rnn-cell', className: name, methodName: 'call', classDecl: st, fn: call });
      else if (forward && forward.parameters.length >= 2)
        push({ name, kind: 'forward', className: name, methodName: forward.name.getText(), classDecl: st, fn: forward });
    } else if (ts.isFunctionDeclaration(st) && st.name && st.body) {
      if (isStepShaped(st)) push({ name: st.name.text, kind: 'step-function', fn: st });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && isStepShaped(init))
          push({ name: d.name.text, kind: 'step-function', fn: init });
      }
    }
  }
  return out;
}

function isStatic(fn: ts.FunctionLikeDeclaration): boolean {
  return !!ts.getCombinedModifierFlags(fn as ts.Declaration) && (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

function isStepShaped(fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.parameters.length < 2) return false;
  const p = fn.parameters[1];
  return ts.isArrayBindingPattern(p.name) || (ts.isIdentifier(p.name) && STATE_NAME.test(p.name.text));
}

/** The engine's cells (findCells) merged with the probe's own discovery: the engine decides which
 *  steps exist and where new states are produced; a step only the probe's discovery finds (a shape
 *  the engine does not model yet) is still offered. */
export function mergedCells(sf: ts.SourceFile, text: string, fileName: string): { cells: ProbeCell[]; summaries: CellSummary[] } {
  const own = discoverCells(sf);
  let summaries: CellSummary[] = [];
  try {
    summaries = findCells(text, fileName);
  } catch {
    summaries = [];
  }
  const cells = [...own];
  for (const s of summaries) {
    if (own.some((c) => c.name === s.name || (c.start <= s.stepStart && s.stepEnd <= c.end))) continue;
    const statement = sf.statements.find((st) => st.getStart(sf) <= s.start && s.end <= st.end);
    let fn: ts.FunctionLikeDeclaration | undefined;
    const visit = (n: ts.Node) => {
      if (fn) return;
      if (ts.isFunctionLike(n) && n.getStart(sf) === s.stepStart && (n as ts.FunctionLikeDeclaration).body) fn = n as ts.FunctionLikeDeclaration;
      else ts.forEachChild(n, visit);
    };
    if (statement) visit(statement);
    if (!statement || !fn) continue;
    // Only cells declared at the top level (or methods of a top-level class) can be sliced.
    const direct =
      fn === statement ||
      (ts.isClassDeclaration(statement) && fn.parent === statement) ||
      (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => d.initializer === fn));
    if (!direct) continue;
    const method = ts.isClassDeclaration(statement) && ts.isMethodDeclaration(fn) ? fn.name.getText() : undefined;
    cells.push({
      name: s.name,
      kind: method && s.kind === 'step-function' ? 'forward' : s.kind,
      className: method ? (statement as ts.ClassDeclaration).name?.text : s.className,
      methodName: method ?? s.methodName,
      statement,
      classDecl: ts.isClassDeclaration(statement) ? statement : undefined,
      fn,
      line: s.line + 1,
      start: s.start,
      end: s.end,
    });
  }
  cells.sort((a, b) => a.start - b.start);
  return { cells, summaries };
}

/** Pick the cell: by name, else the one containing `offset`, else the only one. */
export function selectCell(cells: ProbeCell[], opts: { name?: string; offset?: number }): ProbeCell {
  if (cells.length === 0)
    throw new SliceError(
      'No recurrent cell found: the probe runs a tf.layers.RNNCell subclass (its call method), a class with forward(input, hidden), or a step function (x, h, ...).',
      'no-cell',
    );
  if (opts.name) {
    const c = cells.find((x) => x.name === opts.name || x.className === opts.name);
    if (!c) throw new SliceError(`No cell named '${opts.name}'. Cells in this file: ${cells.map((x) => x.name).join(', ')}.`, 'no-cell');
    return c;
  }
  if (opts.offset !== undefined) {
    const c = cells.find((x) => x.start <= opts.offset! && opts.offset! <= x.end);
    if (c) return c;
  }
  if (cells.length === 1) return cells[0];
  throw new SliceError(`Several cells in this file (${cells.map((x) => x.name).join(', ')}); choose one (--cell NAME).`, 'no-cell');
}

// ---------------------------------------------------------------------------------------------
// The @probe tag

export interface ProbeTag {
  text: string;
  inputSize?: number;
  stateSizes?: number[];
  steps?: number;
  batch?: number;
  seed?: number;
  /** Source text of each argument expression (evaluated in the slice's scope). */
  args?: string[];
  argNodes?: ts.Expression[];
}

const TAG_KEYS = ['inputSize', 'stateSizes', 'units', 'steps', 'batch', 'seed', 'args'];

export function readTag(sf: ts.SourceFile, st: ts.Statement): ProbeTag | undefined {
  const full = sf.text;
  const ranges = ts.getLeadingCommentRanges(full, st.getFullStart()) ?? [];
  for (const r of ranges) {
    const comment = full.slice(r.pos, r.end);
    const at = comment.indexOf('@probe');
    if (at < 0) continue;
    let body = comment.slice(at + '@probe'.length).replace(/\*\/$/, '');
    body = body
      .split('\n')
      .map((l) => l.replace(/^\s*\*(?!\/)/, ''))
      .join('\n')
      .trim();
    const line = lineOf(sf, r.pos);
    const tagSf = ts.createSourceFile('tag.ts', `(${body})`, ts.ScriptTarget.Latest, true);
    const es = tagSf.statements[0];
    let obj: ts.Expression | undefined = es && ts.isExpressionStatement(es) ? es.expression : undefined;
    while (obj && ts.isParenthesizedExpression(obj)) obj = obj.expression;
    if (!obj || !ts.isObjectLiteralExpression(obj) || (tagSf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics?.length)
      throw new SliceError(`The @probe tag must hold an object, e.g. /** @probe {"inputSize": 10, "steps": 16} */; found: ${body}`, 'infer', line);
    const tag: ProbeTag = { text: body };
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const key = ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : p.name.getText();
      const v = p.initializer;
      const num = (e: ts.Expression): number => {
        if (ts.isNumericLiteral(e)) return Number(e.text);
        throw new SliceError(`@probe: "${key}" must be a number literal, found ${e.getText()}`, 'infer', line);
      };
      switch (key) {
        case 'inputSize':
          tag.inputSize = num(v);
          break;
        case 'steps':
          tag.steps = num(v);
          break;
        case 'batch':
          tag.batch = num(v);
          break;
        case 'seed':
          tag.seed = num(v);
          break;
        case 'units':
          tag.stateSizes = [num(v)];
          break;
        case 'stateSizes':
          if (!ts.isArrayLiteralExpression(v)) throw new SliceError('@probe: "stateSizes" must be an array of numbers', 'infer', line);
          tag.stateSizes = v.elements.map(num);
          break;
        case 'args':
          if (!ts.isArrayLiteralExpression(v)) throw new SliceError('@probe: "args" must be an array', 'infer', line);
          tag.args = v.elements.map((e) => e.getText(tagSf));
          tag.argNodes = [...v.elements];
          break;
        default:
          throw new SliceError(`@probe: unknown key "${key}"; known keys: ${TAG_KEYS.join(', ')}`, 'infer', line);
      }
    }
    return tag;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Slicing

interface TopDecl {
  names: string[];
  statement: ts.Statement;
}

function bindingNames(n: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(n)) out.push(n.text);
  else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bindingNames(e.name, out);
}

function topLevelDecls(sf: ts.SourceFile): Map<string, ts.Statement> {
  const map = new Map<string, ts.Statement>();
  const add = (d: TopDecl) => d.names.forEach((n) => map.set(n, d.statement));
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (!c || c.isTypeOnly) continue;
      const names: string[] = [];
      if (c.name) names.push(c.name.text);
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
      if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) if (!e.isTypeOnly) names.push(e.name.text);
      add({ names, statement: st });
    } else if (ts.isImportEqualsDeclaration(st)) {
      add({ names: [st.name.text], statement: st });
    } else if (ts.isVariableStatement(st)) {
      const names: string[] = [];
      for (const d of st.declarationList.declarations) bindingNames(d.name, names);
      add({ names, statement: st });
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      add({ names: [st.name.text], statement: st });
    } else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) {
      add({ names: [st.name.text], statement: st });
    }
  }
  return map;
}

/** Identifiers used as values under `node` (types are erased by the transpiler, so they are skipped). */
function valueIdentifiers(node: ts.Node, out: Set<string>): void {
  // Names a function declares (parameters, locals) shadow the top level inside it: a parameter `h`
  // must not pull in a top-level `let h = ...`. Block scoping is approximated by function scoping.
  const visit = (n: ts.Node, shadowed: Set<string>): void => {
    if ((ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return;
    if (ts.isHeritageClause(n) && n.token === ts.SyntaxKind.ImplementsKeyword) return;
    if (ts.isFunctionLike(n) && n !== node) {
      const inner = new Set(shadowed);
      localNamesOf(n as ts.FunctionLikeDeclaration).forEach((x) => inner.add(x));
      ts.forEachChild(n, (c) => visit(c, inner));
      return;
    }
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      // `a.b`: only `a` is a reference; `{ b: 1 }`: `b` is not.
      if (p && ts.isPropertyAccessExpression(p) && p.name === n) return;
      if (p && (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n) return;
      if (p && (ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === n) return;
      if (!shadowed.has(n.text)) out.add(n.text);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, shadowed));
  };
  visit(node, ts.isFunctionLike(node) ? localNamesOf(node as ts.FunctionLikeDeclaration) : new Set());
}

function isRelativeImport(st: ts.Statement): string | undefined {
  let spec: ts.Expression | undefined;
  if (ts.isImportDeclaration(st)) spec = st.moduleSpecifier;
  else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) spec = st.moduleReference.expression;
  else if (ts.isVariableStatement(st)) {
    const init = st.declarationList.declarations[0]?.initializer;
    if (init && ts.isCallExpression(init) && init.expression.getText() === 'require' && init.arguments[0]) spec = init.arguments[0];
  }
  if (spec && ts.isStringLiteral(spec) && /^[./]/.test(spec.text)) return spec.text;
  return undefined;
}

export interface Slice {
  /** The slice: the user's text with everything outside the kept statements blanked. */
  text: string;
  /** The kept top-level statements, in source order (1-based first lines, for reports). */
  kept: { name: string; line: number }[];
}

export function sliceFor(sf: ts.SourceFile, roots: ts.Node[], extraNames: Iterable<string> = []): Slice {
  const decls = topLevelDecls(sf);
  const keep = new Set<ts.Statement>();
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueueFrom = (n: ts.Node) => {
    const ids = new Set<string>();
    valueIdentifiers(n, ids);
    for (const id of ids) if (!seen.has(id)) (seen.add(id), queue.push(id));
  };
  for (const r of roots) {
    if (ts.isStatement(r)) keep.add(r);
    enqueueFrom(r);
  }
  for (const n of extraNames) if (!seen.has(n)) (seen.add(n), queue.push(n));
  while (queue.length) {
    const id = queue.shift()!;
    const st = decls.get(id);
    if (!st || keep.has(st)) continue;
    const rel = isRelativeImport(st);
    if (rel)
      throw new SliceError(
        `The cell uses '${id}' from '${rel}'. The probe only loads packages, never other files of the workspace (their top level would run); move what the cell needs into this file, or pass it through the @probe tag's "args".`,
        'slice',
        lineOf(sf, st.getStart(sf)),
      );
    keep.add(st);
    enqueueFrom(st);
  }
  const text = sf.text;
  const chars = text.split('');
  const ranges = [...keep].map((s) => [s.getStart(sf), s.end] as const).sort((a, b) => a[0] - b[0]);
  let at = 0;
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  for (const [s, e] of ranges) {
    if (s > at) blank(at, s);
    at = Math.max(at, e);
  }
  blank(at, text.length);
  const kept = [...keep]
    .sort((a, b) => a.pos - b.pos)
    .map((s) => {
      const names: string[] = [];
      for (const [n, st] of decls) if (st === s) names.push(n);
      return { name: names.join(', ') || '(cell)', line: lineOf(sf, s.getStart(sf)) };
    });
  return { text: chars.join(''), kept };
}

// ---------------------------------------------------------------------------------------------
// How to call the cell: state layout, sizes, constructor and extra arguments

type Operand = { kind: 'input' } | { kind: 'state'; index: number } | { kind: 'sum'; parts: Operand[] };

interface Shape {
  layout: StateLayout;
  stateNames: string[];
  /** Text of expressions naming each state inside the step (for size hints). */
  stateTexts: string[][];
  inputText: string;
  extraParams: ts.ParameterDeclaration[];
  /** Initializers of the step's single-assignment locals. */
  localInits: Map<string, ts.Expression>;
  /** The parameter holding [x, ...states] (tfjs-layers call(inputs)). */
  container?: string;
}

function localInitsOf(fn: ts.FunctionLikeDeclaration): Map<string, ts.Expression> {
  const m = new Map<string, ts.Expression>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) m.set(n.name.text, n.initializer);
    if (ts.isFunctionLike(n) && n !== fn) return;
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return m;
}

function stepShape(cell: ProbeCell): Shape {
  const fn = cell.fn;
  const params = fn.parameters;
  if (cell.kind === 'rnn-cell') {
    const inputs = params[0] ? paramName(params[0]) : 'inputs';
    // States are inputs[1], inputs[2]... or destructured: const [x, h, c] = inputs.
    const names: string[] = [];
    const texts: string[][] = [];
    let inputText = `${inputs}[0]`;
    const isInputs = (e: ts.Expression | undefined) => !!e && stripParens(e).getText() === inputs;
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isArrayBindingPattern(n.name) && isInputs(n.initializer)) {
        n.name.elements.forEach((e, i) => {
          if (ts.isOmittedExpression(e) || !ts.isIdentifier(e.name)) return;
          if (i === 0) inputText = e.name.text;
          else ((names[i - 1] = e.name.text), (texts[i - 1] = [e.name.text, `${inputs}[${i}]`]));
        });
      }
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        const init = stripParens(n.initializer);
        if (ts.isElementAccessExpression(init) && isInputs(init.expression) && ts.isNumericLiteral(init.argumentExpression)) {
          const i = Number(init.argumentExpression.text);
          if (i === 0) inputText = n.name.text;
          else ((names[i - 1] ??= n.name.text), (texts[i - 1] = [n.name.text, `${inputs}[${i}]`]));
        }
      }
      ts.forEachChild(n, visit);
    };
    if (fn.body) visit(fn.body);
    return { layout: { kind: 'inputs-array' }, stateNames: names, stateTexts: texts, inputText, extraParams: [], localInits: localInitsOf(fn), container: inputs };
  }
  if (params[0] && ts.isArrayBindingPattern(params[0].name)) {
    // Called like a tfjs-layers cell: step([x, h, c], ...extra).
    const els = params[0].name.elements;
    const names = els.slice(1).map((e, i) => (ts.isOmittedExpression(e) ? `s${i}` : e.name.getText()));
    const first = els[0];
    return {
      layout: { kind: 'inputs-array', count: names.length },
      stateNames: names,
      stateTexts: names.map((n) => [n]),
      inputText: first && !ts.isOmittedExpression(first) ? first.name.getText() : 'x',
      extraParams: [...params.slice(1)],
      localInits: localInitsOf(fn),
    };
  }
  const inputText = params[0] ? paramName(params[0]) : 'x';
  const layoutParams: { count: number }[] = [];
  const names: string[] = [];
  const texts: string[][] = [];
  let i = 1;
  for (; i < params.length; i++) {
    const p = params[i];
    if (ts.isArrayBindingPattern(p.name)) {
      const els = p.name.elements.filter((e): e is ts.BindingElement => !ts.isOmittedExpression(e));
      layoutParams.push({ count: els.length });
      for (const e of els) (names.push(e.name.getText()), texts.push([e.name.getText()]));
      continue;
    }
    if (!ts.isIdentifier(p.name) || !(STATE_NAME.test(p.name.text) || i === 1)) break;
    const pn = p.name.text;
    // Element access (hidden[0], hidden[1]) or `const [h, c] = hidden` make it an array of states.
    let count = 0;
    const elemNames: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isElementAccessExpression(n) && n.expression.getText() === pn && ts.isNumericLiteral(n.argumentExpression))
        count = Math.max(count, Number(n.argumentExpression.text) + 1);
      if (ts.isVariableDeclaration(n) && ts.isArrayBindingPattern(n.name) && n.initializer?.getText() === pn) {
        n.name.elements.forEach((e, k) => {
          if (!ts.isOmittedExpression(e)) elemNames[k] = e.name.getText();
        });
        count = Math.max(count, n.name.elements.length);
      }
      ts.forEachChild(n, visit);
    };
    if (fn.body) visit(fn.body);
    layoutParams.push({ count });
    if (count === 0) (names.push(pn), texts.push([pn]));
    else
      for (let k = 0; k < count; k++) {
        const nm = elemNames[k] ?? `${pn}[${k}]`;
        names.push(nm);
        texts.push([nm, `${pn}[${k}]`]);
      }
  }
  return { layout: { kind: 'params', params: layoutParams }, stateNames: names, stateTexts: texts, inputText, extraParams: [...params.slice(i)], localInits: localInitsOf(fn) };
}

/** matMul / dot pairs (left, right) inside a node. */
/** matMul / dot operands (left, right) inside a node, and whether the right one is transposed. */
function matMuls(node: ts.Node): [ts.Expression, ts.Expression, boolean][] {
  const out: [ts.Expression, ts.Expression, boolean][] = [];
  const isTrue = (e: ts.Expression | undefined) => !!e && e.kind === ts.SyntaxKind.TrueKeyword;
  const isBool = (e: ts.Expression | undefined) => !!e && (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword);
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (name === 'matMul' || name === 'dot') {
        const a = n.arguments;
        // a.matMul(b, transposeA?, transposeB?) vs tf.matMul(a, b, transposeA?, transposeB?).
        const isMethod = ts.isPropertyAccessExpression(callee) && (a.length === 1 || isBool(a[1]));
        if (isMethod) out.push([(callee as ts.PropertyAccessExpression).expression, a[0], isTrue(a[2])]);
        else if (a.length >= 2) out.push([a[0], a[1], isTrue(a[3])]);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function stripParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function classifyOperand(e: ts.Expression, shape: Shape, depth = 0): Operand | null {
  e = stripParens(e);
  const t = e.getText().replace(/\s/g, '');
  if (t === shape.inputText) return { kind: 'input' };
  const si = shape.stateTexts.findIndex((ts_) => ts_.includes(t));
  if (si >= 0) return { kind: 'state', index: si };
  if (ts.isCallExpression(e) && /(^|\.)concat$/.test(e.expression.getText()) && e.arguments[0] && ts.isArrayLiteralExpression(e.arguments[0])) {
    const parts = e.arguments[0].elements.map((x) => classifyOperand(x, shape, depth + 1));
    if (parts.every((p) => p)) return { kind: 'sum', parts: parts as Operand[] };
  }
  // A local: classify what it was set to (`const x = getExactlyOne(inputs)`, `const xh = concat(...)`).
  if (ts.isIdentifier(e) && depth < 4) {
    const init = shape.localInits.get(e.text);
    if (init) {
      const c = classifyOperand(init, shape, depth + 1);
      if (c) return c;
      // Unwrapping the tfjs-layers inputs list without an index: the input.
      const it = init.getText();
      if (shape.container && new RegExp(`\\b${shape.container}\\b`).test(it) && !new RegExp(`${shape.container}\\s*\\[\\s*[1-9]`).test(it)) return { kind: 'input' };
    }
  }
  return null;
}

function operandJs(o: Operand): string {
  if (o.kind === 'input') return 'S.input';
  if (o.kind === 'state') return `S.states[${o.index}]`;
  return o.parts.map(operandJs).join(' + ');
}

/** A weight expression that can be evaluated from outside the step: `this.a.b`, `W`, `params.W`. */
function hintJs(e: ts.Expression, localNames: Set<string>, extraParams: string[]): string | null {
  e = stripParens(e);
  const t = e.getText().replace(/!/g, '').replace(/\.read\(\)$/, '');
  if (!/^(this|[A-Za-z_$][\w$]*)(\.[A-Za-z_$][\w$]*)*$/.test(t)) return null;
  const root = t.split('.')[0];
  if (root === 'this') return `(__self) => __self${t.slice(4)}`;
  const k = extraParams.indexOf(root);
  if (k >= 0) return `(__self, __args) => __args[${k}]${t.slice(root.length)}`;
  if (localNames.has(root)) return null;
  return `() => ${t}`;
}

function localNamesOf(fn: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  for (const p of fn.parameters) {
    const ns: string[] = [];
    bindingNames(p.name, ns);
    ns.forEach((x) => names.add(x));
  }
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) {
      const ns: string[] = [];
      if (n.name) bindingNames(n.name, ns);
      ns.forEach((x) => names.add(x));
    }
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return names;
}

function constructorOf(c: ts.ClassDeclaration, classes: Map<string, ts.ClassDeclaration>): ts.ConstructorDeclaration | undefined {
  let cur: ts.ClassDeclaration | undefined = c;
  for (let d = 0; cur && d < 6; d++) {
    const ctor = cur.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
    if (ctor) return ctor;
    cur = classes.get(extendsText(cur));
  }
  return undefined;
}

function sizeValue(name: string): string | null {
  if (INPUT_SIZE_NAME.test(name)) return 'S.input';
  if (STATE_SIZE_NAME.test(name)) return 'S.states[0]';
  return null;
}

/** Constructor arguments as JS (in terms of S), or a SliceError saying what to put in the tag. */
function constructorArgs(sf: ts.SourceFile, cell: ProbeCell, weightFor: (text: string) => string | null): { js: string; source: string } {
  const c = cell.classDecl!;
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const st of sf.statements) if (ts.isClassDeclaration(st) && st.name) classes.set(st.name.text, st);
  // Names of the file's interfaces and type aliases: a parameter typed with one is a config object.
  const ifaces = new Set<string>();
  for (const st of sf.statements) if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) ifaces.add(st.name.text);
  const ctor = constructorOf(c, classes);
  if (!ctor) return { js: '', source: 'no constructor' };
  const parts: string[] = [];
  const template: string[] = [];
  let unknown = false;
  const members = (p: ts.ParameterDeclaration): { name: string; optional: boolean }[] | null => {
    if (ts.isObjectBindingPattern(p.name))
      return p.name.elements.map((e) => ({ name: (e.propertyName ?? e.name).getText(), optional: !!e.initializer }));
    const lit = p.type && declaredTypeMembers(sf, p.type);
    if (!lit) return null;
    return lit.filter(ts.isPropertySignature).map((m) => ({ name: m.name.getText(), optional: !!m.questionToken }));
  };
  for (const p of ctor.parameters) {
    if (p.questionToken || p.initializer || p.dotDotDotToken) break;
    const name = paramName(p);
    // A weight handed to the constructor (PyTorch ports: `constructor(readonly W: tf.Tensor2D)`),
    // shaped from how the step uses `this.<name>`.
    const weight = ts.isIdentifier(p.name) && (!p.type || /Tensor|Variable/.test(p.type.getText())) ? weightFor(`this.${name}`) : null;
    if (weight) {
      parts.push(weight);
      template.push('tf.randomNormal([...])');
      continue;
    }
    if (ts.isIdentifier(p.name)) {
      const isObjectType = p.type && (ts.isTypeLiteralNode(p.type) || ts.isTypeReferenceNode(p.type));
      if (!isObjectType || (p.type && ts.isTypeReferenceNode(p.type) && !ifaces.has(p.type.typeName.getText()))) {
        const v = isObjectType ? null : sizeValue(name);
        if (v) {
          parts.push(v);
          template.push(v.startsWith('S.input') ? '10' : '20');
          continue;
        }
        if (/^(args|config|cfg|opts|options|params|spec)$/i.test(name)) {
          // tf.layers convention: a config object with `units`.
          parts.push('{ units: S.states[0] }');
          template.push('{"units": 20}');
          continue;
        }
        unknown = true;
        template.push(`<${name}>`);
        continue;
      }
    }
    const ms = members(p);
    if (!ms) {
      unknown = true;
      template.push(`<${name}>`);
      continue;
    }
    const props: string[] = [];
    const tprops: string[] = [];
    for (const m of ms) {
      const v = sizeValue(m.name);
      if (v) (props.push(`${m.name}: ${v}`), tprops.push(`"${m.name}": ${v.startsWith('S.input') ? 10 : 20}`));
      else if (!m.optional) (unknown = true, tprops.push(`"${m.name}": <${m.name}>`));
    }
    parts.push(`{ ${props.join(', ')} }`);
    template.push(`{${tprops.join(', ')}}`);
  }
  if (unknown) {
    const sig = ctor.parameters.map((p) => p.getText(sf)).join(', ');
    throw new SliceError(
      `Cannot tell what to pass to the constructor of ${cell.className}(${sig}). Add above the class: /** @probe {"args": [${template.join(', ')}]} */ (args are JavaScript expressions evaluated beside the cell).`,
      'infer',
      cell.line,
    );
  }
  return { js: parts.join(', '), source: 'inferred from constructor parameter names' };
}

/** `tf.split(z, 4, 1)` in the step: fused gate weights have 4 (or 3) times the state's columns. */
function splitFactor(fn: ts.FunctionLikeDeclaration): number {
  const m = fn.body?.getText().match(/split\(\s*[^,()]+,\s*(\d)\s*(,|\))/);
  return m ? Number(m[1]) : 1;
}

/** Extra arguments of a step function (weights), synthesized from how the step uses them. */
/** JS building a random weight for the expression `text` from how the step uses it: the right operand
 *  of a matMul with the input or a state ([rows, state columns]; transposed when `.transpose()` is
 *  applied), or a bias (added, never multiplied). null when the step does neither. */
function weightSynth(cell: ProbeCell, shape: Shape): (text: string) => string | null {
  const body = cell.fn.body!;
  const split = body.getText().match(/split\(\s*[^,()]+,\s*(\d)\s*(,|\))/);
  const mult = split ? Number(split[1]) : 1;
  const out = `S.states[0] * ${mult}`;
  const mm = matMuls(body);
  return (text: string): string | null => {
    for (const [l, r, tB] of mm) {
      const rt = stripParens(r).getText().replace(/\s/g, '').replace(/!/g, '');
      const transposed = tB || rt === `${text}.transpose()` || rt === `${text}.T`;
      if (rt !== text && rt !== `${text}.transpose()` && rt !== `${text}.T`) continue;
      const op = classifyOperand(l, shape);
      if (op) return transposed ? `__w(tf, [${out}, ${operandJs(op)}])` : `__w(tf, [${operandJs(op)}, ${out}])`;
    }
    const added = new RegExp(`(\\.add\\(\\s*${text.replace(/[.$]/g, '\\$&')}\\s*\\))|(tf\\.add\\([^;]*\\b${text.replace(/[.$]/g, '\\$&')}\\b)`);
    if (added.test(body.getText())) return `__b(tf, [${out}])`;
    return null;
  };
}

function extraArgs(cell: ProbeCell, shape: Shape): string {
  if (!shape.extraParams.length) return '';
  const body = cell.fn.body!;
  const weightFor = weightSynth(cell, shape);
  const args: string[] = [];
  const missing: string[] = [];
  for (const p of shape.extraParams) {
    if (p.questionToken || p.initializer) break;
    const name = paramName(p);
    const size = ts.isIdentifier(p.name) ? sizeValue(name) : null;
    if (size && !/^(W|U|V|b)/.test(name)) {
      args.push(size);
      continue;
    }
    const direct = ts.isIdentifier(p.name) ? weightFor(name) : null;
    if (direct) {
      args.push(direct);
      continue;
    }
    // An object of weights: p.Wx, p.Wh, p.b (or destructured { Wx, Wh, b }).
    const props = new Map<string, string | null>();
    if (ts.isIdentifier(p.name)) {
      const visit = (n: ts.Node) => {
        if (ts.isPropertyAccessExpression(n) && n.expression.getText() === name) props.set(n.name.text, weightFor(`${name}.${n.name.text}`));
        ts.forEachChild(n, visit);
      };
      visit(body);
    } else if (ts.isObjectBindingPattern(p.name)) {
      for (const e of p.name.elements) props.set((e.propertyName ?? e.name).getText(), weightFor(e.name.getText()));
    }
    if (props.size && [...props.values()].every((v) => v)) {
      args.push(`{ ${[...props].map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
      continue;
    }
    missing.push(name);
    args.push(`<${name}>`);
  }
  if (missing.length)
    throw new SliceError(
      `Cannot tell what to pass for ${missing.map((m) => `'${m}'`).join(', ')} of ${cell.name}. Add above it: /** @probe {"inputSize": ${DEFAULT_INPUT_SIZE}, "stateSizes": [${DEFAULT_STATE_SIZE}], "args": [${args.map((a) => (a.startsWith('<') ? a : 'tf.randomNormal([...])')).join(', ')}]} */ (args are JavaScript expressions evaluated beside the cell).`,
      'infer',
      cell.line,
    );
  return args.join(', ');
}

export interface PreparedProbe {
  code: string;
  cell: ProbeCellInfo;
  config: ProbeConfig;
  slice: Slice;
}

/** Slice + glue + transpile: everything the runner needs. */
export function prepareProbe(
  text: string,
  fileName: string,
  opts: ProbeRunOptions & { cellName?: string; offset?: number; newStateLines?: (name: string) => (number | null)[] | undefined },
): PreparedProbe {
  const sf = parse(text, fileName);
  const { cells, summaries } = mergedCells(sf, text, fileName);
  const cell = selectCell(cells, { name: opts.cellName, offset: opts.offset });
  const summary = summaries.find((s) => s.name === cell.name || (cell.start <= s.stepStart && s.stepEnd <= cell.end));
  const tag = readTag(sf, cell.statement);
  const shape = stepShape(cell);
  const sizeSources: Record<string, string> = {};

  // Constructor (class kinds) or the function itself.
  let create: string;
  const staticMethod = cell.kind !== 'step-function' && isStatic(cell.fn);
  if (cell.kind === 'step-function') create = `() => ${cell.name}`;
  else if (staticMethod) create = `() => ${cell.className}`;
  else if (tag?.args) ((create = `(S) => new ${cell.className}(${tag.args.join(', ')})`), (sizeSources.args = 'tag'));
  else {
    const c = constructorArgs(sf, cell, weightSynth(cell, shape));
    create = `(S, tf, __w, __b) => new ${cell.className}(${c.js})`;
    sizeSources.args = c.source;
  }
  let args = '';
  if (cell.kind === 'step-function' || staticMethod) {
    if (tag?.args) ((args = tag.args.join(', ')), (sizeSources.args = 'tag'));
    else ((args = extraArgs(cell, shape)), args && (sizeSources.args = 'synthesized from how the step uses them'));
  }

  // Size hints: weights multiplied with the input or a state.
  const locals = localNamesOf(cell.fn);
  const inputHints: string[] = [];
  const stateHints: string[][] = shape.stateNames.map(() => []);
  const sumHints: string[] = [];
  const columnHints: string[] = [];
  const hintNames = new Set<string>();
  const extraNames = shape.extraParams.map(paramName);
  const scan = (root: ts.Node) => {
    for (const [l, r, tB] of matMuls(root)) {
      const op = classifyOperand(l, shape);
      const h0 = hintJs(r, locals, extraNames);
      // A transposed weight's rows are its columns: hand the harness the shape reversed.
      const h = h0 && tB ? `(__self, __args) => ({ shape: [...((${h0})(__self, __args)?.shape ?? [])].reverse() })` : h0;
      if (!op || !h) continue;
      if (h0!.startsWith('()')) hintNames.add(stripParens(r).getText().split('.')[0]);
      if (op.kind === 'input') inputHints.push(h);
      else if (op.kind === 'state') stateHints[op.index].push(h);
      else {
        const flat: Operand[] = [];
        const walk = (o: Operand) => (o.kind === 'sum' ? o.parts.forEach(walk) : flat.push(o));
        walk(op);
        const states = flat.filter((o): o is { kind: 'state'; index: number } => o.kind === 'state').map((o) => o.index);
        sumHints.push(`{ inputs: ${flat.filter((o) => o.kind === 'input').length}, states: [${states.join(', ')}], get: ${h} }`);
      }
      columnHints.push(h);
    }
  };
  scan(cell.fn);

  const extraRoots: ts.Node[] = [cell.statement];
  const tagNames = new Set<string>();
  for (const a of tag?.argNodes ?? []) valueIdentifiers(a, tagNames);
  const slice = sliceFor(sf, extraRoots, [...tagNames, ...hintNames]);

  const glue =
    `\n;module.exports.__rnnlintProbe = {\n` +
    `  create: ${create},\n` +
    `  args: (tf, S, __w, __b) => [${args}],\n` +
    `  inputHints: [${inputHints.join(', ')}],\n` +
    `  stateHints: [${stateHints.map((h) => `[${h.join(', ')}]`).join(', ')}],\n` +
    `  sumHints: [${sumHints.join(', ')}],\n` +
    `  columnHints: [${columnHints.join(', ')}],\n` +
    `  outMult: ${splitFactor(cell.fn)},\n` +
    `};\n`;

  const source = slice.text + glue;
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      inlineSourceMap: true,
      esModuleInterop: true,
      allowJs: true,
      useDefineForClassFields: false,
    },
  });
  const syntaxError = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntaxError) {
    const line = syntaxError.start !== undefined ? lineOf(sf, syntaxError.start) : undefined;
    throw new SliceError(`The cell does not compile: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n')}`, 'slice', line);
  }

  const steps = opts.steps ?? tag?.steps ?? DEFAULT_STEPS;
  const batch = opts.batch ?? tag?.batch ?? DEFAULT_BATCH;
  const seed = opts.seed ?? tag?.seed ?? DEFAULT_SEED;
  if (tag?.inputSize !== undefined) sizeSources.inputSize = 'tag';
  if (tag?.stateSizes) sizeSources.stateSizes = 'tag';
  let summaryLines = opts.newStateLines?.(cell.name);
  if (!summaryLines && summary?.newStates.length)
    summaryLines = shape.stateNames.map((_, i) => {
      const ns = summary.newStates.filter((n) => n.index === i);
      return ns.length ? ns[ns.length - 1].line + 1 : null;
    });
  const returnLine = lastReturnLine(sf, cell.fn);
  const info: ProbeCellInfo = {
    name: cell.name,
    start: cell.start,
    end: cell.end,
    kind: cell.kind,
    className: cell.className,
    methodName: cell.methodName,
    line: cell.line,
    stateNames: shape.stateNames,
    layout: shape.layout,
    newStateLines: summaryLines ?? shape.stateNames.map(() => returnLine),
  };
  return {
    code: out.outputText,
    cell: info,
    config: {
      steps,
      batch,
      seed,
      inputSize: tag?.inputSize ?? null,
      stateSizes: tag?.stateSizes ?? null,
      sizeSources,
      tag: tag?.text ?? null,
    },
    slice,
  };
}

function lastReturnLine(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration): number | null {
  if (fn.body && !ts.isBlock(fn.body)) return lineOf(sf, fn.body.getStart(sf));
  let last: ts.ReturnStatement | undefined;
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && n !== fn) return;
    if (ts.isReturnStatement(n)) last = n;
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return last ? lineOf(sf, last.getStart(sf)) : null;
}

/** Cells of a text, for CodeLenses and quick picks. */
export function listProbeCells(text: string, fileName: string): { name: string; kind: CellKind; line: number; start: number; end: number }[] {
  return mergedCells(parse(text, fileName), text, fileName).cells.map((c) => ({ name: c.name, kind: c.kind, line: c.line, start: c.start, end: c.end }));
}
