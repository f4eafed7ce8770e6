// The renderer's one way to reach the main process. In Electron the preload has put
// window.licenceDesk there; in browser mode the same functions are made here over fetch, with the
// per-launch token taken from the URL fragment (#token=…, never sent to any server by the browser)
// and kept in memory only.
import type { Api } from '../shared/ipc/contract';
import { CHANNELS, methodOf } from '../shared/ipc/channels';
import { err, type LdError } from '../shared/errors';
import { errorResult, type Result } from '../shared/result';

declare global {
  interface Window {
    licenceDesk?: Api;
  }
}

export function tokenFromFragment(hash: string): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})(?:&|$)/.exec(hash);
  return match?.[1];
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export function browserApi(token: string | undefined, fetchFn: Fetch): Api {
  const api: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS)
    api[methodOf(channel)] = (input?: unknown) => call(fetchFn, token, channel, input ?? {});
  return Object.freeze(api) as unknown as Api;
}

async function call(
  fetchFn: Fetch,
  token: string | undefined,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!token) return refusedBy(err.TOKEN_MISSING({ variant: 'browserMode' }));
  let response: Response;
  try {
    response = await fetchFn(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return refusedBy(err.UI_SERVER_UNREACHABLE());
  }
  try {
    const body = (await response.json()) as Result<unknown>;
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  } catch {
    // fall through: not our server's answer
  }
  return refusedBy(err.UI_SERVER_GARBLED({ status: String(response.status) }));
}

/** The preload's API in Electron, the fetch-based one in a browser. */
export function getApi(win: Window = window): Api {
  return win.licenceDesk ?? browserApi(tokenFromFragment(win.location.hash), (url, init) => win.fetch(url, init));
}

const refusedBy = (e: LdError): Result<never> => errorResult(e.code, e.message, e.params);
