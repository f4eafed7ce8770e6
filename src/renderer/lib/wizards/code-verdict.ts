// What the code field says about the pasted text, decided from codes:inspect's answer and the
// device the wizard is for. Pure, so every refusal is unit-tested without a browser: the wizard
// only lets Continue through on 'ok'.
import { faultyGroups } from '../code-marking';
import { MAX_CODE_TEXT } from '../../../shared/typed-codes/limits';

export interface Inspection {
  kind?: 'init' | 'answer';
  ok: boolean;
  error?: { code: string; message: string; params?: Record<string, unknown> };
  fields: Record<string, unknown>;
}

/** The decoded initialisation code, as the wizard shows it. */
export interface InitFields {
  serial: string;
  model: string | null;
  hostFingerprint: string | null;
  hostName: string | null;
  keyType: string | null;
  keyBits: number | null;
  generation: number | null;
  firmware: string | null;
}

export type Verdict =
  | { state: 'empty' }
  | { state: 'tooLarge' }
  | { state: 'checking' }
  /** The armour or the request is broken: the message says where, groups are the faulty ones. */
  | {
      state: 'invalid';
      message: string;
      error: { code: string; message: string; params?: Record<string, unknown> };
      groups: number[];
    }
  | { state: 'answerPasted' }
  | { state: 'otherDevice'; fields: InitFields; expected: string }
  | { state: 'otherModel'; fields: InitFields; expected: string }
  | { state: 'ok'; fields: InitFields };

export interface Expectation {
  /** The device the wizard is for; undefined accepts any serial. */
  serial?: string;
  model?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function initFields(fields: Record<string, unknown>): InitFields {
  return {
    serial: str(fields.serial) ?? '',
    model: str(fields.model),
    hostFingerprint: str(fields.hostFingerprint),
    hostName: str(fields.hostName),
    keyType: str(fields.keyType),
    keyBits: num(fields.keyBits),
    generation: num(fields.generation),
    firmware: str(fields.firmware),
  };
}

/** `inspected` is the text the inspection belongs to: an answer for older text is not used. */
export function codeVerdict(
  text: string,
  inspection: Inspection | undefined,
  inspected: string | undefined,
  expect: Expectation,
): Verdict {
  if (text.trim() === '') return { state: 'empty' };
  if (text.length > MAX_CODE_TEXT) return { state: 'tooLarge' };
  if (!inspection || inspected !== text) return { state: 'checking' };
  if (!inspection.ok) {
    const error = inspection.error ?? { code: 'CODE_INVALID', message: '' };
    return { state: 'invalid', message: error.message, error, groups: faultyGroups(error.params) };
  }
  if (inspection.kind === 'answer') return { state: 'answerPasted' };
  const fields = initFields(inspection.fields);
  if (expect.serial !== undefined && fields.serial !== expect.serial)
    return { state: 'otherDevice', fields, expected: expect.serial };
  if (expect.model !== undefined && fields.model !== null && fields.model !== expect.model)
    return { state: 'otherModel', fields, expected: expect.model };
  return { state: 'ok', fields };
}

/** A short host label: the name when the PBX gave one, and the fingerprint's start. */
export function hostLabel(f: Pick<InitFields, 'hostName' | 'hostFingerprint'>): string {
  const short = f.hostFingerprint
    ? f.hostFingerprint.length > 16
      ? `${f.hostFingerprint.slice(0, 16)}…`
      : f.hostFingerprint
    : '';
  if (f.hostName && short) return `${f.hostName} (${short})`;
  return f.hostName ?? short;
}
