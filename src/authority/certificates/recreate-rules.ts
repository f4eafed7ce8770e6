// "Recreate certificate": a registered PBX sends a new request; it gets a certificate carrying
// all its licences, bound to the request's key, host, nonce and generation.
import { createHash } from 'node:crypto';
import type { Catalogue } from '../../licensing/catalogue';
import type { Binding } from '../../licensing/extensions';
import type { ParsedRequest } from '../../licensing/request';
import { err } from '../../shared/errors';
import type { DeviceRow } from '../devices/queries';

/** The device the request belongs to, or a refusal that says why not. */
export function matchDevice(
  cat: Catalogue,
  req: ParsedRequest,
  device: DeviceRow | undefined,
  expectedSerial?: string,
): DeviceRow {
  if (expectedSerial !== undefined && expectedSerial !== req.serial) {
    throw err.REQUEST_OTHER_DEVICE({ serial: req.serial, expectedSerial });
  }
  if (!device) throw err.DEVICE_NOT_FOUND({ variant: 'addFirst', serial: req.serial });
  if (device.retired_at)
    throw err.DEVICE_RETIRED({
      variant: 'noCertificates',
      serial: device.serial,
      retiredAt: device.retired_at.slice(0, 10),
    });
  if (req.model !== undefined && req.model !== device.model) {
    const known = cat.models.find((m) => m.id === device.model)?.name ?? device.model;
    const said = cat.models.find((m) => m.id === req.model)?.name ?? req.model;
    throw err.MODEL_MISMATCH({ model: said, serial: device.serial, known });
  }
  return device;
}

/**
 * The binding written into the certificate. A plain `openssl req` request has no device details:
 * its key stands in for the host, and a hash of the request for the nonce, at generation 1.
 */
export function bindingFor(req: ParsedRequest): Binding {
  if (req.device)
    return { hostFingerprint: req.device.hostFingerprint, nonce: req.device.nonce, generation: req.device.generation };
  const spkiHash = createHash('sha256').update(req.spkiDer).digest();
  const reqHash = createHash('sha256').update(req.der).digest();
  return { hostFingerprint: spkiHash.subarray(0, 16), nonce: reqHash.subarray(0, 16), generation: 1 };
}
