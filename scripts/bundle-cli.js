// Bundles the CLI into dist/cli-bundle/: a small ESM entry (exchcert.mjs) and one minified CommonJS bundle per command
// group (typed, run, ca, mock, full = yargs), loaded through vm.Script with V8's code cache; then trains the caches.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyPackages } from './lazy-packages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli-bundle');
const BUNDLES = ['print', 'typed', 'run', 'ca', 'mock', 'full'];
rmSync(out, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // EXCHCERT_BUNDLE_MINIFY=0 keeps names and module comments (for reading CPU profiles).
  minify: process.env.EXCHCERT_BUNDLE_MINIFY !== '0',
  sourcemap: 'linked',
  // Packages with their own workers (and ssh2, with its optional native addons) stay outside the bundle. better-sqlite3's JavaScript is bundled (no package
  // lookups at start); its addon is required by path (src/engine/store/sqlite-native-binding.ts).
  external: ['pino', 'node-powershell', 'execa', 'ssh2'],
  logLevel: 'warning',
};

// Packages a Get or a one-line run never touches (requests, PFX, CMS, forge; X.509 once facts are stored) load on first use
// (scripts/lazy-packages.js).
const LAZY_PACKAGES = [
  'node-forge',
  '@peculiar/asn1-cms',
  '@peculiar/asn1-csr',
  '@peculiar/asn1-pfx',
  '@peculiar/asn1-pkcs8',
  '@peculiar/asn1-pkcs9',
  '@peculiar/asn1-rsa',
  '@peculiar/x509',
  '@peculiar/asn1-x509',
  '@peculiar/asn1-schema',
];

// Bundled ES modules (yargs, our own) ask import.meta for their location: CommonJS output answers from __filename.
const importMeta = {
  define: { 'import.meta.url': '__exchcertImportMetaUrl', 'import.meta.resolve': '__exchcertImportMetaResolve' },
  banner: {
    js:
      'var __exchcertImportMetaUrl=require("node:url").pathToFileURL(__filename).href,' +
      '__exchcertImportMetaResolve=(s)=>require("node:url").pathToFileURL(require.resolve(s)).href;',
  },
};

// The command bundles: CommonJS (vm.Script can cache their compiled code; Node 20 cannot cache ES modules' code),
// each written as the function src/cli/load-bundle.ts compiles (first line and end, BUNDLE_HEAD and BUNDLE_TAIL).
// Each file name carries its content hash, so a rebuilt bundle never meets the code cache of an older one.
const entry = (name) => join(root, 'src', 'cli', 'bundles', `${name}-bundle.ts`);

// The print bundle leaves out what runs a line on a backend (most of the code); bundleForLine (src/cli/bundles/
// bundle-for.ts) sends it only command lines that print, so these modules are never asked for there.
const WITHOUT_BACKENDS = /[/\\](run-on-backend|run-many)\.js$/;
const withoutBackends = {
  name: 'without-backends',
  setup(b) {
    b.onResolve({ filter: WITHOUT_BACKENDS }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'without-backends' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'without-backends' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`the print bundle has no ${basename(args.path)}`)});`,
      loader: 'js',
    }));
  },
};

// The lazy packages themselves: one more bundle of the same shape, exporting each package's loader (an import inside
// node_modules stays eager there); the command bundles get them through src/cli/bundles/lazy-package.ts on first use.
const PACKAGES_ENTRY = 'exchcert-lazy-packages';
const packagesEntry = {
  name: 'packages-entry',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${PACKAGES_ENTRY}$`) }, () => ({ path: PACKAGES_ENTRY, namespace: 'packages' }));
    b.onLoad({ filter: /.*/, namespace: 'packages' }, () => ({
      resolveDir: root,
      loader: 'js',
      contents: `exports.packages = {${LAZY_PACKAGES.map((p) => `${JSON.stringify(p)}: () => require(${JSON.stringify(p)})`).join(', ')}};`,
    }));
  },
};
const bundleHead = `(function (exports, require, module, __filename, __dirname) {"use strict";${importMeta.banner.js}`;
const { metafile: packagesMeta } = await build({
  ...common,
  banner: { js: bundleHead },
  footer: { js: '})' },
  entryPoints: { packages: PACKAGES_ENTRY },
  outdir: out,
  entryNames: '[name]-[hash]',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  metafile: true,
  define: importMeta.define,
  plugins: [packagesEntry],
});
const packagesFile = basename(Object.keys(packagesMeta.outputs).find((file) => file.endsWith('.cjs')));
const lazyLoader = join(root, 'src', 'cli', 'bundles', 'lazy-package.ts');

