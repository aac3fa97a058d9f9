// Reads TSLint-style markers from fixture files: a comment line of tildes under the code it marks.
//
//     return tf.tanh(tf.tanh(z));
// //         ~~~~~~~~~~~~~~~~~~ stacked-activation
//
// The tildes span the reported columns of the line above (to the end of that line when the report
// continues on later lines). Marker lines are ignored as code.
export const MARKER = /^\s*\/\/\s*(~+)\s+([a-z][\w-]*)\s*$/;

export function parseMarkers(text) {
  const lines = text.split(/\r?\n/);
  const expected = [];
  let codeLine = -1;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) { codeLine = i; return; }
    const start = line.indexOf('~');
    expected.push({ line: codeLine + 1, column: start + 1, endColumn: start + m[1].length + 1, ruleId: m[2] });
  });
  return expected;
}

/** A message as a marker would show it: multi-line reports end at the first line's last character. */
export function asMarker(message, text) {
  const lines = text.split(/\r?\n/);
  const lineText = lines[message.line - 1] ?? '';
  const endColumn = message.endLine === message.line ? message.endColumn : lineText.trimEnd().length + 1;
  return { line: message.line, column: message.column, endColumn, ruleId: message.ruleId };
}

export function markerKey(m) {
  return `${m.line}:${m.column}-${m.endColumn} ${m.ruleId}`;
}

/** Renders markers for a linted file (used to write expectations when RNNLINT_UPDATE=1). */
export function withMarkers(text, messages) {
  const lines = text.split('\n');
  const byLine = new Map();
  for (const m of messages) {
    const mk = asMarker(m, text);
    if (!byLine.has(mk.line)) byLine.set(mk.line, []);
    byLine.get(mk.line).push(mk);
  }
  const out = [];
  let codeLine = 0;
  lines.forEach((line) => {
    if (MARKER.test(line)) return;
    out.push(line);
    codeLine++;
    for (const mk of byLine.get(codeLine) ?? []) {
      if (mk.column < 3) throw new Error(`cannot mark a report at column ${mk.column} (line ${mk.line})`);
      out.push(`${' '.repeat(mk.column - 3)}//${'~'.repeat(Math.max(1, mk.endColumn - mk.column))} ${mk.ruleId}`.replace(/^(\s*)\/\/(~)/, '$1//$2'));
    }
  });
  return out.join('\n');
}
