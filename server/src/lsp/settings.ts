// One typed settings object, resolved per document (workspace/configuration with the document as
// scope), cached until the client says the configuration changed. Project config files
// (rnnlint.config.json / package.json#rnnlint) are read through server/src/config.ts and sit
// underneath the editor settings: `rnnlint.rules` wins over the project file, rule by rule.
import * as path from 'node:path';
import { uriToPath } from './uri';
import type { Connection } from 'vscode-languageserver';
import type { RuleLevel } from '../report';
import { clearConfigCache, loadProjectConfig } from '../config';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  /** Lint at all. */
  enable: boolean;
  /** Severity overrides from the editor settings, by rule id. */
  rules: Record<string, RuleLevel>;
  /** When push diagnostics are computed: while typing (debounced) or on save. */
  run: RunMode;
  /** Language ids that are linted. */
  validate: string[];
  /** Documents longer than this (UTF-16 code units) are not analysed. */
  maxFileSize: number;
}

export const DEFAULT_VALIDATE = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
export const DEFAULT_MAX_FILE_SIZE = 20_000_000;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  rules: {},
  run: 'onType',
  validate: DEFAULT_VALIDATE,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

const LEVELS: ReadonlySet<string> = new Set(['off', 'warn', 'error']);

/**
 * Turns whatever the client sent under `rnnlint` into a complete Settings object. Bad values fall
 * back to the defaults and are reported through `warn` (once per distinct problem by the caller).
 */
export function normalizeSettings(raw: unknown, warn: (msg: string) => void = () => {}): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {}, validate: [...DEFAULT_VALIDATE] };
  if (raw === null || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  else if (r.enable !== undefined) warn(`rnnlint.enable must be true or false, got ${JSON.stringify(r.enable)}`);
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  else if (r.run !== undefined) warn(`rnnlint.run must be "onType" or "onSave", got ${JSON.stringify(r.run)}`);
  if (Array.isArray(r.validate)) s.validate = r.validate.filter((v): v is string => typeof v === 'string');
  else if (r.validate !== undefined) warn('rnnlint.validate must be an array of language ids');
  if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) {
    s.maxFileSize = r.maxFileSize;
  } else if (r.maxFileSize !== undefined) warn('rnnlint.maxFileSize must be a positive number');
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      const l = normalizeLevel(level);
      if (l) s.rules[id] = l;
      else warn(`rnnlint.rules.${id}: "${String(level)}" is not one of off, warn, error`);
    }
  } else if (r.rules !== undefined) warn('rnnlint.rules must be an object mapping rule ids to off/warn/error');
  return s;
}

/** Accepts ESLint's spellings too: 0/1/2, "warning". */
function normalizeLevel(v: unknown): RuleLevel | undefined {
  if (typeof v === 'string' && LEVELS.has(v)) return v as RuleLevel;
  if (v === 'warning' || v === 1) return 'warn';
  if (v === 0) return 'off';
  if (v === 2) return 'error';
  return undefined;
}

export interface ProjectRules {
  rules: Record<string, RuleLevel>;
  configFile?: string;
}

/**
 * Resolves settings for one document. With the `workspace/configuration` capability the client is
 * asked per document (scopeUri); otherwise the last `didChangeConfiguration` payload is used.
 */
export class SettingsResolver {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly projectCache = new Map<string, ProjectRules>();
  private readonly warned = new Set<string>();
  private globalSettings: Settings = normalizeSettings(undefined);
  /** Bumped on every change; results computed under an older epoch are not published. */
  epoch = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions?: unknown,
  ) {
    const init = initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) this.globalSettings = normalizeSettings(init.settings, (m) => this.warnOnce(m));
  }

  /** didChangeConfiguration: forget everything; use the pushed payload when we cannot pull. */
  configurationChanged(pushed: unknown): void {
    this.epoch++;
    this.cache.clear();
    const section = (pushed as { rnnlint?: unknown } | null | undefined)?.rnnlint;
    if (!this.canPull && section !== undefined) {
      this.globalSettings = normalizeSettings(section, (m) => this.warnOnce(m));
    }
  }

  /** A watched project config file changed. */
  projectConfigChanged(): void {
    this.epoch++;
    this.projectCache.clear();
    clearConfigCache();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetch(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  private async fetch(uri: string): Promise<Settings> {
    if (!this.canPull) return this.globalSettings;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'rnnlint' });
      return normalizeSettings(raw, (m) => this.warnOnce(m));
    } catch (e) {
      this.connection.console.error(`rnnlint: could not read settings for ${uri}: ${errorText(e)}`);
      return normalizeSettings(undefined);
    }
  }

  /** Rule levels from the project config for the document's folder (file: URIs only). */
  project(uri: string): ProjectRules {
    const file = uriToPath(uri);
    if (!file) return { rules: {} };
    const dir = path.dirname(file);
    let cfg = this.projectCache.get(dir);
    if (!cfg) {
      try {
        const loaded = loadProjectConfig(dir);
        for (const err of loaded.errors ?? []) this.warnOnce(`rnnlint: ${err}`);
        cfg = { rules: { ...loaded.rules }, configFile: loaded.configFile };
      } catch (e) {
        this.warnOnce(`rnnlint: ignoring the project configuration for ${dir}: ${errorText(e)}`);
        cfg = { rules: {} };
      }
      this.projectCache.set(dir, cfg);
    }
    return cfg;
  }

  /** Editor settings on top of the project config. */
  effectiveRules(uri: string, settings: Settings): Record<string, RuleLevel> {
    return { ...this.project(uri).rules, ...settings.rules };
  }

  private warnOnce(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.connection.console.warn(msg);
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  return String(e);
}
