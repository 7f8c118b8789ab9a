// ESLint: typescript-eslint's type-checked recommended rules over src/ and test/, the untyped ones over the scripts.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals the JavaScript scripts use (the TypeScript files get theirs from @types/node). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'performance',
    'gc',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'test-artifacts/', '.exchcert/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `xs[i]!` marks an element known to exist (the noUncheckedIndexedAccess style); the rule would strip 536 of them.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Command handlers, backends and hosts implement Promise-returning interfaces; `async` is how they return one.
      '@typescript-eslint/require-await': 'off',
      // Quoting, paths, X.500 names and terminal output match control characters on purpose.
      'no-control-regex': 'off',
      // `ShellVersion | string` documents the known values of an option that also takes any text.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // String(x) of values narrowed from unknown (`{}`) is how loose CLI input and PowerShell values are shown.
      '@typescript-eslint/no-base-to-string': 'off',
      // tsconfig's noFallthroughCasesInSwitch checks this and, unlike ESLint, sees calls that return `never`.
      'no-fallthrough': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The interpreter's break/continue/return and the store's dry-run rollback are control flow, not errors.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: ['FlowSignal', 'Rollback'] }] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the CLI's JSON output (JSON.parse is `any`) and let expect() check its shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // expect(obj.method) and jest.fn() hand methods around without calling them.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Outside tsconfig.test.json (the bench and build scripts, the configs): the rules that need no type information.
    files: ['**/*.js', 'scripts/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // bin/package.json makes the entry CommonJS so the start loads no ES module loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
