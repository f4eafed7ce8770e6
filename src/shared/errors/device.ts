import { def, type NoParams, variants } from './define';

export const DEVICE_ERRORS = {
  PBX_STATE_MISSING: def<{ path: string }>('not_found', 'No PBX state in {{path}}: initialise the PBX there first.'),
  PBX_STATE_CORRUPT: def<{ path: string; problem: string }>(
    'internal',
    'The PBX state file {{path}} is damaged: {{problem}}.',
  ),
  // fields: the fields that differ; fieldsText: them joined with "and"; verbEnding: "s" for one.
  ANSWER_BINDING_MISMATCH: def<{ fields: string[]; fieldsText: string; verbEnding: string }>(
    'rule',
    "The answer's binding does not match this PBX's waiting initialisation code: the {{fieldsText}} differ{{verbEnding}}.",
  ),
  ANSWER_NO_LICENCE: def(
    'rule',
    'The answer certificate carries no licence extension, so it licenses nothing: it was not made by a licence authority.',
  ),
  ANSWER_STALE: def<{ answerGeneration: number; waitingGeneration: number }>(
    'rule',
    'This answer was made for an older initialisation code (generation {{answerGeneration}}); this PBX waits for generation {{waitingGeneration}}. Paste the answer to the latest code.',
  ),
  ANSWER_WRONG_DEVICE: def<{ answerSerial: string; pbxSerial: string }>(
    'rule',
    "This answer is for the PBX with serial {{answerSerial}}, but this PBX's serial is {{pbxSerial}}.",
  ),
  ANSWER_WRONG_KEY: def<{ waiting: number }>(
    'rule',
    'This answer certifies a different key than the one this PBX made for its waiting initialisation code (generation {{waiting}}); it was made for another request.',
  ),
  ANSWER_WRONG_MODEL: def<{ answerModel: string; pbxModel: string }>(
    'rule',
    'This answer is for the model {{answerModel}}, but this PBX is the model {{pbxModel}}.',
  ),
  KEY_TYPE_UNSUPPORTED: def<{ type: string }>('input', 'The key type {{type}} is not one of ec-p256, ed25519, rsa.'),
  PBX_IDENTITY_MISMATCH: def<{ storedSerial: string; storedModel: string; givenSerial: string; givenModel: string }>(
    'rule',
    'This state folder belongs to the PBX {{storedSerial}} ({{storedModel}}); it cannot be initialised as {{givenSerial}} ({{givenModel}}). Use a new folder for another PBX.',
  ),
  PBX_NOT_LICENSED: variants<{
    sign: NoParams;
    verify: NoParams;
  }>('rule', {
    sign: 'This PBX has no installed certificate yet, so it has no device key to sign with.',
    verify: 'This PBX has no installed certificate yet, so there is nothing to verify online: install an answer first.',
  }),
  PBX_NO_PENDING: variants<{
    installed: { generation: number; alreadyInstalled: boolean };
    none: { alreadyInstalled: boolean };
  }>('rule', {
    installed:
      'This answer is already installed (generation {{generation}}); nothing to do. To install another answer, make a new initialisation code first.',
    none: 'This PBX has no initialisation code waiting for an answer. Make one (init) first, then paste the answer to that code.',
  }),
  PBX_TRUST_INVALID: variants<{
    blocks: { length: number };
    notCa: NoParams;
  }>('input', {
    blocks: 'The trusted root must be exactly one PEM CERTIFICATE; this text holds {{length}} PEM blocks.',
    notCa: 'The trusted root is not a CA certificate.',
  }),
  PBX_TRUST_REQUIRED: def(
    'input',
    'A new PBX needs the root certificate it trusts (PEM): give it with --trust on the first init.',
  ),
  RECEIPT_MALFORMED: def<{ issue: string }>('rule', "The server's answer is not a verification receipt ({{issue}})."),
};
