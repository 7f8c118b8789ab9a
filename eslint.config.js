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
  },
  {
    // Outside tsconfig.test.json (the bench and build scripts, the configs): the rules that need no type information.
    files: ['**/*.js', 'scripts/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
);
