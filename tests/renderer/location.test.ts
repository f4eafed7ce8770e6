// The place in the address: screen and device read from and written to the fragment, keeping the
// token that browser mode puts there.
import { describe, expect, it } from 'vitest';
import { hashFor, placeFromHash } from '../../src/renderer/actions/location';

describe('place in the address', () => {
  it('reads screen and device, defaulting to My devices', () => {
    expect(placeFromHash('')).toEqual({ screen: 'devices', serial: null });
    expect(placeFromHash('#token=abc&screen=audit')).toEqual({ screen: 'audit', serial: null });
    expect(placeFromHash('#token=abc&screen=devices&device=CTX-1001')).toEqual({
      screen: 'devices',
      serial: 'CTX-1001',
    });
    // A device belongs to My devices only; an unknown screen is My devices.
    expect(placeFromHash('#screen=audit&device=CTX-1001')).toEqual({ screen: 'audit', serial: null });
    expect(placeFromHash('#screen=nope')).toEqual({ screen: 'devices', serial: null });
  });

  it('writes the place and keeps the token first', () => {
    const hash = hashFor('#token=abc_DEF-123', { screen: 'devices', serial: 'VM 1/2' });
    expect(hash).toBe('#token=abc_DEF-123&screen=devices&device=VM+1%2F2');
    expect(placeFromHash(hash)).toEqual({ screen: 'devices', serial: 'VM 1/2' });
    expect(hashFor(hash, { screen: 'fleet', serial: null })).toBe('#token=abc_DEF-123&screen=fleet');
  });
});
