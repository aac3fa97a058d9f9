// The extension as VS Code sees it without running it: the manifest (commands, settings, activation,
// trust) agrees with the code and the server, and the VSIX holds only what a user needs.
// (The editor end to end runs in its own suite.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const esbuild = require('esbuild');

function sources(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('extension manifest', () => {
  it('contributes every command the client registers, titled, under the RNNLint category', () => {
    const registered = new Set();
    for (const file of sources(path.join(root, 'client', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/registerCommand\(\s*(?:'([^']+)'|([A-Z_]+))/g)) {
        let id = m[1];
        if (!id) {
          // A constant: find its value in the client sources.
          const all = sources(path.join(root, 'client', 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
          id = new RegExp(`${m[2]}\\s*=\\s*'([^']+)'`).exec(all)?.[1];
        }
        assert.ok(id, `command id in ${file}`);
        registered.add(id);
      }
    }
    const contributed = new Map(pkg.contributes.commands.map((c) => [c.command, c]));
    for (const id of ['rnnlint.restartServer', 'rnnlint.showOutput', 'rnnlint.lintWorkspace', 'rnnlint.showDocumentation']) {
      assert.ok(registered.has(id), `${id} is registered by the client`);
    }
    for (const id of registered) {
      const c = contributed.get(id);
      assert.ok(c, `${id} is registered but not in contributes.commands`);
      assert.equal(c.category, 'RNNLint', id);
      assert.ok(c.title && !c.title.startsWith('RNNLint'), `${id}: the category supplies the prefix`);
    }
  });

  it('activates on the languages it validates by default and declares limited Workspace Trust', () => {
    const validate = pkg.contributes.configuration.properties['rnnlint.validate'].default;
    assert.deepEqual(
      [...pkg.activationEvents].sort(),
      validate.map((l) => `onLanguage:${l}`).sort(),
    );
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /trusted/);
  });

  it('is a complete listing: icon, categories, engines matching @types/vscode, repository', () => {
    assert.ok(statSync(path.join(root, pkg.icon)).size > 0);
    const png = readFileSync(path.join(root, pkg.icon));
    assert.equal(png.readUInt32BE(16), 128, 'icon is 128 px wide');
    assert.deepEqual(pkg.categories, ['Linters']);
    assert.ok(pkg.displayName && pkg.description && pkg.publisher && pkg.repository?.url);
    const readPkg = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
    const typesVersion = readPkg('@types/vscode').version;
    assert.equal(pkg.engines.vscode.replace(/^\^/, ''), typesVersion);
    const lcEngine = readPkg('vscode-languageclient').engines.vscode.replace(/^\^/, '');
    assert.ok(cmpVersion(typesVersion, lcEngine) >= 0, `vscode-languageclient needs ${lcEngine}`);
  });
});

function cmpVersion(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

describe('settings in the manifest and in the server agree', () => {
  let tmp;
  let serverSettings;
  before(async () => {
    // Bundle the server's settings module alone, as the server uses it.
    tmp = mkdtempSync(path.join(tmpdir(), 'rnnlint-client-test-'));
    const out = path.join(tmp, 'settings.js');
    await esbuild.build({
      entryPoints: [path.join(root, 'server', 'src', 'lsp', 'settings.ts')],
      outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent',
      external: ['vscode-languageserver'],
    });
    serverSettings = require(out);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('every rnnlint.* setting has a description, and the server has the same default', () => {
    const props = pkg.contributes.configuration.properties;
    const defaults = serverSettings.DEFAULT_SETTINGS;
    for (const [key, p] of Object.entries(props)) {
      assert.ok(key.startsWith('rnnlint.'), key);
      assert.ok(p.description || p.markdownDescription, `${key} has a description`);
      assert.ok('default' in p, `${key} has a default`);
      const name = key.slice('rnnlint.'.length);
      // trace.server is read by the client library; probe.* by the probe, not the lint settings.
      if (name === 'trace.server' || name.startsWith('probe.')) continue;
      assert.ok(name in defaults, `the server knows ${key}`);
      assert.deepEqual(p.default, defaults[name], `${key}: manifest and server defaults differ`);
    }
    for (const name of Object.keys(defaults)) assert.ok(props[`rnnlint.${name}`], `rnnlint.${name} is contributed`);
  });

  it('rnnlint.rules offers exactly the registered rules, with their descriptions', () => {
    const { rules } = require(path.join(root, 'dist', 'api.js'));
    const props = pkg.contributes.configuration.properties['rnnlint.rules'].properties;
    assert.deepEqual(Object.keys(props).sort(), rules.map((r) => r.id).sort());
    for (const r of rules) {
      assert.equal(props[r.id].description, r.meta.docs.description, r.id);
      assert.deepEqual(props[r.id].enum, ['off', 'warn', 'error']);
    }
  });

  it('the server reads settings as the manifest describes them, and reports bad values', () => {
    const warnings = [];
    const s = serverSettings.normalizeSettings(
      { enable: false, run: 'onSave', rules: { 'stale-state': 'warn', 'state-leak': 'loud' }, validate: ['typescript'], maxFileSize: -1 },
      (m) => warnings.push(m),
    );
    assert.equal(s.enable, false);
    assert.equal(s.run, 'onSave');
    assert.deepEqual(s.rules, { 'stale-state': 'warn' });
    assert.deepEqual(s.validate, ['typescript']);
    assert.equal(s.maxFileSize, serverSettings.DEFAULT_SETTINGS.maxFileSize);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    const run = pkg.contributes.configuration.properties['rnnlint.run'].enum;
    for (const v of run) assert.equal(serverSettings.normalizeSettings({ run: v }).run, v);
  });
});

describe('VSIX contents', () => {
  it('ships only the bundles, rule docs, README, CHANGELOG, LICENSE and the icon', () => {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    const files = listing.split('\n').map((l) => l.trim()).filter(Boolean);
    const allowed = [
      /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^images\/icon\.png$/,
      // The extension's bundles (the CLI and API bundles are for npm, not the editor), the probe's
      // WASM backend, the rule docs.
      /^dist\/(client|server|server-main|probe-runner)\.js$/, /^dist\/[\w-]+\.wasm$/, /^dist\/rules\/[\w-]+\.md$/,
    ];
    const extra = files.filter((f) => !allowed.some((re) => re.test(f)));
    assert.deepEqual(extra, [], 'files that should not ship');
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'LICENSE', 'CHANGELOG.md', 'images/icon.png']) {
      assert.ok(files.includes(f), `${f} ships`);
    }
    const { rules } = require(path.join(root, 'dist', 'api.js'));
    for (const r of rules) assert.ok(files.includes(`dist/rules/${r.id}.md`), `the doc of ${r.id} ships`);
    assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps');
  });
});
