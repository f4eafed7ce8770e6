// Object identifiers. Our private ones live under a UUID arc (2.25, ITU-T X.667), which needs no
// registration and cannot collide with anybody else's: 2.25.318590137654226230040477326152537734957.
export const LD_ARC = '2.25.318590137654226230040477326152537734957';
export const OID = {
  /** Request extension: the PBX's device details (see docs/formats.md). */
  deviceInfo: `${LD_ARC}.1`,
  /** Certificate extension: the licensed features and the binding. */
  licenceInfo: `${LD_ARC}.2`,

  serialNumber: '2.5.4.5',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  extensionRequest: '1.2.840.113549.1.9.14',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  clientAuth: '1.3.6.1.5.5.7.3.2',

  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ed25519: '1.3.101.112',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  ecdsaWithSha1: '1.2.840.10045.4.1',
} as const;
