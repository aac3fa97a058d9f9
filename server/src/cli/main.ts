// `rnnlint [options] [paths...]`: parse arguments, find files, resolve each folder's config,
// lint (in a worker pool when there are many files), print the report, choose the exit code:
//   0  no lint errors, warnings within --max-warnings
//   1  lint errors, or more warnings than --max-warnings
//   2  usage or configuration errors, files that could not be read or fixed (everything else is
//      still linted and reported)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules as registry } from '../../../rules/index';
import { loadConfigFile, loadProjectConfig } from '../config';
import type { RuleLevel } from '../report';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { makeColors, useColor } from './color';
import { discoverFiles } from './files';
import type { WriteHooks } from './fix-writer';
import { formatJson } from './formatters/json';
import { formatSarif, type SarifRuleInfo } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { lintSourceText, type FileOutcome } from './lint-file';
import { lintAll, workerCount, type LintJob } from './pool';
import { cacheFilePath, configKey, ResultCache } from './result-cache';
import { recount, type FileReport, type RunProblem } from './types';
import { version, repository } from '../../../package.json';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** The script a pool worker runs (the CLI bundle itself). */
  workerScript: string;
  /** Folder holding the shipped rule docs (dist/rules), for SARIF help text. */
  docsDir?: string;
  /** Reads all of stdin (for --stdin). */
  readStdin?: () => Promise<string>;
  /** Test hooks for the --fix writer (in-process runs only). */
  fixHooks?: WriteHooks;
}

