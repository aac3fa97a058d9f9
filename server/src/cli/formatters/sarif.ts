// `--format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
// One run; tool.driver.rules lists every rule with its description, default level, doc link and
// (when the docs ship beside the bundle) the doc text as help; each result names its rule by id and
// index, has a level, a message and one physical location (1-based lines, UTF-16 columns) relative
// to %SRCROOT% (the working folder) when the file lies under it. Safe fixes are attached as SARIF
// fixes. Problems that are not findings (a parse problem, an unreadable file, a fix not written)
// go to invocations[0].toolExecutionNotifications, since code scanning requires a ruleId on results.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
// Types only (@types/sarif): the compiler checks every field name and value against SARIF 2.1.0.
import type * as Sarif from 'sarif';
import type { FileReport, RunProblem } from '../types';

export interface SarifRuleInfo {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warning';
  type?: string;
  fix?: string;
  helpUri: string;
  /** The rule's markdown doc, when available. */
  helpMarkdown?: string;
}

export interface SarifContext {
  cwd: string;
  toolVersion: string;
  informationUri: string;
  rules: readonly SarifRuleInfo[];
  problems: readonly RunProblem[];
}

function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const rel = path.relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(filePath).href };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

export function formatSarif(reports: readonly FileReport[], ctx: SarifContext): Sarif.Log {
  const ruleIndex = new Map<string, number>();
  const rules = ctx.rules.map((r, i): Sarif.ReportingDescriptor => {
    ruleIndex.set(r.id, i);
    const rule: Sarif.ReportingDescriptor = {
      id: r.id,
      name: r.id
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      helpUri: r.helpUri,
      help: r.helpMarkdown ? { text: r.description, markdown: r.helpMarkdown } : { text: `${r.description}. See ${r.helpUri}` },
      defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : 'warning' },
      properties: {
        tags: ['tfjs', 'rnn', ...(r.type ? [r.type] : [])],
        ...(r.fix ? { fix: r.fix } : {}),
        precision: 'high',
        'problem.severity': r.defaultSeverity === 'error' ? 'error' : 'warning',
      },
    };
    return rule;
  });

  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const r of reports) {
    const loc = artifactLocation(r.filePath, ctx.cwd);
    for (const m of r.messages) {
      const region: Sarif.Region = { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
      const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: loc, region };
      if (m.ruleId === null) {
        notifications.push({
          level: m.severity === 2 ? 'error' : 'warning',
          message: { text: m.message },
          locations: [{ physicalLocation }],
        });
        continue;
      }
      const res: Sarif.Result = {
        ruleId: m.ruleId,
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation }],
      };
      const idx = ruleIndex.get(m.ruleId);
      if (idx !== undefined) res.ruleIndex = idx;
      if (m.related && m.related.length > 0) {
        res.relatedLocations = m.related.map((rl, i) => ({
          id: i + 1,
          message: { text: rl.message },
          physicalLocation: {
            artifactLocation: loc,
            region: { startLine: rl.line, startColumn: rl.column, endLine: rl.endLine, endColumn: rl.endColumn },
          },
        }));
      }
      if (m.fix) {
        const edits = m.fixEdits && m.fixEdits.length > 0 ? m.fixEdits : [{ start: m.fix.range[0], end: m.fix.range[1], text: m.fix.text }];
        res.fixes = [
          {
            description: { text: m.fixTitle ?? 'Apply the safe fix' },
            artifactChanges: [
              {
                artifactLocation: loc,
                replacements: edits.map((e) => ({
                  deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                  insertedContent: { text: e.text },
                })),
              },
            ],
          },
        ];
      }
      results.push(res);
    }
  }
  for (const p of ctx.problems) {
    const n: Sarif.Notification = { level: 'error', message: { text: firstLine(p.message) } };
    if (p.filePath) n.locations = [{ physicalLocation: { artifactLocation: artifactLocation(p.filePath, ctx.cwd) } }];
    notifications.push(n);
  }

  const cwdUri = pathToFileURL(ctx.cwd.endsWith(path.sep) ? ctx.cwd : ctx.cwd + path.sep).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rnnlint',
            semanticVersion: ctx.toolVersion,
            version: ctx.toolVersion,
            informationUri: ctx.informationUri,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: ctx.problems.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
      },
    ],
  };
}
