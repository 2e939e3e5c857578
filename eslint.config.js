// Lint every TypeScript source (functions/, infra/, tests/, web/) with the recommended rules, and the
// dashboard's .svelte files (and .svelte.ts rune modules) with eslint-plugin-svelte's recommended rules.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'dist/', 'web/dist/', 'web/public/', '.data/', 'test-output/'] },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // Svelte 5 patches unkeyed lists by index, right for ours (replaced whole on each fetch, inputs bound to item fields); 69 blocks, keys to add where rows move.
      'svelte/require-each-key': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // CDK template JSON, AWS event shapes and DynamoDB items in tests and adapters are untyped by nature.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
