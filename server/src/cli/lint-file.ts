// One file, start to finish: read, lint, (with --fix) write the safe fixes atomically. Used by the main thread and by every pool worker, so both behave identically.

import * as fs from 'node:fs';
import { lintText } from '../lint';
import type { LintMessage, LintResult, RuleLevel } from '../report';
import { encodeOutput, keepLineEndings, readSource, writeFixedFile, type WriteHooks } from './fix-writer';
import { errText } from './files';
import { stampOf, type CacheStrategy, type FileStamp } from './result-cache';
import { type FileReport, type RunProblem } from './types';

export interface LintFileOptions {
  fix: boolean;
  /** Keep the linted text in the report (the json format prints it as `source`). */
  keepSource: boolean;
  /** With --cache: stamp the linted bytes for the result cache, by this strategy. */
  cache?: CacheStrategy;
}

export interface FileOutcome {
  report?: FileReport;
  problems: RunProblem[];
  /** With --cache: what the report describes (the bytes linted, or written by --fix). */
  stamp?: FileStamp;
}

export function lintFile(
  filePath: string,
  rules: Record<string, RuleLevel>,
  opts: LintFileOptions,
  hooks?: WriteHooks,
): FileOutcome {
  let src;
  let before: fs.Stats | undefined;
  try {
    // Stat first: a write between the stat and the read leaves a newer mtime than the stamp.
    if (opts.cache) before = fs.statSync(filePath);
    src = readSource(filePath, opts.fix);
  } catch (e) {
    return { problems: [{ filePath, message: `cannot read ${filePath}: ${errText(e)}` }] };
  }
  const problems: RunProblem[] = [];
  try {
    let text = src.text;
    let result = lintText(text, filePath, { rules, fix: opts.fix });
    let output: string | undefined;
    let stamp = before && opts.cache ? stampOf(before, src.bytes, opts.cache) : undefined;
    if (opts.fix && result.output !== undefined && result.output !== text && result.messages.some(isParseProblem)) {
      // A file that does not parse is only partly understood: its fixes are not written. (The
      // messages describe the fixed text, so this also catches a fix that broke the syntax.)
      problems.push({ filePath, message: `${filePath} has syntax errors; fixes not written (fix the syntax, then run rnnlint --fix again)` });
      result = lintText(text, filePath, { rules });
    } else if (opts.fix && result.output !== undefined && result.output !== text) {
      const fixed = keepLineEndings(text, result.output);
      const data = encodeOutput(text, fixed, src.bom);
      const written = writeFixedFile(filePath, src.snapshot, data, hooks);
      if (written.ok) {
        // lintText's messages already describe the fixed text (ESLint reports what is left, too).
        output = fixed;
        text = fixed;
        stamp = opts.cache ? stampOfWritten(filePath, data, opts.cache) : undefined;
        // Line endings were adjusted after the engine's last pass: positions must match the file.
        if (fixed !== result.output) result = lintText(text, filePath, { rules });
      } else {
        problems.push({ filePath, message: written.message });
        result = lintText(text, filePath, { rules });
      }
    }
    const report = toReport(filePath, result);
    if (output !== undefined) report.output = output;
    else if (opts.keepSource && report.messages.length > 0) report.source = text;
    return problems.length === 0 && stamp ? { report, problems, stamp } : { report, problems };
  } catch (e) {
    // An engine bug must cost one file, not the run.
    const err = e as Error;
    problems.push({
      filePath,
      message: `internal error while linting ${filePath}: ${err?.stack ?? String(e)}`,
    });
    return { problems };
  }
}

function stampOfWritten(filePath: string, written: Buffer, strategy: CacheStrategy): FileStamp | undefined {
  try {
    return stampOf(fs.statSync(filePath), written, strategy);
  } catch {
    return undefined;
  }
}

/** Lints text that is not read from disk (`--stdin`); `filePath` is what it stands for. */
export function lintSourceText(
  text: string,
  filePath: string,
  rules: Record<string, RuleLevel>,
  keepSource: boolean,
): FileOutcome {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const name = /\.[cm]?[jt]sx?$/i.test(filePath) ? filePath : `${filePath}.ts`;
  try {
    const result = lintText(text, name, { rules });
    const report = toReport(filePath, result);
    if (keepSource && report.messages.length > 0) report.source = text;
    return { report, problems: [] };
  } catch (e) {
    return { problems: [{ filePath, message: `internal error while linting ${filePath}: ${(e as Error)?.stack ?? String(e)}` }] };
  }
}

/** The engine's result as a CLI file report (timing stats and fixed text left out). */
function toReport(filePath: string, result: LintResult): FileReport {
  const { filePath: _linted, stats: _stats, output: _output, ...counts } = result;
  return { ...counts, filePath };
}

/** The engine's notice that the text has syntax errors (ruleId null, "Parsing error: ..."). */
export function isParseProblem(m: LintMessage): boolean {
  return m.ruleId === null && m.message.startsWith('Parsing error');
}
