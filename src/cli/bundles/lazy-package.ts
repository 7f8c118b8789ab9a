// A lazy package (scripts/lazy-packages.js) on first use: from the packages bundle, loaded with its code cache.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../load-bundle.js';

/** File name of the packages bundle beside the command bundles (defined by scripts/bundle-cli.js). */
declare const EXCHCERT_PACKAGES_FILE: string | undefined;

/** What the packages bundle exports: each package's loader. */
export interface PackagesBundle {
  readonly packages: Readonly<Record<string, (() => unknown) | undefined>>;
}

let bundled: PackagesBundle['packages'] | undefined;

/**
 * The exports of package `name`: from the packages bundle when built, else from node_modules.
 * @example const forge = lazyPackage('node-forge') as typeof import('node-forge');
 */
export function lazyPackage(name: string): unknown {
  if (typeof EXCHCERT_PACKAGES_FILE === 'undefined') return createRequire(import.meta.url)(name);
  const file = join(dirname(fileURLToPath(import.meta.url)), EXCHCERT_PACKAGES_FILE);
  bundled ??= loadBundle<PackagesBundle>(file).packages;
  const load = bundled[name];
  if (!load) throw new Error(`The packages bundle ${file} has no ${name}.`);
  return load();
}
