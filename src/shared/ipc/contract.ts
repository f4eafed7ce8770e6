// The one typed contract between the renderer and the main process. Every channel has an input
// schema (what main accepts: strict, bounded) and an output schema (what main may send back: only
// the listed fields survive). The renderer's API type, the preload's functions, the IPC handlers
// and the browser-mode HTTP routes are all derived from this table, so they cannot drift apart.
import { z } from 'zod';
import type { Result } from '../result';
import { MAX_CODE_TEXT } from '../typed-codes/limits';
import { OPERATIONS } from '../api';
import type { AuthorityChannel, Channel, Method } from './channels';

export {
  AUTHORITY_CHANNELS,
  CHANNELS,
  isChannel,
  methodOf,
  opNameOf,
  type AuthorityChannel,
  type Channel,
  type Method,
} from './channels';

// ---- limits: the authority's operation schemas (src/shared/api) bound its own fields --------------

export const LIMITS = { code: MAX_CODE_TEXT, url: 2048 } as const;

const none = z.object({}).strict();
const op = OPERATIONS;

export const MODES = ['embedded', 'connected'] as const;
export const LANGUAGES = ['en', 'de', 'ru'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;

/** https anywhere; plain http only to this machine (a test server), never across a network. */
export function isAcceptableServerUrl(text: string): boolean {
  if (text === '') return true; // "no server configured"
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const serverUrl = z
  .string()
  .max(LIMITS.url)
  .refine(isAcceptableServerUrl, 'must be an https:// URL (http:// only for this computer)');

/** The version of Licence Desk's own licence agreement the user accepted (null: not yet). */
const eulaAcceptedVersion = z
  .string()
  .regex(/^\d{1,4}(?:\.\d{1,4}){0,3}$/, 'a version such as 1.0')
  .nullable();

const SettingsPatch = z
  .object({
    mode: z.enum(MODES).optional(),
    serverUrl: serverUrl.optional(),
    language: z.enum(LANGUAGES).optional(),
    theme: z.enum(THEMES).optional(),
    eulaAcceptedVersion: eulaAcceptedVersion.optional(),
  })
  .strict();

// ---- outputs (plain objects strip unknown fields: nothing extra leaves main) ------------------------

const Recreated = op['certificates.recreate'].output.extend({
  /** Only ever true: main ran the PBX's own check on this answer against the pinned root. */
  checkedAgainstRoot: z.literal(true),
});

const Inspection = z.object({
  kind: z.enum(['init', 'answer']).optional(),
  format: z.enum(['code', 'pem']).optional(),
  ok: z.boolean(),
  error: z
    .object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional() })
    .optional(),
  fields: z.record(z.string(), z.unknown()),
});

const Settings = z.object({
  mode: z.enum(MODES),
  serverUrl: z.string(),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  eulaAcceptedVersion: z.string().nullable(),
});

const CatalogueSummary = z.object({
  models: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      vendor: z.string(),
      features: z.array(z.number().int()),
      shopUrl: z.string().optional(),
    }),
  ),
  features: z.array(
    z.object({
      number: z.number().int(),
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      names: z.object({ de: z.string().optional(), ru: z.string().optional() }).optional(),
    }),
  ),
});

const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser']),
  mode: z.enum(MODES),
  catalogue: CatalogueSummary,
  /** The data folder (CA, database, settings): shown in Settings, backed up by data:backup. */
  dataDir: z.string(),
});

// Backup and restore. `file` is a path typed in the form (browser mode); in the desktop app it is
// left out and main asks with the system's save/open dialog. The passphrase never leaves main.
const backupFile = z.string().trim().min(1).max(4096).optional();
const backupPassphrase = z.string().min(1, 'a passphrase is required').max(1024);
const DataDone = z.object({ done: z.literal(true), file: z.string() });
const DataCancelled = z.object({ done: z.literal(false) });

// ---- the table -----------------------------------------------------------------------------------

/** Channels answered by the authority reuse its operation's schemas, so embedded and connected
 *  mode (the same operations over HTTP) accept and return exactly the same shapes. The three that
 *  hand out answer codes also promise that main checked the answer as the PBX will. */
const checkedMark = { checkedAgainstRoot: z.literal(true) };

