// Sealed keys, the offline root, backups and the data folder; blocked and foreign registration numbers: German.
import type { ErrorCatalogue } from '../catalogue';

export const keysDe = {
  REGISTRATION_BLOCKED_number:
    'Die Registrierung {{number}} wurde am {{blockedOn}} vom Hersteller gesperrt: Sie kann nicht verknüpft werden, keine Testlizenz starten, keine Gutscheine einlösen, keine Lizenzen erhalten und nicht wiederhergestellt werden. Wenden Sie sich an den Hersteller.',
  REGISTRATION_BLOCKED_numberWithReason:
    'Die Registrierung {{number}} wurde am {{blockedOn}} vom Hersteller gesperrt ({{reason}}): Sie kann nicht verknüpft werden, keine Testlizenz starten, keine Gutscheine einlösen, keine Lizenzen erhalten und nicht wiederhergestellt werden. Wenden Sie sich an den Hersteller.',
  REGISTRATION_BLOCKED_allOfAddress:
    'Alle Registrierungsnummern von {{email}} (Anzahl: {{count, number}}) wurden vom Hersteller gesperrt: Es wird nichts wiederhergestellt oder gesendet. Wenden Sie sich an den Hersteller.',
  REGISTRATION_OTHER_RESELLER:
    'Die Registrierung {{number}} wurde über einen anderen Fachhändler angelegt: Nur dieser kann sie verwenden. Registrieren Sie den Kunden hier (registration create) oder wenden Sie sich an den Hersteller.',
  OPTION_CONFLICT_restoreDatabase: 'restore schreibt die eigene Datenbank des Datenordners; lassen Sie --database weg.',
  SCRYPT_COST_INVALID: 'LICENCE_DESK_SCRYPT_LOG2N muss eine ganze Zahl von {{min}} bis {{max}} sein, nicht „{{raw}}“.',
  KEY_SEALER_MISSING:
    'Die privaten Schlüssel der Lizenzstelle werden nur versiegelt gespeichert, und nichts zum Versiegeln ist verfügbar: Entsperren Sie den Schlüsselbund des Betriebssystems oder setzen Sie (auf einem Server oder in CI) LICENCE_DESK_PASSPHRASE.',
  KEY_PASSPHRASE_MISSING:
    '{{where}} ist mit einer Passphrase versiegelt: Setzen Sie {{source}} (oder geben Sie sie bei der Abfrage ein).',
  KEY_PASSPHRASE_WRONG:
    'Die Passphrase ({{source}}) öffnet {{where}} nicht: Prüfen Sie sie und versuchen Sie es erneut.',
  KEY_WRAPPING_KEY_MISSING:
    '{{where}} ist mit dem Schutzschlüssel aus dem Schlüsselbund des Betriebssystems versiegelt (Eintrag „ca.wrapping-key“), und dieser Eintrag fehlt im Schlüsselbund: Die Schlüssel der Lizenzstelle lassen sich nicht öffnen. Stellen Sie den Datenordner aus einer Sicherung wieder her („licence-desk restore DATEI“ oder Einstellungen → Wiederherstellen).',
  KEY_WRAPPING_KEY_WRONG:
    '{{where}} wurde mit einem anderen Schutzschlüssel versiegelt als dem in diesem Schlüsselbund (ca.wrapping-key); die Schlüssel lassen sich hier nicht öffnen: Stellen Sie den Datenordner aus einer Sicherung wieder her („licence-desk restore DATEI“).',
  KEY_KEYCHAIN_NEEDED:
    '{{where}} ist mit dem Schutzschlüssel aus dem Schlüsselbund versiegelt, der Schlüsselbund wurde aber nicht verwendet (LICENCE_DESK_PASSPHRASE ist gesetzt): Entfernen Sie LICENCE_DESK_PASSPHRASE in einer Sitzung mit entsperrtem Schlüsselbund.',
  KEY_FILE_EDITED:
    '{{where}} wurde nach dem Versiegeln verändert; stellen Sie die Datei aus einer Sicherung wieder her.',
  KEY_FILE_INVALID: '{{where}} lässt sich nicht öffnen: {{why}}. Stellen Sie die Datei aus einer Sicherung wieder her.',
  KEY_FILE_NEWER:
    '{{where}} wurde von einem neueren Licence Desk versiegelt (Format {{version}}; diese Version liest {{supported}}): Aktualisieren Sie Licence Desk.',
  KEY_FILE_MISSING: 'Die Datei {{file}} ({{what}}) fehlt.',
  ROOT_KEY_MISSING:
    'Unter {{file}} liegt kein Stammschlüssel: Geben Sie mit --root DATEI die versiegelte Stammschlüsseldatei an, die Sie offline aufbewahren.',
  ROOT_KEY_MISMATCH:
    '{{file}} enthält den Stammschlüssel einer anderen Lizenzstelle, nicht den Schlüssel zu {{rootCert}}.',
  BACKUP_PASSPHRASE_MISSING:
    'Eine Sicherung ist mit einer Passphrase verschlüsselt: Setzen Sie LICENCE_DESK_BACKUP_PASSPHRASE oder geben Sie sie bei der Abfrage ein.',
  BACKUP_PASSPHRASE_WEAK: 'Die Passphrase der Sicherung muss mindestens {{min}} Zeichen lang sein.',
  BACKUP_PASSPHRASE_MISMATCH: 'Die beiden Passphrasen stimmen nicht überein: Es wurde nichts geschrieben.',
  BACKUP_PASSPHRASE_WRONG: 'Die Passphrase öffnet {{file}} nicht: Prüfen Sie sie und versuchen Sie es erneut.',
  BACKUP_UNREADABLE: '{{file}} lässt sich nicht lesen (erwartet wurde eine Licence-Desk-Sicherung).',
  BACKUP_NOT_A_BACKUP: '{{file}} ist keine Licence-Desk-Sicherung.',
  BACKUP_TRUNCATED:
    '{{file}} ist unvollständig ({{detail}}): Erstellen Sie die Sicherung neu oder verwenden Sie eine andere Kopie.',
  BACKUP_EDITED: '{{file}} lässt sich nicht wiederherstellen: {{why}}. Es wurde nichts ersetzt.',
  BACKUP_VERSION_NEWER:
    '{{file}} wurde von einem neueren Licence Desk erstellt (Sicherungsformat {{version}}; diese Version liest bis {{supported}}): Aktualisieren Sie zuerst Licence Desk.',
  BACKUP_OTHER_AUTHORITY:
    '{{file}} ist die Sicherung einer anderen Lizenzstelle (Stamm {{theirs}}…, der dieses Ordners ist {{ours}}…): Es wurde nichts ersetzt. Um diese Lizenzstelle damit zu ersetzen, stellen Sie mit --replace-authority wieder her.',
  BACKUP_DATABASE_CORRUPT:
    'Die Datenbank in {{file}} besteht die Integritätsprüfung von SQLite nicht ({{result}}): Es wurde nichts wiederhergestellt.',
  BACKUP_FILE_EXISTS:
    '{{file}} existiert bereits: Geben Sie für die Sicherung eine neue Datei an (oder entfernen Sie die alte).',
  BACKUP_POSTGRES_UNSUPPORTED:
    'backup sichert die eingebettete SQLite-Lizenzstelle; sichern Sie die Datenbank eines PostgreSQL-Servers mit pg_dump (und den Datenordner mit den Schlüsseln getrennt).',
  BACKUP_DATABASE_ELSEWHERE: 'backup sichert die eigene Datenbank des Datenordners ({{expected}}), nicht {{given}}.',
  DATA_CONNECTED_MODE:
    '{{what}} gilt für die Lizenzstelle auf diesem Computer; im verbundenen Modus hält der Server die Daten: Trennen Sie zuerst die Verbindung oder wenden Sie sich an den Betreiber des Servers.',
  DATA_FILE_REQUIRED: 'Geben Sie den Pfad der Sicherungsdatei ein ({{action}}).',
} satisfies Partial<ErrorCatalogue>;
