// The `rnnlint` command as a user runs it: node dist/cli.js over the projects in
// test-fixtures/cli (copied to scratch folders so nothing above them configures them). Expected
// findings come from the engine itself (dist/api.js), so these tests check the CLI's plumbing and
// formats; the rule-specific assertions are the ones the product promises for these snippets.

import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdit, cliModule, copyFixture, engineMessages, pick, root, runCli, runJson, scratch } from './cli-helpers.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const ESLINT_RESULT_KEYS = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules'];
const ESLINT_MESSAGE_KEYS = new Set(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'messageId', 'fix', 'suggestions', 'fatal', 'nodeType']);

/** A copy of the project fixture with the folders and files discovery must skip. */
function projectWithSkips(t) {
  const dir = copyFixture(t, 'project');
  const bug = fs.readFileSync(path.join(dir, 'src', 'cell.ts'), 'utf8');
  for (const skipped of ['node_modules/dep', 'dist', 'build', 'out', 'coverage', '.git', '.cache']) {
    fs.mkdirSync(path.join(dir, skipped), { recursive: true });
    fs.writeFileSync(path.join(dir, skipped, 'cell.ts'), bug);
  }
  fs.writeFileSync(path.join(dir, 'src', 'types.d.ts'), 'export declare function step(x: unknown, h: unknown): unknown;\n');
  fs.writeFileSync(path.join(dir, 'src', 'notes.md'), '# not code\n');
  return dir;
}

function checkEslintSchema(results) {
  assert.ok(Array.isArray(results));
  for (const r of results) {
    for (const k of ESLINT_RESULT_KEYS) assert.ok(k in r, `result has ${k}`);
    assert.equal(typeof r.filePath, 'string');
    assert.ok(path.isAbsolute(r.filePath));
    let errors = 0;
    let warnings = 0;
    let fixE = 0;
    let fixW = 0;
    for (const m of r.messages) {
      for (const k of Object.keys(m)) assert.ok(ESLINT_MESSAGE_KEYS.has(k), `unexpected message key ${k}`);
      assert.ok(m.ruleId === null || typeof m.ruleId === 'string');
      assert.ok(m.severity === 1 || m.severity === 2);
      assert.equal(typeof m.message, 'string');
      for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(m[k]) && m[k] >= 1, `${k} is 1-based`);
      if (m.fix) {
        assert.ok(Array.isArray(m.fix.range) && m.fix.range.length === 2 && typeof m.fix.text === 'string');
      }
      for (const s of m.suggestions ?? []) {
        assert.equal(typeof s.desc, 'string');
        assert.ok(Array.isArray(s.fix.range) && typeof s.fix.text === 'string');
      }
      if (m.severity === 2) {
        errors++;
        if (m.fix) fixE++;
      } else {
        warnings++;
        if (m.fix) fixW++;
      }
    }
    assert.deepEqual([r.errorCount, r.warningCount, r.fixableErrorCount, r.fixableWarningCount], [errors, warnings, fixE, fixW]);
    if (r.messages.length > 0) assert.equal(r.source, fs.readFileSync(r.filePath, 'utf8'));
  }
}

test('--help and --version', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: rnnlint/);
  assert.match(help.stdout, /\.d\.ts/);
  assert.match(help.stdout, /--max-warnings/);
  const v = runCli(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout.trim(), pkg.version);
});

test('json: discovery, ESLint schema, the engine\'s findings, exit code 1', (t) => {
  const dir = projectWithSkips(t);
  const r = runJson([], { cwd: dir });
  checkEslintSchema(r.json);
  const files = r.json.map((x) => path.relative(dir, x.filePath));
  assert.deepEqual(files, ['src/cell.ts', 'src/clean.ts', 'src/nested/squash.ts'].map((f) => f.split('/').join(path.sep)));
  for (const res of r.json) assert.deepEqual(res.messages.map(pick), engineMessages(res.filePath));

  const cell = r.json.find((x) => x.filePath.endsWith('cell.ts'));
  const returned = cell.messages.find((m) => m.ruleId === 'returns-input-state');
  assert.ok(returned, 'returns-input-state is reported on the step that returns h');
  assert.equal(returned.severity, 2);
  assert.ok(returned.fix, 'with a safe fix');
  assert.match(applyEdit(cell.source, returned.fix), /return hNew;/);

  const squash = r.json.find((x) => x.filePath.endsWith('squash.ts'));
  const stacked = squash.messages.find((m) => m.ruleId === 'stacked-activation');
  assert.ok(stacked, 'stacked-activation is reported on tanh(sigmoid(z))');
  assert.equal(stacked.severity, 1);
  assert.equal(stacked.fix, undefined, 'suggestion only, no safe fix');
  assert.ok(stacked.suggestions.length >= 1);

  const clean = r.json.find((x) => x.filePath.endsWith('clean.ts'));
  assert.deepEqual(clean.messages, []);
  assert.equal(clean.source, undefined);

  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
});

