// The only file that touches the process: argv, stdio, exit code. It loads just the bundle its command needs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundleMain } from './bundles/bundle-main.js';
import type { BundleName } from './bundles/bundle-for.js';
import { bundleForLine } from './bundles/bundle-for.js';
import { EXIT } from './cli-io.js';
import { forwardToEngine } from './forward/forward-to-engine.js';
import { loadBundle } from './load-bundle.js';
import { processIo } from './process-io.js';
import { reportError } from './report-error.js';

/** File names of the built bundles (defined by scripts/bundle-cli.js; absent when run from source with tsx). */
declare const EXCHCERT_BUNDLE_FILES: Readonly<Record<BundleName, string>> | undefined;

async function bundle(name: BundleName): Promise<BundleMain> {
  if (typeof EXCHCERT_BUNDLE_FILES === 'undefined') {
    // From source: the entry module itself (a computed path, so that the bundler leaves it alone).
    const entry = `./bundles/${name}-bundle.js`;
    return ((await import(entry)) as { main: BundleMain }).main;
  }
  const file = join(dirname(fileURLToPath(import.meta.url)), EXCHCERT_BUNDLE_FILES[name]);
  return loadBundle<{ main: BundleMain }>(file).main;
}

/**
 * Runs the command line in the engine serving its state when one runs, else here in its bundle; the full CLI takes
 * whatever the fast path leaves.
 */
async function main(argv: readonly string[]): Promise<void> {
  const io = processIo(process);
  try {
    const forwarded = await forwardToEngine(argv, io);
    if (forwarded !== null) {
      process.exitCode = forwarded;
      return;
    }
    const first = bundleForLine(argv);
    const fast = first === 'full' ? null : (await bundle(first))(argv, io);
    const code = await (fast ?? (await bundle('full'))(argv, io));
    process.exitCode = code ?? EXIT.failed; // the full CLI always answers
  } catch (e) {
    process.exitCode = reportError(e, io);
  }
}

void main(process.argv.slice(2));
