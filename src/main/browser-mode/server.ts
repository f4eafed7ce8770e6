// Browser mode: the built renderer and the same API as the Electron app, served over plain
// node:http on 127.0.0.1 only. API calls go through the very dispatcher the IPC handlers use;
// guard.ts decides who may call at all. Used where Electron cannot run (here, headless servers)
// and by the UI tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inputError } from '../../shared/errors';
import { isChannel } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { PAYLOAD_LIMITS } from '../ipc/payload';
import { SECURITY_HEADERS } from '../policy/csp';
import { readStatic } from '../static-files';
import { checkCaller, checkToken, newToken, type Refusal } from './guard';

export const BIND_HOST = '127.0.0.1';
/** JSON bytes for the largest valid call, with room to spare; more is refused before parsing. */
export const MAX_BODY = PAYLOAD_LIMITS.maxChars * 2;
/** Bodies above MAX_BODY are read and dropped (so the client gets its 413) up to this; then cut. */
const DRAIN_LIMIT = 32 * 1024 * 1024;

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

interface Ctx extends Required<Pick<BrowserServerOptions, 'dispatch' | 'rendererDir'>> {
  token: string;
  port: number;
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const host = opts.host ?? BIND_HOST;
  if (host !== BIND_HOST)
    throw inputError(
      'BIND_REFUSED',
      `Browser mode listens on ${BIND_HOST} only, never on ${host}: it must not be reachable from the network.`,
    );
  const ctx: Ctx = { dispatch: opts.dispatch, rendererDir: opts.rendererDir, token: opts.token ?? newToken(), port: 0 };
  const server = createServer((req, res) => void route(req, res, ctx));
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await listen(server, opts.port ?? 0, host);
  ctx.port = (server.address() as AddressInfo).port;
  const origin = `http://${BIND_HOST}:${ctx.port}`;
  return {
    url: `${origin}/#token=${ctx.token}`,
    origin,
    port: ctx.port,
    token: ctx.token,
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? inputError('PORT_IN_USE', `Port ${port} is already in use; choose another with --port.`)
          : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  try {
    const refusal = checkCaller(
      {
        remoteAddress: req.socket.remoteAddress,
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: header(req, 'sec-fetch-site'),
      },
      ctx.port,
    );
    if (refusal) return refuse(res, refusal);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) return await api(req, res, ctx, path.slice('/api/'.length));
    if (req.method !== 'GET')
      return refuse(res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Only GET is served here.' });
    const file = await readStatic(ctx.rendererDir, path);
    res.writeHead(file.status, file.headers).end(file.body);
  } catch {
    if (!res.headersSent)
      refuse(res, { status: 500, code: 'INTERNAL', message: 'Unexpected failure in browser mode.' });
    else res.destroy();
  }
}

async function api(req: IncomingMessage, res: ServerResponse, ctx: Ctx, channel: string): Promise<void> {
  if (req.method !== 'POST')
    return refuse(res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'API calls are POST requests.' });
  const tokenRefusal = checkToken(req.headers.authorization, ctx.token);
  if (tokenRefusal) return refuse(res, tokenRefusal);
  // JSON only: a cross-site form or a "simple" fetch cannot send it without a CORS preflight we never grant.
  if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return refuse(res, { status: 415, code: 'CONTENT_TYPE', message: 'API calls send application/json.' });
  }
  if (!isChannel(channel))
    return refuse(res, { status: 404, code: 'CHANNEL_UNKNOWN', message: 'There is no such API function.' });
  const body = await readBody(req);
  if (body === undefined)
    return refuse(res, {
      status: 413,
      code: 'INPUT_TOO_LARGE',
      message: `The request is larger than ${MAX_BODY} bytes.`,
    });
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, { status: 400, code: 'INPUT_INVALID', message: 'The request body is not JSON.' });
  }
  sendJson(res, 200, await ctx.dispatch(channel, input));
}

/** The body, or undefined when it exceeds MAX_BODY (checked before and while reading). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT) {
      req.destroy();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) req.destroy();
      else if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuse(res: ServerResponse, r: Refusal): void {
  sendJson(res, r.status, { ok: false, error: { code: r.code, message: r.message } });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
