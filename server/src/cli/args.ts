// Command-line parsing for `rnnlint`. No dependency: the grammar is small and the errors must be
// ours (clear, one line, exit 2). Accepts `--opt value`, `--opt=value`, `-o value`, and `--` to end
// options. Validation of rule ids happens in the caller, which knows the registry.

import type { RuleLevel } from '../report';
import { CACHE_STRATEGIES, type CacheStrategy } from './result-cache';

export type FormatName = 'stylish' | 'json' | 'sarif';
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif'];

export interface CliOptions {
  paths: string[];
  format: FormatName;
  fix: boolean;
  /** -1 = no limit. */
  maxWarnings: number;
  /** In command-line order; later ones win. */
  rules: Array<{ id: string; level: RuleLevel }>;
  config?: string;
  noConfig: boolean;
  quiet: boolean;
  outputFile?: string;
  /** undefined = decide from the stream and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  /** 'auto' = a pool when there are enough files; 0 = lint in this thread only; n = n worker threads. */
  concurrency: 'auto' | number;
  /** Lint the text on stdin instead of files. */
  stdin: boolean;
  /** The path stdin's text stands for (extension, config lookup, report). */
  stdinFilename?: string;
  /** Reuse the results of unchanged files from the last run (result-cache.ts). */
  cache: boolean;
  /** The cache file, or a folder to put .rnnlintcache in (default ./.rnnlintcache). */
  cacheLocation?: string;
  cacheStrategy: CacheStrategy;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/** Parses a rule level: off|warn|error, or ESLint's 0|1|2. Returns undefined when invalid. */
export function parseLevel(value: unknown): RuleLevel | undefined {
  switch (value) {
    case 'off':
    case 0:
    case '0':
      return 'off';
    case 'warn':
    case 1:
    case '1':
      return 'warn';
    case 'error':
    case 2:
    case '2':
      return 'error';
    default:
      return undefined;
  }
}

const WITH_VALUE = new Set(['--format', '--max-warnings', '--rule', '--config', '--output-file', '--concurrency', '--stdin-filename', '--cache-location', '--cache-strategy']);
const SHORT: Record<string, string> = {
  '-f': '--format',
  '-c': '--config',
  '-o': '--output-file',
  '-h': '--help',
  '-v': '--version',
};
const FLAGS = new Set(['--fix', '--quiet', '--help', '--version', '--color', '--no-color', '--no-config', '--stdin', '--cache']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    paths: [],
    format: 'stylish',
    fix: false,
    maxWarnings: -1,
    rules: [],
    noConfig: false,
    quiet: false,
    concurrency: 'auto',
    stdin: false,
    cache: false,
    cacheStrategy: 'metadata',
    help: false,
    version: false,
  };
  let onlyPaths = false;
  let cacheStrategySet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '-' && !onlyPaths) throw new UsageError('to lint text from stdin, use --stdin (and --stdin-filename <path>)');
      opts.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let name = arg;
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      name = arg.slice(0, eq);
      value = arg.slice(eq + 1);
    }
    name = SHORT[name] ?? name;
    if (WITH_VALUE.has(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option ${name} needs a value`);
        value = argv[++i];
      }
      applyValue(opts, name, value);
      if (name === '--cache-strategy') cacheStrategySet = true;
    } else if (FLAGS.has(name)) {
      if (value !== undefined) throw new UsageError(`option ${name} takes no value`);
      switch (name) {
        case '--fix':
          opts.fix = true;
          break;
        case '--quiet':
          opts.quiet = true;
          break;
        case '--help':
          opts.help = true;
          break;
        case '--version':
          opts.version = true;
          break;
        case '--color':
          opts.color = true;
          break;
        case '--no-color':
          opts.color = false;
          break;
        case '--no-config':
          opts.noConfig = true;
          break;
        case '--stdin':
          opts.stdin = true;
          break;
        case '--cache':
          opts.cache = true;
          break;
      }
    } else {
      throw new UsageError(`unknown option ${arg} (see rnnlint --help)`);
    }
  }
  if (opts.config !== undefined && opts.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (opts.stdin) {
    if (opts.paths.length > 0) throw new UsageError('--stdin lints the text on stdin: do not name files or folders too');
    if (opts.fix) throw new UsageError('--fix cannot write to stdin; lint files to fix them');
  } else if (opts.stdinFilename !== undefined) {
    throw new UsageError('--stdin-filename needs --stdin');
  }
  if (!opts.cache && opts.cacheLocation !== undefined) throw new UsageError('--cache-location needs --cache');
  if (!opts.cache && cacheStrategySet) throw new UsageError('--cache-strategy needs --cache');
  if (opts.cache && opts.stdin) throw new UsageError('--cache keeps results of files; it does not apply to --stdin');
  if (opts.paths.length === 0 && !opts.stdin) opts.paths.push('.');
  return opts;
}

function applyValue(opts: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format': {
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`unknown format '${value}' (expected one of: ${FORMATS.join(', ')})`);
      }
      opts.format = value as FormatName;
      return;
    }
    case '--max-warnings': {
      if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--max-warnings expects a whole number, got '${value}'`);
      opts.maxWarnings = Number(value);
      return;
    }
    case '--rule': {
      // `id:level`; also tolerate `id=level` and spaces around the separator.
      const m = /^\s*([^:=\s]+)\s*[:=]\s*(\S+)\s*$/.exec(value);
      if (!m) throw new UsageError(`--rule expects id:level (e.g. stale-state:warn), got '${value}'`);
      const level = parseLevel(m[2]);
      if (!level) throw new UsageError(`--rule ${m[1]}: unknown level '${m[2]}' (expected off, warn or error)`);
      opts.rules.push({ id: m[1], level });
      return;
    }
    case '--config':
      if (value === '') throw new UsageError('--config needs a file name');
      opts.config = value;
      return;
    case '--stdin-filename':
      if (value === '') throw new UsageError('--stdin-filename needs a file name');
      opts.stdinFilename = value;
      return;
    case '--output-file':
      if (value === '') throw new UsageError('--output-file needs a file name');
      opts.outputFile = value;
      return;
    case '--cache-location':
      if (value === '') throw new UsageError('--cache-location needs a file or folder name');
      opts.cacheLocation = value;
      return;
    case '--cache-strategy':
      if (!(CACHE_STRATEGIES as readonly string[]).includes(value)) {
        throw new UsageError(`unknown cache strategy '${value}' (expected one of: ${CACHE_STRATEGIES.join(', ')})`);
      }
      opts.cacheStrategy = value as CacheStrategy;
      return;
    case '--concurrency': {
      if (value === 'auto') opts.concurrency = 'auto';
      else if (value === 'off') opts.concurrency = 0;
      else if (/^\d+$/.test(value)) opts.concurrency = Number(value);
      else throw new UsageError(`--concurrency expects auto, off or a number of worker threads, got '${value}'`);
      return;
    }
  }
}

