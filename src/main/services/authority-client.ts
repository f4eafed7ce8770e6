// The authority channels over the authority's own Client (src/authority/client.ts), which is
// either in-process (embedded) or HTTP (connected): this adapter is the same for both. What it
// adds is the desktop's promise: an answer reaches the renderer only after the PBX's own check
// against the pinned root agreed.
import type { Client } from '../../authority/client';
import type { OpName } from '../../shared/api';
import {
  AUTHORITY_CHANNELS,
  methodOf,
  opNameOf,
  type AuthorityChannel,
  type Input,
  type Output,
} from '../../shared/ipc/contract';
import { checkAsPbx } from './answer-check';
import type { AuthorityServices } from './types';

interface AnswerLike {
  code: string;
}

/** Channels whose result carries an answer code made from the input's initialisation code. */
const ANSWERS: Partial<Record<AuthorityChannel, (out: never) => AnswerLike | null>> = {
  'certificates:recreate': (out: AnswerLike) => out,
  'tryout:start': (out: { answer: AnswerLike | null }) => out.answer,
  'trials:start': (out: { answer: AnswerLike }) => out.answer,
};

export function clientAuthorityServices(
  mode: 'embedded' | 'connected',
  client: Client,
  /** The root PBXs are given: every answer is checked against this copy, never one the answer brings. */
  pinnedRootDer: Uint8Array,
): AuthorityServices {
  const call = async <K extends AuthorityChannel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const out = await client.call(opNameOf(channel) as OpName, input);
    const answerOf = ANSWERS[channel];
    if (!answerOf) return out as Output<K>;
    const answer = answerOf(out as never);
    const initCode = (input as { initCode?: string }).initCode;
    if (answer && initCode) checkAsPbx(initCode, answer.code, pinnedRootDer);
    return { ...(out as object), checkedAgainstRoot: true } as Output<K>;
  };
  const methods = Object.fromEntries(AUTHORITY_CHANNELS.map((ch) => [methodOf(ch), (input: never) => call(ch, input)]));
  return { ...methods, mode, close: () => client.close() } as AuthorityServices;
}
