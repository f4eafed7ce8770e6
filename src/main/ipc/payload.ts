// Checks on a raw payload before any schema sees it. A schema library walks whatever it is given
// and builds error messages from it, so a huge, deeply nested or cyclic payload is refused by a
// cheap bounded walk first; keys that could pollute a prototype are refused even where a schema
// would merely strip them, because nothing legitimate ever sends them.
import { err, type LdError } from '../../shared/errors';

export const PAYLOAD_LIMITS = {
  /** Characters in all strings and keys together: a 16 KiB code plus generous room for the rest. */
  maxChars: 64 * 1024,
  maxDepth: 8,
  maxNodes: 2_000,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Budget {
  chars: number;
  nodes: number;
}

/** Returns the refusal, or undefined when the payload may go on to validation. */
export function checkPayload(raw: unknown, limits = PAYLOAD_LIMITS): LdError | undefined {
  const budget: Budget = { chars: 0, nodes: 0 };
  const stack: { value: unknown; depth: number }[] = [{ value: raw, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++budget.nodes > limits.maxNodes) return tooLarge(`more than ${limits.maxNodes} values`);
    if (typeof value === 'string') budget.chars += value.length;
    if (budget.chars > limits.maxChars) return tooLarge(`more than ${limits.maxChars} characters`);
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) return tooLarge(`nested deeper than ${limits.maxDepth} levels`);
    // Before listing keys: a typed array or a huge array would make Reflect.ownKeys itself costly.
    if (Array.isArray(value) ? value.length > limits.maxNodes : !isPlainObject(value)) {
      return Array.isArray(value) ? tooLarge(`more than ${limits.maxNodes} values`) : notPlain();
    }
    const refusal = checkKeys(value, budget);
    if (refusal) return refusal;
    // Reflect.ownKeys: a JSON-parsed "__proto__" is an own property that Object.keys also shows,
    // but symbols and non-enumerables are covered too.
    for (const key of Reflect.ownKeys(value))
      stack.push({ value: (value as Record<PropertyKey, unknown>)[key], depth: depth + 1 });
  }
  return budget.chars > limits.maxChars ? tooLarge(`more than ${limits.maxChars} characters`) : undefined;
}

function checkKeys(value: object, budget: Budget): LdError | undefined {
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') return err.INPUT_INVALID({ variant: 'symbolKey' });
    budget.chars += key.length;
    if (FORBIDDEN_KEYS.has(key)) {
      return err.INPUT_FORBIDDEN_KEY({ key });
    }
  }
  return undefined;
}

/** What JSON.parse and Electron's structured clone make of plain data: no Date, Map, Buffer… */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const notPlain = (): LdError => err.INPUT_INVALID({ variant: 'notPlain' });

const tooLarge = (what: string): LdError => err.INPUT_TOO_LARGE({ variant: 'what', what });
