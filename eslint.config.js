// Layering: which part of the app may import what. The renderer and the shared contract run
// where Node and Electron do not exist (a sandboxed renderer, a browser), so they must not
// reach for them; the checks below make that a lint error instead of a runtime surprise.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import prettierConfig from 'eslint-config-prettier';

const upper = ['**/authority/**', '**/main/**', '**/renderer/**', '**/preload/**'];
const restrict = (files, ...groups) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }] },
});
const nodeOnly = ['node:*', 'electron', 'electron/*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'scratch/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  restrict(
    ['src/renderer/**'],
    [nodeOnly, 'src/renderer runs without Node or Electron: ask the main process through the typed API instead.'],
  ),
  restrict(
    ['src/shared/**'],
    [nodeOnly, 'src/shared is used on every side: no Node or Electron here.'],
    [upper, 'src/shared is the lowest layer.'],
  ),
  restrict(
    ['src/licensing/**', 'src/device/**'],
    [upper, 'licensing and device are lower layers: they must not import the authority or the app.'],
  ),
  // IPC stays in two files: main's handle() (sender check + validation) and the preload (exactly
  // the contract's functions). Anywhere else ipcMain/ipcRenderer would open a channel that skips
  // both. no-restricted-syntax rather than no-restricted-imports on purpose: the layering blocks
  // above configure no-restricted-imports, and in a flat config a later block's options replace
  // the earlier ones for the same rule, which would silently drop the layering rules.
  {
    ignores: ['src/main/electron/ipc-handle.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'ImportDeclaration[source.value=/^electron(\\u002F(main|renderer|common))?$/] > ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          'MemberExpression[property.name=/^ipc(Main|Renderer)$/]',
          'ObjectPattern > Property[key.name=/^ipc(Main|Renderer)$/]', // const { ipcMain } = require('electron') or = electron
        ].map((selector) => ({
          selector,
          message:
            'ipcMain/ipcRenderer only in src/main/electron/ipc-handle.ts and src/preload/index.ts: add a channel to src/shared/ipc/contract.ts instead.',
        })),
      ],
    },
  },
);
