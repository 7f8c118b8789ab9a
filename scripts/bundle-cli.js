// Bundles the CLI into dist/cli/ as minified ESM chunks: one file loads for `--print`, yargs only when needed.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'cli-bundle'), { recursive: true, force: true });
await build({
  entryPoints: { exchcert: join(root, 'src', 'cli', 'main.ts') },
  outdir: join(root, 'dist', 'cli-bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  // Packages with native parts or their own workers stay outside the bundle.
  external: ['better-sqlite3', 'pino', 'node-powershell', 'execa'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
