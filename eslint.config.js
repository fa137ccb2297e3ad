import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist', 'public/data', 'node_modules', 'content', '.cache', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
      'import-x/no-cycle': 'error',
      // Imports flow one way: shared -> features -> app; scripts only use src/shared;
      // no feature imports another feature.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: ['./src/app', './src/features', './src/components', './src/lib', './scripts'],
            },
            { target: './src/features', from: './src/app' },
            { target: './src/components', from: ['./src/app', './src/features'] },
            { target: './src/lib', from: ['./src/app', './src/features', './src/components'] },
            {
              target: './scripts',
              from: ['./src/app', './src/features', './src/components', './src/lib'],
            },
            ...['article', 'feed', 'search', 'offline', 'reader', 'settings'].map((name) => ({
              target: `./src/features/${name}`,
              from: './src/features',
              except: [`./${name}`],
            })),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Only src/features/article/components/post-body.tsx may render HTML.',
        },
      ],
    },
  },
  {
    files: ['src/features/article/components/post-body.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
