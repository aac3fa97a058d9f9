// One walk over a freshly parsed tree: it sets the parent pointers (the compiler's own pass,
// `setParentNodes`, costs about three plain walks; this costs one) and files the nodes the analysis
// asks for by kind, in source order. Rules and queries then ask "the calls inside this function"
// with a binary search instead of walking the subtree again.
import ts from '../typescript';
import { isFunctionLike, type FunctionLike } from './ast';

const K = ts.SyntaxKind;

export type Write = ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression | ts.ForOfStatement | ts.ForInStatement;

/** The expression a Write assigns to. */
export function writtenExpression(w: Write): ts.Expression {
  switch (w.kind) {
    case K.BinaryExpression: return w.left;
    case K.PrefixUnaryExpression:
    case K.PostfixUnaryExpression: return w.operand;
    default: return w.initializer as ts.Expression;
  }
}

export class TreeIndex {
  /** Every call expression, in source order. */
  readonly calls: ts.CallExpression[] = [];
  /** Named classes by name (a later declaration of a name replaces an earlier one). */
  readonly classes = new Map<string, ts.ClassLikeDeclaration>();
  /** Classes and function-likes (declarations, expressions, arrows, methods), in source order. */
  readonly containers: (ts.ClassLikeDeclaration | FunctionLike)[] = [];
  /** Names a call could reach a function of this file by: declared functions/methods, variables, assigned members. */
  readonly callableNames = new Set<string>();
  /** `return` statements, in source order. */
  readonly returns: ts.ReturnStatement[] = [];
  /** Assignments (`=`, `+=`, ...), `++`/`--` and `for (x of xs)` with an existing `x`, in source order. */
  readonly writes: Write[] = [];
  /** for, for-of, for-in, while and do statements, in source order. */
  readonly loops: ts.IterationStatement[] = [];
  /** Object literals, in source order (their function members are callees a name can reach). */
  readonly objectLiterals: ts.ObjectLiteralExpression[] = [];

  /** The deepest nesting of the tree (the parse guard re-parses a file nested too deep for the analysis). */
  maxDepth = 0;

  constructor(readonly sf: ts.SourceFile) {
    // Pre-order, so every list is sorted by `pos` (a parent never starts after its children).
    let parent: ts.Node = sf;
    let depth = 0;
    const visit = (n: ts.Node): void => {
      (n as { parent: ts.Node }).parent = parent;
      // A switch on the kind: the `ts.isX` predicates cost more than the walk itself at this volume.
      switch (n.kind) {
        case K.CallExpression:
          this.calls.push(n as ts.CallExpression);
          break;
        case K.ClassDeclaration:
        case K.ClassExpression: {
          const c = n as ts.ClassLikeDeclaration;
          if (c.name) this.classes.set(c.name.text, c);
          this.containers.push(c);
          break;
        }
        case K.FunctionDeclaration:
        case K.MethodDeclaration: {
          const name = (n as ts.FunctionDeclaration | ts.MethodDeclaration).name;
          if (name && (name.kind === K.Identifier || name.kind === K.PrivateIdentifier)) this.callableNames.add((name as ts.Identifier | ts.PrivateIdentifier).text);
          this.containers.push(n as FunctionLike);
          break;
        }
        case K.FunctionExpression:
        case K.ArrowFunction:
          this.containers.push(n as FunctionLike);
          break;
        case K.VariableDeclaration: {
          const d = n as ts.VariableDeclaration;
          if (d.name.kind === K.Identifier && d.initializer) this.callableNames.add(d.name.text);
          break;
        }
        case K.BinaryExpression: {
          const b = n as ts.BinaryExpression;
          const op = b.operatorToken.kind;
          if (op >= K.FirstAssignment && op <= K.LastAssignment) {
            this.writes.push(b);
            if (op === K.EqualsToken && b.left.kind === K.PropertyAccessExpression) this.callableNames.add((b.left as ts.PropertyAccessExpression).name.text);
          }
          break;
        }
        case K.PrefixUnaryExpression:
        case K.PostfixUnaryExpression: {
          const op = (n as ts.PrefixUnaryExpression).operator;
          if (op === K.PlusPlusToken || op === K.MinusMinusToken) this.writes.push(n as ts.PrefixUnaryExpression);
          break;
        }
        case K.ReturnStatement:
          this.returns.push(n as ts.ReturnStatement);
          break;
        case K.ForOfStatement:
        case K.ForInStatement:
          this.loops.push(n as ts.ForOfStatement);
          if ((n as ts.ForOfStatement).initializer.kind !== K.VariableDeclarationList) this.writes.push(n as ts.ForOfStatement);
          break;
        case K.ForStatement:
        case K.WhileStatement:
        case K.DoStatement:
          this.loops.push(n as ts.IterationStatement);
          break;
        case K.ObjectLiteralExpression:
          this.objectLiterals.push(n as ts.ObjectLiteralExpression);
          break;
      }
      const saved = parent;
      parent = n;
      if (++depth > this.maxDepth) this.maxDepth = depth;
      ts.forEachChild(n, visit);
      depth--;
      parent = saved;
    };
    ts.forEachChild(sf, visit);
    lastIndex = this;
  }
}

/** The index of the file analysed last (one slot: holding more would keep their trees alive). */
let lastIndex: TreeIndex | undefined;

/** The index built for `sf`, when it is the file analysed last. */
export function indexOf(sf: ts.SourceFile): TreeIndex | undefined {
  return lastIndex?.sf === sf ? lastIndex : undefined;
}

/**
 * The nodes of a source-ordered `list` that lie inside `within` (`within` itself included when it
 * is in the list). A binary search for the first candidate, then a scan of the contiguous run.
 */
export function nodesInside<T extends ts.Node>(list: readonly T[], within: ts.Node): T[] {
  const out: T[] = [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.pos < within.pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const n = list[i]!;
    if (n.pos > within.end) break;
    if (n.end > within.end) continue;
    // Nodes nest or are disjoint, so a strictly later start inside the span means inside; on a
    // shared boundary (`f()()`, zero-width nodes) the parent chain decides.
    if ((n.pos > within.pos && n.pos < within.end) || isSelfOrDescendant(n, within)) out.push(n);
  }
  return out;
}

function isSelfOrDescendant(n: ts.Node, ancestor: ts.Node): boolean {
  for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * The nodes of `list` inside `owner` that belong to it rather than to a function nested in it
 * (no `opaque` node, by default a function-like, lies between them and `owner`).
 */
export function ownNodes<T extends ts.Node>(list: readonly T[], owner: ts.Node, opaque: (n: ts.Node) => boolean = isFunctionLike): T[] {
  return nodesInside(list, owner).filter((n) => {
    for (let p = n.parent; p && p !== owner; p = p.parent) if (opaque(p)) return false;
    return true;
  });
}
