import { def, type NoParams, variants } from './define';

export const CERTIFICATE_ERRORS = {
  // lines: each problem as "path: message", joined with "; ".
  CATALOGUE_INVALID: def<{ lines: string; problems: string[] }>('input', 'Catalogue is invalid: {{lines}}'),
  CERTIFICATE_MALFORMED: variants<{
    notV3: { what: string };
    emptyExtension: { what: string; id: string };
  }>('input', {
    notV3: 'The {{what}} is not an X.509 v3 certificate.',
    emptyExtension: "The {{what}}'s extension {{id}} has no value.",
  }),
  CERT_AKI_INVALID: variants<{
    namesIssuer: { label: string };
    differsFromSki: { label: string };
  }>('input', {
    namesIssuer: 'The {{label}} is a self-signed root whose authorityKeyIdentifier names an issuer or serial.',
    differsFromSki:
      'The {{label}} is a self-signed root whose authorityKeyIdentifier differs from its subjectKeyIdentifier.',
  }),
  CERT_AKI_MISSING: variants<{
    noKeyIdentifier: { label: string };
    absent: { label: string };
  }>('input', {
    noKeyIdentifier: "The {{label}}'s authorityKeyIdentifier has no keyIdentifier.",
    absent: 'The {{label}} has no authorityKeyIdentifier; only a self-signed root may leave it out.',
  }),
  CERT_ALGORITHM_MISMATCH: def<{ label: string }>(
    'input',
    'The {{label}} names two different signature algorithms inside and outside its signed part.',
  ),
  CERT_DUPLICATE_EXTENSION: def<{ label: string; id: string }>(
    'input',
    'The {{label}} has the extension {{id}} more than once.',
  ),
  CERT_EMPTY_NAME: variants<{
    issuer: { label: string };
    subjectCa: { label: string };
    subject: { label: string };
  }>('input', {
    issuer: 'The {{label}} has an empty issuer name.',
    subjectCa: 'The {{label}} is a CA certificate with an empty subject name.',
    subject: 'The {{label}} has an empty subject name and no critical subjectAltName.',
  }),
  CERT_EXPIRED: def<{ label: string; notAfter: string }>('input', 'The {{label}} expired on {{notAfter}}.'),
  CERT_EXTENSION_CRITICALITY: variants<{
    mustNotBeCritical: { label: string; name: string };
    basicConstraints: { label: string };
    policyConstraints: { label: string };
  }>('input', {
    mustNotBeCritical: 'The {{label}} marks {{name}} critical; it must not be.',
    basicConstraints: 'The {{label}} is a CA certificate whose basicConstraints is not marked critical.',
    policyConstraints: 'The {{label}} has policyConstraints not marked critical.',
  }),
  CERT_EXTENSION_MALFORMED: variants<{
    authorityInfoAccess: { label: string };
    policyConstraints: { label: string };
  }>('input', {
    authorityInfoAccess: "The {{label}}'s authorityInfoAccess must hold one or more access descriptions.",
    policyConstraints: "The {{label}}'s policyConstraints is an empty sequence.",
  }),
  CERT_IS_CA: def('input', 'The answer certificate is a CA certificate; a PBX certificate never is.'),
  CERT_KEY_USAGE_INVALID: variants<{
    empty: { label: string };
    certSignNotCa: { label: string };
    caWithoutCertSign: { label: string };
    pathLenNotCa: { label: string };
  }>('input', {
    empty: "The {{label}}'s keyUsage asserts no usage at all.",
    certSignNotCa: 'The {{label}} allows keyCertSign but is not a CA certificate (basicConstraints cA is not set).',
    caWithoutCertSign: 'The {{label}} is a CA certificate whose keyUsage lacks keyCertSign.',
    pathLenNotCa: 'The {{label}} has a path length limit but is not a CA certificate.',
  }),
  CERT_KEY_USAGE_MISMATCH: def<{ label: string }>(
    'input',
    "The {{label}}'s keyUsage does not allow what it is used for here.",
  ),
  CERT_NOT_V3: def<{ label: string }>('input', 'The {{label}} is not an X.509 version 3 certificate.'),
  CERT_NOT_YET_VALID: def<{ label: string; notBefore: string }>(
    'input',
    "The {{label}} is valid only from {{notBefore}}; check the PBX's clock.",
  ),
  CERT_POLICY_UNSUPPORTED: def<{ label: string }>(
    'input',
    'The {{label}} requires an explicit certificate policy; this PBX checks no policies, so it cannot honour that.',
  ),
  CERT_SERIAL_INVALID: def<{ label: string }>(
    'input',
    "The {{label}}'s serial number must be a positive integer of at most 20 bytes (RFC 5280 §4.1.2.2).",
  ),
  CERT_SKI_MISSING: def<{ label: string }>(
    'input',
    'The {{label}} is a CA certificate without a subjectKeyIdentifier.',
  ),
  CERT_UNKNOWN_CRITICAL: def<{ label: string; id: string }>(
    'input',
    'The {{label}} has a critical extension this PBX does not understand ({{id}}).',
  ),
  CHAIN_NOT_CA: variants<{
    notCa: { label: string };
    mayNotSign: { label: string };
  }>('input', {
    notCa: 'The {{label}} is not a CA certificate.',
    mayNotSign: 'The {{label}} may not sign certificates.',
  }),
  CHAIN_PATH_LENGTH: def<{ label: string; pathLen: number; below: number }>(
    'input',
    'The {{label}} allows {{pathLen}} CAs below it, but the chain has {{below}}.',
  ),
  CHAIN_TOO_COMPLEX: def<{ maxChecks: number }>(
    'input',
    'The certificate chain offers too many possible issuers; no path was found within {{maxChecks}} checks.',
  ),
  CHAIN_TOO_LONG: def<{ maxPath: number }>('input', 'The certificate chain is longer than {{maxPath}} certificates.'),
  CHAIN_UNTRUSTED: def<{ what: string }>(
    'input',
    'The {{what}} was not issued under the root this PBX trusts: its issuer is missing from the chain or belongs to another authority.',
  ),
  DER_MALFORMED: variants<{
    empty: { what: string };
    invalid: { what: string; reason: string };
  }>('input', {
    empty: 'The {{what}} is empty.',
    invalid: 'The {{what}} is not valid DER ({{reason}}).',
  }),
  DER_NOT_CANONICAL: def<{ what: string }>('input', 'The {{what}} is not in canonical DER form.'),
  DER_TOO_LARGE: def<{ what: string; length: number; maxBytes: number }>(
    'input',
    'The {{what}} is {{length}} bytes; at most {{maxBytes}} are accepted.',
  ),
  DEVICE_INFO_MALFORMED: def<{ field: string; expected: string }>(
    'input',
    "The request's device details are malformed: {{field}} {{expected}}.",
  ),
  KEY_CURVE_UNSUPPORTED: def<{ curve: string }>(
    'input',
    'The key uses the curve {{curve}}; only P-256 (prime256v1) is accepted for ECDSA.',
  ),
  KEY_EC_EXPLICIT_PARAMETERS: def<{ label: string }>(
    'input',
    "The {{label}}'s EC key spells out its curve parameters; only a named curve is accepted.",
  ),
  KEY_RSA_SIZE_UNUSUAL: def<{ label: string; bits: number }>(
    'input',
    "The {{label}}'s RSA key has {{bits}} bits, not a whole number of bytes.",
  ),
  KEY_TOO_SMALL: def<{ bits: number; minBits: number }>(
    'input',
    'The RSA key has {{bits}} bits; at least {{minBits}} are required.',
  ),
  KEY_UNSUPPORTED: variants<{
    unreadable: NoParams;
    type: { type: string };
  }>('input', {
    unreadable:
      'The public key could not be read: it uses an unknown curve or algorithm. Use ECDSA P-256, Ed25519 or RSA of at least 2048 bits.',
    type: 'Keys of type {{type}} are not accepted. Use ECDSA P-256, Ed25519 or RSA of at least 2048 bits.',
  }),
  LICENCE_INFO_MALFORMED: def<{ field: string; expected: string }>(
    'input',
    "The certificate's licence extension is malformed: {{field}} {{expected}}.",
  ),
  MODEL_INVALID: def<{ model: string }>('input', 'The model (CN) "{{model}}" is not a model id such as comtrexx-vm.'),
  PEM_MALFORMED: def<{ block: number; label: string; problem: string }>(
    'input',
    'PEM block {{block}} ({{label}}) {{problem}}.',
  ),
  PEM_TOO_LARGE: def<{ limitKiB: number; limit: number }>(
    'input',
    'This text is larger than {{limitKiB}} KiB, far more than a certificate chain: paste only the PEM blocks.',
  ),
  RECEIPT_NONCE_MISMATCH: def(
    'rule',
    'The receipt answers another request (its nonce is not the one this PBX just sent): an old receipt replayed, or a confused server.',
  ),
  RECEIPT_SIGNATURE_INVALID: def<{ message: string }>(
    'rule',
    "The receipt's signature is not valid ({{message}}): it was changed on the way or not made by the licence authority.",
  ),
  RECEIPT_SIGNER_EXPIRED: def<{ at: string; message: string }>(
    'rule',
    "A certificate of the receipt's chain is not valid at the receipt's time {{at}}: {{message}}",
  ),
  RECEIPT_SIGNER_NOT_CA: def(
    'rule',
    'The receipt is signed by a certificate that is not a CA certificate; only a licence authority CA may sign receipts.',
  ),
  RECEIPT_UNTRUSTED: def<{ message: string }>(
    'rule',
    'The receipt was not signed under the root this PBX trusts ({{message}}).',
  ),
  RECEIPT_WRONG_CERTIFICATE: def<{ certificateSerial: string; askedSerial: string }>(
    'rule',
    'The receipt is for certificate {{certificateSerial}}, but this PBX asked about {{askedSerial}}.',
  ),
  REQUEST_ASKS_CA: def(
    'input',
    'The request asks to become a certificate authority (basicConstraints CA:TRUE); a PBX certificate never can.',
  ),
  REQUEST_MALFORMED: variants<{
    notPkcs10: NoParams;
    signature: NoParams;
    attributes: NoParams;
    emptyExtension: { id: string };
  }>('input', {
    notPkcs10: 'This is not a PKCS#10 certificate request (version 1 with subject, key and signature).',
    signature: 'The request has no readable signature.',
    attributes: 'The request has data after its public key that is not an attribute set.',
    emptyExtension: "The request's extension {{id}} has no value.",
  }),
  // csvRow: a CSV import row, checked in the renderer; problem says what is wrong ("contains \"*\"").
  SERIAL_INVALID: variants<{
    name: { where: string; serial: string };
    csvRow: { row: number; serial: string; problem: string };
  }>('input', {
    name: "The {{where}} \"{{serial}}\" is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
    csvRow:
      "Row {{row}}: the serial \"{{serial}}\" {{problem}}; a serial has letters A–Z, digits 0–9, '.', '_' and '-', starting with a letter or digit, at most 64 characters.",
  }),
  SIGNATURE_ALGORITHM_MISMATCH: def<{ what: string; type: string }>(
    'input',
    "The {{what}}'s signature algorithm does not fit its {{type}} key.",
  ),
  SIGNATURE_ALGORITHM_UNSUPPORTED: def<{ what: string; algOid: string }>(
    'input',
    'The {{what}} uses the signature algorithm {{algOid}}, which is not accepted.',
  ),
  SIGNATURE_INVALID: def<{ what: string }>(
    'input',
    "The {{what}}'s signature is not valid: it was changed after signing or signed with another key.",
  ),
  SIGNATURE_SHA1: def<{ what: string }>(
    'input',
    'The {{what}} is signed with SHA-1, which is no longer accepted; sign with SHA-256.',
  ),
  SUBJECT_NO_SERIAL: def<{ what: string }>(
    'input',
    'The {{what}} has no serialNumber in its subject, so it cannot be matched to a PBX.',
  ),
  SUBJECT_UNSAFE_TEXT: variants<{
    where: { where: string; cp: string; position: number };
    cn: { what: string; position: number };
  }>('input', {
    where: 'The {{where}} contains an invisible or control character (U+{{cp}}) at position {{position}}.',
    cn: "The {{what}}'s CN contains an invisible or control character at position {{position}}.",
  }),
  SUBJECT_UNSUPPORTED: variants<{
    multiValued: { what: string };
    attribute: { what: string; oid: string };
    notText: { what: string; attribute: string };
    repeated: { what: string };
  }>('input', {
    multiValued: "The {{what}}'s subject has a multi-valued name part; only serialNumber and CN are accepted.",
    attribute: "The {{what}}'s subject has the attribute {{oid}}; only serialNumber (2.5.4.5) and CN are accepted.",
    notText: "The {{what}}'s {{attribute}} is not a text string.",
    repeated: "The {{what}}'s subject repeats an attribute.",
  }),
  UNKNOWN_FEATURE: def<{ shown: string; choices: string[]; feature: string | number; valid: number[] }>(
    'input',
    'Unknown feature {{shown}}; expected one of: {{choices}}',
  ),
  UNKNOWN_MODEL: def<{ shown: string; valid: string[]; model: string }>(
    'input',
    'Unknown model {{shown}}; expected one of: {{valid}}',
  ),
  VERIFY_REQUEST_INVALID: def<{ field: string; problem: string }>('input', '{{field}}: {{problem}}.'),
};
