// Browser mode: the built renderer and the same API as the Electron app, served by fastify on
// 127.0.0.1 only. API calls go through the very dispatcher the IPC handlers use (api.ts); guard.ts
// decides who may call at all, for every request, static files included. Used where Electron
// cannot run (here, headless servers) and by the UI tests.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { err } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../policy/csp';
import { apiRoute, refuse, MAX_BODY } from './api';
import { checkCaller, newToken, refusal, type Refusal } from './guard';

export { MAX_BODY };
export const BIND_HOST = '127.0.0.1';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  /** The address to open, token included (in the fragment, which browsers never send). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const host = opts.host ?? BIND_HOST;
  if (host !== BIND_HOST) throw err.BIND_REFUSED({ bindHost: BIND_HOST, host });
  const token = opts.token ?? newToken();
  const bound = { port: 0 };
  const app = buildApp(opts, token, bound);
  bound.port = await listen(app, opts.port ?? 0);
  const origin = `http://${BIND_HOST}:${bound.port}`;
  return { url: `${origin}/#token=${token}`, origin, port: bound.port, token, close: () => app.close() };
}

function buildApp(opts: BrowserServerOptions, token: string, bound: { port: number }): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY,
    requestTimeout: 30_000,
    forceCloseConnections: true,
    // A URL fastify cannot decode never reaches the hooks: answer it the way every refusal is.
    frameworkErrors: (_error, _req, reply) => refuse(reply.headers(SECURITY_HEADERS), refusalFor(400)),
  });
  app.server.headersTimeout = 10_000;
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    const refusal = checkCaller(
      {
        remoteAddress: req.socket.remoteAddress,
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: firstHeader(req.headers['sec-fetch-site']),
      },
      bound.port,
    );
    if (refusal) return refuse(reply, refusal);
  });
  app.register(apiRoute, { dispatch: opts.dispatch, token });
  // send (under @fastify/static) resolves the path inside root and refuses what leaves it,
  // including encoded dots and NUL bytes; directories are neither listed nor redirected.
  app.register(fastifyStatic, {
    root: opts.rendererDir,
    index: 'index.html',
    redirect: false,
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    decorateReply: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', 'no-cache');
      // send's MIME table still says application/javascript; RFC 9239 made text/javascript the type.
      if (/\.m?js$/.test(path)) reply.header('Content-Type', 'text/javascript; charset=utf-8');
    },
  });
  app.setNotFoundHandler((req, reply) =>
    req.method === 'GET' || req.method === 'HEAD'
      ? refuse(reply, refusal(err.NOT_FOUND()))
      : refuse(reply, refusal(err.METHOD_NOT_ALLOWED({ variant: 'page' }))),
  );
  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => refuse(reply, refusalFor(error.statusCode)));
  return app;
}

/** Errors fastify or send raise themselves: traversal (403), malformed paths (400), anything else. */
function refusalFor(status: number | undefined): Refusal {
  if (status === 403) return refusal(err.PATH_REFUSED());
  if (status !== undefined && status >= 400 && status < 500) return refusal(err.BAD_REQUEST(), status);
  return refusal(err.INTERNAL({ variant: 'browserMode' }));
}

async function listen(app: FastifyInstance, port: number): Promise<number> {
  try {
    await app.listen({ host: BIND_HOST, port });
  } catch (e) {
    await app.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw err.PORT_IN_USE({ variant: 'port', port });
    throw e;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

const firstHeader = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
