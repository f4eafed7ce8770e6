// The app is served from app://licence-desk/ rather than file://: a real origin (so the CSP's
// 'self' and the IPC sender check mean something), no access to the rest of the disk, and the
// file:// privileges Electron grants can stay switched off (see the fuses in electron-builder.yml).
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../policy/urls';
import { readStatic } from '../static-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const r = await readStatic(rendererDir, url.pathname);
    return new Response(new Uint8Array(r.body), { status: r.status, headers: r.headers });
  });
}
