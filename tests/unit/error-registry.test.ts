// The registry's factories: the kind and the English message come from the declaration, the
// params travel as given, and the compiler refuses an unknown code or a wrong param (the
// expect-error lines below fail `npm run typecheck` the day they start to compile).
import { describe, expect, it } from 'vitest';
import { err, isLdError, renderErrorMessage, toErrorValue, LdError } from '../../src/shared/errors';

describe('error registry', () => {
  it('builds an LdError from a code and its params', () => {
    const e = err.CODE_GROUP_TYPO({
      variant: 'typo',
      groupsText: 'Group 7 (A5QBA25F)',
      groups: [7],
      texts: ['A5QBA25F'],
    });
    expect(isLdError(e)).toBe(true);
    expect(e.toValue()).toEqual({
      code: 'CODE_GROUP_TYPO',
      kind: 'input',
      params: { variant: 'typo', groupsText: 'Group 7 (A5QBA25F)', groups: [7], texts: ['A5QBA25F'] },
      message: 'Group 7 (A5QBA25F) has a typo: compare it with the original.',
    });
    expect(err.DEVICE_EXISTS({ serial: 'A4', spelt: '' }).message).toBe(
      'A device with serial A4 is already registered.',
    );
    expect(err.CODE_EMPTY().kind).toBe('input');
  });

  it('renders lists joined with commas and leaves an unknown placeholder visible', () => {
    expect(renderErrorMessage('UNKNOWN_MODEL', { shown: '"x"', valid: ['a', 'b'], model: 'x' })).toBe(
      'Unknown model "x"; expected one of: a, b',
    );
    expect(renderErrorMessage('DEVICE_EXISTS', { spelt: '' })).toBe(
      'A device with serial {{serial}} is already registered.',
    );
  });

  it('turns any thrown value into an ErrorValue without a stack', () => {
    expect(toErrorValue(new Error('boom'))).toEqual({
      code: 'INTERNAL',
      kind: 'internal',
      params: { variant: 'unexpected', reason: 'boom' },
      message: 'Unexpected failure: boom',
    });
    const rebuilt = new LdError(err.TOKEN_MISSING({ variant: 'api' }).toValue());
    expect(rebuilt.toValue()).toEqual(err.TOKEN_MISSING({ variant: 'api' }).toValue());
  });

  it('does not compile an unknown code or a wrong param', () => {
    const wrong = () => {
      // @ts-expect-error: no such code
      err.NOPE();
      // @ts-expect-error: group must be a number
      err.CODE_BAD_CHARACTER({ group: '7', shown: 'x', named: 'x', text: 'x', character: 'x' });
      // @ts-expect-error: serial is missing
      err.DEVICE_EXISTS({ spelt: '' });
      // @ts-expect-error: a code with variants needs its variant
      err.CODE_GROUP_TYPO({ groupsText: 'x', groups: [], texts: [] });
    };
    expect(wrong).toThrow();
  });
});
