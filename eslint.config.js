// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Capabilities are peers: none imports another; cross-capability work lives in src/flows. */
const capabilities = ['catalog', 'knowledge', 'orders', 'checkout', 'payments', 'escalations', 'assistant', 'accounts'];

const capabilityRules = capabilities.map((name) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        regex: `^(\\.\\./)+(src/)?(${capabilities.filter((other) => other !== name).join('|')})(/|$)`,
        message: 'A capability never imports another capability: move the work that spans both into src/flows.',
      }],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'test-artifacts/', 'src/surfaces/web/assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: `(^|/)(${capabilities.join('|')})/(?!index\\.ts$).+`,
          message: "Import a capability through its public index.ts, not its internals.",
        }],
      }],
      'no-restricted-properties': ['error', {
        object: 'process', property: 'env',
        message: 'Only src/config reads the environment: take the value from the Config object.',
      }],
    },
  },
  ...capabilityRules,
  { files: ['src/config/**/*.ts', 'src/cli/main.ts', 'test/**/*.ts', 'evals/**/*.ts', 'scripts/**', 'bin/**', '*.config.*'], rules: { 'no-restricted-properties': 'off' } },
  { files: ['test/**/*.ts', 'evals/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['scripts/**/*.mjs', 'bin/**/*.js', '.ci/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    // Widget scripts run in the browser (inside a host's iframe or the merchant's page).
    files: ['src/surfaces/**/widgets/*.js', 'src/surfaces/web/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', URL: 'readonly', Intl: 'readonly', Map: 'readonly', Promise: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^sk$' }] },
  },
  {
    // The support console's scripts run in the agent's browser.
    files: ['src/surfaces/console/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', encodeURIComponent: 'readonly', JSON: 'readonly', String: 'readonly' } },
  },
);
