// LICENCE_DESK_TIMEOUT is read by one parser for the CLI (--server) and the desktop (connected
// mode): one default, one refusal for a value that is no number of seconds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, requestTimeoutMs } from '../../src/authority/http/timeout';

describe('requestTimeoutMs', () => {
  it('defaults to 15 s when the variable is unset or empty', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
    expect(requestTimeoutMs({})).toBe(15_000);
    expect(requestTimeoutMs({ LICENCE_DESK_TIMEOUT: '' })).toBe(15_000);
  });

  it('reads seconds, fractions included', () => {
    expect(requestTimeoutMs({ LICENCE_DESK_TIMEOUT: '0.3' })).toBe(300);
    expect(requestTimeoutMs({ LICENCE_DESK_TIMEOUT: '10' })).toBe(10_000);
  });

  it.each(['0', '-1', 'soon', 'Infinity', '1s'])('refuses %j, naming the variable', (raw) => {
    expect(() => requestTimeoutMs({ LICENCE_DESK_TIMEOUT: raw })).toThrow(
      expect.objectContaining({ code: 'OPTION_INVALID', message: expect.stringContaining('LICENCE_DESK_TIMEOUT') }),
    );
  });
});
