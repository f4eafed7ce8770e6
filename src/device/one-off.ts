// An initialisation code made the way a PBX makes it, without a state folder: for tests, the
// benchmarks and anything that needs a code from a chosen host but not a whole simulated PBX.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { encodeInitCode } from '../licensing/codes';
import type { DeviceInfo } from '../licensing/extensions';
import type { KeyType } from '../licensing/keys';
import { buildRequest } from '../licensing/request';
import { DEFAULT_FIRMWARE } from './simulator';

export interface OneOffOptions {
  serial: string;
  /** The CN; omitted like a plain `openssl req` would. */
  model?: string;
  keyType?: KeyType;
  generation?: number;
  hostFingerprint?: Uint8Array;
  hostName?: string;
  firmware?: string;
}

export interface OneOffRequest {
  der: Buffer;
  code: string;
  privateKey: KeyObject;
  device: DeviceInfo;
}

export function oneOffRequest(o: OneOffOptions): OneOffRequest {
  const { privateKey, publicKey } =
    o.keyType === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : o.keyType === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const device: DeviceInfo = {
    hostFingerprint: o.hostFingerprint ?? randomBytes(16),
    nonce: randomBytes(16),
    generation: o.generation ?? 1,
    firmware: o.firmware ?? DEFAULT_FIRMWARE,
    ...(o.hostName ? { hostName: o.hostName } : {}),
  };
  const der = buildRequest({ serial: o.serial, ...(o.model ? { model: o.model } : {}), privateKey, publicKey, device });
  return { der, code: encodeInitCode(der), privateKey, device };
}
