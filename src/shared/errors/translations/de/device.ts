// The PBX side (simulator state, installing and checking answers): German.
import type { ErrorCatalogue } from '../catalogue';

export const deviceDe = {
  PBX_STATE_MISSING:
    'In {{path}} gibt es keinen Zustand einer TK-Anlage: Initialisieren Sie die TK-Anlage dort zuerst.',
  PBX_STATE_CORRUPT: 'Die Zustandsdatei der TK-Anlage {{path}} ist beschädigt: {{problem}}.',
  ANSWER_BINDING_MISMATCH:
    'Die Bindung der Antwort passt nicht zum wartenden Initialisierungscode dieser TK-Anlage; abweichende Felder: {{fields}}.',
  ANSWER_NO_LICENCE:
    'Das Zertifikat der Antwort enthält keine Lizenzerweiterung und lizenziert daher nichts: Es wurde nicht von einem Lizenzserver erstellt.',
  ANSWER_STALE:
    'Diese Antwort wurde für einen älteren Initialisierungscode erstellt (Generation {{answerGeneration}}); diese TK-Anlage wartet auf Generation {{waitingGeneration}}. Fügen Sie die Antwort auf den neuesten Code ein.',
  ANSWER_WRONG_DEVICE:
    'Diese Antwort ist für die TK-Anlage mit der Seriennummer {{answerSerial}}, diese TK-Anlage hat aber die Seriennummer {{pbxSerial}}.',
  ANSWER_WRONG_KEY:
    'Diese Antwort bestätigt einen anderen Schlüssel als den, den diese TK-Anlage für ihren wartenden Initialisierungscode (Generation {{waiting}}) erzeugt hat: Sie wurde für eine andere Anfrage erstellt.',
  ANSWER_WRONG_MODEL: 'Diese Antwort ist für das Modell {{answerModel}}, diese TK-Anlage ist aber eine {{pbxModel}}.',
  KEY_TYPE_UNSUPPORTED: 'Der Schlüsseltyp {{type}} ist keiner von ec-p256, ed25519, rsa.',
  PBX_IDENTITY_MISMATCH:
    'Dieser Zustandsordner gehört zur TK-Anlage {{storedSerial}} ({{storedModel}}); er kann nicht als {{givenSerial}} ({{givenModel}}) initialisiert werden. Verwenden Sie für eine andere TK-Anlage einen neuen Ordner.',
  PBX_NOT_LICENSED_sign:
    'Diese TK-Anlage hat noch kein installiertes Zertifikat und damit keinen Geräteschlüssel zum Signieren.',
  PBX_NOT_LICENSED_verify:
    'Diese TK-Anlage hat noch kein installiertes Zertifikat, es gibt also nichts online zu prüfen: Spielen Sie zuerst eine Antwort ein.',
  PBX_NO_PENDING_installed:
    'Diese Antwort ist bereits installiert (Generation {{generation}}); es ist nichts zu tun. Um eine andere Antwort zu installieren, erzeugen Sie zuerst einen neuen Initialisierungscode.',
  PBX_NO_PENDING_none:
    'Diese TK-Anlage hat keinen Initialisierungscode, der auf eine Antwort wartet. Erzeugen Sie zuerst einen (init) und fügen Sie dann die Antwort auf diesen Code ein.',
  PBX_TRUST_INVALID_blocks:
    'Das vertrauenswürdige Stammzertifikat muss genau ein PEM-CERTIFICATE sein; dieser Text enthält PEM-Blöcke: {{length, number}}.',
  PBX_TRUST_INVALID_notCa: 'Das vertrauenswürdige Stammzertifikat ist kein CA-Zertifikat.',
  PBX_TRUST_REQUIRED:
    'Eine neue TK-Anlage braucht das Stammzertifikat, dem sie vertraut (PEM): Geben Sie es beim ersten init mit --trust an.',
  RECEIPT_MALFORMED: 'Die Antwort des Servers ist keine Prüfquittung ({{issue}}).',
} satisfies Partial<ErrorCatalogue>;
