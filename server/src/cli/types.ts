// What one linted file contributes to a CLI run, after --quiet filtering.

import type { LintResult } from '../report';

/** The engine's result for one file (filePath absolute), without its timing stats. */
export interface FileReport extends Omit<LintResult, 'stats' | 'output'> {
  /** The text that was linted (BOM removed), kept when there are messages and no fix was written. */
  source?: string;
  /** The text written by --fix. */
  output?: string;
}

/** A problem with the run itself (not a lint finding): unreadable file, fix not written, bad config. */
export interface RunProblem {
  filePath?: string;
  message: string;
}

export function recount(report: FileReport): FileReport {
  let e = 0;
  let w = 0;
  let fe = 0;
  let fw = 0;
  for (const m of report.messages) {
    if (m.severity === 2) {
      e++;
      if (m.fix) fe++;
    } else {
      w++;
      if (m.fix) fw++;
    }
  }
  report.errorCount = e;
  report.warningCount = w;
  report.fixableErrorCount = fe;
  report.fixableWarningCount = fw;
  return report;
}
