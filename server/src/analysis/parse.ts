// Text -> ts.SourceFile with parent pointers and a TreeIndex. Syntax errors do not stop analysis:
// the compiler's parser recovers, and the engine lints whatever tree it produced (reporting the
// first syntax error once).
import ts from '../typescript';
import { TreeIndex } from './tree-index';

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Nesting the compiler's recursive parser survives with room to spare (it overflows near 1,000). */
export const MAX_NESTING = 300;

/**
 * A tree deeper than this parsed, but the analysis recurses several frames per level and can run
 * out of stack on it (a mutated fixture nested ~700 deep did, depending on how warm the JIT was):
 * such a file is handled like one the parser could not take. Real code stays far below it.
 */
const MAX_TREE_DEPTH = 500;

export interface Parsed {
  sf: ts.SourceFile;
  /** The walk that set the parent pointers, with the nodes it filed by kind. */
  index: TreeIndex;
  /** Set when nesting deeper than MAX_NESTING had to be blanked out to parse at all. */
  skippedNesting?: { offset: number };
}

export function parseWithRecovery(text: string, fileName: string): Parsed {
  // No `setParentNodes`: the TreeIndex walk sets the parents for a third of the compiler's cost.
  // No JSDoc parsing either: no rule reads JSDoc (suppression comments are found in the text).
  const create = (t: string): Parsed => {
    const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
    const sf = ts.createSourceFile(fileName, t, options, false, scriptKindFor(fileName));
    return { sf, index: new TreeIndex(sf) };
  };
  try {
    const parsed = create(text);
    if (parsed.index.maxDepth <= MAX_TREE_DEPTH) return parsed;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  // Stack overflow in the parser (or in the index walk, which recurses as deep), or a tree too deep
  // for the analysis: blank the too-deep parts (keeping every offset and line) and lint the rest,
  // so a generated or corrupted region does not cost the whole file.
  const { text: blanked, firstOffset } = blankDeepNesting(text, MAX_NESTING);
  return { ...create(blanked), skippedNesting: { offset: firstOffset } };
}

/** Replaces characters nested deeper than `max` brackets with spaces (newlines kept). */
export function blankDeepNesting(text: string, max: number): { text: string; firstOffset: number } {
  const out = text.split('');
  let depth = 0;
  let first = -1;
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    const opens = c === '(' || c === '[' || c === '{';
    const closes = c === ')' || c === ']' || c === '}';
    if (opens) depth++;
    if (depth > max && c !== '\n' && c !== '\r') {
      if (first < 0) first = i;
      out[i] = ' ';
    }
    if (closes) depth = Math.max(0, depth - 1);
  }
  return { text: out.join(''), firstOffset: Math.max(0, first) };
}

/** The parser's own diagnostics (syntax errors), without a type-checker. */
export function syntaxErrors(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/**
 * The last trees of a few documents, so that the next parse of the same document reparses only
 * the region that changed (`ts.updateSourceFile`, as tsserver does per keystroke: about half the
 * cost of a full parse on a 1,000-line file). The language server keeps one, keyed by document
 * URI; `capacity` bounds the trees it holds (the documents being typed in), so a workspace of
 * open files costs no more memory than before.
 *
 * An updated tree takes over the nodes of the old one, which is no longer valid afterwards: the
 * cache hands each tree to one lint and then keeps it only to update it.
 */
export class ReparseCache {
  private readonly trees = new Map<string, { fileName: string; sf: ts.SourceFile }>();

  constructor(private readonly capacity = 2) {}

  parse(key: string, text: string, fileName: string): Parsed {
    const old = this.trees.get(key);
    this.trees.delete(key);
    let parsed: Parsed | undefined;
    if (old && old.fileName === fileName) {
      try {
        const sf = ts.updateSourceFile(old.sf, text, changeRange(old.sf.text, text), false);
        parsed = { sf, index: new TreeIndex(sf) };
      } catch {
        parsed = undefined; // (deep nesting, or anything unexpected): parse from scratch
      }
    }
    parsed ??= parseWithRecovery(text, fileName);
    // A tree whose text was blanked for deep nesting does not match the document: not kept.
    if (!parsed.skippedNesting) {
      this.trees.set(key, { fileName, sf: parsed.sf });
      if (this.trees.size > this.capacity) this.trees.delete(this.trees.keys().next().value!);
    }
    return parsed;
  }

  /** Forgets a document (closed, or its tree is not to be reused). */
  delete(key: string): void {
    this.trees.delete(key);
  }
}

/** The one span where two texts differ: their common prefix and suffix stay. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { span: { start, length: before.length - start - tail }, newLength: after.length - start - tail };
}
