import { def, type NoParams, variants } from './define';

export const APP_ERRORS = {
  // CSV import, checked in the renderer before anything is sent.
  CSV_EMPTY: def(
    'input',
    'The file is empty: it needs a header row (serial,model,name,customer) and one row per device.',
  ),
  // missingText: the missing column names quoted and joined with "and"; verb: "is" or "are".
  CSV_HEADER_MISSING: def<{ missing: string[]; missingText: string; verb: string; found: string }>(
    'input',
    'The first row must name the columns; {{missingText}} {{verb}} missing (found: {{found}}; German and Russian names such as "Seriennummer", "Modell" work too).',
  ),
  CSV_TOO_MANY_FIELDS: def<{ row: number; fields: number; columns: number }>(
    'input',
    'Row {{row}} has {{fields}} fields but the header names {{columns}}: is a comma missing its quotes?',
  ),
  ANSWER_SELF_CHECK_FAILED: def<{ reason: string; reasonCode: string }>(
    'internal',
    "The answer was issued but fails the PBX's own check, so it is not shown: {{reason}} [{{reasonCode}}]",
  ),
  // detail: the keychain library's own words; hint: how to unlock it on this platform.
  KEYCHAIN_UNAVAILABLE: def<{ detail: string; hint: string }>(
    'unavailable',
    "The operating system's keychain cannot be reached or is locked ({{detail}}); Licence Desk keeps secrets only there: {{hint}}.",
  ),
  KEYCHAIN_FAILED: def<{ detail: string }>(
    'internal',
    "The operating system's keychain refused the request: {{detail}}",
  ),
  PBX_CERTIFICATE_REVOKED: def<{ status: string }>(
    'rule',
    "The licence server reports this PBX's certificate as {{status}}: its binding was reset or it was withdrawn: recreate the certificate.",
  ),
  PBX_CERTIFICATE_SUPERSEDED: def<{ status: string }>(
    'rule',
    "The licence server reports this PBX's certificate as {{status}}: a newer certificate was issued for this PBX: install its answer (or recreate the certificate).",
  ),
  PBX_CERTIFICATE_EXPIRED: def<{ status: string }>(
    'rule',
    "The licence server reports this PBX's certificate as {{status}}: its licences ran out: recreate the certificate after renewing them.",
  ),
  SERVER_BAD_RESPONSE: def<{ host: string; why: string }>(
    'unavailable',
    'The server at {{host}} is not a Licence Desk authority: {{why}}.',
  ),
  SERVER_BUSY: def<{ host: string }>('unavailable', 'The server at {{host}} is unavailable right now.'),
  SERVER_TIMEOUT: def<{ host: string }>('unavailable', 'The server at {{host}} did not answer in time.'),
  SERVER_UNREACHABLE: def<{ host: string; cause: string }>(
    'unavailable',
    'The server at {{host}} cannot be reached ({{cause}}).',
  ),
  AUDIT_BROKEN: def<{ id: number; reason: string; entries: number }>(
    'rule',
    'Audit log broken at entry {{id}}: {{reason}}. Entries from {{id}} on cannot be trusted ({{entries}} entries in the log).',
  ),
  // The audit verifier words these findings itself (which entry, which hash): {{problem}} is its sentence.
  AUDIT_REWRITTEN: def<{ problem: string; id?: number }>('rule', '{{problem}}'),
  AUDIT_TAIL_MISSING: def<{ problem: string; id?: number }>('rule', '{{problem}}'),
  BIND_REFUSED: def<{ bindHost: string; host: string }>(
    'input',
    'Browser mode listens on {{bindHost}} only, never on {{host}}: it must not be reachable from the network.',
  ),
  CONNECTION_INCOMPLETE: def('rule', 'Connected mode has no pinned root for its server: connect to the server again.'),
  DEMO_FAILED: def<{ state: string }>(
    'rule',
    'The demo PBX reports "{{state}}" after installing its answer; the loop did not complete.',
  ),
  FILE_UNREADABLE: def<{ file: string; what: string }>('input', 'Cannot read {{file}} (expected {{what}}).'),
  INPUT_FORBIDDEN_KEY: def<{ key: string }>('input', 'The input contains the key "{{key}}", which is never accepted.'),
  INPUT_TOO_LARGE: variants<{
    source: { source: string; limitKiB: number; what: string };
    input: { limitKiB: number; what: string };
    what: { what: string };
  }>('input', {
    source: '{{source}} is larger than {{limitKiB}} KiB; it cannot be {{what}}.',
    input: 'The input is larger than {{limitKiB}} KiB; it cannot be {{what}}.',
    what: 'The input is too large ({{what}}).',
  }),
  LOGIN_TOKEN_EMPTY: def('input', 'No token was given: type it at the prompt or pipe it in.'),
  LOGIN_TOKEN_MALFORMED: def('input', 'That is not an API token (8 to 512 printable characters, no spaces).'),
  MODE_CHANGE_NEEDS_CONNECT: def(
    'rule',
    'The mode and the server address change only by connecting to a server (its address and token are checked first) or by disconnecting, not by a setting alone.',
  ),
  OPTION_CONFLICT: variants<{
    database: NoParams;
    loginToken: NoParams;
    serveServer: NoParams;
    restoreDatabase: NoParams;
  }>('input', {
    database: '--database is for the embedded authority; with --server, the server has its own database.',
    loginToken: 'login reads the token from a prompt or standard input, not --token.',
    serveServer: 'serve runs an authority; --server is for using one elsewhere.',
    restoreDatabase: "restore writes the data folder's own database; leave out --database.",
  }),
  OPTION_MISSING: def<{ verb: string }>('input', '{{verb}} needs --server URL: the server whose token it keeps.'),
  PORT_IN_USE: variants<{
    port: { port: number };
    hostPort: { port: number; host: string };
  }>('input', {
    port: 'Port {{port}} is already in use; choose another with --port.',
    hostPort: 'Port {{port}} on {{host}} is already in use; choose another with --port.',
  }),
  REGISTRATION_NUMBER_INVALID: def<{
    shown: string;
    example: string;
    groups: number;
    groupLength: number;
    length: number;
    plural: string;
  }>(
    'input',
    '"{{shown}}" is not a registration number: expected {{example}} ({{groups}} groups of {{groupLength}} after MIKO), found {{length}} group{{plural}}.',
  ),
  REGISTRATION_NUMBER_TYPO: variants<{
    what: { what: string; group: number; position?: number };
    position: { group: number; position: number };
    checkCharacter: { group: number };
  }>('input', {
    what: 'The registration number has a typo: {{what}}.',
    position:
      'The registration number has a typo in group {{group}}, character {{position}}: its check character does not match.',
    checkCharacter:
      'The registration number has a typo: its check character (the last one, in group 4) does not match the others; a character is mistyped or two are swapped.',
  }),
  ROOT_INVALID: def('input', "The authority's root certificate file does not hold exactly one certificate."),
  SERVER_ROOT_CHANGED: def<{ server: string; rootHash: string; pinnedHash: string }>(
    'rule',
    'The server at {{server}} presents another root certificate (SHA-256 {{rootHash}}…) than the one pinned when you first connected ({{pinnedHash}}…). If the vendor really replaced its CA, log out (or disconnect) and connect again.',
  ),
  SERVER_ROOT_INVALID: def('rule', 'The server did not send exactly one root certificate.'),
  SERVER_URL_INVALID: variants<{
    address: { serverUrl: string };
    protocol: { protocol: string };
  }>('input', {
    address: '"{{serverUrl}}" is not a server address such as http://host:8417.',
    protocol: 'The server address must start with http:// or https://, not {{protocol}}',
  }),
  TOKEN_NOT_IN_KEYCHAIN: def<{ server: string; serverUrl: string }>(
    'rule',
    'The keychain holds no token for {{server}} (was the entry deleted?): connect to the server again, or run "licence-desk login --server {{serverUrl}}".',
  ),
  UI_NOT_BUILT: def<{ rendererDir: string }>(
    'input',
    'The user interface is not built ({{rendererDir}} has no index.html): run "npm run build" first.',
  ),
};
