// The human format, laid out like ESLint's `stylish`: the file path, then one line per message
// (`line:column  severity  message  rule-id`, columns aligned), then a summary with counts and how
// many are fixable with --fix. Nothing at all is printed for a clean run.

import type { Colors } from '../color';
import type { FileReport } from '../types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatStylish(reports: readonly FileReport[], c: Colors): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of reports) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;

    const rows = r.messages.map((m) => ({
      line: String(m.line || 0),
      col: String(m.column || 0),
      sev: m.severity === 2 ? 'error' : 'warning',
      // ESLint drops a single trailing period.
      text: m.message.replace(/([^ ])\.$/u, '$1').replace(/\r?\n/g, ' '),
      rule: m.ruleId ?? '',
    }));
    const wLine = Math.max(...rows.map((x) => x.line.length));
    const wCol = Math.max(...rows.map((x) => x.col.length));
    const wSev = Math.max(...rows.map((x) => x.sev.length));
    const wText = Math.max(...rows.map((x) => x.text.length));
    out += `\n${c.underline(r.filePath)}\n`;
    for (const x of rows) {
      const pos = c.dim(`${x.line.padStart(wLine)}:${x.col.padEnd(wCol)}`);
      const sevText = x.sev === 'error' ? c.red(x.sev) : c.yellow(x.sev);
      const sevPad = ' '.repeat(wSev - x.sev.length);
      const line = x.rule
        ? `  ${pos}  ${sevText}${sevPad}  ${x.text.padEnd(wText)}  ${c.dim(x.rule)}`
        : `  ${pos}  ${sevText}${sevPad}  ${x.text}`;
      out += line.trimEnd() + '\n';
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const paint = (s: string) => c.bold(errors > 0 ? c.red(s) : c.yellow(s));
  out += '\n' + paint(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`) + '\n';
  if (fixableErrors > 0 || fixableWarnings > 0) {
    out +=
      paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`) +
      '\n';
  }
  return out + '\n';
}
