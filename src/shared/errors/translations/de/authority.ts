// The licence authority's rules (devices, coupons, bindings, trials, transfers, audit): German.
import type { ErrorCatalogue } from '../catalogue';

export const authorityDe = {
  AUDIT_CHECKPOINT_INVALID: 'Ungültiger Prüfpunkt des Prüfprotokolls: {{problem}}',
  AUDIT_CHECKPOINT_MISSING: 'Prüfpunkt des Prüfprotokolls fehlt: {{problem}}',
  AUDIT_CHECKPOINT_NONE: 'Dieser Lizenzserver schreibt keine Prüfpunkte für das Prüfprotokoll.',
  AUDIT_CHECKPOINT_TRUNCATED: 'Prüfpunktdatei des Prüfprotokolls abgeschnitten: {{problem}}',
  AUDIT_SIGNER_INVALID:
    'Das Signiererzertifikat des Prüfprotokolls (ca/audit-signer.pem) wurde nicht von der ausstellenden Zertifizierungsstelle dieses Lizenzservers ausgestellt.',
  AUTHORITY_MISSING: 'In {{dataDir}} gibt es keinen Lizenzserver: Führen Sie zuerst „licence-desk init“ aus.',
  BINDING_ALREADY_RESET:
    'Die Bindung {{binding}} (Feature {{feature}} auf Host {{hostLabel}}) wurde bereits am {{resetTime}} zurückgesetzt.',
  BINDING_ELSEWHERE:
    'Die Lizenz {{what}} von {{serial}} ist seit {{sinceTime}} an den Host {{hostLabel}} gebunden; setzen Sie zuerst diese Bindung zurück (Bindung {{binding}}: licence-desk binding reset {{binding}} --feature {{feature}}).',
  BINDING_FEATURE_MISMATCH:
    'Die Bindung {{binding}} gehört zu Feature {{feature}} ({{bindingProduct}}), nicht zu {{given}} ({{givenProduct}}); es wurde nichts zurückgesetzt.',
  BINDING_NOT_FOUND: 'Es gibt keine Bindung {{id}}; alle Bindungen zeigt: licence-desk binding list',
  COUPON_ALREADY_REDEEMED:
    'Der Gutschein {{shown}} wurde bereits am {{when}} eingelöst; ein Gutschein wird nur einmal eingelöst.',
  COUPON_BLOCKED:
    'Der Gutschein {{shown}} wurde am {{blockedOn}} vom Hersteller gesperrt; bitten Sie den Shop um Ersatz.',
  COUPON_BUNDLE_NO_MODEL: 'Kein Modell trägt alle Features {{features}}; teilen Sie sie auf getrennte Gutscheine auf.',
  COUPON_FEATURES_REQUIRED_oneOrBundle:
    'Geben Sie entweder ein Feature (mit Anzahl) für einen Gutschein über ein Feature an oder Features für ein Paket – genau eines davon.',
  COUPON_FEATURES_REQUIRED_quantityInBundle:
    'Die Anzahl gehört zum Feature; geben Sie in einem Paket jedem Eintrag seine eigene Anzahl.',
  COUPON_FEATURE_NOT_FOR_MODEL:
    'Dieser Gutschein enthält das Feature {{names}}, das {{name}} nicht tragen kann (mögliche Features: {{features}}); es wurde nichts eingelöst.',
  COUPON_FEATURE_TWICE: 'Das Feature {{number}} ({{name}}) steht zweimal im Paket.',
  COUPON_MALFORMED: 'Dieser Gutscheincode ist fehlerhaft: {{what}}.',
  COUPON_NO_REGISTRATION:
    '{{serial}} ist noch mit keiner Registrierung verknüpft: Verknüpfen Sie das Gerät zuerst mit der Registrierungsnummer des Kunden (licence-desk registration link --registration MIKO-… --serial {{serial}}) und lösen Sie dann den Gutschein ein.',
  COUPON_TYPO:
    'Der Gutscheincode {{canonical}} enthält einen Tippfehler: Sein Prüfzeichen stimmt nicht. Vergleichen Sie ihn Zeichen für Zeichen mit der Lieferungs-E-Mail.',
  COUPON_UNKNOWN:
    'Es gibt keinen Gutschein {{masked}}: Prüfen Sie den Code in der Lieferungs-E-Mail (sein Prüfzeichen stimmt, er stammt also wahrscheinlich aus einem anderen Shop oder wurde nie ausgegeben).',
  DAYS_INVALID: 'Die Anzahl der Tage muss eine ganze Zahl von 1 bis {{maxDays, number}} sein.',
  DEVICE_EXISTS: 'Ein Gerät mit der Seriennummer {{serial}} ist bereits angelegt.',
  DEVICE_HELD_ELSEWHERE:
    'Die Seriennummer {{serial}} ist bei einem anderen Fachhändler angelegt. Wenn diese TK-Anlage Ihnen gehört, bitten Sie den Hersteller, sie zu übertragen: device transfer request {{serial}}.',
  DEVICE_NOT_FOUND_plain: 'Es ist kein Gerät mit der Seriennummer {{serial}} angelegt.',
  DEVICE_NOT_FOUND_addFirst: 'Es ist kein Gerät mit der Seriennummer {{serial}} angelegt; fügen Sie es zuerst hinzu.',
  DEVICE_NOT_HOST_BOUND:
    '{{serial}} ({{model}}): Die Lizenzen sind an die Seriennummer gebunden, daher braucht das Gerät keine Registrierungsnummer.',
  DEVICE_OTHER_REGISTRATION:
    'Das Gerät {{serial}} gehört bereits zu einer anderen Registrierung; unter einer zweiten kann es keine Testlizenz starten.',
  DEVICE_RETIRED_noCertificates:
    'Das Gerät {{serial}} wurde am {{retiredAt}} außer Betrieb genommen; es erhält keine neuen Zertifikate.',
  DEVICE_RETIRED_already: 'Das Gerät {{serial}} wurde bereits am {{retiredAt}} außer Betrieb genommen.',
  DEVICE_RETIRED_plain: 'Das Gerät {{serial}} wurde am {{retiredAt}} außer Betrieb genommen.',
  DEVICE_RETIRED_noCoupons:
    'Das Gerät {{serial}} wurde am {{retiredAt}} außer Betrieb genommen; es kann keine Gutscheine einlösen.',
  EULA_NOT_ACCEPTED:
    'Der Inhaber von {{registration}} hat die Lizenzvereinbarung {{version}} noch nicht akzeptiert: Akzeptieren Sie sie zuerst (licence-desk eula accept --registration {{registration}}).',
  EULA_VERSION_EXISTS: 'Die Lizenzvereinbarung {{version}} ist bereits veröffentlicht.',
  EULA_VERSION_NOT_NEWER:
    'Die Lizenzvereinbarung {{version}} ist nicht neuer als die aktuelle Version {{current}}; veröffentlichen Sie eine höhere Versionsnummer.',
  FEATURE_NOT_FOR_MODEL:
    '{{name}} kann {{feature}} (Feature {{number}}) nicht tragen; mögliche Features: {{features}}.',
  GRANT_NO_REGISTRATION:
    '{{serial}} ist noch mit keiner Registrierung verknüpft: Verknüpfen Sie das Gerät zuerst mit der Registrierungsnummer des Kunden (licence-desk registration link --registration MIKO-… --serial {{serial}}) und weisen Sie dann die Lizenz zu.',
  HSM_CERTIFICATE_MISSING:
    'In {{hsmIssuingCert}} gibt es kein Zertifikat für einen HSM-Ausstellerschlüssel: Führen Sie zuerst „licence-desk ca hsm-issue --issuing-key pkcs11:…“ aus.',
  HSM_KEY_MISMATCH:
    'Der Schlüssel, den die PKCS#11-URI nennt, ist nicht der Schlüssel von {{hsmIssuingCert}}; nennen Sie den Schlüssel, den „ca hsm-issue“ erzeugt hat.',
  LICENCES_CHANGED:
    'Die Lizenzen des Geräts haben sich geändert, während sein Zertifikat erstellt wurde; versuchen Sie es erneut.',
  MODEL_MISMATCH: 'Laut Code ist die TK-Anlage eine {{model}}, {{serial}} ist aber als {{known}} angelegt.',
  NO_LICENCES:
    'Das Gerät {{serial}} hat keine aktiven Lizenzen: Weisen Sie ihm eine zu, bevor Sie sein Zertifikat neu erstellen.',
  QUANTITY_INVALID_range: 'Die Anzahl muss eine ganze Zahl von 1 bis {{maxQuantity, number}} sein.',
  QUANTITY_INVALID_notCountable: '{{name}} ist nicht zählbar: Die Anzahl ist immer 1.',
  QUANTITY_INVALID_notCountableGiven:
    '{{name}} (Feature {{number}}) ist nicht zählbar: Die Anzahl ist immer 1, nicht {{quantity, number}}.',
  REGISTRATION_NOT_FOUND: 'Die Registrierung {{number}} ist hier nicht bekannt.',
  REGISTRATION_NUMBER_EXHAUSTED:
    'In {{attempts, number}} Versuchen wurde keine freie Registrierungsnummer gefunden; versuchen Sie es erneut.',
  REQUEST_OTHER_DEVICE:
    'Dieser Initialisierungscode gehört zur TK-Anlage mit der Seriennummer {{serial}}, nicht zu {{expectedSerial}}.',
  REQUEST_STALE_GENERATION:
    'Dieser Initialisierungscode hat die Generation {{presented}}, diese TK-Anlage hat aber bereits ein Zertifikat der Generation {{current}} ({{certificate}}): Ein älterer Code kann kein neueres Zertifikat ersetzen. Erzeugen Sie an der TK-Anlage einen neuen Initialisierungscode und verwenden Sie diesen.',
  RESELLER_ONLY_devices: 'Nur ein Fachhändler kann Geräte verwalten; dieses Token gehört dem Hersteller.',
  RESELLER_ONLY_transfers: 'Nur ein Fachhändler kann eine Übertragung beantragen; der Hersteller entscheidet darüber.',
  SYSTEM_ACTIVATION_REQUIRED: '{{name}} benötigt eine Lizenz für die Systemaktivierung (Feature {{number}}).',
  TRANSFER_ALREADY_REQUESTED:
    'Sie haben die Seriennummer {{serial}} bereits angefragt; der Hersteller hat noch nicht entschieden.',
  TRANSFER_DECIDED_already: 'Über die Übertragungsanfrage {{id}} wurde bereits am {{decidedAt}} entschieden.',
  TRANSFER_DECIDED_meanwhile: 'Über die Übertragungsanfrage {{id}} wurde inzwischen entschieden.',
  TRANSFER_NOT_FOUND: 'Es gibt keine Übertragungsanfrage {{id}}.',
  TRANSFER_OWN_DEVICE: 'Die Seriennummer {{serial}} ist bereits bei Ihnen angelegt; es gibt nichts zu übertragen.',
  TRANSFER_STALE: 'Die Seriennummer {{serial}} gehört nicht mehr dem Fachhändler, von dem sie angefragt wurde.',
  TRANSFER_UNKNOWN_SERIAL:
    'Kein Fachhändler hat die Seriennummer {{serial}}: Legen Sie das Gerät stattdessen selbst an (device add).',
  TRIAL_ALREADY_USED_HOST:
    'Dieser Host (Fingerabdruck {{host}}…) hatte bereits eine Testlizenz für Feature {{number}}: Ein Host erhält pro Produkt nur eine Testlizenz.',
  TRIAL_ALREADY_USED_REGISTRATION:
    'Die Registrierung {{registration}} hatte bereits ihre Testlizenz für {{name}} (Feature {{number}}): Eine Registrierung erhält pro Produkt nur eine Testlizenz.',
  TRIAL_NOT_AVAILABLE_model: 'Für {{name}} gibt es keine Testlizenz.',
  TRIAL_NOT_AVAILABLE_licensed:
    'Das Gerät {{serial}} hat bereits eine gekaufte Lizenz für {{name}} (Feature {{number}}): Es braucht keine Testlizenz.',
  TRYOUT_ALREADY_USED:
    'Das Gerät {{serial}} hat seinen Tryout-Modus bereits genutzt: Er begann am {{started}}. Der Tryout-Modus läuft nur einmal pro TK-Anlage.',
  TRYOUT_NOT_ACTIVE: 'Das Gerät {{serial}} ist nicht im Tryout-Modus.',
  TRYOUT_NOT_AVAILABLE_reason: 'Für {{model}} gibt es keinen Tryout-Modus.',
  TRYOUT_NOT_AVAILABLE_noUserFeature:
    '{{name}} hat kein Feature für Benutzerlizenzen, das der Tryout-Modus nutzen könnte.',
  TRYOUT_NOT_AVAILABLE_licensed:
    'Das Gerät {{serial}} hat bereits gekaufte Lizenzen: Der Tryout-Modus ist nur für eine TK-Anlage ohne gekaufte Lizenzen.',
  VERIFY_REPLAY:
    'Diese Prüfanfrage (Nonce {{nonce}}) wurde bereits beantwortet; eine TK-Anlage erzeugt für jede Prüfung eine neue Nonce.',
  VERIFY_SIGNATURE_INVALID:
    'Die Prüfanfrage ist nicht mit dem Schlüssel des Zertifikats {{serialHex}} signiert: Sie wurde unterwegs verändert oder von einem anderen Gerät erstellt.',
  VERIFY_UNKNOWN_CERTIFICATE: 'Dieser Lizenzserver hat kein Zertifikat mit der Seriennummer {{serialHex}} ausgestellt.',
} satisfies Partial<ErrorCatalogue>;
