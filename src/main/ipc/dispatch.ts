// The single validation path for every API call, whether it arrives over Electron IPC or over
// browser mode's HTTP: bounded raw check -> schema -> service -> output schema -> envelope.
// Nothing here imports Electron, so the whole path runs under vitest.
import { errorResult, okResult, type Result } from '../../shared/result';
import { err, toErrorValue } from '../../shared/errors';
import { describeIssues } from '../../shared/zod-issues';
import { contract, isChannel, methodOf, type Channel, type Input, type Output } from '../../shared/ipc/contract';
import type { Services } from '../services/types';
import { checkPayload } from './payload';

/** A failure as the IPC envelope carries it: code, message and the params to render it from. */
function failed(e: unknown): Result<never> {
  const { code, message, params } = toErrorValue(e);
  return errorResult(code, message, params);
}

export type Impl<K extends Channel> = (input: Input<K>) => Promise<Output<K>>;
export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>;

const MAX_MESSAGE = 400;

/** Runs one call of `channel` through every check; never throws, never returns a stack. */
export async function runChannel<K extends Channel>(
  channel: K,
  impl: Impl<K>,
  raw: unknown,
): Promise<Result<Output<K>>> {
  try {
    const refusal = checkPayload(raw);
    if (refusal) throw refusal;
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success)
      throw err.INPUT_INVALID({
        variant: 'channel',
        channel,
        issues: bounded(describeIssues(parsed.error.issues, '(input)')),
      });
    const value = await impl(parsed.data as Input<K>);
    const checked = contract[channel].output.safeParse(value);
    // A service returning the wrong shape is our bug: say so without echoing the value.
    if (!checked.success)
      return failed(err.OUTPUT_INVALID({ channel, issues: bounded(describeIssues(checked.error.issues, '(result)')) }));
    return okResult(checked.data as Output<K>);
  } catch (e) {
    return failed(e);
  }
}

/** The dispatcher over one Services object, shared by the IPC handlers and the HTTP server. */
export function createDispatch(services: Services): Dispatch {
  return (channel, raw) => {
    if (!isChannel(channel)) return Promise.resolve(failed(err.CHANNEL_UNKNOWN()));
    return runChannel(channel, implOf(services, channel), raw);
  };
}

export function implOf<K extends Channel>(services: Services, channel: K): Impl<K> {
  const fn = services[methodOf(channel)] as unknown as Impl<K>;
  return (input) => fn.call(services, input);
}

/** First few problems as "field: message"; bounded, and never quoting the input itself. */
const bounded = (text: string): string => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);
