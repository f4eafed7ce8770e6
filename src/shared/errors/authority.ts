import { def, type NoParams, variants } from './define';

export const AUTHORITY_ERRORS = {
  AUDIT_CHECKPOINT_INVALID: def<{ problem: string }>('rule', '{{problem}}'),
  AUDIT_CHECKPOINT_MISSING: def<{ problem: string }>('rule', '{{problem}}'),
  AUDIT_CHECKPOINT_NONE: def('not_found', 'This authority writes no audit checkpoints.'),
  AUDIT_CHECKPOINT_TRUNCATED: def<{ problem: string }>('rule', '{{problem}}'),
  AUDIT_SIGNER_INVALID: def(
    'rule',
    "The audit signer certificate (ca/audit-signer.pem) was not issued by this authority's issuing CA.",
  ),
  AUTHORITY_MISSING: def<{ dataDir: string }>(
    'not_found',
    'No licence authority in {{dataDir}}: run "licence-desk init" first.',
  ),
  BINDING_ALREADY_RESET: def<{
    binding: number;
    feature: number;
    hostLabel: string;
    resetTime: string;
    byWhom: string;
    resetAt: string | null;
  }>(
    'rule',
    'Binding {{binding}} (feature {{feature}} on host {{hostLabel}}) was already reset on {{resetTime}}{{byWhom}}.',
  ),
  BINDING_ELSEWHERE: def<{
    what: string;
    serial: string;
    hostLabel: string;
    sinceTime: string;
    binding: number;
    feature: number;
    host: string;
    hostName: string | null;
    since: string;
  }>(
    'rule',
    'Licence {{what}} of {{serial}} is bound to host {{hostLabel}} since {{sinceTime}}; reset that binding first (binding {{binding}}: licence-desk binding reset {{binding}} --feature {{feature}}).',
  ),
  BINDING_FEATURE_MISMATCH: def<{
    binding: number;
    feature: number;
    bindingProduct: string;
    given: number;
    givenProduct: string;
  }>(
    'rule',
    'Binding {{binding}} is feature {{feature}} ({{bindingProduct}}), not {{given}} ({{givenProduct}}); nothing was reset.',
  ),
  BINDING_NOT_FOUND: def<{ id: number }>(
    'not_found',
    'There is no binding {{id}}; list them with: licence-desk binding list',
  ),
  COUPON_ALREADY_REDEEMED: def<{ shown: string; when: string; by: string; redeemedAt: string; serial?: string | null }>(
    'conflict',
    'Coupon {{shown}} was already redeemed on {{when}}{{by}}; a coupon is redeemed only once.',
  ),
  COUPON_BLOCKED: def<{ shown: string; blockedOn: string; blockedAt: string }>(
    'rule',
    'Coupon {{shown}} was blocked by the vendor on {{blockedOn}}; ask the shop for a replacement.',
  ),
  COUPON_BUNDLE_NO_MODEL: def<{ features: string }>(
    'input',
    'No model carries all of features {{features}}; split them into separate coupons.',
  ),
  COUPON_FEATURES_REQUIRED: variants<{
    oneOrBundle: NoParams;
    quantityInBundle: NoParams;
  }>('input', {
    oneOrBundle:
      'Give either feature (and quantity) for a one-feature coupon, or features for a bundle — exactly one of them.',
    quantityInBundle: 'quantity goes with feature; in a bundle give each entry its own quantity.',
  }),
  COUPON_FEATURE_NOT_FOR_MODEL: def<{ names: string; name: string; features: string }>(
    'rule',
    'This coupon holds feature {{names}}, which {{name}} cannot carry (it takes {{features}}); nothing was redeemed.',
  ),
  COUPON_FEATURE_TWICE: def<{ number: number; name: string }>(
    'input',
    'Feature {{number}} ({{name}}) is listed twice in the bundle.',
  ),
  COUPON_MALFORMED: def<{ what: string }>('input', 'This coupon code {{what}}.'),
  COUPON_NO_REGISTRATION: def<{ serial: string }>(
    'rule',
    "{{serial}} is not linked to a registration yet: link it to the customer's number first (licence-desk registration link --registration MIKO-… --serial {{serial}}), then redeem the coupon.",
  ),
  COUPON_TYPO: def<{ canonical: string }>(
    'input',
    'The coupon code {{canonical}} has a typo: its check character does not match. Compare it character by character with the delivery email.',
  ),
  COUPON_UNKNOWN: def<{ masked: string }>(
    'not_found',
    'There is no coupon {{masked}}: check the code in the delivery email (its check character is right, so it is probably from another shop or was never issued).',
  ),
  DAYS_INVALID: def<{ maxDays: number }>('input', 'The number of days must be a whole number from 1 to {{maxDays}}.'),
  DEVICE_EXISTS: def<{ serial: string; spelt: string }>(
    'conflict',
    'A device with serial {{serial}} is already registered{{spelt}}.',
  ),
  DEVICE_HELD_ELSEWHERE: def<{ serial: string; transfer: string }>(
    'conflict',
    'Serial {{serial}} is registered by another reseller. If this PBX is yours, ask the vendor to transfer it: device transfer request {{serial}}.',
  ),
  DEVICE_NOT_FOUND: variants<{
    plain: { serial: string };
    addFirst: { serial: string };
  }>('not_found', {
    plain: 'No device with serial {{serial}} is registered.',
    addFirst: 'No device with serial {{serial}} is registered; add it first.',
  }),
  DEVICE_NOT_HOST_BOUND: def<{ serial: string; modelWithArticle: string; model: string }>(
    'rule',
    '{{serial}} is {{modelWithArticle}}: its licences are bound to its serial, so it takes no registration number.',
  ),
  DEVICE_OTHER_REGISTRATION: def<{ serial: string; owner: string }>(
    'rule',
    'Device {{serial}} belongs to {{owner}}; it cannot start a trial under a second one.',
  ),
  DEVICE_RETIRED: variants<{
    noCertificates: { serial: string; retiredAt: string };
    already: { serial: string; retiredAt: string };
    plain: { serial: string; retiredAt: string };
    noCoupons: { serial: string; retiredAt: string };
  }>('rule', {
    noCertificates: 'Device {{serial}} was retired on {{retiredAt}}; it gets no new certificates.',
    already: 'Device {{serial}} was already retired on {{retiredAt}}.',
    plain: 'Device {{serial}} was retired on {{retiredAt}}.',
    noCoupons: 'Device {{serial}} was retired on {{retiredAt}}; it cannot redeem coupons.',
  }),
  EULA_NOT_ACCEPTED: def<{ registration: string; version: string }>(
    'rule',
    'The owner of {{registration}} has not accepted licence agreement {{version}} yet: accept it first (licence-desk eula accept --registration {{registration}}).',
  ),
  EULA_VERSION_EXISTS: def<{ version: string }>('conflict', 'Licence agreement {{version}} is already published.'),
  EULA_VERSION_NOT_NEWER: def<{ version: string; current: string }>(
    'rule',
    'Licence agreement {{version}} is not newer than the current version {{current}}; publish a higher version number.',
  ),
  FEATURE_NOT_FOR_MODEL: def<{ name: string; feature: string; number: number; features: string }>(
    'rule',
    '{{name}} cannot carry {{feature}} (feature {{number}}); it takes features {{features}}.',
  ),
  GRANT_NO_REGISTRATION: def<{ serial: string }>(
    'rule',
    "{{serial}} is not linked to a registration yet: link it to the customer's number first (licence-desk registration link --registration MIKO-… --serial {{serial}}), then grant the licence.",
  ),
  HSM_CERTIFICATE_MISSING: def<{ hsmIssuingCert: string }>(
    'not_found',
    'No certificate for an HSM issuing key in {{hsmIssuingCert}}: run "licence-desk ca hsm-issue --issuing-key pkcs11:…" first.',
  ),
  HSM_KEY_MISMATCH: def<{ hsmIssuingCert: string }>(
    'input',
    'The key the PKCS#11 URI names is not the key of {{hsmIssuingCert}}; name the key "ca hsm-issue" made.',
  ),
  LICENCES_CHANGED: def('conflict', "The device's licences changed while its certificate was being made; try again."),
  MODEL_MISMATCH: def<{ model: string; serial: string; known: string }>(
    'rule',
    'The code says the PBX is the model {{model}}, but {{serial}} is registered as the model {{known}}.',
  ),
  NO_LICENCES: def<{ serial: string }>(
    'rule',
    'Device {{serial}} has no active licences: grant one before recreating its certificate.',
  ),
  QUANTITY_INVALID: variants<{
    range: { maxQuantity: number };
    notCountable: { name: string };
    notCountableGiven: { name: string; number: number; quantity: number };
  }>('input', {
    range: 'The quantity must be a whole number from 1 to {{maxQuantity}}.',
    notCountable: '{{name}} is not countable: its quantity is always 1.',
    notCountableGiven: '{{name}} (feature {{number}}) is not countable: its quantity is always 1, not {{quantity}}.',
  }),
  REGISTRATION_NOT_FOUND: def<{ number: string }>('not_found', 'No registration {{number}} is known here.'),
  REGISTRATION_BLOCKED: variants<{
    number: { number: string; blockedOn: string };
    numberWithReason: { number: string; blockedOn: string; reason: string };
    allOfAddress: { email: string; count: number };
  }>('rule', {
    number:
      'Registration {{number}} was blocked by the vendor on {{blockedOn}}: it cannot be linked, start a trial, redeem coupons, get licences or be recovered. Ask the vendor.',
    numberWithReason:
      'Registration {{number}} was blocked by the vendor on {{blockedOn}} ({{reason}}): it cannot be linked, start a trial, redeem coupons, get licences or be recovered. Ask the vendor.',
    allOfAddress:
      'Every registration number of {{email}} ({{count}}) was blocked by the vendor: nothing is recovered or sent. Ask the vendor.',
  }),
  REGISTRATION_OTHER_RESELLER: def<{ number: string }>(
    'rule',
    'Registration {{number}} was made through another reseller: only that reseller can use it. Register the customer here (registration create), or ask the vendor.',
  ),
  REGISTRATION_NUMBER_EXHAUSTED: def<{ attempts: number }>(
    'conflict',
    'No free registration number was found in {{attempts}} attempts; try again.',
  ),
  REQUEST_OTHER_DEVICE: def<{ serial: string; expectedSerial: string }>(
    'rule',
    'This initialisation code belongs to the PBX with serial {{serial}}, not to {{expectedSerial}}.',
  ),
  REQUEST_STALE_GENERATION: def<{ presented: number; current: number; certificate: string }>(
    'rule',
    'This initialisation code is generation {{presented}}, but this PBX already has a certificate for generation {{current}} ({{certificate}}): an older code cannot replace a newer certificate. Make a new initialisation code on the PBX and use that one.',
  ),
  RESELLER_ONLY: variants<{
    devices: NoParams;
    transfers: NoParams;
  }>('rule', {
    devices: 'Only a reseller can manage devices; this token belongs to the vendor.',
    transfers: 'Only a reseller can ask for a transfer; the vendor decides on them.',
  }),
  SYSTEM_ACTIVATION_REQUIRED: def<{ name: string; number: number }>(
    'rule',
    '{{name}} needs a system activation licence (feature {{number}}).',
  ),
  TRANSFER_ALREADY_REQUESTED: def<{ serial: string }>(
    'conflict',
    'You already asked for serial {{serial}}; the vendor has not decided yet.',
  ),
  TRANSFER_DECIDED: variants<{
    already: { id: number; outcome: string | null; decidedAt: string };
    meanwhile: { id: number };
  }>('rule', {
    already: 'Transfer request {{id}} was already {{outcome}} on {{decidedAt}}.',
    meanwhile: 'Transfer request {{id}} was decided meanwhile.',
  }),
  TRANSFER_NOT_FOUND: def<{ id: number }>('not_found', 'There is no transfer request {{id}}.'),
  TRANSFER_OWN_DEVICE: def<{ serial: string }>(
    'rule',
    'Serial {{serial}} is already registered by you; nothing to transfer.',
  ),
  TRANSFER_STALE: def<{ serial: string }>(
    'conflict',
    'Serial {{serial}} is no longer held by the reseller it was asked from.',
  ),
  TRANSFER_UNKNOWN_SERIAL: def<{ serial: string }>(
    'not_found',
    'No reseller holds serial {{serial}}: register it yourself (device add) instead.',
  ),
  TRIAL_ALREADY_USED_HOST: def<{
    host: string;
    productWithArticle: string;
    number: number;
    span: string;
    under: string;
    feature: number;
    startedAt: string;
    endsAt: string;
  }>(
    'rule',
    'This host (fingerprint {{host}}…) already had {{productWithArticle}} trial (feature {{number}}) {{span}} {{under}}: a host gets one trial per product.',
  ),
  TRIAL_ALREADY_USED_REGISTRATION: def<{
    registration: string;
    name: string;
    number: number;
    span: string;
    onDevice: string;
    feature: number;
    startedAt: string;
    endsAt: string;
  }>(
    'rule',
    'Registration {{registration}} already had its {{name}} trial (feature {{number}}) {{span}}{{onDevice}}: a registration gets one trial per product.',
  ),
  TRIAL_NOT_AVAILABLE: variants<{
    model: { name: string; why: string; model: string };
    licensed: { serial: string; name: string; number: number; reason: string };
  }>('rule', {
    model: '{{name}} has no trial: {{why}}.',
    licensed: 'Device {{serial}} already has a bought {{name}} licence (feature {{number}}): it needs no trial.',
  }),
  TRYOUT_ALREADY_USED: def<{
    serial: string;
    started: string;
    how: string;
    startedAt: string;
    endsAt: string;
    endedAt: string | null;
    state: string;
  }>(
    'rule',
    'Device {{serial}} already used its tryout: it started on {{started}} and {{how}}. A tryout runs once per PBX, ever.',
  ),
  TRYOUT_NOT_ACTIVE: def<{ serial: string; stateText: string; state: string }>(
    'rule',
    'Device {{serial}} is not in tryout mode: {{stateText}}.',
  ),
  TRYOUT_NOT_AVAILABLE: variants<{
    reason: { reason: string | null; model: string };
    noUserFeature: { name: string };
    licensed: { serial: string; reason: string };
  }>('rule', {
    reason: '{{reason}}.',
    noUserFeature: '{{name}} carries no user licence feature for its tryout.',
    licensed: 'Device {{serial}} already has bought licences: a tryout is only for a PBX without bought licences.',
  }),
  VERIFY_REPLAY: def<{ nonce: string }>(
    'conflict',
    'This verification request (nonce {{nonce}}) was already answered; a PBX makes a fresh nonce for every check.',
  ),
  VERIFY_SIGNATURE_INVALID: def<{ serialHex: string }>(
    'forbidden',
    'The verification request is not signed with the key of certificate {{serialHex}}: it was changed on the way or made by another device.',
  ),
  VERIFY_UNKNOWN_CERTIFICATE: def<{ serialHex: string }>(
    'not_found',
    'No certificate with serial {{serialHex}} was issued by this licence authority.',
  ),
};
