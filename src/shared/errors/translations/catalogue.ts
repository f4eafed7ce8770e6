// The shape of one language's error messages: every message key of the registry (CODE, or
// CODE_variant for a code with variants), so a language that lacks a key does not compile. A key
// may add i18next plural forms (KEY_one, KEY_few, …) when its params carry a `count`.
import type { MessageKey } from '../registry';

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export type ErrorCatalogue = Record<MessageKey, string> & Partial<Record<`${MessageKey}_${PluralForm}`, string>>;
