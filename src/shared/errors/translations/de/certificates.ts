// Certificates, keys, signatures, DER and PEM: German. {{label}} and {{what}} name the object checked
// (in the registry's English, e.g. "answer certificate"), so they lead the sentence as "Objekt: …"
// and the German grammar does not depend on their gender.
import type { ErrorCatalogue } from '../catalogue';

export const certificatesDe = {
  CATALOGUE_INVALID: 'Der Katalog ist ungültig: {{lines}}',
  CERTIFICATE_MALFORMED_notV3: '{{what}}: kein X.509-v3-Zertifikat.',
  CERTIFICATE_MALFORMED_emptyExtension: '{{what}}: Die Erweiterung {{id}} hat keinen Wert.',
  CERT_AKI_INVALID_namesIssuer:
    '{{label}}: ist ein selbstsigniertes Stammzertifikat, dessen authorityKeyIdentifier einen Aussteller oder eine Seriennummer nennt.',
  CERT_AKI_INVALID_differsFromSki:
    '{{label}}: ist ein selbstsigniertes Stammzertifikat, dessen authorityKeyIdentifier von seinem subjectKeyIdentifier abweicht.',
  CERT_AKI_MISSING_noKeyIdentifier: '{{label}}: Der authorityKeyIdentifier enthält keinen keyIdentifier.',
  CERT_AKI_MISSING_absent:
    '{{label}}: hat keinen authorityKeyIdentifier; nur ein selbstsigniertes Stammzertifikat darf ihn weglassen.',
  CERT_ALGORITHM_MISMATCH:
    '{{label}}: Innerhalb und außerhalb des signierten Teils stehen zwei verschiedene Signaturalgorithmen.',
  CERT_DUPLICATE_EXTENSION: '{{label}}: Die Erweiterung {{id}} kommt mehrfach vor.',
  CERT_EMPTY_NAME_issuer: '{{label}}: Der Ausstellername ist leer.',
  CERT_EMPTY_NAME_subjectCa: '{{label}}: ist ein CA-Zertifikat mit leerem Subject-Namen.',
  CERT_EMPTY_NAME_subject: '{{label}}: Der Subject-Name ist leer, und es gibt keinen kritischen subjectAltName.',
  CERT_EXPIRED: '{{label}}: abgelaufen am {{notAfter}}.',
  CERT_EXTENSION_CRITICALITY_mustNotBeCritical: '{{label}}: {{name}} ist als kritisch markiert; das ist nicht erlaubt.',
  CERT_EXTENSION_CRITICALITY_basicConstraints:
    '{{label}}: ist ein CA-Zertifikat, dessen basicConstraints nicht als kritisch markiert ist.',
  CERT_EXTENSION_CRITICALITY_policyConstraints: '{{label}}: policyConstraints ist nicht als kritisch markiert.',
  CERT_EXTENSION_MALFORMED_authorityInfoAccess:
    '{{label}}: authorityInfoAccess muss eine oder mehrere Zugriffsbeschreibungen enthalten.',
  CERT_EXTENSION_MALFORMED_policyConstraints: '{{label}}: policyConstraints ist eine leere Sequenz.',
  CERT_IS_CA: 'Das Zertifikat der Antwort ist ein CA-Zertifikat; das Zertifikat einer TK-Anlage ist das nie.',
  CERT_KEY_USAGE_INVALID_empty: '{{label}}: keyUsage erlaubt überhaupt keine Verwendung.',
  CERT_KEY_USAGE_INVALID_certSignNotCa:
    '{{label}}: keyCertSign ist erlaubt, es ist aber kein CA-Zertifikat (basicConstraints cA ist nicht gesetzt).',
  CERT_KEY_USAGE_INVALID_caWithoutCertSign:
    '{{label}}: ist ein CA-Zertifikat, dessen keyUsage kein keyCertSign enthält.',
  CERT_KEY_USAGE_INVALID_pathLenNotCa: '{{label}}: hat eine Pfadlängenbeschränkung, ist aber kein CA-Zertifikat.',
  CERT_KEY_USAGE_MISMATCH: '{{label}}: keyUsage erlaubt nicht, wofür das Zertifikat hier verwendet wird.',
  CERT_NOT_V3: '{{label}}: kein X.509-Zertifikat der Version 3.',
  CERT_NOT_YET_VALID: '{{label}}: erst ab {{notBefore}} gültig; prüfen Sie die Uhr der TK-Anlage.',
  CERT_POLICY_UNSUPPORTED:
    '{{label}}: verlangt eine ausdrückliche Zertifikatsrichtlinie; diese TK-Anlage prüft keine Richtlinien und kann das daher nicht erfüllen.',
  CERT_SERIAL_INVALID:
    '{{label}}: Die Seriennummer muss eine positive ganze Zahl von höchstens 20 Byte sein (RFC 5280 §4.1.2.2).',
  CERT_SKI_MISSING: '{{label}}: ist ein CA-Zertifikat ohne subjectKeyIdentifier.',
  CERT_UNKNOWN_CRITICAL: '{{label}}: hat eine kritische Erweiterung, die diese TK-Anlage nicht versteht ({{id}}).',
  CHAIN_NOT_CA_notCa: '{{label}}: kein CA-Zertifikat.',
  CHAIN_NOT_CA_mayNotSign: '{{label}}: darf keine Zertifikate signieren.',
  CHAIN_PATH_LENGTH: '{{label}}: erlaubt {{pathLen, number}} CAs unter sich, die Kette hat aber {{below, number}}.',
  CHAIN_TOO_COMPLEX:
    'Die Zertifikatskette bietet zu viele mögliche Aussteller; innerhalb von {{maxChecks, number}} Prüfungen wurde kein Pfad gefunden.',
  CHAIN_TOO_LONG: 'Die Zertifikatskette ist länger als {{maxPath, number}} Zertifikate.',
  CHAIN_UNTRUSTED:
    '{{what}}: nicht unter dem Stammzertifikat ausgestellt, dem diese TK-Anlage vertraut – der Aussteller fehlt in der Kette oder gehört zu einem anderen Lizenzserver.',
  DER_MALFORMED_empty: '{{what}}: leer.',
  DER_MALFORMED_invalid: '{{what}}: kein gültiges DER ({{reason}}).',
  DER_NOT_CANONICAL: '{{what}}: nicht in kanonischer DER-Form.',
  DER_TOO_LARGE: '{{what}}: {{length, number}} Byte; höchstens {{maxBytes, number}} werden angenommen.',
  DEVICE_INFO_MALFORMED: 'Die Gerätedaten der Anfrage sind fehlerhaft: {{field}} {{expected}}.',
  KEY_CURVE_UNSUPPORTED:
    'Der Schlüssel verwendet die Kurve {{curve}}; für ECDSA wird nur P-256 (prime256v1) angenommen.',
  KEY_EC_EXPLICIT_PARAMETERS:
    '{{label}}: Der EC-Schlüssel schreibt seine Kurvenparameter aus; nur eine benannte Kurve wird angenommen.',
  KEY_RSA_SIZE_UNUSUAL: '{{label}}: Der RSA-Schlüssel hat {{bits, number}} Bit, keine ganze Zahl von Bytes.',
  KEY_TOO_SMALL: 'Der RSA-Schlüssel hat {{bits, number}} Bit; mindestens {{minBits, number}} sind erforderlich.',
  KEY_UNSUPPORTED_unreadable:
    'Der öffentliche Schlüssel ist nicht lesbar: Er verwendet eine unbekannte Kurve oder ein unbekanntes Verfahren. Verwenden Sie ECDSA P-256, Ed25519 oder RSA mit mindestens 2048 Bit.',
  KEY_UNSUPPORTED_type:
    'Schlüssel vom Typ {{type}} werden nicht angenommen. Verwenden Sie ECDSA P-256, Ed25519 oder RSA mit mindestens 2048 Bit.',
  LICENCE_INFO_MALFORMED: 'Die Lizenzerweiterung des Zertifikats ist fehlerhaft: {{field}} {{expected}}.',
  MODEL_INVALID: 'Das Modell (CN) „{{model}}“ ist keine Modellkennung wie comtrexx-vm.',
  PEM_MALFORMED: 'PEM-Block {{block}} ({{label}}) ist fehlerhaft: {{problem}}.',
  PEM_TOO_LARGE:
    'Dieser Text ist größer als {{limitKiB, number}} KiB, weit mehr als eine Zertifikatskette: Fügen Sie nur die PEM-Blöcke ein.',
  RECEIPT_NONCE_MISMATCH:
    'Die Quittung beantwortet eine andere Anfrage (ihre Nonce ist nicht die, die diese TK-Anlage gerade gesendet hat): eine wieder eingespielte alte Quittung oder ein fehlerhafter Server.',
  RECEIPT_SIGNATURE_INVALID:
    'Die Signatur der Quittung ist ungültig ({{message}}): Sie wurde unterwegs verändert oder nicht vom Lizenzserver erstellt.',
  RECEIPT_SIGNER_EXPIRED:
    'Ein Zertifikat der Kette der Quittung ist zum Zeitpunkt der Quittung ({{at}}) nicht gültig: {{message}}',
  RECEIPT_SIGNER_NOT_CA:
    'Die Quittung ist mit einem Zertifikat signiert, das kein CA-Zertifikat ist; nur eine Zertifizierungsstelle des Lizenzservers darf Quittungen signieren.',
  RECEIPT_UNTRUSTED:
    'Die Quittung wurde nicht unter dem Stammzertifikat signiert, dem diese TK-Anlage vertraut ({{message}}).',
  RECEIPT_WRONG_CERTIFICATE:
    'Die Quittung betrifft das Zertifikat {{certificateSerial}}, diese TK-Anlage hat aber nach {{askedSerial}} gefragt.',
  REQUEST_ASKS_CA:
    'Die Anforderung möchte eine Zertifizierungsstelle werden (basicConstraints CA:TRUE); das Zertifikat einer TK-Anlage kann das nie.',
  REQUEST_MALFORMED_notPkcs10:
    'Das ist keine PKCS#10-Zertifikatsanforderung (Version 1 mit Subject, Schlüssel und Signatur).',
  REQUEST_MALFORMED_signature: 'Die Anforderung hat keine lesbare Signatur.',
  REQUEST_MALFORMED_attributes:
    'Die Anforderung enthält nach ihrem öffentlichen Schlüssel Daten, die keine Attributmenge sind.',
  REQUEST_MALFORMED_emptyExtension: 'Die Erweiterung {{id}} der Anforderung hat keinen Wert.',
  SERIAL_INVALID_name:
    'Die Seriennummer „{{serial}}“ ist ungültig: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“, beginnend mit einem Buchstaben oder einer Ziffer.',
  SERIAL_INVALID_csvRow:
    'Zeile {{row}}: Die Seriennummer „{{serial}}“ ist ungültig; eine Seriennummer besteht aus den Buchstaben A–Z, den Ziffern 0–9, „.“, „_“ und „-“, beginnt mit einem Buchstaben oder einer Ziffer und hat höchstens 64 Zeichen.',
  SIGNATURE_ALGORITHM_MISMATCH: '{{what}}: Der Signaturalgorithmus passt nicht zum {{type}}-Schlüssel.',
  SIGNATURE_ALGORITHM_UNSUPPORTED: '{{what}}: Der Signaturalgorithmus {{algOid}} wird nicht angenommen.',
  SIGNATURE_INVALID:
    '{{what}}: Die Signatur ist ungültig – der Inhalt wurde nach dem Signieren verändert oder mit einem anderen Schlüssel signiert.',
  SIGNATURE_SHA1: '{{what}}: mit SHA-1 signiert, das nicht mehr angenommen wird; signieren Sie mit SHA-256.',
  SUBJECT_NO_SERIAL: '{{what}}: Das Subject enthält keine serialNumber, daher lässt es sich keiner TK-Anlage zuordnen.',
  SUBJECT_UNSAFE_TEXT_where:
    'Die Seriennummer enthält an Position {{position}} ein unsichtbares oder ein Steuerzeichen (U+{{cp}}).',
  SUBJECT_UNSAFE_TEXT_cn: '{{what}}: Der CN enthält an Position {{position}} ein unsichtbares oder ein Steuerzeichen.',
  SUBJECT_UNSUPPORTED_multiValued:
    '{{what}}: Das Subject hat einen mehrwertigen Namensteil; nur serialNumber und CN werden angenommen.',
  SUBJECT_UNSUPPORTED_attribute:
    '{{what}}: Das Subject hat das Attribut {{oid}}; nur serialNumber (2.5.4.5) und CN werden angenommen.',
  SUBJECT_UNSUPPORTED_notText: '{{what}}: {{attribute}} ist keine Zeichenkette.',
  SUBJECT_UNSUPPORTED_repeated: '{{what}}: Das Subject wiederholt ein Attribut.',
  UNKNOWN_FEATURE: 'Unbekanntes Feature {{shown}}; erwartet wird eines von: {{choices}}',
  UNKNOWN_MODEL: 'Unbekanntes Modell {{shown}}; erwartet wird eines von: {{valid}}',
  VERIFY_REQUEST_INVALID: '{{field}}: {{problem}}.',
} satisfies Partial<ErrorCatalogue>;
