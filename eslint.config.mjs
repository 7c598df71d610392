// Lint: typescript-eslint's recommended rules over every TypeScript source; formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.tools/**', '.test-artifacts/**', 'grammars/**/src/**', 'server/src/agents/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Off on purpose: the security code (terminal output cleaning, ssh destinations, command safety,
      // Markdown escaping, log redaction) and its tests match control characters by design.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS: the bin entry and the VS Code test host's files.
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/e2e/host/**/*.spec.cjs'],
    languageOptions: { globals: globals.mocha },
  },
);
