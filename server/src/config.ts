// Project configuration, shared by the CLI and the language server. Pure: file system only.
//
// The configuration of a file is the nearest of, walking up from its folder:
//   rnnlint.config.json                     { "rules": { "stale-state": "warn" } }
//   package.json with an "rnnlint" key      { "rnnlint": { "rules": { ... } } }
// (rnnlint.config.json wins when a folder has both). The walk stops at the file-system root or after
// the first folder that contains `.git` (the repository root), so a config outside the project never
// applies. Levels are "off" | "warn" | "error", or ESLint's 0 | 1 | 2. Problems (invalid JSON, an
// unknown key, rule id or level) come back as messages in `errors`, never as exceptions; every valid
// entry is still used. Parsed files are cached by path, keyed by mtime and size.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleLevel } from './report';
import { rules as registry } from '../../rules/index';

export const CONFIG_FILE_NAME = 'rnnlint.config.json';

export interface ProjectConfig {
  rules: Record<string, RuleLevel>;
  /** The file the settings came from; absent when none was found. */
  configFile?: string;
  /** One readable message per problem, each naming the file. */
  errors: string[];
}

let knownRuleIds: ReadonlySet<string> | undefined;
function ruleIds(): ReadonlySet<string> {
  knownRuleIds ??= new Set(registry.map((r) => r.id));
  return knownRuleIds;
}

function toLevel(value: unknown): RuleLevel | undefined {
  switch (value) {
    case 'off':
    case 0:
      return 'off';
    case 'warn':
    case 1:
      return 'warn';
    case 'error':
    case 2:
      return 'error';
    default:
      return undefined;
  }
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  /** undefined: a package.json without an "rnnlint" key (keep walking). */
  config: ProjectConfig | undefined;
}
const cache = new Map<string, CacheEntry>();
const CACHE_LIMIT = 500;

/** Forget cached files (e.g. when the language server is told a config changed). */
export function clearConfigCache(): void {
  cache.clear();
}

/** Validates the object found in a config file (the file itself or package.json's "rnnlint"). */
export function validateConfigObject(value: unknown, where: string): ProjectConfig {
  const out: ProjectConfig = { rules: {}, configFile: where, errors: [] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.errors.push(`${where}: the configuration must be an object like { "rules": { "stale-state": "warn" } }`);
    return out;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== '$schema') out.errors.push(`${where}: unknown key "${key}" (expected "rules")`);
  }
  const rules = obj.rules;
  if (rules === undefined) return out;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    out.errors.push(`${where}: "rules" must be an object mapping rule ids to "off", "warn" or "error"`);
    return out;
  }
  const known = ruleIds();
  for (const [id, raw] of Object.entries(rules as Record<string, unknown>)) {
    // ESLint's array form ["warn", options]: accept the level, there are no rule options.
    const levelValue = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    const level = toLevel(levelValue);
    if (!known.has(id)) {
      out.errors.push(`${where}: unknown rule "${id}" (known rules: ${[...known].sort().join(', ')})`);
      continue;
    }
    if (!level) {
      out.errors.push(`${where}: rule "${id}" has an invalid level ${JSON.stringify(raw)} (expected "off", "warn" or "error")`);
      continue;
    }
    out.rules[id] = level;
  }
  return out;
}

function parseFile(file: string, packageJson: boolean): ProjectConfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { rules: {}, configFile: file, errors: [`${file}: cannot be read (${(e as Error).message})`] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // A broken package.json is npm's problem, unless it is where the user put our settings.
    if (packageJson && !text.includes('"rnnlint"')) return undefined;
    return { rules: {}, configFile: file, errors: [`${file}: invalid JSON (${(e as Error).message})`] };
  }
  if (packageJson) {
    if (json === null || typeof json !== 'object' || !Object.prototype.hasOwnProperty.call(json, 'rnnlint')) return undefined;
    return validateConfigObject((json as Record<string, unknown>).rnnlint, `${file} ("rnnlint" key)`);
  }
  return validateConfigObject(json, file);
}

/** Reads one config file through the cache; undefined when the file does not exist or has no config. */
function readCached(file: string, packageJson: boolean): ProjectConfig | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    cache.delete(file);
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.config;
  const config = parseFile(file, packageJson);
  if (config) config.configFile = file;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, config });
  return config;
}

function copy(c: ProjectConfig): ProjectConfig {
  return { rules: { ...c.rules }, configFile: c.configFile, errors: [...c.errors] };
}

/**
 * The configuration that applies to files in `startDir` (pass a folder; a file path is also
 * accepted and its folder is used).
 */
export function loadProjectConfig(startDir: string): ProjectConfig {
  let dir = path.resolve(startDir);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir); // an unsaved or deleted file: start from where it would be
  }
  for (;;) {
    const own = readCached(path.join(dir, CONFIG_FILE_NAME), false);
    if (own) return copy(own);
    const pkg = readCached(path.join(dir, 'package.json'), true);
    if (pkg) return copy(pkg);
    if (fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { rules: {}, errors: [] };
}

/** Loads an explicitly named config file (`rnnlint --config FILE`). */
export function loadConfigFile(file: string): ProjectConfig {
  const abs = path.resolve(file);
  const isPackage = path.basename(abs) === 'package.json';
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return { rules: {}, configFile: abs, errors: [`${file}: config file not found`] };
  }
  if (!st.isFile()) return { rules: {}, configFile: abs, errors: [`${file}: not a file`] };
  const c = readCached(abs, isPackage);
  if (!c) return { rules: {}, configFile: abs, errors: [`${file}: package.json has no "rnnlint" key`] };
  return copy(c);
}
