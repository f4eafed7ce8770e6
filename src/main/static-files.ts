// The built renderer as responses for the app:// protocol handler (Electron), with the same
// security headers browser mode sends (browser mode serves files with @fastify/static).
import { readFile, stat } from 'node:fs/promises';
import { contentTypeOf, resolveStaticPath } from './policy/static-path';
import { SECURITY_HEADERS } from './policy/csp';

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const MAX_ASSET = 16 * 1024 * 1024;

export async function readStatic(rootDir: string, urlPath: string): Promise<StaticResponse> {
  const file = resolveStaticPath(rootDir, urlPath);
  if (!file) return plain(400, 'Bad path');
  const type = contentTypeOf(file);
  if (!type) return plain(404, 'Not found');
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_ASSET) return plain(404, 'Not found');
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' },
      body: await readFile(file),
    };
  } catch {
    return plain(404, 'Not found');
  }
}

const plain = (status: number, text: string): StaticResponse => ({
  status,
  headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  body: Buffer.from(`${text}\n`),
});
