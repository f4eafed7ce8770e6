// Puts the HTTP application on a port. Closing stops accepting connections and waits for the
// requests in flight; the authority (database) is closed by whoever opened it, afterwards.
import type { FastifyInstance } from 'fastify';
import type { Authority } from '../authority';
import { buildApp, type AppOptions } from './app';

export interface ListenOptions extends AppOptions {
  port: number;
  host: string;
}

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:8417 */
  url: string;
  close(): Promise<void>;
}

export async function listen(authority: Authority, opts: ListenOptions): Promise<RunningServer> {
  const { port, host, ...appOptions } = opts;
  const app = await buildApp(authority, appOptions);
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  return { app, url, close: () => app.close() };
}
