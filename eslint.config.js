// Which part of the app may import what, as ONE table (docs/architecture.md draws it). Each row
// names the layers a folder must not import and why; the blocks below are generated from it.
// The renderer, the preload and the shared contract run where Node does not exist (a sandboxed
// renderer, a browser, a sandboxed preload), so Node builtins are a lint error there too; Electron
// itself is imported only by the shell (src/main/electron) and the preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import prettierConfig from 'eslint-config-prettier';

// Relative imports name a layer by its folder (../../authority/db/open), so a glob on the folder
// name finds them; no folder inside a layer shares a name with a layer.
const LAYER = {
  shared: '**/shared/**',
  licensing: '**/licensing/**',
  device: '**/device/**',
  authority: '**/authority/**',
  main: '**/main/**',
  cli: '**/cli/**',
  renderer: '**/renderer/**',
  preload: '**/preload/**',
};
const others = (...allowed) => Object.keys(LAYER).filter((layer) => !allowed.includes(layer));
const node = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const electron = ['electron', 'electron/*'];

// files: the folder the row is about; mayNot: layers it must not import; also: extra groups
// (Node builtins, Electron) with their own reason. A later row overrides an earlier one for the
// files both match (src/main/electron over src/main), which is why the order matters.
const LAYERS = [
  {
    files: 'src/shared',
    mayNot: others('shared'),
    why: 'src/shared is the lowest layer: it imports nothing of ours.',
    node: true,
  },
  { files: 'src/licensing', mayNot: others('shared', 'licensing'), why: 'src/licensing may import only src/shared.' },
  {
    files: 'src/device',
    mayNot: others('shared', 'licensing', 'device'),
    why: 'src/device (the PBX side) may import only src/licensing and src/shared.',
  },
  {
    files: 'src/authority',
    mayNot: ['main', 'cli', 'renderer', 'preload'],
    why: 'src/authority must not import the app, the CLI, the renderer or the preload: they compose it, not the other way round.',
  },
  {
    files: 'src/main',
    mayNot: ['cli', 'renderer', 'preload'],
    why: 'src/main must not import the CLI, the renderer or the preload: they are other entry points.',
  },
  {
    files: 'src/main/electron',
    mayNot: ['cli', 'renderer', 'preload'],
    why: 'src/main must not import the CLI, the renderer or the preload: they are other entry points.',
    electron: true,
  },
  {
    files: 'src/cli',
    mayNot: ['renderer', 'preload'],
    why: 'src/cli must not import the renderer or the preload: they run in the window.',
  },
  {
    files: 'src/renderer',
    mayNot: others('shared', 'renderer'),
    except: ['**/licensing/armour'],
    why: 'src/renderer may import only src/shared (and the pure code armour, src/licensing/armour.ts): ask the main process through the typed API instead.',
    node: true,
  },
  {
    files: 'src/preload',
    mayNot: others('shared', 'preload'),
    why: 'src/preload may import only src/shared: it exposes the contract, nothing else.',
    node: true,
    electron: true,
  },
];

function layerBlock({ files, mayNot, except = [], why, node: nodeFree, electron: electronAllowed }) {
  const patterns = [{ group: [...mayNot.map((layer) => LAYER[layer]), ...except.map((e) => `!${e}`)], message: why }];
  if (nodeFree) patterns.push({ group: node, message: `${files} runs without Node: no Node builtins here.` });
  if (!electronAllowed) {
    patterns.push({
      group: electron,
      allowTypeImports: true,
      message:
        'Electron is imported only in src/main/electron (the shell) and src/preload; everything else runs without it.',
    });
  }
  return { files: [`${files}/**`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}
const layerBlocks = LAYERS.map((row) => layerBlock(row));

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
  ...layerBlocks,
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
