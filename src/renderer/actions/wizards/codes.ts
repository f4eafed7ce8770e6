// Live decoding of a pasted code (codes:inspect). Answers can arrive out of order while the user
// types; the caller keeps the text each answer belongs to and uses only the latest one.
import { api, unwrap } from '../client';
import type { Inspection } from '../../store/types';
import type { UiError } from '../../store/types';

export async function inspectCode(
  code: string,
): Promise<{ value: Inspection; error: null } | { value: null; error: UiError }> {
  return unwrap(await api().codesInspect({ code }));
}
