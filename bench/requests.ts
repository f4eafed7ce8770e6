// Initialisation codes made the way the PBX simulator makes them (fresh P-256 key each).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { encodeInitCode } from '../src/licensing/codes';
import { buildRequest } from '../src/licensing/request';

export function makeRequest(serial: string, model: string, generation: number): string {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const device = { hostFingerprint: randomBytes(16), nonce: randomBytes(16), generation, firmware: '8.4.1' };
  return encodeInitCode(buildRequest({ serial, model, privateKey, publicKey, device }));
}
