// The engine's output shapes. One set of types for the CLI, the API, the server and the tests.
// Messages follow ESLint's JSON formatter schema (1-based lines/columns, `fix` as one range edit)
// plus offsets and extras that editors need (related locations, all edits of a fix, the doc link).

export type RuleLevel = 'off' | 'warn' | 'error';
/** ESLint's numeric severities: 1 warning, 2 error. */
export type Severity = 1 | 2;

/** A replacement of [start, end) in the original text (UTF-16 offsets). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** ESLint's fix shape: one edit covering every change of the fix. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  messageId: string;
  fix: EslintFix;
  /** The same change as separate, minimal edits (what an editor should apply). */
  edits: TextEdit[];
  /** Marked preferred: the fix an editor offers first. */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintMessage {
  /** null for a parse problem (the file is still linted as far as it parses). */
  ruleId: string | null;
  messageId?: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based UTF-16 offsets of the reported range. */
  start: number;
  end: number;
  /** A safe fix (applied by --fix / fix-all / on save). */
  fix?: EslintFix;
  /** The safe fix's separate edits and title. */
  fixEdits?: TextEdit[];
  fixTitle?: string;
  suggestions?: Suggestion[];
  related?: RelatedLocation[];
  /** Link to the rule's documentation. */
  docsUrl?: string;
}

export interface LintStats {
  /** Steps (cells, forward methods, step functions) the model found. */
  cells: number;
  loops: number;
  /** Milliseconds spent in lintText. */
  timeMs: number;
  /** True when the early bail-out skipped analysis (no tfjs and no step-shaped code). */
  skipped: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Present when options.fix was set and fixes changed the text. */
  output?: string;
  stats: LintStats;
}

export interface LintOptions {
  /** Severity overrides by rule id; rules not listed use their default. */
  rules?: Record<string, RuleLevel>;
  /** Apply safe fixes and return the fixed text in `output`. */
  fix?: boolean;
}
