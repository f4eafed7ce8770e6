// The desktop app, the CLI and the connection to a server: German.
import type { ErrorCatalogue } from '../catalogue';

export const appDe = {
  CSV_EMPTY: 'Die Datei ist leer: Sie braucht eine Kopfzeile (serial,model,name,customer) und eine Zeile pro Gerät.',
  CSV_HEADER_MISSING:
    'Die erste Zeile muss die Spalten benennen; es fehlt: {{missing}} (gefunden: {{found}}; deutsche und russische Namen wie „Seriennummer“, „Modell“ funktionieren auch).',
  CSV_TOO_MANY_FIELDS:
    'Zeile {{row}} hat {{fields, number}} Felder, die Kopfzeile nennt aber {{columns, number}}: Fehlen bei einem Komma die Anführungszeichen?',
  ANSWER_SELF_CHECK_FAILED:
    'Die Antwort wurde erstellt, besteht aber die eigene Prüfung der TK-Anlage nicht und wird deshalb nicht angezeigt: {{reason}} [{{reasonCode}}]',
  KEYCHAIN_UNAVAILABLE:
    'Der Schlüsselbund des Betriebssystems ist nicht erreichbar oder gesperrt ({{detail}}); Licence Desk speichert Geheimnisse nur dort: {{hint}}.',
  KEYCHAIN_FAILED: 'Der Schlüsselbund des Betriebssystems hat die Anfrage abgelehnt: {{detail}}',
  PBX_CERTIFICATE_REVOKED:
    'Der Lizenzserver meldet das Zertifikat dieser TK-Anlage als widerrufen: Seine Bindung wurde zurückgesetzt oder es wurde zurückgezogen. Erstellen Sie das Zertifikat neu.',
  PBX_CERTIFICATE_SUPERSEDED:
    'Der Lizenzserver meldet das Zertifikat dieser TK-Anlage als ersetzt: Für diese TK-Anlage wurde ein neueres Zertifikat ausgestellt. Spielen Sie dessen Antwort ein (oder erstellen Sie das Zertifikat neu).',
  PBX_CERTIFICATE_EXPIRED:
    'Der Lizenzserver meldet das Zertifikat dieser TK-Anlage als abgelaufen: Ihre Lizenzen sind ausgelaufen. Erstellen Sie das Zertifikat neu, nachdem Sie sie verlängert haben.',
  SERVER_BAD_RESPONSE: 'Der Server unter {{host}} ist kein Licence-Desk-Lizenzserver: {{why}}.',
  SERVER_BUSY: 'Der Server unter {{host}} ist gerade nicht verfügbar.',
  SERVER_TIMEOUT: 'Der Server unter {{host}} hat nicht rechtzeitig geantwortet.',
  SERVER_UNREACHABLE: 'Der Server unter {{host}} ist nicht erreichbar ({{cause}}).',
  AUDIT_BROKEN:
    'Das Prüfprotokoll ist bei Eintrag {{id}} unterbrochen: {{reason}}. Einträgen ab {{id}} kann nicht vertraut werden (Einträge im Protokoll: {{entries, number}}).',
  AUDIT_REWRITTEN: 'Prüfprotokoll umgeschrieben: {{problem}}',
  AUDIT_TAIL_MISSING: 'Prüfprotokoll gekürzt: {{problem}}',
  BIND_REFUSED:
    'Der Browsermodus lauscht nur auf {{bindHost}}, nie auf {{host}}: Er darf aus dem Netzwerk nicht erreichbar sein.',
  CONNECTION_INCOMPLETE:
    'Im verbundenen Modus fehlt das festgelegte Stammzertifikat des Servers: Verbinden Sie sich erneut mit dem Server.',
  DEMO_FAILED:
    'Die Demo-TK-Anlage meldet nach dem Einspielen ihrer Antwort „{{state}}“; der Durchlauf wurde nicht abgeschlossen.',
  FILE_UNREADABLE: '{{file}} kann nicht gelesen werden.',
  INPUT_FORBIDDEN_KEY: 'Die Eingabe enthält den Schlüssel „{{key}}“, der nie angenommen wird.',
  INPUT_TOO_LARGE_source: '{{source}} ist größer als {{limitKiB, number}} KiB und kann daher nicht gelesen werden.',
  INPUT_TOO_LARGE_input: 'Die Eingabe ist größer als {{limitKiB, number}} KiB und kann daher nicht gelesen werden.',
  INPUT_TOO_LARGE_what: 'Die Eingabe ist zu groß: Sie überschreitet eine Grenze für Umfang oder Verschachtelung.',
  LOGIN_TOKEN_EMPTY:
    'Es wurde kein Token angegeben: Geben Sie es bei der Abfrage ein oder leiten Sie es über die Standardeingabe weiter.',
  LOGIN_TOKEN_MALFORMED: 'Das ist kein API-Token (8 bis 512 druckbare Zeichen, keine Leerzeichen).',
  MODE_CHANGE_NEEDS_CONNECT:
    'Modus und Serveradresse ändern sich nur durch Verbinden mit einem Server (Adresse und Token werden zuerst geprüft) oder durch Trennen, nicht durch eine Einstellung allein.',
  OPTION_CONFLICT_database:
    '--database gilt für den eingebetteten Lizenzserver; mit --server hat der Server seine eigene Datenbank.',
  OPTION_CONFLICT_loginToken: 'login liest das Token von einer Abfrage oder der Standardeingabe, nicht aus --token.',
  OPTION_CONFLICT_serveServer: 'serve betreibt einen Lizenzserver; --server dient dazu, einen anderswo zu nutzen.',
  OPTION_MISSING: '{{verb}} braucht --server URL: den Server, dessen Token gespeichert wird.',
  PORT_IN_USE_port: 'Port {{port}} ist bereits belegt; wählen Sie mit --port einen anderen.',
  PORT_IN_USE_hostPort: 'Port {{port}} auf {{host}} ist bereits belegt; wählen Sie mit --port einen anderen.',
  REGISTRATION_NUMBER_INVALID:
    '„{{shown}}“ ist keine Registrierungsnummer: Erwartet wird {{example}} ({{groups}} Gruppen zu je {{groupLength}} Zeichen nach MIKO), gefundene Gruppen: {{length, number}}.',
  REGISTRATION_NUMBER_TYPO_what: 'Die Registrierungsnummer enthält einen Tippfehler: {{what}}.',
  REGISTRATION_NUMBER_TYPO_position:
    'Die Registrierungsnummer enthält einen Tippfehler in Gruppe {{group}}, Zeichen {{position}}: Ihr Prüfzeichen stimmt nicht.',
  REGISTRATION_NUMBER_TYPO_checkCharacter:
    'Die Registrierungsnummer enthält einen Tippfehler: Ihr Prüfzeichen (das letzte Zeichen, in Gruppe 4) passt nicht zu den übrigen; ein Zeichen ist falsch getippt oder zwei sind vertauscht.',
  ROOT_INVALID: 'Die Datei mit dem Stammzertifikat des Lizenzservers enthält nicht genau ein Zertifikat.',
  SERVER_ROOT_CHANGED:
    'Der Server unter {{server}} zeigt ein anderes Stammzertifikat (SHA-256 {{rootHash}}…) als das beim ersten Verbinden festgelegte ({{pinnedHash}}…). Wenn der Hersteller seine Zertifizierungsstelle wirklich ersetzt hat, melden Sie sich ab (oder trennen Sie die Verbindung) und verbinden Sie sich erneut.',
  SERVER_ROOT_INVALID: 'Der Server hat nicht genau ein Stammzertifikat gesendet.',
  SERVER_URL_INVALID_address: '„{{serverUrl}}“ ist keine Serveradresse wie http://host:8417.',
  SERVER_URL_INVALID_protocol: 'Die Serveradresse muss mit http:// oder https:// beginnen, nicht mit {{protocol}}',
  TOKEN_NOT_IN_KEYCHAIN:
    'Der Schlüsselbund enthält kein Token für {{server}} (wurde der Eintrag gelöscht?): Verbinden Sie sich erneut mit dem Server oder führen Sie „licence-desk login --server {{serverUrl}}“ aus.',
  UI_NOT_BUILT:
    'Die Benutzeroberfläche ist nicht gebaut ({{rendererDir}} enthält keine index.html): Führen Sie zuerst „npm run build“ aus.',
} satisfies Partial<ErrorCatalogue>;
