// Suppression comments the "disable" code actions insert. The engine (lintText) honours them:
//   // rnnlint-disable-next-line id[, id...]     the next line
//   /* rnnlint-disable id[, id...] */           from here to the end of the file
// Pure text in, offset edit out; convert.ts turns it into an LSP edit.
import type { TextEdit } from '../report';

const NEXT_LINE = /^([ \t]*)\/\/[ \t]*rnnlint-disable-next-line\b(.*)$/;
const FILE_BLOCK = /^\/\*[ \t]*rnnlint-disable\b([^*]*?)[ \t]*\*\/[ \t]*$/;

/** The document's first line end, which the inserted comment takes. */
function eolOf(text: string): string {
  const m = /\r\n?|\n/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * Line starts as the LSP counts lines (`\r\n`, `\n`, `\r`), since the line numbers come from LSP
 * ranges. Not the compiler's lines (`lint.ts`), which also end at U+2028/U+2029: the LSP does not.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The text of a line, without its line end. */
function lineText(text: string, starts: number[], line: number): string {
  const s = starts[line];
  let e = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (e > s && text[e - 1] === '\n') e--;
  if (e > s && text[e - 1] === '\r') e--;
  return text.slice(s, e);
}

/** Splits `a, b -- why` into the ids and the offset (within `rest`) where the id list ends. */
function parseIds(rest: string): { ids: string[]; listEnd: number } {
  const dash = rest.search(/\s--\s|\s--$/);
  const list = dash >= 0 ? rest.slice(0, dash) : rest;
  const ids = list.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return { ids, listEnd: list.replace(/\s+$/, '').length };
}

/**
 * Edit that silences `ruleId` on the 0-based `line`: extends a `rnnlint-disable-next-line` comment
 * directly above, or inserts one with the line's indentation. Undefined when already disabled.
 */
export function disableLineEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  const starts = lineStarts(text);
  if (line < 0 || line >= starts.length) return undefined;
  if (line > 0) {
    const prev = lineText(text, starts, line - 1);
    const m = NEXT_LINE.exec(prev);
    if (m) {
      const restStart = prev.length - m[2].length;
      const { ids, listEnd } = parseIds(m[2]);
      if (ids.length === 0 || ids.includes(ruleId)) return undefined;
      const at = starts[line - 1] + restStart + listEnd;
      return { start: at, end: at, text: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(lineText(text, starts, line))![0];
  const at = starts[line];
  return { start: at, end: at, text: `${indent}// rnnlint-disable-next-line ${ruleId}${eolOf(text)}` };
}

/**
 * Edit that silences `ruleId` in the whole file: extends a `/* rnnlint-disable ... *\/` comment on
 * the first line (after a shebang), or inserts one there. Undefined when already disabled.
 */
export function disableFileEdit(text: string, ruleId: string): TextEdit | undefined {
  const starts = lineStarts(text);
  let line = 0;
  if (text.startsWith('#!')) line = 1;
  if (line < starts.length) {
    const first = lineText(text, starts, line);
    const m = FILE_BLOCK.exec(first);
    if (m) {
      const { ids, listEnd } = parseIds(m[1]);
      if (ids.length === 0 || ids.includes(ruleId)) return undefined;
      const at = starts[line] + /^\/\*[ \t]*rnnlint-disable\b/.exec(first)![0].length + listEnd;
      return { start: at, end: at, text: `, ${ruleId}` };
    }
  }
  const eol = eolOf(text);
  if (line >= starts.length) {
    // A file that is only a shebang line without a newline.
    return { start: text.length, end: text.length, text: `${eol}/* rnnlint-disable ${ruleId} */${eol}` };
  }
  const at = starts[line];
  return { start: at, end: at, text: `/* rnnlint-disable ${ruleId} */${eol}` };
}
