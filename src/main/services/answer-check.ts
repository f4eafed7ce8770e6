// Before an answer reaches the renderer, main runs on it the very check the PBX will run
// (src/device/simulator.ts checkAnswer): chain to the pinned root, key, subject and binding
// against the request it answers. "Success" is only shown when that check agrees (docs/architecture.md, step 7).
import { bindingFor } from '../../authority/certificates/recreate-rules';
import { decodeCode } from '../../licensing/codes';
import { parseRequest } from '../../licensing/request';
import { checkAnswer, parseAnswer } from '../../device/simulator';
import { err, toErrorValue } from '../../shared/errors';

/** Throws ANSWER_SELF_CHECK_FAILED (naming the PBX's reason) if a PBX would refuse this answer. */
export function checkAsPbx(initCode: string, answerCode: string, pinnedRootDer: Uint8Array, now = new Date()): void {
  try {
    const request = parseRequest(decodeCode(initCode, 'init').ders[0]!);
    // A request from our PBX code carries its binding; a plain openssl request gets the derived
    // one, exactly as the authority derives it (src/authority/certificates/recreate-rules.ts).
    const binding = request.device
      ? {
          hostFingerprint: request.device.hostFingerprint,
          nonce: request.device.nonce,
          generation: request.device.generation,
        }
      : bindingFor(request);
    // A request without a model (CN) yields a leaf without one, which checkAnswer then skips.
    const expectation = { serial: request.serial, model: request.model ?? '', spkiDer: request.spkiDer, binding };
    // parseAnswer decodes the text the user will paste, not the authority's in-memory copy.
    checkAnswer(parseAnswer(answerCode), pinnedRootDer, expectation, now);
  } catch (e) {
    const reason = toErrorValue(e);
    throw err.ANSWER_SELF_CHECK_FAILED({ reason: reason.message, reasonCode: reason.code });
  }
}