const REPO_URL = (typeof repository === 'object' ? repository.url : String(repository)).replace(/\.git$/, '');

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`rnnlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }

  const known = new Set(registry.map((r) => r.id));
  const cliRules: Record<string, RuleLevel> = {};
  for (const r of opts.rules) {
    if (!known.has(r.id)) {
      io.stderr.write(`rnnlint: --rule ${r.id}: unknown rule (known rules: ${[...known].sort().join(', ')})\n`);
      return 2;
    }
    cliRules[r.id] = r.level;
  }

  const problems: RunProblem[] = [];
  const stdinPath = opts.stdin ? (opts.stdinFilename !== undefined ? path.resolve(io.cwd, opts.stdinFilename) : '<stdin>') : undefined;
  const discovery = opts.stdin ? { files: [], errors: [] } : discoverFiles(opts.paths, io.cwd);
  for (const message of discovery.errors) problems.push({ message });

  // Rule levels per file: --config FILE for all, else the nearest config of each folder; --rule on top.
  const configs: Array<Record<string, RuleLevel>> = [];
  const configKey = new Map<string, number>();
  const reportedConfigs = new Set<string>();
  const addConfig = (rules: Record<string, RuleLevel>, key: string): number => {
    let idx = configKey.get(key);
    if (idx === undefined) {
      idx = configs.length;
      configs.push({ ...rules, ...cliRules });
      configKey.set(key, idx);
    }
    return idx;
  };
  const noteErrors = (errors: string[], file: string | undefined) => {
    const key = file ?? '';
    if (errors.length === 0 || reportedConfigs.has(key)) return;
    reportedConfigs.add(key);
    for (const message of errors) problems.push({ filePath: file, message: `config: ${message}` });
  };
  const jobs: LintJob[] = [];
  if (opts.config !== undefined) {
    const c = loadConfigFile(path.resolve(io.cwd, opts.config));
    noteErrors(c.errors, c.configFile);
    const idx = addConfig(c.rules, c.configFile ?? '');
    for (const file of discovery.files) jobs.push({ file, config: idx });
  } else if (opts.noConfig) {
    const idx = addConfig({}, '');
    for (const file of discovery.files) jobs.push({ file, config: idx });
  } else {
    const byDir = new Map<string, number>();
    for (const file of discovery.files) {
      const dir = path.dirname(file);
      let idx = byDir.get(dir);
      if (idx === undefined) {
        const c = loadProjectConfig(dir);
        noteErrors(c.errors, c.configFile);
        idx = addConfig(c.rules, c.configFile ?? '');
        byDir.set(dir, idx);
      }
      jobs.push({ file, config: idx });
    }
  }

  let stdinOutcome: FileOutcome | undefined;
  if (stdinPath !== undefined) {
    let idx: number;
    if (opts.config !== undefined || opts.noConfig) idx = 0;
    else {
      const c = loadProjectConfig(stdinPath === '<stdin>' ? io.cwd : path.dirname(stdinPath));
      noteErrors(c.errors, c.configFile);
      idx = addConfig(c.rules, c.configFile ?? '');
    }
    const text = await (io.readStdin ?? readProcessStdin)();
    stdinOutcome = lintSourceText(text, stdinPath, configs[idx], opts.format === 'json');
  }

  const keepSource = opts.format === 'json';
  const cache = opts.cache ? ResultCache.open(cacheFilePath(opts.cacheLocation, io.cwd), opts.cacheStrategy) : undefined;
  const outcomes = await lintJobs(jobs, configs, opts, keepSource, cache, io);

  if (stdinOutcome) outcomes.push(stdinOutcome);
  const reports: FileReport[] = [];
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes) {
    problems.push(...o.problems);
    if (!o.report) continue;
    errors += o.report.errorCount;
    warnings += o.report.warningCount;
    if (opts.quiet) {
      o.report.messages = o.report.messages.filter((m) => m.severity === 2);
      recount(o.report);
    }
    reports.push(o.report);
  }

  let text: string;
  const toFile = opts.outputFile !== undefined;
  if (opts.format === 'json') {
    text = formatJson(reports) + '\n';
  } else if (opts.format === 'sarif') {
    text =
      JSON.stringify(
        formatSarif(reports, {
          cwd: io.cwd,
          toolVersion: version,
          informationUri: REPO_URL,
          rules: sarifRules(io.docsDir),
          problems,
        }),
        null,
        2,
      ) + '\n';
  } else {
    const colors = makeColors(useColor(opts.color, io.env, !toFile && !!io.stdout.isTTY));
    text = formatStylish(reports, colors);
  }

  // A cache that cannot be written costs the next run time, not this run's result: a warning only.
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr.write(`rnnlint: warning: ${cacheProblem}\n`);

  let exit = errors > 0 ? 1 : 0;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    exit = 1;
  }
  for (const p of problems) io.stderr.write(`rnnlint: ${p.message}\n`);
  if (problems.length > 0) exit = 2;

  if (toFile) {
    const out = path.resolve(io.cwd, opts.outputFile!);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    } catch (e) {
      io.stderr.write(`rnnlint: cannot write the report to ${opts.outputFile}: ${(e as Error).message}\n`);
      return 2;
    }
  } else if (text) {
    io.stdout.write(text);
  }
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    io.stderr.write(`rnnlint found too many warnings (maximum: ${opts.maxWarnings}, found: ${warnings}).\n`);
  }
  return exit;
}

/**
 * Lints the jobs (in a pool when there are enough), in discovery order. With a cache, files whose
 * stored result may be reused are not linted, and the results of the others are stored.
 */
async function lintJobs(
  jobs: LintJob[],
  configs: Array<Record<string, RuleLevel>>,
  opts: CliOptions,
  keepSource: boolean,
  cache: ResultCache | undefined,
  io: CliIO,
): Promise<FileOutcome[]> {
  const options = { fix: opts.fix, keepSource, cache: cache ? opts.cacheStrategy : undefined };
  const run = (todo: LintJob[]) => lintAll(todo, configs, options, workerCount(todo.length, opts.concurrency), io.workerScript, io.fixHooks, opts.concurrency === 'auto');
  if (!cache) return run(jobs);

  const keys = configs.map(configKey);
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const misses: number[] = [];
  jobs.forEach((job, i) => {
    const report = cache.lookup(job.file, keys[job.config], opts.fix, keepSource);
    if (report) outcomes[i] = { report, problems: [] };
    else misses.push(i);
  });
  const linted = await run(misses.map((i) => jobs[i]));
  misses.forEach((i, k) => {
    const o = linted[k];
    outcomes[i] = o;
    if (o.report && o.stamp) cache.store(jobs[i].file, keys[jobs[i].config], o.stamp, o.report);
    else cache.forget(jobs[i].file);
  });
  return outcomes;
}

function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function sarifRules(docsDir: string | undefined): SarifRuleInfo[] {
  return registry.map((r) => {
    let helpMarkdown: string | undefined;
    if (docsDir) {
      try {
        helpMarkdown = fs.readFileSync(path.join(docsDir, `${r.id}.md`), 'utf8');
      } catch {
        /* docs not shipped beside this bundle */
      }
    }
    return {
      id: r.id,
      description: r.meta.docs.description,
      defaultSeverity: r.meta.defaultSeverity,
      type: r.meta.type,
      fix: r.meta.fix,
      helpUri: `${REPO_URL}/blob/main/rules/${r.id}.md`,
      helpMarkdown,
    };
  });
}
