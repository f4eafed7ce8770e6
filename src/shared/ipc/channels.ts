// The channel names alone, without schemas: the preload imports only this file, so the sandboxed
// preload bundle stays tiny and carries no validation code it would never run.

/** Answered by the app itself (main process). */
export const APP_CHANNELS = [
  'app:info',
  'codes:inspect',
  'settings:get',
  'settings:set',
  'connection:connect',
  'connection:disconnect',
  'data:backup',
  'data:restore',
] as const;

/**
 * Answered by the licence authority (embedded or connected): each is the authority operation of
 * the same name ('devices:list' is 'devices.list'), with that operation's schemas. Vendor and
 * server administration (minting coupons, tokens, PBX check-ins) are deliberately not here.
 */
export const AUTHORITY_CHANNELS = [
  'authority:root',
  'devices:list',
  'devices:add',
  'devices:get',
  'devices:rename',
  'devices:move',
  'devices:retire',
  'devices:import',
  'transfers:request',
  'customers:list',
  'licences:grant',
  'certificates:recreate',
  'tryout:start',
  'tryout:status',
  'tryout:end',
  'registrations:create',
  'registrations:recover',
  'registrations:link',
  'trials:start',
  'eula:show',
  'eula:accept',
  'coupons:redeem',
  'bindings:list',
  'bindings:show',
  'bindings:reset',
  'verification:history',
  'audit:list',
  'audit:verify',
] as const;

export const CHANNELS = [...APP_CHANNELS, ...AUTHORITY_CHANNELS] as const;

export type Channel = (typeof CHANNELS)[number];
export type AuthorityChannel = (typeof AUTHORITY_CHANNELS)[number];

/** 'certificates:recreate' -> 'certificatesRecreate': the name of the API function for a channel. */
export type Method<K extends string> = K extends `${infer Area}:${infer Verb}` ? `${Area}${Capitalize<Verb>}` : never;

export function methodOf<K extends Channel>(channel: K): Method<K> {
  const [area, verb] = channel.split(':') as [string, string];
  return `${area}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as Method<K>;
}

/** Own-property lookup, so a name such as "constructor" or "__proto__" is never a channel. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** The authority operation behind a channel. */
export const opNameOf = (channel: AuthorityChannel): string =>
  channel === 'authority:root' ? 'ca.root' : channel.replace(':', '.');
