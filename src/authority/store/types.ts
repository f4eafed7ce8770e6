// What the authority keeps. Rows are plain data; the store only stores, the rules live elsewhere.
import type { LicenceSource } from '../../licensing/extensions';

export interface DeviceRow {
  id: number;
  serial: string;
  model: string;
  name: string;
  createdAt: string;
  /** Bumped on every licence change, so an issuance can tell it signed stale licences. */
  revision: number;
}

export interface LicenceRow {
  id: number;
  deviceId: number;
  feature: number;
  quantity: number;
  source: LicenceSource;
  /** ISO date; null = perpetual */
  notAfter: string | null;
  createdAt: string;
}

export interface CertificateRow {
  serialHex: string;
  deviceId: number;
  issuedAt: string;
  notBefore: string;
  notAfter: string;
  generation: number;
  hostFingerprint: string;
  der: Buffer;
  requestDer: Buffer;
  supersededBy: string | null;
}

export interface NewCertificate extends Omit<CertificateRow, 'supersededBy'> {
  /** The device revision the licences were read at; the write is refused if it moved. */
  expectedRevision: number;
}

export interface Store {
  addDevice(d: { serial: string; model: string; name: string }): Promise<DeviceRow>;
  findDevice(serial: string): Promise<DeviceRow | undefined>;
  listDevices(): Promise<DeviceRow[]>;
  addLicence(l: Omit<LicenceRow, 'id' | 'createdAt'>): Promise<LicenceRow>;
  licencesOf(deviceId: number): Promise<LicenceRow[]>;
  certificatesOf(deviceId: number): Promise<CertificateRow[]>;
  /** Stores the certificate and supersedes every earlier one of the device, atomically; returns those it superseded. */
  recordCertificate(c: NewCertificate): Promise<string[]>;
  close(): Promise<void>;
}
