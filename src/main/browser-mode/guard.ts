// Who may talk to browser mode's server. It listens on loopback only, but every local process and
// every web page the user opens can reach loopback, so each request must also prove it comes from
// our page: the Host header defeats DNS rebinding, the Origin header defeats other sites' forms and
// fetches, and the per-launch token (which only our page has, from the URL fragment) defeats
// everything else, including other users on the same machine.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { err, httpStatus, type LdError, type Params, statusOverride } from '../../shared/errors';

export interface RequestFacts {
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/** A refusal: a registry error and the HTTP status it goes with (its kind's, unless given). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  params: Params;
}

export const refusal = (e: LdError, status = httpStatus(e.kind, statusOverride(e.code))): Refusal => ({
  status,
  code: e.code,
  message: e.message,
  params: e.params,
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const newToken = (): string => randomBytes(32).toString('base64url');

export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Checks for every request, static files included (a rebinding page could read them otherwise). */
export function checkCaller(req: RequestFacts, port: number): Refusal | undefined {
  if (!req.remoteAddress || !LOOPBACK.has(req.remoteAddress)) {
    return refusal(err.NOT_LOOPBACK());
  }
  const host = req.host?.toLowerCase();
  if (!host || !allowedHosts(port).includes(host)) {
    return refusal(err.HOST_REFUSED({ port: String(port) }));
  }
  // Browsers send Origin on every POST and on cross-origin requests; when present it must be us.
  if (req.origin !== undefined && req.origin !== `http://${host}`) {
    return refusal(err.ORIGIN_REFUSED());
  }
  if (req.secFetchSite !== undefined && !['same-origin', 'none'].includes(req.secFetchSite)) {
    return refusal(err.ORIGIN_REFUSED());
  }
  return undefined;
}

/** The API additionally needs the token; missing is 401 (log in), wrong is 403 (refused). */
export function checkToken(authorization: string | undefined, token: string): Refusal | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization ?? '');
  if (!match) {
    return refusal(err.TOKEN_MISSING({ variant: 'browserMode' }));
  }
  if (!sameSecret(match[1]!, token)) {
    return refusal(err.TOKEN_WRONG());
  }
  return undefined;
}

/** Compares digests so neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