test('stylish: file, positions, severities, rule ids, summary; colours only when asked', (t) => {
  const dir = copyFixture(t, 'project');
  const { json } = runJson([], { cwd: dir });
  const r = runCli([], { cwd: dir });
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colours when not a terminal');
  let errors = 0;
  let warnings = 0;
  let fixE = 0;
  let fixW = 0;
  for (const res of json) {
    if (res.messages.length === 0) {
      assert.ok(!r.stdout.includes(res.filePath), 'clean files are not listed');
      continue;
    }
    assert.ok(r.stdout.includes(`\n${res.filePath}\n`));
    for (const m of res.messages) {
      const line = r.stdout.split('\n').find((l) => l.includes(`${m.line}:${m.column} `) && (m.ruleId === null || l.endsWith(m.ruleId)));
      assert.ok(line, `a line for ${m.ruleId} at ${m.line}:${m.column}`);
      assert.match(line, m.severity === 2 ? / error / : / warning /);
    }
    errors += res.errorCount;
    warnings += res.warningCount;
    fixE += res.fixableErrorCount;
    fixW += res.fixableWarningCount;
  }
  const n = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
  assert.ok(r.stdout.includes(`\u2716 ${n(errors + warnings, 'problem')} (${n(errors, 'error')}, ${n(warnings, 'warning')})`));
  if (fixE + fixW > 0) assert.ok(r.stdout.includes(`${n(fixE, 'error')} and ${n(fixW, 'warning')} potentially fixable with the \`--fix\` option.`));

  assert.match(runCli([], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31merror/);
  assert.doesNotMatch(runCli([], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
  assert.match(runCli(['--color'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
  assert.doesNotMatch(runCli(['--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  assert.doesNotMatch(runCli(['--format', 'json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);

  const clean = runCli(['src/clean.ts'], { cwd: dir });
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, '', 'nothing printed for a clean run');
});

test('sarif: 2.1.0 with rule metadata and located results', (t) => {
  const dir = copyFixture(t, 'project');
  const { json } = runJson([], { cwd: dir });
  const r = runCli(['--format', 'sarif'], { cwd: dir });
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'rnnlint');
  assert.equal(run.tool.driver.version, pkg.version);
  const rules = run.tool.driver.rules;
  const registry = cliModule().rules;
  assert.deepEqual(rules.map((x) => x.id), registry.map((x) => x.id));
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 0);
    assert.ok(['error', 'warning'].includes(rule.defaultConfiguration.level));
    assert.match(rule.helpUri, new RegExp(`rules/${rule.id}\\.md$`));
  }
  const expected = json.flatMap((res) =>
    res.messages
      .filter((m) => m.ruleId !== null)
      .map((m) => ({ uri: path.relative(dir, res.filePath).split(path.sep).join('/'), ruleId: m.ruleId, level: m.severity === 2 ? 'error' : 'warning', line: m.line, column: m.column, text: m.message })),
  );
  assert.ok(expected.length > 0);
  const got = run.results.map((res) => {
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.ok(loc.region.endLine >= loc.region.startLine);
    return { uri: loc.artifactLocation.uri, ruleId: res.ruleId, level: res.level, line: loc.region.startLine, column: loc.region.startColumn, text: res.message.text };
  });
  assert.deepEqual(got, expected);
  assert.equal(run.invocations[0].executionSuccessful, true);
});


test('exit codes and options: --rule, --max-warnings, --quiet, usage errors', (t) => {
  const dir = copyFixture(t, 'project');
  const cell = path.join('src', 'cell.ts');
  const squash = path.join('src', 'nested', 'squash.ts');

  const asWarn = runJson(['--rule', 'returns-input-state:warn', cell], { cwd: dir });
  const m = asWarn.json[0].messages.find((x) => x.ruleId === 'returns-input-state');
  assert.equal(m.severity, 1);
  assert.deepEqual(asWarn.json[0].messages.map(pick), engineMessages(path.join(dir, cell), { 'returns-input-state': 'warn' }));
  const errorsLeft = asWarn.json[0].errorCount;
  assert.equal(asWarn.code, errorsLeft > 0 ? 1 : 0);

  const off = runJson(['--rule=returns-input-state:off', cell], { cwd: dir });
  assert.ok(!off.json[0].messages.some((x) => x.ruleId === 'returns-input-state'));

  // --max-warnings: squash.ts has warnings only.
  const sq = runJson([squash], { cwd: dir });
  const w = sq.json[0].warningCount;
  assert.ok(w >= 1 && sq.json[0].errorCount === 0);
  assert.equal(sq.code, 0);
  assert.equal(runCli(['--max-warnings', String(w), squash], { cwd: dir }).code, 0);
  const over = runCli(['--max-warnings', String(w - 1), squash], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, /too many warnings/);
  // --quiet hides warnings but they still count against --max-warnings.
  const quiet = runJson(['--quiet', squash], { cwd: dir });
  assert.deepEqual(quiet.json[0].messages, []);
  assert.equal(quiet.json[0].warningCount, 0);
  assert.equal(runCli(['--quiet', '--max-warnings', '0', squash], { cwd: dir }).code, 1);

  for (const bad of [
    ['--rule', 'no-such-rule:warn'],
    ['--rule', 'stale-state'],
    ['--rule', 'stale-state:loud'],
    ['--format', 'xml'],
    ['--max-warnings', 'many'],
    ['--frobnicate'],
    ['--format'],
  ]) {
    const r = runCli([...bad, cell], { cwd: dir });
    assert.equal(r.code, 2, bad.join(' '));
    assert.match(r.stderr, /^rnnlint: /);
    assert.equal(r.stdout, '');
  }
});

test('unreadable and missing paths give exit 2 while other files are still reported', (t) => {
  const dir = copyFixture(t, 'project');
  const bad = path.join(dir, 'src', 'unreadable.ts');
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    // root reads any mode; a file whose read fails with EIO stands in for an unreadable one.
    fs.symlinkSync('/proc/self/mem', bad);
  } else {
    fs.writeFileSync(bad, 'export {};\n');
    fs.chmodSync(bad, 0);
  }
  const r = runJson(['src', 'missing-folder', 'src/nested/nope.ts'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read .*unreadable\.ts/);
  assert.match(r.stderr, /missing-folder/);
  assert.match(r.stderr, /nope\.ts/);
  const files = r.json.map((x) => path.basename(x.filePath)).sort();
  assert.deepEqual(files, ['cell.ts', 'clean.ts', 'squash.ts']);
  assert.ok(r.json.find((x) => x.filePath.endsWith('cell.ts')).errorCount > 0);

  const notCode = runCli(['src/cell.ts', 'README.txt'], { cwd: dir });
  assert.equal(notCode.code, 2);
  assert.match(notCode.stderr, /README\.txt/);
});

test('a file with a syntax error is linted as far as it parses, and says so', (t) => {
  const dir = copyFixture(t, 'project');
  const file = path.join(dir, 'src', 'cell.ts');
  fs.appendFileSync(file, '\nexport function broken(x: tf.Tensor {\n  return x +;\n');
  const r = runJson([file], { cwd: dir });
  const msgs = r.json[0].messages;
  const parse = msgs.filter((m) => m.ruleId === null);
  assert.ok(parse.length >= 1, 'a ruleId-null message says the file does not parse');
  assert.ok(msgs.some((m) => m.ruleId === 'returns-input-state'), 'the part that parses is still linted');
  assert.deepEqual(msgs.map(pick), engineMessages(file));
  assert.equal(r.code, 1);
  const s = runCli([file], { cwd: dir });
  assert.ok(s.stdout.includes(parse[0].message.replace(/([^ ])\.$/u, '$1')));
});

test('config files: nearest rnnlint.config.json / package.json levels, --config, --no-config, errors', (t) => {
  for (const name of ['config-warn', 'config-pkg']) {
    const dir = copyFixture(t, name);
    const cfgRules = name === 'config-warn' ? { 'returns-input-state': 'warn' } : { 'returns-input-state': 'off' };
    const r = runJson(['.'], { cwd: dir });
    assert.deepEqual(r.json[0].messages.map(pick), engineMessages(path.join(dir, 'cell.ts'), cfgRules));
    const m = r.json[0].messages.find((x) => x.ruleId === 'returns-input-state');
    if (name === 'config-warn') assert.equal(m.severity, 1);
    else assert.equal(m, undefined);
    // --rule wins over the file; --no-config ignores it.
    const cli = runJson(['--rule', 'returns-input-state:error', '.'], { cwd: dir });
    assert.equal(cli.json[0].messages.find((x) => x.ruleId === 'returns-input-state').severity, 2);
    const none = runJson(['--no-config', '.'], { cwd: dir });
    assert.equal(none.json[0].messages.find((x) => x.ruleId === 'returns-input-state').severity, 2);
  }

  // --config FILE applies to files elsewhere.
  const other = copyFixture(t, 'project');
  const warnCfg = copyFixture(t, 'config-warn');
  const r = runJson(['--config', path.join(warnCfg, 'rnnlint.config.json'), 'src/cell.ts'], { cwd: other });
  assert.equal(r.json[0].messages.find((x) => x.ruleId === 'returns-input-state').severity, 1);
  const missing = runCli(['--config', 'nope.json', 'src/cell.ts'], { cwd: other });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);

  // Invalid JSON: a clear error naming the file, exit 2, files still linted with defaults.
  // (Broken configs are written here, not committed, so that `rnnlint .` in this repository stays clean.)
  const bad = copyFixture(t, 'config-warn');
  fs.writeFileSync(path.join(bad, 'rnnlint.config.json'), '{ "rules": { "returns-input-state": "warn", }\n');
  const b = runJson(['.'], { cwd: bad });
  assert.equal(b.code, 2);
  assert.match(b.stderr, /rnnlint\.config\.json: invalid JSON/);
  assert.deepEqual(b.json[0].messages.map(pick), engineMessages(path.join(bad, 'cell.ts')));

  // Unknown rule, level and key: each named; the valid entries still apply.
  const unk = copyFixture(t, 'config-warn');
  fs.writeFileSync(
    path.join(unk, 'rnnlint.config.json'),
    JSON.stringify({ rules: { 'no-such-rule': 'error', 'returns-input-state': 'loud', 'stacked-activation': 0 }, extends: 'x' }),
  );
  const u = runJson(['.'], { cwd: unk });
  assert.equal(u.code, 2);
  assert.match(u.stderr, /unknown rule "no-such-rule"/);
  assert.match(u.stderr, /"returns-input-state" has an invalid level "loud"/);
  assert.match(u.stderr, /unknown key "extends"/);
  assert.doesNotMatch(u.stderr, /"stacked-activation"/, "numeric level 0 is accepted");
});

test('-o writes the report to a file', (t) => {
  const dir = copyFixture(t, 'project');
  const r = runCli(['-f', 'json', '-o', 'reports/out.json', 'src'], { cwd: dir });
  assert.equal(r.stdout, '');
  assert.equal(r.code, 1);
  const written = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'out.json'), 'utf8'));
  assert.deepEqual(written, runJson(['src'], { cwd: dir }).json);
});

