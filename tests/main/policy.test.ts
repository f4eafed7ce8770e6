// The decisions the Electron shell only applies: URLs, CSP, paths, window placement, menu.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, loadCatalogue, type Catalogue } from '../../src/licensing/catalogue';
import { CSP, CSP_DIRECTIVES, META_CSP } from '../../src/main/policy/csp';
import { menuTemplate } from '../../src/main/policy/menu-template';
import { resolveStaticPath } from '../../src/main/policy/static-path';
import {
  decideNavigation,
  isAllowedExternal,
  isAppUrl,
  isTrustedSender,
  shopAllowList,
} from '../../src/main/policy/urls';
import { fitBounds } from '../../src/main/policy/window-bounds';
import { isAcceptableServerUrl } from '../../src/shared/ipc/contract';

/** Not through loadCatalogue, which already refuses non-https shop links: the allow-list must not rely on it. */
function catalogueWithShops(urls: string[]): Catalogue {
  const cat = defaultCatalogue();
  return { ...cat, models: cat.models.map((m, i) => (urls[i] ? { ...m, shopUrl: urls[i] } : m)) };
}

describe('external links: allow-listed https shop URLs only', () => {
  const allow = shopAllowList(
    catalogueWithShops([
      'https://shop.auerswald.de/comtrexx',
      'http://plain.example/shop',
      'https://user:pw@shop.example/x',
    ]),
  );

  it('takes only https URLs without credentials from the catalogue', () => {
    expect(allow).toEqual(['https://shop.auerswald.de/comtrexx']);
  });

  it('opens exactly the allow-listed URL (normalised) and nothing near it', () => {
    expect(isAllowedExternal('https://shop.auerswald.de/comtrexx', allow)).toBe(true);
    expect(isAllowedExternal('HTTPS://SHOP.AUERSWALD.DE/comtrexx', allow)).toBe(true);
    for (const url of [
      'http://shop.auerswald.de/comtrexx',
      'https://shop.auerswald.de/comtrexx/../admin',
      'https://shop.auerswald.de/other',
      'https://shop.auerswald.de.evil.example/comtrexx',
      'https://evil.example@shop.auerswald.de/comtrexx',
      'https://shop.auerswald.de/comtrexx?x=1',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://shop.auerswald.de/comtrexx',
      'app://licence-desk/index.html',
      'not a url',
      '',
    ])
      expect(isAllowedExternal(url, allow), url).toBe(false);
  });

  it('denies every navigation; only allow-listed links go to the system browser', () => {
    expect(decideNavigation('https://shop.auerswald.de/comtrexx', allow)).toEqual({
      action: 'open-external',
      url: 'https://shop.auerswald.de/comtrexx',
    });
    expect(decideNavigation('https://example.com/', allow)).toEqual({ action: 'deny' });
    expect(decideNavigation('app://licence-desk/other.html', allow)).toEqual({ action: 'deny' });
  });

  it('reads shop links from a validated catalogue file', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../assets/catalogue.json'), 'utf8'));
    raw.models[0].shopUrl = 'https://shop.example/pbx';
    expect(shopAllowList(loadCatalogue(raw))).toContain('https://shop.example/pbx');
  });

  it('has an empty allow-list for the shipped catalogue (no shop links yet): everything is denied', () => {
    expect(shopAllowList(defaultCatalogue())).toEqual(
      defaultCatalogue()
        .models.filter((m) => m.shopUrl?.startsWith('https://'))
        .map((m) => new URL(m.shopUrl!).href),
    );
  });
});

describe('IPC senders', () => {
  it("accepts our page's top frame only", () => {
    expect(isTrustedSender({ url: 'app://licence-desk/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://licence-desk/index.html', isTopFrame: false })).toBe(false);
    for (const url of [
      'https://licence-desk/index.html',
      'app://evil/index.html',
      'app://licence-desk.evil/x',
      'file:///index.html',
      'app://x@licence-desk/',
      'app://licence-desk:8080/',
      'about:blank',
      '',
      undefined,
    ]) {
      expect(isTrustedSender({ url, isTopFrame: true }), String(url)).toBe(false);
    }
    expect(isAppUrl('app://LICENCE-DESK/index.html')).toBe(true); // hosts are case-insensitive
  });
});

describe('content security policy', () => {
  it('is strict: no inline or eval script, nothing but our own origin', () => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CSP).not.toMatch(/unsafe-|\*|http:|https:/);
  });

  it("is the same in index.html's <meta>, minus the header-only frame-ancestors", () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CSP);
    expect(CSP_DIRECTIVES.filter((d) => !meta!.includes(d))).toEqual(["frame-ancestors 'none'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    expect(html).not.toMatch(/\sstyle=|<style/); // no inline style
  });
});

describe('static paths', () => {
  const root = '/srv/app/renderer';
  it.each([
    ['/', '/srv/app/renderer/index.html'],
    ['/assets/index-1.js', '/srv/app/renderer/assets/index-1.js'],
    ['/assets/a%20b.css', '/srv/app/renderer/assets/a b.css'],
  ])('maps %s inside the root', (path, file) => expect(resolveStaticPath(root, path)).toBe(file));

  it.each([
    '/../x',
    '/..',
    '/%2e%2e/x',
    '/a/../../x',
    '/..%2fx',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/a\\..\\..\\x',
    '/a%5c..%5cx',
    '/x%00.js',
    '/%E0%A4%A',
    '/../renderer-other/x',
  ])('refuses %s', (path) => expect(resolveStaticPath(root, path)).toBeUndefined());
});

describe('window bounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  it('reopens where it was when that is on a screen', () => {
    expect(fitBounds({ x: 100, y: 80, width: 1000, height: 700, maximized: false }, [screen])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
  it('forgets a position on an unplugged monitor but keeps the size, shrunk to the screen', () => {
    expect(fitBounds({ x: 2500, y: 80, width: 3000, height: 700, maximized: true }, [screen])).toEqual({
      width: 1920,
      height: 700,
      maximized: true,
    });
  });
});

describe('menu', () => {
  const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
    t.flatMap((i) => [...(i.role ? [String(i.role)] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
  it('has the standard edit roles (paste!) everywhere and the app menu on macOS', () => {
    expect(roles(menuTemplate('linux', false))).toEqual(
      expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'zoomIn', 'togglefullscreen']),
    );
    expect(roles(menuTemplate('darwin', false))[0]).toBe('appMenu');
  });
  it('offers reload and developer tools to developers only', () => {
    expect(roles(menuTemplate('linux', false))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(menuTemplate('linux', false))).not.toContain('reload');
    expect(roles(menuTemplate('linux', true))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});

describe('server URL setting', () => {
  it('accepts https anywhere and http only to this computer', () => {
    for (const ok of [
      '',
      'https://licences.example.com',
      'https://licences.example.com:8443/base',
      'http://127.0.0.1:8080',
      'http://localhost:3000',
    ])
      expect(isAcceptableServerUrl(ok), ok).toBe(true);
    for (const bad of [
      'http://licences.example.com',
      'ftp://x',
      'https://user:pw@x.example',
      'javascript:alert(1)',
      'licences.example.com',
    ])
      expect(isAcceptableServerUrl(bad), bad).toBe(false);
  });
});
