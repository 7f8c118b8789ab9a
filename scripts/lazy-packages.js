// esbuild plugin: our code's imports of the named packages become objects whose properties load the package on first
// read, so a command bundle initialises only the packages the command uses (imports inside node_modules stay eager).
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The plugin for packages `names`, resolved from `root`. Export names are read at build time by loading each package
 * here; `__esModule` stays a plain value, since esbuild's interop reads it at import. With `loader` (a module whose
 * `lazyPackage(name)` returns the package, src/cli/bundles/lazy-package.ts), the packages stay out of the bundle.
 * @example await build({ ...options, plugins: [lazyPackages(root, ['node-forge'])] });
 */
export function lazyPackages(root, names, { loader } = {}) {
  const requireHere = createRequire(join(root, 'package.json'));
  const escaped = names.map((name) => name.replace(/[/.-]/g, '\\$&'));
  const filter = new RegExp(`^(${escaped.join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        if (args.namespace === 'lazy-package' || args.pluginData === 'real') return undefined;
        if (args.importer.includes('node_modules')) return undefined;
        return { path: args.path, namespace: 'lazy-package' };
      });
      build.onResolve({ filter: /.*/, namespace: 'lazy-package' }, async (args) => {
        const real = await build.resolve(args.path, { kind: 'require-call', resolveDir: root, pluginData: 'real' });
        return { path: real.path, namespace: 'file' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        if (args.path === '@peculiar/x509') requireHere('reflect-metadata'); // its tsyringe asks for it at load
        const esModule = Boolean(requireHere(args.path).__esModule);
        return {
          resolveDir: root,
          loader: 'js',
          // The package's names are read through the prototype: esbuild's interop copies own properties at every
          // importing module (a closure per name, per import), and there is none to copy.
          contents: [
            'let real;',
            loader
              ? `const load = () => (real ??= require(${JSON.stringify(loader)}).lazyPackage(${JSON.stringify(args.path)}));`
              : `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
            'const names = new Proxy({}, { get: (_, name) => load()[name], has: (_, name) => name in load() });',
            'module.exports = Object.create(names);',
            // Own, so that esbuild's interop reading it loads nothing (false: the package's whole object is its default).
            `Object.defineProperty(module.exports, '__esModule', { value: ${esModule} });`,
          ].join('\n'),
        };
      });
    },
  };
}
