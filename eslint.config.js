// One shared preset (typescript-eslint recommended) and few overrides: see docs/style.md, principle 13.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['adapters/http/public/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', WebChat: 'readonly', sessionStorage: 'readonly', console: 'readonly', navigator: 'readonly', location: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