test('many files: the worker pool gives the same report, in the same order, as one thread', (t) => {
  const dir = scratch(t);
  const srcs = ['cell.ts', 'clean.ts', 'nested/squash.ts'].map((f) => fs.readFileSync(path.join(root, 'test-fixtures/cli/project/src', f), 'utf8'));
  for (let i = 0; i < 150; i++) {
    const sub = path.join(dir, `pkg${i % 7}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `f${String(i).padStart(3, '0')}.ts`), srcs[i % 3]);
  }
  const pooled = runJson(['--concurrency', 'auto', '.'], { cwd: dir });
  const two = runJson(['--concurrency', '2', '.'], { cwd: dir });
  const single = runJson(['--concurrency', 'off', '.'], { cwd: dir });
  assert.equal(single.json.length, 150);
  assert.deepEqual(pooled.json, single.json);
  assert.deepEqual(two.json, single.json);
  assert.equal(pooled.code, single.code);
  const names = single.json.map((x) => path.relative(dir, x.filePath));
  assert.deepEqual(names, [...names].sort());
});

test('`rnnlint probe ...` goes to the probe command, not to the linter', (t) => {
  const dir = copyFixture(t, 'project');
  const r = runCli(['probe', '--no-such-probe-option', 'src/cell.ts'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /rnnlint probe/);
  assert.doesNotMatch(r.stderr, /see rnnlint --help/, 'the lint parser did not see these arguments');
  // A folder called probe is still lintable by path.
  fs.mkdirSync(path.join(dir, 'probe'));
  fs.copyFileSync(path.join(dir, 'src', 'cell.ts'), path.join(dir, 'probe', 'cell.ts'));
  const lint = runJson(['./probe'], { cwd: dir });
  assert.equal(lint.json.length, 1);
});

test('quoted globs are expanded with the same skipping rules', (t) => {
  const dir = projectWithSkips(t);
  const names = (r) => r.json.map((x) => path.relative(dir, x.filePath).split(path.sep).join('/'));
  assert.deepEqual(names(runJson(['src/**/*.ts'], { cwd: dir })), ['src/cell.ts', 'src/clean.ts', 'src/nested/squash.ts']);
  assert.deepEqual(names(runJson(['**/*.ts'], { cwd: dir })), ['src/cell.ts', 'src/clean.ts', 'src/nested/squash.ts']);
  assert.deepEqual(names(runJson(['src/{cell,nested/squash}.ts'], { cwd: dir })), ['src/cell.ts', 'src/nested/squash.ts']);
  assert.deepEqual(names(runJson(['src/c?e*.ts'], { cwd: dir })), ['src/clean.ts']);
  const none = runCli(['src/**/*.jsx'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no files match src\/\*\*\/\*\.jsx/);
});

test('--stdin lints text from stdin as the file named by --stdin-filename (config included)', (t) => {
  const dir = copyFixture(t, 'config-warn');
  const text = fs.readFileSync(path.join(dir, 'cell.ts'), 'utf8');
  const named = runJson(['--stdin', '--stdin-filename', 'unsaved.ts'], { cwd: dir, input: text });
  assert.equal(named.json.length, 1);
  assert.equal(named.json[0].filePath, path.join(dir, 'unsaved.ts'));
  assert.deepEqual(named.json[0].messages.map(pick), engineMessages(path.join(dir, 'cell.ts'), { 'returns-input-state': 'warn' }));
  assert.equal(named.json[0].messages.find((m) => m.ruleId === 'returns-input-state').severity, 1, 'the folder\'s config applies');
  assert.equal(named.json[0].source, text);

  const plain = runJson(['--stdin', '--no-config'], { cwd: dir, input: text });
  assert.equal(plain.json[0].filePath, '<stdin>');
  assert.equal(plain.json[0].messages.find((m) => m.ruleId === 'returns-input-state').severity, 2);
  assert.equal(plain.code, 1);

  for (const bad of [['--stdin', 'cell.ts'], ['--stdin', '--fix'], ['--stdin-filename', 'x.ts'], ['-']]) {
    const r = runCli(bad, { cwd: dir, input: text });
    assert.equal(r.code, 2, bad.join(' '));
    assert.match(r.stderr, /stdin/);
  }
});

test('a file that brings a worker down is reported as not linted; every other file is still reported', (t) => {
  const dir = scratch(t);
  const small = fs.readFileSync(path.join(root, 'test-fixtures/cli/project/src/cell.ts'), 'utf8');
  const body = small.replace(/^import.*$/m, '');
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.ts`), small);
  // ~4 MB of steps: more than a worker limited to 64 MB of heap can analyse.
  let big = "import * as tf from '@tensorflow/tfjs';\n";
  for (let i = 0; big.length < 4_000_000; i++) big += body.replace(/\b(W|U|step)\b/g, `$1_${i}`);
  fs.writeFileSync(path.join(dir, 'f030-big.ts'), big);
  // One worker does all the linting (--concurrency 1), so the big file is always a worker's.
  const r = runJson(['--concurrency', '1', '.'], { cwd: dir, env: { RNNLINT_WORKER_HEAP_MB: '64' } });
  const reported = r.json.map((x) => path.basename(x.filePath));
  assert.equal(reported.length, 60);
  assert.ok(!reported.includes('f030-big.ts'));
  assert.match(r.stderr, /f030-big\.ts was not linted: the analysis stopped its worker thread \(.*memory/);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'nothing else is lost');
  assert.equal(r.code, 2);
  // The files that shared the dead worker's batch were linted again: same findings as the engine's.
  for (const res of r.json) assert.deepEqual(res.messages.map(pick), engineMessages(res.filePath));
});

test('stylish on a terminal: colours by default, none with NO_COLOR', { skip: !fs.existsSync('/usr/bin/script') && 'needs script(1) for a pseudo-terminal' }, (t) => {
  const dir = copyFixture(t, 'project');
  const underTty = (env) =>
    spawnSync('/usr/bin/script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'dist', 'cli.js'))} src/cell.ts`, '/dev/null'], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env },
      encoding: 'utf8',
    });
  const colored = underTty({});
  assert.match(colored.stdout, /\u001b\[4m.*cell\.ts\u001b\[24m/, 'the path is underlined');
  assert.match(colored.stdout, /\u001b\[31merror\u001b\[39m/);
  const plain = underTty({ NO_COLOR: '1' });
  assert.match(plain.stdout, /returns-input-state/);
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
});
