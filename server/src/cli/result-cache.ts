// `rnnlint --cache`: lint results kept between runs, so that a rerun only lints the files that
// changed (ESLint's --cache, for the same pre-commit and CI uses). One JSON file, ./.rnnlintcache
// by default, holds per absolute path the stamp of the text that was linted, the rule levels it was
// linted with, and its report. A stored report is reused only when all of these still hold:
//   - the same engine: rnnlint's version and the size and mtime of the bundle that is running (an
//     upgraded or rebuilt engine starts from an empty cache), and the same strategy;
//   - the same rule levels for the file (config files and --rule);
//   - the file is unchanged: same size and mtime ('metadata', the default), or same size and SHA-1
//     of its bytes ('content', for CI, where a fresh checkout gives every file a new mtime);
//   - with --fix: the stored report has nothing fixable (those files are linted, and fixed, again).
// Stamps describe the bytes that were linted: lintFile takes the stat before reading (a write after
// the stat gives the file a newer mtime, so the next run lints it again), and the stat of the
// written file after a fix. Files whose run had a problem (unreadable, fix not written, internal
// error) are not stored, so the next run tries them again.
// A missing, corrupt or foreign cache file is an empty cache. A cache that cannot be written costs
// a warning, never a lint result.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import type { RuleLevel } from '../report';
import type { FileReport } from './types';

export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];
export const DEFAULT_CACHE_FILE = '.rnnlintcache';
const FORMAT = 1;

/** What identifies the linted bytes of a file. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the bytes, with the 'content' strategy only. */
  sha1?: string;
}

/** A report as stored: the path is the entry's key, and the text is not kept. */
type StoredReport = Omit<FileReport, 'filePath' | 'source' | 'output'>;

interface Entry {
  stamp: FileStamp;
  /** Rule levels the file was linted with (configKey). */
  config: string;
  report: StoredReport;
}

interface CacheFile {
  rnnlintCache: number;
  engine: string;
  files: Record<string, Entry>;
}

export function hashBytes(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The stamp of bytes read after a stat of the same file, or undefined when the two disagree (the file was being written). */
export function stampOf(st: fs.Stats, bytes: Buffer, strategy: CacheStrategy): FileStamp | undefined {
  if (st.size !== bytes.length) return undefined;
  return strategy === 'content' ? { size: st.size, mtimeMs: st.mtimeMs, sha1: hashBytes(bytes) } : { size: st.size, mtimeMs: st.mtimeMs };
}

/** A canonical text for a file's rule levels (key order does not matter). */
export function configKey(rules: Record<string, RuleLevel>): string {
  return JSON.stringify(Object.keys(rules).sort().map((k) => [k, rules[k]]));
}

/**
 * Where the cache lives: `location` as given (relative to cwd), or `.rnnlintcache` inside it when
 * it names a folder (an existing one, or a path ending in a separator), or ./.rnnlintcache.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  if (!isDir) {
    try {
      isDir = fs.statSync(abs).isDirectory();
    } catch {
      /* a file to be created */
    }
  }
  return isDir ? path.join(abs, DEFAULT_CACHE_FILE) : abs;
}

/** Size and mtime of the running bundle: a rebuilt engine must not reuse old results. */
function engineStamp(strategy: CacheStrategy): string {
  let bundle = '';
  try {
    const st = fs.statSync(__filename);
    bundle = `${st.size}:${st.mtimeMs}`;
  } catch {
    /* running from source: the version has to do */
  }
  return `${version}|${bundle}|${strategy}`;
}

export class ResultCache {
  private readonly files: Record<string, Entry>;
  private readonly visited = new Set<string>();
  private readonly engine: string;

  private constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
    engine?: string,
  ) {
    this.engine = engine ?? engineStamp(strategy);
    this.files = Object.create(null) as Record<string, Entry>;
    let data: Partial<CacheFile> | undefined;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    } catch {
      return; // first run, or not a cache we wrote: start empty
    }
    if (data?.rnnlintCache !== FORMAT || data.engine !== this.engine || typeof data.files !== 'object' || data.files === null) return;
    for (const [k, e] of Object.entries(data.files)) {
      if (e && typeof e === 'object' && e.stamp && typeof e.config === 'string' && e.report && Array.isArray(e.report.messages)) this.files[k] = e;
    }
  }

  /** Opens (reads) the cache file; `engine` overrides the engine identity (tests). */
  static open(file: string, strategy: CacheStrategy, engine?: string): ResultCache {
    return new ResultCache(file, strategy, engine);
  }

  /**
   * The stored report for `filePath` when it may be reused, with `source` filled in when
   * `keepSource` asks for it (the json format prints the text of files with messages).
   */
  lookup(filePath: string, config: string, fix: boolean, keepSource: boolean): FileReport | undefined {
    const e = this.files[filePath];
    if (!e || e.config !== config) return undefined;
    if (fix && e.report.fixableErrorCount + e.report.fixableWarningCount > 0) return undefined;
    let st: fs.Stats;
    try {
      st = fs.statSync(filePath);
    } catch {
      return undefined;
    }
    if (st.size !== e.stamp.size) return undefined;
    let bytes: Buffer | undefined;
    if (this.strategy === 'content') {
      try {
        bytes = fs.readFileSync(filePath);
      } catch {
        return undefined;
      }
      if (e.stamp.sha1 === undefined || hashBytes(bytes) !== e.stamp.sha1) return undefined;
    } else if (st.mtimeMs !== e.stamp.mtimeMs) {
      return undefined;
    }
    const report: FileReport = { ...e.report, filePath };
    if (keepSource && report.messages.length > 0) {
      try {
        bytes ??= fs.readFileSync(filePath);
      } catch {
        return undefined;
      }
      let text = bytes.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      report.source = text;
    }
    this.visited.add(filePath);
    return report;
  }

  /** Records the report of a file linted in this run, for the stamp of the bytes that were linted. */
  store(filePath: string, config: string, stamp: FileStamp, report: FileReport): void {
    const { filePath: _path, source: _source, output: _output, ...stored } = report;
    this.files[filePath] = { stamp, config, report: stored };
    this.visited.add(filePath);
  }

  /** Forgets a file (it was linted in this run but its result cannot be stored). */
  forget(filePath: string): void {
    delete this.files[filePath];
    this.visited.add(filePath);
  }

  /**
   * Writes the cache: entries of this run, and earlier entries of files that still exist (a run
   * over one folder keeps another folder's results). Returns an error message, or undefined.
   */
  save(): string | undefined {
    const files: Record<string, Entry> = {};
    for (const [k, e] of Object.entries(this.files)) {
      if (this.visited.has(k) || fs.existsSync(k)) files[k] = e;
    }
    const data: CacheFile = { rnnlintCache: FORMAT, engine: this.engine, files };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* never written */
      }
      return `cannot write the cache file ${this.file}: ${(e as Error).message}`;
    }
  }
}