const authority = {
  'authority:root': { input: op['ca.root'].input, output: op['ca.root'].output },
  'devices:list': { input: op['devices.list'].input, output: op['devices.list'].output },
  'devices:add': { input: op['devices.add'].input, output: op['devices.add'].output },
  'devices:get': { input: op['devices.get'].input, output: op['devices.get'].output },
  'devices:rename': { input: op['devices.rename'].input, output: op['devices.rename'].output },
  'devices:move': { input: op['devices.move'].input, output: op['devices.move'].output },
  'devices:retire': { input: op['devices.retire'].input, output: op['devices.retire'].output },
  'devices:import': { input: op['devices.import'].input, output: op['devices.import'].output },
  'transfers:request': { input: op['transfers.request'].input, output: op['transfers.request'].output },
  'customers:list': { input: op['customers.list'].input, output: op['customers.list'].output },
  'licences:grant': { input: op['licences.grant'].input, output: op['licences.grant'].output },
  'certificates:recreate': { input: op['certificates.recreate'].input, output: Recreated },
  'tryout:start': { input: op['tryout.start'].input, output: op['tryout.start'].output.extend(checkedMark) },
  'tryout:status': { input: op['tryout.status'].input, output: op['tryout.status'].output },
  'tryout:end': { input: op['tryout.end'].input, output: op['tryout.end'].output },
  'registrations:create': { input: op['registrations.create'].input, output: op['registrations.create'].output },
  'registrations:recover': { input: op['registrations.recover'].input, output: op['registrations.recover'].output },
  'registrations:link': { input: op['registrations.link'].input, output: op['registrations.link'].output },
  'trials:start': { input: op['trials.start'].input, output: op['trials.start'].output.extend(checkedMark) },
  'eula:show': { input: op['eula.show'].input, output: op['eula.show'].output },
  'eula:accept': { input: op['eula.accept'].input, output: op['eula.accept'].output },
  'coupons:redeem': { input: op['coupons.redeem'].input, output: op['coupons.redeem'].output },
  'bindings:list': { input: op['bindings.list'].input, output: op['bindings.list'].output },
  'bindings:show': { input: op['bindings.show'].input, output: op['bindings.show'].output },
  'bindings:reset': { input: op['bindings.reset'].input, output: op['bindings.reset'].output },
  'verification:history': { input: op['verification.history'].input, output: op['verification.history'].output },
  'audit:list': { input: op['audit.list'].input, output: op['audit.list'].output },
  'audit:verify': { input: op['audit.verify'].input, output: op['audit.verify'].output },
} as const satisfies Record<AuthorityChannel, { input: z.ZodType; output: z.ZodType }>;

export const contract = {
  'app:info': { input: none, output: AppInfo },
  ...authority,
  'codes:inspect': { input: z.object({ code: z.string().max(LIMITS.code) }).strict(), output: Inspection },
  'settings:get': { input: none, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'connection:connect': {
    input: z
      .object({
        serverUrl: serverUrl.refine((u) => u !== '', 'a server address is required'),
        token: z.string().trim().min(8).max(512),
      })
      .strict(),
    output: Settings.extend({ rootSha256: z.string() }),
  },
  'connection:disconnect': { input: none, output: Settings },
  'data:backup': {
    input: z.object({ file: backupFile, passphrase: backupPassphrase }).strict(),
    output: z.union([DataDone.extend({ files: z.number().int(), authorityId: z.string() }), DataCancelled]),
  },
  'data:restore': {
    input: z
      .object({ file: backupFile, passphrase: backupPassphrase, replaceAuthority: z.boolean().optional() })
      .strict(),
    output: z.union([DataDone.extend({ created: z.string(), previous: z.string().nullable() }), DataCancelled]),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

/** What main's implementation receives (after validation) and must return. */
export type Input<K extends Channel> = z.output<(typeof contract)[K]['input']>;
export type Output<K extends Channel> = z.output<(typeof contract)[K]['output']>;
/** What the renderer may pass (before validation). */
export type RendererInput<K extends Channel> = z.input<(typeof contract)[K]['input']>;

export type Settings = Output<'settings:get'>;
export type SettingsPatch = Input<'settings:set'>;
export type AppInfo = Output<'app:info'>;

/** A channel whose input fields are all optional may be called with no argument. */
type ApiFunction<K extends Channel> =
  Record<never, never> extends RendererInput<K>
    ? (input?: RendererInput<K>) => Promise<Result<Output<K>>>
    : (input: RendererInput<K>) => Promise<Result<Output<K>>>;

/** window.licenceDesk: one function per channel, in Electron (preload) and in browser mode alike. */
export type Api = { readonly [K in Channel as Method<K>]: ApiFunction<K> };
