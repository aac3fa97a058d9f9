// The one place where engine reports become LSP types: LintMessage -> Diagnostic (with everything
// its code actions need in `data`), and Diagnostic/LintMessage -> CodeAction. Nothing here runs the
// engine; code actions are built from diagnostic data or from the last result for the same version.
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  Command,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Range,
  TextDocumentEdit,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintMessage, TextEdit } from '../report';
import { disableFileEdit, disableLineEdit } from './comments';
import { pathToUri } from './uri';

export const SOURCE = 'rnnlint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.rnnlint`;
export const SHOW_DOCUMENTATION_COMMAND = 'rnnlint.showDocumentation';

/** What a diagnostic carries so that its code actions need no re-analysis. */
export interface DiagnosticData {
  ruleId: string;
  /** Version of the document the ranges below belong to. */
  version: number;
  fix?: { title: string; edits: LspTextEdit[] };
  suggestions?: { title: string; edits: LspTextEdit[]; isPreferred?: boolean }[];
  docsUrl?: string;
}

/** A lint result for one document version: what fix-all and source.fixAll work from. */
export interface VersionedMessages {
  version: number;
  messages: LintMessage[];
}

/** Where the bundled rule docs live (dist/rules/<id>.md next to dist/server.js). */
export function bundledDocPath(ruleId: string): string {
  return path.join(__dirname, 'rules', `${ruleId}.md`);
}

export function docsHref(msg: Pick<LintMessage, 'ruleId' | 'docsUrl'>): string | undefined {
  if (msg.docsUrl) return msg.docsUrl;
  return msg.ruleId ? pathToUri(bundledDocPath(msg.ruleId)) : undefined;
}

function range(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) };
}

function lspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => LspTextEdit.replace(range(doc, e.start, e.end), e.text));
}

/** The safe fix's edits (fixEdits, or ESLint's single-range `fix`). */
function fixEditsOf(m: LintMessage): TextEdit[] | undefined {
  if (m.fixEdits && m.fixEdits.length > 0) return m.fixEdits;
  if (m.fix) return [{ start: m.fix.range[0], end: m.fix.range[1], text: m.fix.text }];
  return undefined;
}

/** Diagnostics for a lint result. Parse notices (ruleId null) are left to the TypeScript server. */
export function toDiagnostics(messages: readonly LintMessage[], doc: TextDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of messages) {
    if (!m.ruleId) continue;
    const d: Diagnostic = {
      range: range(doc, m.start, m.end),
      severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      code: m.ruleId,
      message: m.message,
    };
    const href = docsHref(m);
    if (href) d.codeDescription = { href };
    if (m.related && m.related.length > 0) {
      d.relatedInformation = m.related.map((r) =>
        DiagnosticRelatedInformation.create({ uri: doc.uri, range: range(doc, r.start, r.end) }, r.message),
      );
    }
    const data: DiagnosticData = { ruleId: m.ruleId, version: doc.version };
    const fix = fixEditsOf(m);
    if (fix) data.fix = { title: m.fixTitle ?? `Fix this ${m.ruleId} problem`, edits: lspEdits(doc, fix) };
    if (m.suggestions && m.suggestions.length > 0) {
      data.suggestions = m.suggestions.map((s) => ({
        title: s.desc,
        edits: lspEdits(doc, s.edits && s.edits.length > 0 ? s.edits : [{ start: s.fix.range[0], end: s.fix.range[1], text: s.fix.text }]),
        isPreferred: s.isPreferred,
      }));
    }
    if (m.docsUrl) data.docsUrl = m.docsUrl;
    d.data = data;
    out.push(d);
  }
  return out;
}

function isData(v: unknown): v is DiagnosticData {
  return !!v && typeof v === 'object' && typeof (v as DiagnosticData).ruleId === 'string' && typeof (v as DiagnosticData).version === 'number';
}

export interface EditOptions {
  /** The client accepts versioned `documentChanges` (the edit is refused if the document moved on). */
  documentChanges: boolean;
}

function workspaceEdit(doc: TextDocument, edits: LspTextEdit[], version: number, opts: EditOptions): WorkspaceEdit {
  if (opts.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version }, edits)] };
  }
  return { changes: { [doc.uri]: edits } };
}

/**
 * Every safe fix of `messages` (optionally of one rule) that does not overlap an earlier one, as
 * offset edits sorted by position. One pass, like one ESLint fix pass.
 */