export const HELP = `Usage: rnnlint [options] [paths...]
       rnnlint probe [options] <file> ...   (run a cell and print its hidden-state trace)

Finds hidden-state bugs in TensorFlow.js recurrent cells. Paths are files or folders (default: .).
Folders are searched for .ts .tsx .mts .cts .js .jsx .mjs .cjs files, skipping node_modules, dist,
build, out, coverage and dot-folders (.git ...). Declaration files (.d.ts) have no function bodies
and are skipped when searching folders; name one explicitly to lint it. Quoted globs
("src/**/*.ts", "cells/{gru,lstm}.ts") are expanded the same way.

Options:
  -f, --format <name>      stylish (default), json (ESLint's JSON format) or sarif (SARIF 2.1.0)
      --fix                apply safe fixes in place (atomic write; keeps line endings, BOM, mode)
      --max-warnings <n>   exit 1 when there are more than n warnings
      --rule <id:level>    set a rule's level: off, warn or error (repeatable; wins over config)
  -c, --config <file>      use this config file (rnnlint.config.json or a package.json) instead of
                           searching for one next to each file
      --no-config          ignore config files
      --quiet              report errors only
  -o, --output-file <file> write the report to a file instead of stdout
      --color, --no-color  force colours on or off (default: on for a terminal; NO_COLOR and
                           FORCE_COLOR are respected)
      --concurrency <n>    auto (default: with 3+ cores, a worker per core beyond two; the main
                           thread lints too),
                           off (one thread), or n worker threads that do all the linting
      --cache              only lint files that changed since the last --cache run; reuse the
                           other results (kept in .rnnlintcache; add it to .gitignore)
      --cache-location <p> the cache file, or a folder to keep .rnnlintcache in
      --cache-strategy <s> how a file counts as unchanged: metadata (default: same size and
                           modification time) or content (same bytes; for CI, where a fresh
                           checkout changes every modification time)
      --stdin              lint the text read from stdin (for editor integrations)
      --stdin-filename <f> the path that text stands for (extension, config, report)
  -h, --help               show this help
  -v, --version            show the version

Configuration: the nearest rnnlint.config.json, or package.json with an "rnnlint" key, found by
walking up from each file (stopping at a .git folder): { "rules": { "stale-state": "warn" } }.
Suppress one report with // rnnlint-disable-next-line <id> or // rnnlint-disable-line <id>, or a
whole file with /* rnnlint-disable <id> */ (no id: all rules).

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many warnings,
2 usage or configuration errors, files that could not be read or fixed.
`;
