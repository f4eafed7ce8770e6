// The HTTP server, the HSM, tokens and command-line options: German.
import type { ErrorCatalogue } from '../catalogue';

export const serverDe = {
  CHANNEL_UNKNOWN: 'Diese API-Funktion gibt es nicht.',
  OUTPUT_INVALID: 'Das Ergebnis von {{channel}} entsprach nicht dem Vertrag: {{issues}}',
  SENDER_REFUSED: 'Diese Anfrage kam nicht aus dem Licence-Desk-Fenster und wurde abgelehnt.',
  DATABASE_UNAVAILABLE:
    'Die Datenbank des Lizenzservers ist gerade nicht erreichbar; versuchen Sie es gleich noch einmal.',
  HSM_FAILED: 'Das Hardware-Sicherheitsmodul ist ausgefallen: {{reason}}.',
  INTERNAL_server: 'Auf dem Server ist ein unerwarteter Fehler aufgetreten; er wurde protokolliert.',
  INTERNAL_unexpected: 'Unerwarteter Fehler: {{reason}}',
  MAIL_UNAVAILABLE_unreachable:
    'Der Mailserver {{server}} war nicht erreichbar ({{reason}}); es wurde nichts gesendet.',
  MAIL_UNAVAILABLE_refused:
    'Der Mailserver {{server}} hat die E-Mail nicht angenommen ({{reason}}); es wurde nichts gesendet.',
  BODY_NOT_JSON_empty: 'Der Anfragetext ist leer; senden Sie ein JSON-Objekt ({} für keine Felder).',
  BODY_NOT_JSON_syntax: 'Der Anfragetext ist kein gültiges JSON: {{message}}',
  BODY_NOT_JSON_invalid: 'Der Anfragetext ist kein gültiges JSON.',
  BODY_TOO_LARGE: 'Der Anfragetext ist größer, als dieser Server annimmt.',
  CONTENT_TYPE_UNSUPPORTED: 'Senden Sie den Anfragetext als JSON (Content-Type: application/json).',
  HSM_KEY_AMBIGUOUS: 'Das Token „{{label}}“ hat mehrere Schlüssel {{name}}: Ergänzen Sie id=….',
  HSM_KEY_EXISTS: 'Das Token „{{label}}“ hat bereits einen Schlüssel {{name}}.',
  HSM_KEY_NOT_FOUND: 'Das Token „{{label}}“ hat keinen privaten Schlüssel {{name}}.',
  HSM_KEY_UNSUPPORTED:
    'Der Schlüssel {{name}} ist kein EC-P-256-Schlüssel; die ausstellende Zertifizierungsstelle signiert mit P-256.',
  HSM_MODULE_UNAVAILABLE: 'Das PKCS#11-Modul {{modulePath}} kann nicht geladen werden: {{reason}}.',
  HSM_PIN_INCORRECT: 'Das Token hat die PIN abgelehnt (pin-source oder pin-value der PKCS#11-URI).',
  HSM_PIN_LOCKED: 'Das Token ist nach zu vielen falschen PIN-Eingaben gesperrt.',
  HSM_PIN_MISSING_env: 'pin-source env:{{name}}: Die Umgebungsvariable {{name}} ist nicht gesetzt.',
  HSM_PIN_MISSING_file: 'pin-source file:{{path}}: nicht lesbar ({{reason}}).',
  HSM_TOKEN_AMBIGUOUS: 'Mehrere Tokens ({{length, number}}) passen zu „{{label}}“: Ergänzen Sie serial=… in der URI.',
  HSM_TOKEN_NOT_FOUND: 'Kein Token mit der Bezeichnung „{{label}}“ in {{modulePath}} (vorhandene Tokens: {{seen}}).',
  HSM_TOKEN_UNINITIALISED: 'Das Token hat noch keine Benutzer-PIN; initialisieren Sie es zuerst.',
  IDEMPOTENCY_ANSWER_LOST:
    'Die Anfrage mit diesem Idempotency-Key wurde ausgeführt, aber der Server hat angehalten, bevor er die Antwort speichern konnte. Sie wird nicht zweimal ausgeführt: Prüfen Sie das Ergebnis (z. B. die Zertifikate des Geräts) oder senden Sie einen neuen Schlüssel, um sie erneut auszuführen.',
  IDEMPOTENCY_IN_PROGRESS_takenOver:
    'Eine andere Anfrage mit diesem Idempotency-Key hat übernommen, während diese lief; diese wurde nicht ausgeführt.',
  IDEMPOTENCY_IN_PROGRESS_running:
    'Eine Anfrage mit diesem Idempotency-Key wird noch ausgeführt; versuchen Sie es gleich noch einmal.',
  IDEMPOTENCY_KEY_INVALID:
    'Der Header Idempotency-Key muss aus 1 bis 200 sichtbaren ASCII-Zeichen bestehen (ideal ist eine UUID).',
  IDEMPOTENCY_KEY_REUSED:
    'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet; verwenden Sie für eine neue Anfrage einen neuen Schlüssel.',
  INPUT_INVALID_issue: 'Ungültige Eingabe: {{issue}}.',
  INPUT_INVALID_symbolKey: 'Die Eingabe enthält einen Symbol-Schlüssel; nur einfache Daten werden angenommen.',
  INPUT_INVALID_notPlain:
    'Die Eingabe muss aus einfachen Daten bestehen (Objekte, Arrays, Text, Zahlen, true/false, null).',
  INPUT_INVALID_channel: 'Ungültige Eingabe für {{channel}}: {{issues}}',
  INPUT_INVALID_raw: 'Ungültige Eingabe: {{reason}}',
  OPTION_INVALID_smtpUrl: '--smtp muss eine URL wie smtp://mail.example.com:587 sein.',
  OPTION_INVALID_smtpProtocol: '--smtp muss mit smtp:// oder smtps:// beginnen, nicht mit {{protocol}}//.',
  OPTION_INVALID_smtpHost: '--smtp nennt keinen Mailserver-Host.',
  OPTION_INVALID_timeout: 'LICENCE_DESK_TIMEOUT muss eine Anzahl von Sekunden sein, nicht „{{raw}}“.',
  OPTION_INVALID_wholeNumber: '{{name}} muss eine ganze Zahl sein, nicht „{{value}}“.',
  OPTION_INVALID_bindingId: 'ID muss eine Bindungsnummer aus `licence-desk binding list` sein.',
  OPTION_INVALID_feature: 'Geben Sie das Feature an: --feature F (für ein Paket --feature F:Q wiederholen).',
  OPTION_INVALID_bundleQuantity: 'Geben Sie in einem Paket jede Anzahl als --feature F:Q an, nicht mit --quantity.',
  OPTION_INVALID_clock:
    '--clock muss eine ISO-8601-Zeit mit Sekunden und Zeitzone (2026-03-01T12:00:00Z) oder eine Verschiebung wie +20d, -1h sein, nicht „{{text}}“.',
  OPTION_INVALID_port: '--port muss eine Portnummer von 0 bis 65535 sein, nicht „{{value}}“.',
  OPTION_INVALID_keyType: '--key-type muss einer von {{keyTypes}} sein.',
  OPTION_INVALID_host: '--host {{host}} ist keine Adresse dieses Rechners.',
  OPTION_INVALID_portRange: '--port darf höchstens 65535 sein, nicht {{port}}.',
  PKCS11_URI_INVALID: 'Die PKCS#11-URI ist ungültig: {{part}} {{why}}.',
  RATE_LIMITED: 'Zu viele Anfragen dieser Art; versuchen Sie es in {{after}} erneut.',
  REQUEST_INVALID: 'Ungültige Anfrage: {{reason}}',
  RESELLER_EXISTS: 'Ein Fachhändler namens „{{name}}“ existiert bereits.',
  RESELLER_NOT_FOUND: 'Es gibt keinen Fachhändler namens „{{name}}“; legen Sie ihn zuerst an (reseller create --name).',
  ROUTE_NOT_FOUND:
    '{{method}} {{path}} gibt es nicht; Operationen werden als POST /v1/<operation> aufgerufen (siehe /openapi.json).',
  TOKEN_ALREADY_REVOKED: 'Das API-Token {{id}} wurde bereits am {{revokedAt}} widerrufen.',
  TOKEN_INVALID_unknown: 'Das API-Token ist unbekannt oder wurde widerrufen.',
  TOKEN_INVALID_header: 'Der Authorization-Header muss „Bearer <token>“ lauten.',
  TOKEN_NOT_FOUND: 'Es gibt kein API-Token mit der ID {{id}}.',
  TOKEN_RESELLER_REQUIRED: 'Ein Fachhändler-Token braucht den Fachhändler, für den es handelt (reseller: NAME).',
  TOKEN_VENDOR_WITH_RESELLER:
    'Ein Hersteller-Token handelt für keinen Fachhändler; lassen Sie den Fachhändler „{{reseller}}“ weg.',
  UNKNOWN_OPERATION: 'Es gibt keine Operation „{{name}}“.',
  VENDOR_ONLY: 'Nur der Hersteller darf das („{{summary}}“).',
  TOKEN_MISSING_api: 'Diese Operation braucht ein API-Token: Senden Sie „Authorization: Bearer <token>“.',
  TOKEN_MISSING_browserMode:
    'Öffnen Sie die Adresse, die „licence-desk ui“ ausgegeben hat: Sie enthält das Zugriffstoken.',
  TOKEN_WRONG:
    'Das Zugriffstoken ist falsch (wurde Licence Desk neu gestartet?): Öffnen Sie die zuletzt ausgegebene Adresse.',
  NOT_LOOPBACK: 'Der Browsermodus antwortet nur diesem Computer.',
  HOST_REFUSED: 'Öffnen Sie Licence Desk als http://127.0.0.1:{{port}}/ (dieser Host wird nicht angenommen).',
  ORIGIN_REFUSED: 'Anfragen von anderen Webseiten werden abgelehnt.',
  METHOD_NOT_ALLOWED_api: 'API-Aufrufe sind POST-Anfragen.',
  METHOD_NOT_ALLOWED_page: 'Hier wird nur GET bedient.',
  NOT_FOUND: 'Diese Seite gibt es nicht.',
  PATH_REFUSED: 'Dieser Pfad liegt außerhalb der Anwendung.',
  BAD_REQUEST: 'Die Anfrage ist fehlerhaft.',
  INPUT_INVALID_notJson: 'Der Inhalt der Anfrage ist kein JSON.',
  INTERNAL_browserMode: 'Unerwarteter Fehler im Browsermodus.',
  UI_SERVER_UNREACHABLE: 'Licence Desk (licence-desk ui) läuft nicht mehr; starten Sie es erneut.',
  UI_SERVER_GARBLED: 'Unerwartete Antwort von Licence Desk (HTTP {{status}}).',
} satisfies Partial<ErrorCatalogue>;
