// Which URLs the app may show, talk to or hand to the system browser. Pure functions so the
// decisions are unit-tested; the Electron wiring in security.ts only calls them.
import type { Catalogue } from '../../licensing/catalogue';

export const APP_SCHEME = 'app';
export const APP_HOST = 'licence-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/**
 * Is this a page of our own app? Compared by scheme and host, not by URL.origin: Node (where the
 * tests run) reports the origin of an unknown scheme as "null", Chromium as "app://licence-desk".
 */
export function isAppUrl(url: string | undefined): boolean {
  const u = url ? parse(url) : undefined;
  return (
    !!u &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host.toLowerCase() === APP_HOST &&
    !u.username &&
    !u.password &&
    u.port === ''
  );
}

/** The https shop links of the catalogue's models, normalised; nothing else may leave the app. */
export function shopAllowList(catalogue: Catalogue): string[] {
  const out = new Set<string>();
  for (const m of catalogue.models) {
    const u = m.shopUrl ? parse(m.shopUrl) : undefined;
    if (u && u.protocol === 'https:' && !u.username && !u.password) out.add(u.href);
  }
  return [...out];
}

/** Exact match after normalisation: an allow-listed page, not "anything on that host". */
export function isAllowedExternal(url: string, allowList: readonly string[]): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return false;
  return allowList.includes(u.href);
}

export type NavigationDecision = { action: 'deny' } | { action: 'open-external'; url: string };

/** Every navigation and new window is denied; allow-listed shop links open in the system browser. */
export function decideNavigation(url: string, allowList: readonly string[]): NavigationDecision {
  return isAllowedExternal(url, allowList) ? { action: 'open-external', url: new URL(url).href } : { action: 'deny' };
}

export interface SenderInfo {
  url: string | undefined;
  isTopFrame: boolean;
}

/** An IPC message is answered only when it comes from our own page's top frame. */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.isTopFrame && isAppUrl(sender.url);
}