export function collectSafeFixes(messages: readonly LintMessage[], ruleId?: string): { edits: TextEdit[]; count: number } {
  const fixes = messages
    .filter((m) => m.ruleId && (!ruleId || m.ruleId === ruleId))
    .map((m) => fixEditsOf(m))
    .filter((e): e is TextEdit[] => !!e)
    .map((edits) => ({ edits, start: Math.min(...edits.map((e) => e.start)), end: Math.max(...edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  let count = 0;
  for (const f of fixes) {
    if (f.start < lastEnd) continue; // overlapping: left for the next pass, as lintText({fix}) does
    edits.push(...f.edits);
    lastEnd = f.end;
    count++;
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits, count };
}

/** `source.fixAll.rnnlint`, or "fix all <rule> problems" when ruleId is given. */
export function fixAllAction(
  doc: TextDocument,
  result: VersionedMessages,
  opts: EditOptions,
  ruleId?: string,
): CodeAction | undefined {
  if (result.version !== doc.version) return undefined;
  const { edits, count } = collectSafeFixes(result.messages, ruleId);
  if (count === 0) return undefined;
  const title = ruleId ? `Fix all ${ruleId} problems in this file` : 'Fix all auto-fixable RNNLint problems';
  const action = CodeAction.create(title, workspaceEdit(doc, lspEdits(doc, edits), result.version, opts), ruleId ? CodeActionKind.QuickFix : FIX_ALL_KIND);
  return action;
}

export function showDocumentationCommand(ruleId: string, docsUrl?: string): Command {
  return Command.create(`Show documentation for ${ruleId}`, SHOW_DOCUMENTATION_COMMAND, ruleId, docsUrl);
}

/**
 * Quick fixes for the diagnostics in a code action request: each diagnostic's fix (preferred) and
 * suggestions from its data, then per rule: fix all in the file, disable for the line, disable for
 * the file, show documentation. `last` is the last result for the document (for fix-all counts).
 */
export function quickFixes(
  doc: TextDocument,
  diagnostics: readonly Diagnostic[],
  last: VersionedMessages | undefined,
  opts: EditOptions,
): CodeAction[] {
  const fixes: CodeAction[] = [];
  const perRule: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => (seen.has(key) ? false : (seen.add(key), true));
  const text = doc.getText();

  for (const d of diagnostics) {
    if (d.source !== SOURCE || !isData(d.data)) continue;
    const data = d.data;
    const current = data.version === doc.version;
    if (current && data.fix) {
      const a = CodeAction.create(data.fix.title, workspaceEdit(doc, data.fix.edits, data.version, opts), CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.isPreferred = true;
      fixes.push(a);
    }
    if (current && data.suggestions) {
      for (const s of data.suggestions) {
        const a = CodeAction.create(s.title, workspaceEdit(doc, s.edits, data.version, opts), CodeActionKind.QuickFix);
        a.diagnostics = [d];
        if (!data.fix && s.isPreferred) a.isPreferred = true;
        fixes.push(a);
      }
    }
    const rule = data.ruleId;
    if (last && last.version === doc.version && once(`fixall:${rule}`)) {
      const fixable = last.messages.filter((m) => m.ruleId === rule && fixEditsOf(m)).length;
      if (fixable > 1) {
        const a = fixAllAction(doc, last, opts, rule);
        if (a) perRule.push(a);
      }
    }
    const line = d.range.start.line;
    if (once(`line:${rule}:${line}`)) {
      const e = disableLineEdit(text, line, rule);
      if (e) {
        const a = CodeAction.create(`Disable ${rule} for this line`, workspaceEdit(doc, lspEdits(doc, [e]), doc.version, opts), CodeActionKind.QuickFix);
        a.diagnostics = [d];
        perRule.push(a);
      }
    }
    if (once(`file:${rule}`)) {
      const e = disableFileEdit(text, rule);
      if (e) {
        const a = CodeAction.create(`Disable ${rule} for the entire file`, workspaceEdit(doc, lspEdits(doc, [e]), doc.version, opts), CodeActionKind.QuickFix);
        a.diagnostics = [d];
        perRule.push(a);
      }
    }
    if (once(`docs:${rule}`)) {
      const cmd = showDocumentationCommand(rule, data.docsUrl);
      const a = CodeAction.create(cmd.title, cmd, CodeActionKind.QuickFix);
      a.diagnostics = [d];
      perRule.push(a);
    }
  }
  // Fixes first (VS Code keeps the order within a kind), then the per-rule actions grouped by kind.
  return [...fixes, ...sortPerRule(perRule)];
}

function sortPerRule(actions: CodeAction[]): CodeAction[] {
  const rank = (a: CodeAction): number =>
    a.title.startsWith('Fix all') ? 0 : a.title.endsWith('this line') ? 1 : a.title.endsWith('entire file') ? 2 : 3;
  return actions.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map((x) => x.a);
}

/** Does a `context.only` filter ask for kind `kind`? */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}
