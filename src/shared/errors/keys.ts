// Sealed keys, the root kept offline, backup and restore (docs/keys.md).
import { def, type NoParams } from './define';

export const KEY_ERRORS = {
  SCRYPT_COST_INVALID: def<{ raw: string; min: number; max: number }>(
    'input',
    'LICENCE_DESK_SCRYPT_LOG2N must be a whole number from {{min}} to {{max}}, not "{{raw}}".',
  ),
  KEY_SEALER_MISSING: def<NoParams>(
    'input',
    "The authority's private keys are only ever stored sealed, and nothing to seal them with is available: unlock the OS keychain, or (on a server or in CI) set LICENCE_DESK_PASSPHRASE.",
  ),
  KEY_PASSPHRASE_MISSING: def<{ where: string; source: string }>(
    'input',
    '{{where}} is sealed with a passphrase: set {{source}} (or type it at the prompt).',
  ),
  KEY_PASSPHRASE_WRONG: def<{ where: string; source: string }>(
    'input',
    'The passphrase ({{source}}) does not open {{where}}: check it and try again.',
  ),
  KEY_WRAPPING_KEY_MISSING: def<{ where: string }>(
    'input',
    '{{where}} is sealed under the OS keychain\'s wrapping key (entry "ca.wrapping-key"), and that entry is gone from the keychain: the authority\'s keys cannot be opened. Restore the data folder from a backup ("licence-desk restore FILE", or Settings → Restore).',
  ),
  KEY_WRAPPING_KEY_WRONG: def<{ where: string }>(
    'input',
    '{{where}} was sealed under another wrapping key than the one in this OS keychain (ca.wrapping-key); the keys cannot be opened here: restore the data folder from a backup ("licence-desk restore FILE").',
  ),
  KEY_KEYCHAIN_NEEDED: def<{ where: string }>(
    'input',
    "{{where}} is sealed under the OS keychain's wrapping key, but the keychain was not used (LICENCE_DESK_PASSPHRASE is set): unset LICENCE_DESK_PASSPHRASE in a session where the keychain is unlocked.",
  ),
  KEY_FILE_EDITED: def<{ where: string }>(
    'input',
    '{{where}} has been changed since it was sealed; restore it from a backup.',
  ),
  KEY_FILE_INVALID: def<{ where: string; why: string }>(
    'input',
    '{{where}} cannot be opened: {{why}}. Restore it from a backup.',
  ),
  KEY_FILE_NEWER: def<{ where: string; version: number; supported: number }>(
    'input',
    '{{where}} was sealed by a newer Licence Desk (format {{version}}; this one reads {{supported}}): update Licence Desk.',
  ),
  KEY_FILE_MISSING: def<{ what: string; file: string }>('not_found', 'The {{what}} ({{file}}) is missing.'),
  ROOT_KEY_MISSING: def<{ file: string }>(
    'not_found',
    'No root key at {{file}}: pass the sealed root key file you kept offline with --root FILE.',
  ),
  ROOT_KEY_MISMATCH: def<{ file: string; rootCert: string }>(
    'input',
    "{{file}} holds another authority's root key, not the key of {{rootCert}}.",
  ),
  BACKUP_PASSPHRASE_MISSING: def<NoParams>(
    'input',
    'A backup is encrypted with a passphrase: set LICENCE_DESK_BACKUP_PASSPHRASE or type it at the prompt.',
  ),
  BACKUP_PASSPHRASE_WEAK: def<{ min: number }>('input', 'The backup passphrase must be at least {{min}} characters.'),
  BACKUP_PASSPHRASE_MISMATCH: def<NoParams>('input', 'The two passphrases differ: nothing was written.'),
  BACKUP_PASSPHRASE_WRONG: def<{ file: string }>(
    'input',
    'The passphrase does not open {{file}}: check it and try again.',
  ),
  BACKUP_UNREADABLE: def<{ file: string }>('input', 'Cannot read {{file}} (expected a Licence Desk backup).'),
  BACKUP_NOT_A_BACKUP: def<{ file: string }>('input', '{{file}} is not a Licence Desk backup.'),
  BACKUP_TRUNCATED: def<{ file: string; detail: string }>(
    'input',
    '{{file}} is truncated ({{detail}}): make the backup again or use another copy.',
  ),
  BACKUP_EDITED: def<{ file: string; why: string }>(
    'input',
    '{{file}} cannot be restored: {{why}}. Nothing was replaced.',
  ),
  BACKUP_VERSION_NEWER: def<{ file: string; version: number; supported: number }>(
    'input',
    '{{file}} was made by a newer Licence Desk (backup format {{version}}; this one reads up to {{supported}}): update Licence Desk first.',
  ),
  BACKUP_OTHER_AUTHORITY: def<{ file: string; theirs: string; ours: string }>(
    'rule',
    "{{file}} is a backup of another licence authority (root {{theirs}}…, this folder's is {{ours}}…): nothing was replaced. To replace this authority with it, restore with --replace-authority.",
  ),
  BACKUP_DATABASE_CORRUPT: def<{ file: string; result: string }>(
    'input',
    "The database in {{file}} fails SQLite's integrity check ({{result}}): nothing was restored.",
  ),
  BACKUP_FILE_EXISTS: def<{ file: string }>(
    'input',
    '{{file}} exists already: name a new file for the backup (or remove the old one).',
  ),
  BACKUP_POSTGRES_UNSUPPORTED: def<NoParams>(
    'input',
    'backup covers the embedded SQLite authority; for a PostgreSQL server back up the database with pg_dump (and the data folder with the keys separately).',
  ),
  BACKUP_DATABASE_ELSEWHERE: def<{ expected: string; given: string }>(
    'input',
    "backup covers the data folder's own database ({{expected}}), not {{given}}.",
  ),
  DATA_CONNECTED_MODE: def<{ what: string }>(
    'rule',
    "{{what}} is for the authority on this computer; in connected mode the server keeps the data: disconnect first, or ask the server's operator.",
  ),
  DATA_FILE_REQUIRED: def<{ action: string }>('input', 'Type the path of the backup file ({{action}}).'),
};
