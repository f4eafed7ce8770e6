// Russian error messages, keyed like the English ones (CODE, or CODE_variant): filled in by the
// translator from the registry's English templates; a missing key falls back to English.
import type { MessageKey } from '../registry';

export const ru: Partial<Record<MessageKey, string>> = {};