const bundleBuild = (names, plugins) =>
  build({
    ...common,
    // Strict, as the ES modules it is made of (the directive must come first in the function).
    banner: { js: bundleHead },
    footer: { js: '})' },
    entryPoints: Object.fromEntries(names.map((name) => [name, entry(name)])),
    outdir: out,
    entryNames: '[name]-[hash]',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    metafile: true,
    define: { ...importMeta.define, EXCHCERT_PACKAGES_FILE: JSON.stringify(packagesFile) },
    plugins: [lazyPackages(root, LAZY_PACKAGES, { loader: lazyLoader }), ...plugins],
  });
const files = {};
for (const { metafile } of [
  await bundleBuild(
    BUNDLES.filter((name) => name !== 'print'),
    [],
  ),
  await bundleBuild(['print'], [withoutBackends]),
]) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const name = output.entryPoint && basename(output.entryPoint).replace(/-bundle\.ts$/, '');
    if (name && BUNDLES.includes(name)) files[name] = basename(file);
  }
}

// The entry bin/exchcert.js requires (CommonJS too: no ES module loader at start): it picks the command's bundle.
await build({
  ...common,
  entryPoints: { exchcert: join(root, 'src', 'cli', 'main.ts') },
  outdir: out,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { ...importMeta.define, EXCHCERT_BUNDLE_FILES: JSON.stringify(files) },
  banner: { js: `"use strict";${importMeta.banner.js}` },
});

// Code caches: each bundle runs its usual command lines once, in turn, each run adding what it compiled to the cache
// (a line marked KEEP_CACHE leaves the cache as it is).
const KEEP_CACHE = Symbol('keep the code cache');
const work = mkdtempSync(join(tmpdir(), 'exchcert-train-'));
try {
  const state = join(work, 'state');
  const runbook = (name) => join(root, 'fixtures', 'runbooks', name);
  mkdirSync(join(work, 'state', 'fs', 'C', 'install'), { recursive: true });
  writeFileSync(join(work, 'get.ps1'), 'Get-ExchangeCertificate -Server AMS-EXCH01\n');
  const mock = ['--backend', 'mock', '--state', state];
  const cer = 'C:\\install\\webmail_exchangefun_nl.cer'; // where part two reads it
  const print = ['new-request', '--server', 'AMS-EXCH01', '--subject-name', 'CN=mail.contoso.com'];
  const runs = [
    ['mock', 'add-server', 'AMS-EXCH01', '--exchange', '2013', '--state', state],
    ['mock', 'add-server', 'RESEXCH01', '--exchange', '2010', '--state', state],
    ['run', join(work, 'get.ps1'), ...mock],
    // The run bundle's cache holds what a one-line runbook compiles (V8 reads a whole cache at every start); the seed
    // parts run only to give `ca issue` its request.
    ['run', runbook('seed-part-one.ps1'), ...mock, KEEP_CACHE],
    ['ca', 'issue', 'C:\\install\\ssl-request.req', '--out', cer, '--state', state],
    ['run', runbook('seed-part-two.ps1'), ...mock, '--json', KEEP_CACHE],
    ['get', '--server', 'AMS-EXCH01', ...mock],
    [...print, '--print'],
    ['export', '--thumbprint', 'A'.repeat(40), '--file-name', 'C:\\a.pfx', '--password-env', 'P', '--print'],
    ['--help'],
    ['run', '--help'],
  ];
  for (const line of runs) {
    const keep = line.includes(KEEP_CACHE);
    const args = line.filter((a) => a !== KEEP_CACHE);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'exchcert.js'), ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', EXCHCERT_CODE_CACHE: keep ? 'keep' : 'refresh', P: 'x' },
    });
    if (r.status !== 0) throw new Error(`training 'exchcert ${args.join(' ')}' failed (${r.status}): ${r.stderr}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
