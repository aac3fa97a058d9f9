// `--format json`: ESLint's JSON formatter schema, so tools that read ESLint output read ours.
// One object per linted file: filePath (absolute), messages, suppressedMessages, the counts,
// `source` (when there are messages and no fix was written) or `output` (the text --fix wrote),
// usedDeprecatedRules. Messages carry ESLint's fields only: ruleId, severity (1 warning, 2 error),
// message, line, column, endLine, endColumn (1-based, UTF-16 columns), messageId, fix and
// suggestions; a ruleId-null message is a parse problem (the file was linted as far as it parses)
// and, when it is an error, is marked `fatal` as ESLint marks parsing errors.

import type { LintMessage } from '../../report';
import type { FileReport } from '../types';

export interface EslintJsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }>;
}

export function toEslintMessage(m: LintMessage): EslintJsonMessage {
  const out: EslintJsonMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.ruleId === null && m.severity === 2) out.fatal = true;
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.suggestions && m.suggestions.length > 0) {
    out.suggestions = m.suggestions.map((s) => {
      const sug: { desc: string; messageId?: string; fix: { range: [number, number]; text: string } } = {
        desc: s.desc,
        fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text },
      };
      if (s.messageId !== undefined) sug.messageId = s.messageId;
      return sug;
    });
  }
  return out;
}

export function formatJson(reports: readonly FileReport[]): string {
  const parts: string[] = [];
  for (const r of reports) {
    const obj: Record<string, unknown> = {
      filePath: r.filePath,
      messages: r.messages.map(toEslintMessage),
      suppressedMessages: [],
      errorCount: r.errorCount,
      fatalErrorCount: r.messages.filter((m) => m.ruleId === null && m.severity === 2).length,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
    };
    if (r.output !== undefined) obj.output = r.output;
    else if (r.source !== undefined && r.messages.length > 0) obj.source = r.source;
    obj.usedDeprecatedRules = [];
    parts.push(JSON.stringify(obj));
  }
  // Built piecewise so that a large run does not need one giant intermediate object graph.
  return '[' + parts.join(',') + ']';
}
