import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const featuresDir = fileURLToPath(new URL('./src/features', import.meta.url));

/** The feature folder a file lives in (`feed` for `src/features/feed/api/x.ts`), else null. */
function getFeature(file) {
  const relative = path.relative(featuresDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [feature, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? feature : null;
}

/**
 * No feature imports another feature. Generic over the folder names, so a feature added
 * tomorrow is covered without editing this file (import-x's zones need one zone per name).
 */
const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    messages: {
      crossFeature:
        "Feature '{{from}}' may not import feature '{{to}}': move what both need to src/lib, src/components or src/shared.",
    },
    schema: [],
  },
  create(context) {
    const feature = getFeature(path.resolve(context.filename));
    if (feature === null) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = getFeature(path.resolve(path.dirname(context.filename), source.value));
      if (target !== null && target !== feature)
        context.report({
          node: source,
          messageId: 'crossFeature',
          data: { from: feature, to: target },
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** Node's modules by bare name (`fs`, `fs/promises`, …); `node:*` is caught by a pattern. */
const nodeBuiltins = builtinModules.filter(
  (name) => !name.startsWith('_') && !name.startsWith('node:'),
);

export default tseslint.config(
  { ignores: ['dist', 'public/data', 'node_modules', 'content', '.cache', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: {
      'import-x': importX,
      'react-hooks': reactHooks,
      broadsheet: { rules: { 'no-cross-feature-imports': noCrossFeatureImports } },
    },
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
      // Imports flow one way: shared -> lib -> components -> features -> app; scripts only use
      // src/shared. Features importing each other: broadsheet/no-cross-feature-imports.
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
            { target: './scripts', from: './src', except: ['./shared'] },
          ],
        },
      ],
      'broadsheet/no-cross-feature-imports': 'error',
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
    // Node code: the prebuild, the tests and the tool configs.
    files: ['scripts/**', 'test/**', '*.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Component tests render in jsdom; e2e tests run functions in the page.
    files: ['test/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Browser code: no Node modules and no Node globals (tsconfig.app.json has no @types/node either).
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'src/ runs in the browser: Node modules are for scripts/ only.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'src/ runs in the browser: Node modules are for scripts/ only.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['__dirname', '__filename', 'process', 'Buffer', 'require', 'global'].map((name) => ({
          name,
          message: `src/ runs in the browser: '${name}' is Node's (use import.meta.env for build settings).`,
        })),
      ],
    },
  },
  {
    files: ['src/features/article/components/post-body.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
