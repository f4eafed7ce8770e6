import { def, type NoParams, variants } from './define';

export const SERVER_ERRORS = {
  CHANNEL_UNKNOWN: def('input', 'There is no such API function.'),
  OUTPUT_INVALID: def<{ channel: string; issues: string }>(
    'internal',
    'The {{channel}} result did not match the contract: {{issues}}',
  ),
  SENDER_REFUSED: def('forbidden', 'This request did not come from the Licence Desk window and was refused.'),
  DATABASE_UNAVAILABLE: def('unavailable', "The authority's database cannot be reached right now; try again shortly."),
  HSM_FAILED: def<{ reason: string }>('unavailable', 'The hardware module failed: {{reason}}.'),
  INTERNAL: variants<{ server: NoParams; browserMode: NoParams; unexpected: { reason: string } }>('internal', {
    server: 'The server failed unexpectedly; the failure was logged.',
    browserMode: 'Unexpected failure in browser mode.',
    unexpected: 'Unexpected failure: {{reason}}',
  }),
  // reason: the mail server's own words (first line); code: nodemailer's code, when it gave one.
  MAIL_UNAVAILABLE: variants<{
    unreachable: { server: string; reason: string; code?: string };
    refused: { server: string; reason: string; code?: string };
  }>('unavailable', {
    unreachable: 'The mail server {{server}} could not be reached ({{reason}}); nothing was sent.',
    refused: 'The mail server {{server}} did not accept the mail ({{reason}}); nothing was sent.',
  }),
  BODY_NOT_JSON: variants<{
    empty: NoParams;
    syntax: { message: string };
    invalid: NoParams;
  }>('input', {
    empty: 'The request body is empty; send a JSON object ({} for no fields).',
    syntax: 'The request body is not valid JSON: {{message}}',
    invalid: 'The request body is not valid JSON.',
  }),
  BODY_TOO_LARGE: def('input', 'The request body is larger than this server accepts.', { status: 413 }),
  CONTENT_TYPE_UNSUPPORTED: def('input', 'Send the request body as JSON (Content-Type: application/json).', {
    status: 415,
  }),
  HSM_KEY_AMBIGUOUS: def<{ label: string; name: string }>(
    'input',
    'Token "{{label}}" has several keys {{name}}: add id=….',
  ),
  HSM_KEY_EXISTS: def<{ label: string; name: string }>('conflict', 'Token "{{label}}" already has a key {{name}}.'),
  HSM_KEY_NOT_FOUND: def<{ label: string; name: string }>(
    'not_found',
    'Token "{{label}}" has no private key {{name}}.',
  ),
  HSM_KEY_UNSUPPORTED: def<{ name: string }>(
    'input',
    'The key {{name}} is not an EC P-256 key; the issuing CA signs with P-256.',
  ),
  HSM_MODULE_UNAVAILABLE: def<{ modulePath: string; reason: string }>(
    'input',
    'The PKCS#11 module {{modulePath}} cannot be loaded: {{reason}}.',
  ),
  HSM_PIN_INCORRECT: def('input', 'The token refused the PIN (pin-source or pin-value of the PKCS#11 URI).'),
  HSM_PIN_LOCKED: def('forbidden', 'The token is locked after too many wrong PINs.'),
  HSM_PIN_MISSING: variants<{
    env: { name: string };
    file: { path: string; reason: string };
  }>('input', {
    env: 'pin-source env:{{name}}: the variable {{name}} is not set.',
    file: 'pin-source file:{{path}}: {{reason}}.',
  }),
  HSM_TOKEN_AMBIGUOUS: def<{ length: number; label: string }>(
    'input',
    '{{length}} tokens match "{{label}}": add serial=… to the URI.',
  ),
  HSM_TOKEN_NOT_FOUND: def<{ label: string; modulePath: string; seen: string }>(
    'not_found',
    'No token labelled "{{label}}" in {{modulePath}} (tokens there: {{seen}}).',
  ),
  HSM_TOKEN_UNINITIALISED: def('input', 'The token has no user PIN yet; initialise it first.'),
  IDEMPOTENCY_ANSWER_LOST: def(
    'conflict',
    "The request with this Idempotency-Key was carried out, but the server stopped before it could store the answer. It is not carried out twice: look at the result (e.g. the device's certificates), or send a new key to do it again.",
  ),
  IDEMPOTENCY_IN_PROGRESS: variants<{
    takenOver: NoParams;
    running: NoParams;
  }>('conflict', {
    takenOver: 'Another request with this Idempotency-Key took over while this one ran; this one was not carried out.',
    running: 'A request with this Idempotency-Key is still being carried out; retry in a moment.',
  }),
  IDEMPOTENCY_KEY_INVALID: def(
    'input',
    'The Idempotency-Key header must be 1 to 200 visible ASCII characters (a UUID is ideal).',
  ),
  IDEMPOTENCY_KEY_REUSED: def(
    'rule',
    'This Idempotency-Key was already used for a different request; use a new key for a new request.',
  ),
  INPUT_INVALID: variants<{
    issue: { issue: string; field: string; issues: number };
    symbolKey: NoParams;
    notPlain: NoParams;
    channel: { channel: string; issues: string };
    raw: { reason: string };
    notJson: NoParams;
  }>('input', {
    issue: '{{issue}}.',
    symbolKey: 'The input contains a symbol key; only plain data is accepted.',
    notPlain: 'The input must be plain data (objects, arrays, text, numbers, true/false, null).',
    channel: 'Invalid input for {{channel}}: {{issues}}',
    raw: '{{reason}}',
    notJson: 'The request body is not JSON.',
  }),
  OPTION_INVALID: variants<{
    smtpUrl: NoParams;
    smtpProtocol: { protocol: string };
    smtpHost: NoParams;
    timeout: { raw: string };
    wholeNumber: { name: string; value: string };
    bindingId: NoParams;
    feature: NoParams;
    bundleQuantity: NoParams;
    clock: { text: string; option: string };
    port: { value: string };
    keyType: { keyTypes: string };
    host: { host: string };
    portRange: { port: number };
  }>('input', {
    smtpUrl: '--smtp must be a URL such as smtp://mail.example.com:587.',
    smtpProtocol: '--smtp must start with smtp:// or smtps://, not {{protocol}}//.',
    smtpHost: '--smtp names no mail server host.',
    timeout: 'LICENCE_DESK_TIMEOUT must be a number of seconds, not "{{raw}}".',
    wholeNumber: '{{name}} must be a whole number, not "{{value}}".',
    bindingId: 'ID must be a binding number from `licence-desk binding list`.',
    feature: 'Give the feature: --feature F (repeat --feature F:Q for a bundle).',
    bundleQuantity: 'In a bundle give each quantity as --feature F:Q, not --quantity.',
    clock:
      '--clock must be an ISO 8601 time with seconds and a zone (2026-03-01T12:00:00Z) or a shift such as +20d, -1h; not "{{text}}".',
    port: '--port must be a port number from 0 to 65535, not "{{value}}".',
    keyType: '--key-type must be one of {{keyTypes}}.',
    host: '--host {{host}} is not an address of this machine.',
    portRange: '--port must be at most 65535, not {{port}}.',
  }),
  PKCS11_URI_INVALID: def<{ part: string; why: string }>('input', 'The PKCS#11 URI is not valid: {{part}} {{why}}.'),
  RATE_LIMITED: def<{ after: string }>('rule', 'Too many requests of this kind; try again in {{after}}.', {
    status: 429,
  }),
  // The HTTP framework's own refusal (a malformed header, say), in its words.
  REQUEST_INVALID: def<{ reason: string }>('input', '{{reason}}'),
  RESELLER_EXISTS: def<{ name: string }>('conflict', 'A reseller named "{{name}}" already exists.'),
  RESELLER_NOT_FOUND: def<{ name: string }>(
    'not_found',
    'There is no reseller named "{{name}}"; create it first (reseller create --name).',
  ),
  ROUTE_NOT_FOUND: def<{ method: string; path: string }>(
    'not_found',
    'There is no {{method}} {{path}}; operations are POST /v1/<operation> (see /openapi.json).',
  ),
  TOKEN_ALREADY_REVOKED: def<{ id: number; revokedAt: string }>(
    'rule',
    'API token {{id}} was already revoked on {{revokedAt}}.',
  ),
  TOKEN_INVALID: variants<{
    unknown: NoParams;
    header: NoParams;
  }>(
    'forbidden',
    {
      unknown: 'The API token is unknown or was revoked.',
      header: 'The Authorization header must be "Bearer <token>".',
    },
    { status: 401 },
  ),
  // api: the server's bearer token; browserMode: the per-launch token in the address "ui" printed.
  TOKEN_MISSING: variants<{ api: NoParams; browserMode: NoParams }>(
    'forbidden',
    {
      api: 'This operation needs an API token: send "Authorization: Bearer <token>".',
      browserMode: 'Open the address that "licence-desk ui" printed: it carries the access token.',
    },
    { status: 401 },
  ),
  TOKEN_WRONG: def(
    'forbidden',
    'The access token is wrong (Licence Desk was restarted?): open the address it printed last.',
  ),
  // Browser mode's guard (src/main/browser-mode/guard.ts): who may talk to its loopback server.
  NOT_LOOPBACK: def('forbidden', 'Browser mode answers this computer only.'),
  HOST_REFUSED: def<{ port: string }>(
    'forbidden',
    'Open Licence Desk as http://127.0.0.1:{{port}}/ (this Host is not accepted).',
  ),
  ORIGIN_REFUSED: def('forbidden', 'Requests from other web pages are refused.'),
  METHOD_NOT_ALLOWED: variants<{ api: NoParams; page: NoParams }>(
    'input',
    { api: 'API calls are POST requests.', page: 'Only GET is served here.' },
    { status: 405 },
  ),
  NOT_FOUND: def('not_found', 'There is no such page.'),
  // The page's own view of browser mode's server (src/renderer/api.ts).
  UI_SERVER_UNREACHABLE: def('unavailable', 'Licence Desk (licence-desk ui) is not running any more; start it again.'),
  UI_SERVER_GARBLED: def<{ status: string }>('internal', 'Unexpected answer from Licence Desk (HTTP {{status}}).'),
  PATH_REFUSED: def('forbidden', 'That path is outside the application.'),
  BAD_REQUEST: def('input', 'The request is malformed.'),
  TOKEN_NOT_FOUND: def<{ id: number }>('not_found', 'There is no API token with id {{id}}.'),
  TOKEN_RESELLER_REQUIRED: def('input', 'A reseller token needs the reseller it acts for (reseller: NAME).'),
  TOKEN_VENDOR_WITH_RESELLER: def<{ reseller: string }>(
    'input',
    'A vendor token acts for no reseller; leave out reseller "{{reseller}}".',
  ),
  UNKNOWN_OPERATION: def<{ name: string }>('input', 'There is no operation "{{name}}".'),
  VENDOR_ONLY: def<{ summary: string }>('forbidden', 'Only the vendor may {{summary}}.'),
};
