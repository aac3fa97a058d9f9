// The shape of a rule, after ESLint / typescript-eslint: id, metadata, message templates, check().
import ts from '../server/src/typescript';
import type { FileModel } from '../server/src/analysis/model';
import type { TextEdit } from '../server/src/report';

export type FixSafety = 'safe' | 'suggestion' | 'none';

export interface RuleMeta {
  type: 'problem' | 'suggestion';
  defaultSeverity: 'error' | 'warning';
  /** The strongest kind of fix this rule offers; the doc's "Fix safety" section says why. */
  fix: FixSafety;
  docs: { description: string };
  /** Message templates with `{{placeholders}}`; reports and fix titles refer to them by id. */
  messages: Record<string, string>;
}

export type Data = Record<string, string | number>;

export interface FixDescriptor {
  messageId: string;
  data?: Data;
  edits: TextEdit[];
}

export interface ReportDescriptor {
  node?: ts.Node;
  /** Explicit range, when not a node's. */
  start?: number;
  end?: number;
  messageId: string;
  data?: Data;
  /** A safe fix: keeps behaviour apart from the bug; may run in fix-all and on save. */
  fix?: FixDescriptor;
  /** Suggestions, offered one at a time; the first is the preferred one unless `fix` exists. */
  suggest?: FixDescriptor[];
  related?: { node: ts.Node; messageId: string; data?: Data }[];
}

export interface RuleContext {
  readonly model: FileModel;
  readonly sf: ts.SourceFile;
  readonly text: string;
  report(d: ReportDescriptor): void;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Replaces `{{name}}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(template: string, data: Data = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

// ---- Edit helpers shared by rules ----

export function nodeText(ctx: RuleContext, node: ts.Node): string {
  return ctx.text.slice(node.getStart(ctx.sf), node.end);
}

export function replaceNode(ctx: RuleContext, node: ts.Node, text: string): TextEdit {
  return { start: node.getStart(ctx.sf), end: node.end, text };
}

export function insertAt(pos: number, text: string): TextEdit {
  return { start: pos, end: pos, text };
}

/** The line break the file uses (fixes keep CRLF files CRLF). */
export function eol(ctx: RuleContext): string {
  return ctx.text.includes('\r\n') ? '\r\n' : '\n';
}
