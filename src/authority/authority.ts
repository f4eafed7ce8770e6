// The licence authority as one object: CA material + store + catalogue, with one method per
// use case. The CLI, the desktop app and the server all call these; none re-implements a rule.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue, requireModel, type Catalogue } from '../licensing/catalogue';
import { buildCertificate, randomSerial } from '../licensing/certificate';
import { decodeCode, encodeAnswerCode } from '../licensing/codes';
import type { LicensedFeature } from '../licensing/extensions';
import { checkSerial, encodeSubject } from '../licensing/names';
import { parseRequest, type ParsedRequest } from '../licensing/request';
import { inputError, isLdError, notFound } from '../shared/errors';
import { createCa, loadCa, type CaMaterial } from './ca';
import { certificateFeatures, certificateNotAfter, CLOCK_SKEW_MS, planGrant, type GrantRequest } from './rules/licences';
import { bindingFor, matchDevice } from './rules/recreate';
import { openSqliteStore } from './store/sqlite';
import type { CertificateRow, DeviceRow, LicenceRow, Store } from './store/types';

export interface IssuedAnswer {
  code: string;
  serial: string;
  certificateSerial: string;
  notAfter: string;
  features: LicensedFeature[];
  leafDer: Buffer;
  chainDer: Buffer[];
  /** Certificates of this device that the new one superseded. */
  superseded: string[];
}

export interface DeviceDetail {
  device: DeviceRow;
  licences: LicenceRow[];
  certificates: Omit<CertificateRow, 'der' | 'requestDer'>[];
}

const MAX_NAME = 120;

export class Authority {
  private constructor(readonly ca: CaMaterial, readonly store: Store, readonly catalogue: Catalogue) {}

  /** Creates CA and database in dataDir if absent. Returns whether anything was created. */
  static init(dataDir: string): boolean {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const created = createCa(dataDir);
    openSqliteStore(join(dataDir, 'authority.db')).close();
    return created;
  }

  static open(dataDir: string, catalogue = defaultCatalogue()): Authority {
    const ca = loadCa(dataDir);
    return new Authority(ca, openSqliteStore(join(dataDir, 'authority.db')), catalogue);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  async addDevice(input: { serial: string; model: string; name?: string }): Promise<DeviceRow> {
    const serial = checkSerial(input.serial.trim());
    const model = requireModel(this.catalogue, input.model);
    const name = (input.name ?? '').trim();
    if (name.length > MAX_NAME || /[\p{Cc}\p{Cf}]/u.test(name)) {
      throw inputError('NAME_INVALID', `The device name must be at most ${MAX_NAME} visible characters.`);
    }
    return this.store.addDevice({ serial, model: model.id, name });
  }

  listDevices(): Promise<DeviceRow[]> {
    return this.store.listDevices();
  }

  async device(serial: string): Promise<DeviceDetail> {
    const device = await this.requireDevice(serial);
    const [licences, certs] = await Promise.all([this.store.licencesOf(device.id), this.store.certificatesOf(device.id)]);
    return { device, licences, certificates: certs.map(({ der: _d, requestDer: _r, ...rest }) => rest) };
  }

  async grantLicence(serial: string, grant: GrantRequest, now = new Date()): Promise<LicenceRow> {
    const device = await this.requireDevice(serial);
    return this.store.addLicence(planGrant(this.catalogue, device, grant, now));
  }

  /** Turns an initialisation code (text or PEM) into an answer code. */
  async recreateCertificate(initCode: string, expectedSerial?: string, now = new Date()): Promise<IssuedAnswer> {
    const [requestDer] = decodeCode(initCode, 'init').ders;
    const req = parseRequest(requestDer!);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.issue(req, expectedSerial, now);
      } catch (e) {
        // A licence granted while we signed: sign again with the new set, once.
        if (attempt > 0 || !isLdError(e) || e.code !== 'LICENCES_CHANGED') throw e;
      }
    }
  }

  private async issue(req: ParsedRequest, expectedSerial: string | undefined, now: Date): Promise<IssuedAnswer> {
    const device = matchDevice(this.catalogue, req, await this.store.findDevice(req.serial), expectedSerial);
    const features = certificateFeatures(this.catalogue, device, await this.store.licencesOf(device.id), now);
    const notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
    const notAfter = certificateNotAfter(features, this.ca.issuing.notAfter);
    const serialBytes = randomSerial();
    const binding = bindingFor(req);
    const leafDer = buildCertificate(
      { issuer: this.ca.issuer, subject: encodeSubject(req), spkiDer: req.spkiDer, notBefore, notAfter, licence: { features, binding } },
      serialBytes,
    );
    const serialHex = serialBytes.toString('hex');
    const superseded = await this.store.recordCertificate({
      serialHex, deviceId: device.id, issuedAt: now.toISOString(), notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString(),
      generation: binding.generation, hostFingerprint: Buffer.from(binding.hostFingerprint).toString('hex'),
      der: leafDer, requestDer: Buffer.from(req.der), expectedRevision: device.revision,
    });
    return {
      code: encodeAnswerCode(leafDer, [this.ca.issuingDer]), serial: device.serial, certificateSerial: serialHex,
      notAfter: notAfter.toISOString(), features, leafDer, chainDer: [this.ca.issuingDer], superseded,
    };
  }

  private async requireDevice(serial: string): Promise<DeviceRow> {
    const device = await this.store.findDevice(serial.trim());
    if (!device) throw notFound('DEVICE_NOT_FOUND', `No device with serial ${serial.trim()} is registered.`);
    return device;
  }
}
