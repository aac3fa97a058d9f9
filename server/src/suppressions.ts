// `// rnnlint-disable-next-line id`, `// rnnlint-disable-line id`, `/* rnnlint-disable id */`
// (to the end of the file or a matching `/* rnnlint-enable id */`). No id means every rule.
// Text after `--` is a reason and ignored, as in ESLint.

interface Block { start: number; end: number; ids: Set<string> | 'all' }

export interface Suppressions {
  /** Is a report of `ruleId` starting at `offset` on 0-based `line` suppressed? */
  isSuppressed(ruleId: string, offset: number, line: number): boolean;
}

function parseIds(raw: string): Set<string> | 'all' {
  const ids = raw.split('--')[0]!.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return ids.length === 0 ? 'all' : new Set(ids);
}

const matches = (ids: Set<string> | 'all', id: string): boolean => ids === 'all' || ids.has(id);

export function parseSuppressions(text: string, lineOf: (offset: number) => number): Suppressions {
  const byLine = new Map<number, (Set<string> | 'all')[]>();
  const blocks: Block[] = [];
  if (!text.includes('rnnlint-')) return { isSuppressed: () => false };
  const lineRe = /\/\/[ \t]*rnnlint-disable-(next-line|line)\b([^\r\n]*)/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const line = lineOf(m.index) + (m[1] === 'next-line' ? 1 : 0);
    const list = byLine.get(line) ?? [];
    list.push(parseIds(m[2]!));
    byLine.set(line, list);
  }
  const blockRe = /\/\*[ \t]*rnnlint-(disable|enable)\b([\s\S]*?)\*\//g;
  const open: Block[] = [];
  for (let m = blockRe.exec(text); m; m = blockRe.exec(text)) {
    const ids = parseIds(m[2]!);
    if (m[1] === 'disable') {
      const b: Block = { start: m.index, end: text.length, ids };
      blocks.push(b);
      open.push(b);
    } else {
      for (const b of open) {
        if (ids === 'all' || (b.ids !== 'all' && [...b.ids].every((i) => (ids as Set<string>).has(i)))) b.end = m.index;
      }
    }
  }
  return {
    isSuppressed(ruleId, offset, line) {
      if (byLine.get(line)?.some((ids) => matches(ids, ruleId))) return true;
      return blocks.some((b) => offset >= b.start && offset < b.end && matches(b.ids, ruleId));
    },
  };
}
