// The engine's entry: text -> SourceFile -> model -> rules -> messages. Pure: no I/O, no protocol.
// The CLI, the API bundle, the language server and the tests all call lintText.
import type ts from 'typescript';
import { parseWithRecovery, syntaxErrors, MAX_NESTING, type ReparseCache } from './analysis/parse';
import { FileModel } from './analysis/model';
import { rules } from '../../rules/index';
import { formatMessage, type Rule, type RuleContext, type ReportDescriptor, type FixDescriptor } from '../../rules/rule';
import { parseSuppressions } from './suppressions';
import type { LintMessage, LintOptions, LintResult, RuleLevel, Severity, TextEdit, Suggestion } from './report';

export const DOCS_BASE = 'https://github.com/rnnlint/rnnlint/blob/main/rules/';
const MAX_FIX_PASSES = 10;

/**
 * Cheap test before parsing: files with no tfjs and nothing step-shaped cost one regex scan.
 * `forward(`, `RNNCell`, `.call(` and `tidy(` cover classes and steps written without an import.
 */
export function mightBeRecurrent(text: string): boolean {
  return /tensorflow|\btf\.|RNNCell|forward\s*\(|\btidy\s*\(/.test(text);
}

function severityOf(rule: Rule, levels: Record<string, RuleLevel> | undefined): Severity | 0 {
  const level = levels?.[rule.id];
  if (level === 'off') return 0;
  if (level === 'warn') return 1;
  if (level === 'error') return 2;
  return rule.meta.defaultSeverity === 'error' ? 2 : 1;
}

/** Merges separate edits into ESLint's single-range fix. */
function eslintFix(text: string, edits: TextEdit[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = Math.max(...sorted.map((e) => e.end));
  let out = '';
  let pos = start;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  out += text.slice(pos, end);
  return { range: [start, end], text: out };
}

function lintOnce(text: string, fileName: string, options: LintOptions | undefined, reparse?: Reparse): { messages: LintMessage[]; cells: number; loops: number; skipped: boolean } {
  if (!mightBeRecurrent(text)) return { messages: [], cells: 0, loops: 0, skipped: true };
  const { sf, index, skippedNesting } = reparse ? reparse.cache.parse(reparse.key, text, fileName) : parseWithRecovery(text, fileName);
  const messages: LintMessage[] = [];
  let starts: readonly number[] | undefined;
  const pos = (offset: number): { line: number; column: number } => {
    starts ??= lineStarts(text);
    // The last line start at or before `offset` (binary search).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const errors = syntaxErrors(sf);
  if (errors.length > 0) {
    const e = errors[0]!;
    const s = pos(e.start);
    const en = pos(e.start + e.length);
    const msg = typeof e.messageText === 'string' ? e.messageText : e.messageText.messageText;
    messages.push({
      ruleId: null, severity: 1, message: `Parsing error: ${msg} (linted as far as it parses)`,
      line: s.line, column: s.column, endLine: en.line, endColumn: en.column, start: e.start, end: e.start + e.length,
    });
  }
  if (skippedNesting) {
    const s = pos(skippedNesting.offset);
    messages.push({
      ruleId: null, severity: 1,
      message: `Parsing error: nesting deeper than ${MAX_NESTING} levels; that region was skipped and the rest of the file linted`,
      line: s.line, column: s.column, endLine: s.line, endColumn: s.column, start: skippedNesting.offset, end: skippedNesting.offset,
    });
  }
  let model: FileModel;
  try {
    model = new FileModel(sf, index);
  } catch (err) {
    // The model is built by recursive walks; a pathological tree must cost a notice, not the server.
    messages.push({
      ruleId: null, severity: 1,
      message: `Analysis stopped: ${err instanceof Error ? err.message : String(err)} (file not linted)`,
      line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0,
    });
    return { messages, cells: 0, loops: 0, skipped: false };
  }
  const suppressions = parseSuppressions(text, (o) => pos(o).line - 1);
  for (const rule of rules) {
    const severity = severityOf(rule, options?.rules);
    if (severity === 0) continue;
    const ctx: RuleContext = {
      model, sf, text,
      report: (d) => {
        const m = toMessage(rule, d, severity, sf, text, pos);
        if (!suppressions.isSuppressed(rule.id, m.start, m.line - 1)) messages.push(m);
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // One rule's bug must not hide the others' results; say which rule failed and where.
      messages.push({
        ruleId: null, severity: 1,
        message: `Internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`,
        line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0,
      });
    }
  }
  messages.sort((a, b) => a.start - b.start || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return { messages, cells: model.steps.length, loops: model.stepCalls.filter((c) => c.iterations.length > 0).length, skipped: false };
}

/**
 * Offsets at which the lines of `text` start, with the compiler's line ends (`\n`, `\r\n`, `\r`,
 * U+2028, U+2029), so positions match what it and ESLint report. Most files have only `\n`:
 * `indexOf` finds those several times faster than the compiler's character loop.
 */
export function lineStarts(text: string): readonly number[] {
  const starts = [0];
  if (!/[\r\u2028\u2029]/.test(text)) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

function toMessage(rule: Rule, d: ReportDescriptor, severity: Severity, sf: ts.SourceFile, text: string,
                   pos: (o: number) => { line: number; column: number }): LintMessage {
  const start = d.node ? d.node.getStart(sf) : d.start ?? 0;
  const end = d.node ? d.node.end : d.end ?? start;
  const s = pos(start);
  const e = pos(end);
  const msg = (id: string, data = d.data): string => {
    const template = rule.meta.messages[id];
    if (template === undefined) throw new Error(`rule ${rule.id} has no message '${id}'`);
    return formatMessage(template, data);
  };
  const m: LintMessage = {
    ruleId: rule.id, messageId: d.messageId, severity, message: msg(d.messageId),
    line: s.line, column: s.column, endLine: e.line, endColumn: e.column, start, end,
    docsUrl: `${DOCS_BASE}${rule.id}.md`,
  };
  if (d.fix && d.fix.edits.length > 0) {
    m.fix = eslintFix(text, d.fix.edits);
    m.fixEdits = d.fix.edits;
    m.fixTitle = msg(d.fix.messageId, d.fix.data ?? d.data);
  }
  const suggestions: Suggestion[] = (d.suggest ?? []).filter((f) => f.edits.length > 0).map((f: FixDescriptor, i) => ({
    desc: msg(f.messageId, f.data ?? d.data), messageId: f.messageId, fix: eslintFix(text, f.edits), edits: f.edits,
    isPreferred: !m.fix && i === 0,
  }));
  if (suggestions.length > 0) m.suggestions = suggestions;
  if (d.related && d.related.length > 0) {
    m.related = d.related.map((r) => {
      const rs = r.node.getStart(sf);
      const a = pos(rs);
      const b = pos(r.node.end);
      return { message: msg(r.messageId, r.data ?? d.data), start: rs, end: r.node.end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    });
  }
  return m;
}

/** Applies non-overlapping edits (later ones that overlap an earlier one wait for the next pass). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Safe fixes of one pass, skipping fixes that overlap an earlier one (ESLint does the same). */
function safeFixEdits(messages: LintMessage[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: [number, number][] = [];
  for (const m of messages) {
    if (!m.fixEdits || !m.fix) continue;
    const [a, b] = m.fix.range;
    if (taken.some(([x, y]) => a < y && x < b)) continue;
    taken.push([a, b]);
    chosen.push(...m.fixEdits);
  }
  return chosen;
}

/** A document's previous tree to reparse incrementally (the language server's, per document). */
export interface Reparse {
  cache: ReparseCache;
  key: string;
}

export function lintText(text: string, fileName: string, options?: LintOptions, reparse?: Reparse): LintResult {
  const t0 = performance.now();
  let current = text;
  let run = lintOnce(current, fileName, options, reparse);
  if (options?.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = safeFixEdits(run.messages);
      if (edits.length === 0) break;
      current = applyEdits(current, edits);
      run = lintOnce(current, fileName, options);
    }
  }
  const { messages } = run;
  let errorCount = 0, warningCount = 0, fixableErrorCount = 0, fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) { errorCount++; if (m.fix) fixableErrorCount++; }
    else { warningCount++; if (m.fix) fixableWarningCount++; }
  }
  const result: LintResult = {
    filePath: fileName, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount,
    stats: { cells: run.cells, loops: run.loops, timeMs: performance.now() - t0, skipped: run.skipped },
  };
  if (options?.fix && current !== text) result.output = current;
  return result;
}
