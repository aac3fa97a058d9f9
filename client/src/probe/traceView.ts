// The "RNNLint: Open Probe Trace" page: plain HTML + inline SVG built from the trace (no scripts).
// Colours come from VS Code's theme variables, so the page follows the theme.
import type { ProbeTrace } from '../../../server/src/probe/types';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fmt = (x: number | null) => (x === null || !Number.isFinite(x) ? 'NaN' : Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(1) : x.toFixed(3));

const W = 520;
const H = 160;
const PAD = 34;

function linePlot(title: string, series: { name: string; values: (number | null)[]; color: string }[], log = false): string {
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v) && (!log || v > 0));
  if (!all.length) return `<h3>${esc(title)}</h3><p class="muted">no finite values</p>`;
  const tf = (v: number) => (log ? Math.log10(v) : v);
  let lo = Math.min(...all.map(tf));
  let hi = Math.max(...all.map(tf));
  if (lo === hi) ((lo -= 1), (hi += 1));
  const n = Math.max(...series.map((s) => s.values.length));
  const x = (i: number) => PAD + (n <= 1 ? 0 : (i * (W - 2 * PAD)) / (n - 1));
  const y = (v: number) => H - PAD / 2 - ((tf(v) - lo) / (hi - lo)) * (H - PAD);
  const paths = series
    .map((s) => {
      const pts = s.values.map((v, i) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`));
      const d = pts.filter(Boolean).join(' ');
      return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${d}"/>` + pts.map((p) => (p ? `<circle r="2.5" cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" fill="${s.color}"/>` : '')).join('');
    })
    .join('');
  const label = (v: number) => (log ? `1e${v.toFixed(1)}` : fmt(v));
  const axes =
    `<line x1="${PAD}" y1="${H - PAD / 2}" x2="${W - PAD}" y2="${H - PAD / 2}" class="axis"/>` +
    `<text x="2" y="${y(log ? 10 ** hi : hi) + 4}" class="tick">${label(hi)}</text><text x="2" y="${y(log ? 10 ** lo : lo) + 4}" class="tick">${label(lo)}</text>` +
    Array.from({ length: n }, (_, i) => `<text x="${x(i) - 3}" y="${H - 2}" class="tick">${i + 1}</text>`).join('');
  const legend = series.map((s) => `<span class="legend" style="border-color:${s.color}">${esc(s.name)}</span>`).join(' ');
  return `<h3>${esc(title)}</h3><div>${legend}</div><svg width="${W}" height="${H}" role="img" aria-label="${esc(title)}">${axes}${paths}</svg>`;
}

function heatmap(trace: ProbeTrace, state: string): string {
  const rows = trace.steps.map((s) => s.states[state]?.first ?? []);
  const units = Math.max(0, ...rows.map((r) => r.length));
  if (!units) return '';
  const cw = Math.min(40, Math.floor((W - PAD) / Math.max(1, rows.length)));
  const ch = 16;
  let cells = '';
  rows.forEach((r, t) =>
    r.forEach((v, u) => {
      const val = v === null || !Number.isFinite(v) ? NaN : Math.max(-1, Math.min(1, v));
      const color = Number.isNaN(val) ? 'var(--vscode-editorError-foreground)' : val >= 0 ? 'var(--vscode-charts-red)' : 'var(--vscode-charts-blue)';
      const op = Number.isNaN(val) ? 1 : Math.abs(val);
      cells += `<rect x="${PAD + t * cw}" y="${u * ch}" width="${cw - 1}" height="${ch - 1}" fill="${color}" fill-opacity="${op.toFixed(2)}"><title>step ${t + 1}, unit ${u}: ${fmt(v)}</title></rect>`;
    }),
  );
  const labels = Array.from({ length: units }, (_, u) => `<text x="2" y="${u * ch + 12}" class="tick">u${u}</text>`).join('');
  return `<h3>${esc(state)}: first ${units} units over time (example 1; red +, blue −, opacity = |value| up to 1)</h3><svg width="${PAD + rows.length * cw}" height="${units * ch}">${labels}${cells}</svg>`;
}

export function traceHtml(trace: ProbeTrace, cspSource: string): string {
  const palette = ['var(--vscode-charts-blue)', 'var(--vscode-charts-orange)', 'var(--vscode-charts-green)', 'var(--vscode-charts-purple)', 'var(--vscode-charts-red)'];
  const states = trace.cell.stateNames;
  const k = trace.checks;
  const parts: string[] = [];
  parts.push(`<h2>${esc(trace.cell.name)} <span class="muted">(${esc(trace.cell.kind)}, ${esc(trace.backend)} backend, batch ${trace.config.batch} × ${trace.config.steps} steps, seed ${trace.config.seed}, input ${trace.config.inputSize}, states ${trace.config.stateSizes.join(', ')})</span></h2>`);
  parts.push(`<p class="muted">${esc(trace.file)}</p>`);
  parts.push('<h3>Findings</h3>');
  parts.push(trace.findings.length ? `<ul>${trace.findings.map((f) => `<li class="${f.severity}">line ${f.line}: ${esc(f.message)}</li>`).join('')}</ul>` : '<p>none</p>');
  parts.push(
    `<p>hidden-state sensitivity <b>${k.hiddenSensitivity === null ? 'n/a' : fmt(k.hiddenSensitivity)}</b> · frozen <b>${k.frozen}</b>${k.frozenStates.length ? ` (${esc(k.frozenStates.join(', '))})` : ''} · first NaN step <b>${k.nanStep ?? 'none'}</b> · leaked tensors per step <b>${fmt(k.leakedTensorsPerStep)}</b></p>`,
  );
  for (const s of states) parts.push(heatmap(trace, s));
  parts.push(linePlot('State norm per step', states.map((s, i) => ({ name: `‖${s}‖`, values: trace.steps.map((st) => st.states[s]?.norm ?? null), color: palette[i % palette.length] }))));
  parts.push(linePlot('Change from the previous step', states.map((s, i) => ({ name: `Δ${s}`, values: trace.steps.map((st) => st.states[s]?.change ?? null), color: palette[i % palette.length] }))));
  if (k.gradientNormsByState)
    parts.push(
      linePlot(
        'Gradient norm ‖d sum(last state) / d state at step t‖ (log scale)',
        Object.entries(k.gradientNormsByState).map(([s, v], i) => ({ name: s, values: v, color: palette[i % palette.length] })),
        true,
      ),
    );
  else if (k.gradientError) parts.push(`<h3>Gradient norm</h3><p class="muted">${esc(k.gradientError)}</p>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; img-src ${cspSource} data:;">
<style>
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 0 16px; }
.muted { color: var(--vscode-descriptionForeground); font-weight: normal; font-size: 0.9em; }
.axis { stroke: var(--vscode-editorRuler-foreground, var(--vscode-descriptionForeground)); }
.tick { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.legend { border-left: 12px solid; padding-left: 4px; margin-right: 10px; }
li.error { color: var(--vscode-errorForeground); } li.warning { color: var(--vscode-editorWarning-foreground); }
svg { display: block; margin: 4px 0 12px; }
</style></head><body>${parts.join('\n')}</body></html>`;
}
