// File discovery for `rnnlint [paths...]`: files as named, folders searched recursively for the
// JavaScript/TypeScript extensions, skipping dependency and build-output folders. Results are
// absolute, de-duplicated and sorted within each folder so that output is deterministic.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const LINTABLE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Folder names never entered while searching (a folder named explicitly is still searched). */
export const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components']);

export interface Discovery {
  files: string[];
  /** One line each: a path that does not exist, a folder that cannot be read, a non-source file. */
  errors: string[];
}

export function isDeclarationFile(name: string): boolean {
  return /\.d\.[cm]?ts$/i.test(name) || /\.d\.[^./\\]+\.[cm]?ts$/i.test(name);
}

export function isLintableName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return LINTABLE_EXTENSIONS.includes(ext);
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
  // Keyed by real path: a file reached twice (a symbolic link to it, overlapping arguments) is
  // linted once, so that --fix never writes one file from two places at once.
  const seen = new Set<string>();
  let matched = 0;
  const add = (f: string, real: string) => {
    matched++;
    if (!seen.has(real)) {
      seen.add(real);
      files.push(f);
    }
  };
  const realOr = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };

  const defaultAccept = (full: string) => isLintableName(full) && !isDeclarationFile(full);
  const walk = (dir: string, realDir: string, visited: Set<string>, accept: (full: string) => boolean = defaultAccept) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`cannot read folder ${dir}: ${errText(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const ent of entries) {
      const full = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        // Follow links to files; links to folders are followed once (cycles are cut by realpath).
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link: nothing to lint
        }
      }
      if (isDir) {
        if (ent.name.startsWith('.') || SKIPPED_DIRS.has(ent.name)) continue;
        subdirs.push(full);
      } else if (isFile && accept(full)) {
        add(full, ent.isSymbolicLink() ? realOr(full) : path.join(realDir, ent.name));
      }
    }
    for (const sub of subdirs) {
      let real: string;
      try {
        real = fs.realpathSync(sub);
      } catch (e) {
        errors.push(`cannot read folder ${sub}: ${errText(e)}`);
        continue;
      }
      if (visited.has(real)) continue;
      visited.add(real);
      walk(sub, real, visited, accept);
    }
  };

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      if (isGlob(p)) {
        // A quoted pattern (the shell did not expand it, e.g. on Windows or in CI config).
        const { base, regex } = globToRegExp(p, cwd);
        const before = matched;
        const errorsBefore = errors.length;
        const wantsDeclarations = /\.d\.|\.d\*/.test(p);
        if (fs.existsSync(base)) {
          const realBase = realOr(base);
          walk(base, realBase, new Set([realBase]), (full) => {
            if (!isLintableName(full) || (!wantsDeclarations && isDeclarationFile(full))) return false;
            return regex.test(path.relative(base, full).split(path.sep).join('/'));
          });
        }
        if (matched === before && errors.length === errorsBefore) errors.push(`no files match ${p}`);
        continue;
      }
      const code = (e as NodeJS.ErrnoException).code;
      errors.push(code === 'ENOENT' ? `no such file or folder: ${p}` : `cannot read ${p}: ${errText(e)}`);
      continue;
    }
    if (st.isDirectory()) {
      const real = realOr(abs);
      const before = matched;
      const errorsBefore = errors.length;
      walk(abs, real, new Set([real]));
      if (matched === before && errors.length === errorsBefore) {
        errors.push(`no JavaScript or TypeScript files found in ${p}`);
      }
    } else if (isLintableName(abs)) {
      add(abs, realOr(abs)); // named explicitly: linted even if it is a .d.ts
    } else {
      errors.push(`not a JavaScript or TypeScript file: ${p} (expected ${LINTABLE_EXTENSIONS.join(' ')})`);
    }
  }
  return { files, errors };
}

export function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

/**
 * A glob (`src/**\/*.ts`, `cells/{gru,lstm}.ts`, `a?.js`) as the folder to search from (its part
 * before the first wildcard) and a regular expression for paths relative to that folder, with `/`.
 */
export function globToRegExp(pattern: string, cwd: string): { base: string; regex: RegExp } {
  const parts = pattern.split(/[\\/]/);
  const first = parts.findIndex((seg) => isGlob(seg));
  const baseParts = parts.slice(0, first);
  const base = path.resolve(cwd, baseParts.join('/') || (pattern.startsWith('/') ? '/' : '.'));
  const rest = parts.slice(first).join('/');
  let re = '';
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '*') {
      if (rest[i + 1] === '*') {
        const slash = rest[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const close = rest.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + rest.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
        i = close;
      }
    } else if (ch === '[') {
      const close = rest.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += '[' + rest.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += escapeRe(ch);
  }
  return { base, regex: new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '') };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code) {
    const reason: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'is a folder',
      ENOTDIR: 'not a folder',
      EMFILE: 'too many open files',
    };
    return reason[err.code] ? `${reason[err.code]} (${err.code})` : String(err.message ?? err.code);
  }
  return String((e as Error)?.message ?? e);
}
