// The channel names alone, without schemas: the preload imports only this file, so the sandboxed
// preload bundle stays tiny and carries no validation code it would never run.

export const CHANNELS = [
  'app:info',
  'authority:root',
  'devices:list',
  'devices:add',
  'devices:get',
  'licences:grant',
  'certificates:recreate',
  'codes:inspect',
  'settings:get',
  'settings:set',
] as const;

export type Channel = (typeof CHANNELS)[number];

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
