// Codes people paste (initialisation codes, answers, PEM): German.
import type { ErrorCatalogue } from '../catalogue';

export const codesDe = {
  ANSWER_MALFORMED_foreign:
    'Die Antwort hat ihre Prüfungen bestanden, ihr Inhalt lässt sich aber nicht entpacken: Sie wurde nicht von Licence Desk erstellt.',
  ANSWER_MALFORMED_notSequence: 'Zertifikat {{index}} der Antwort beginnt nicht mit einer DER-Sequenz.',
  ANSWER_MALFORMED_cutShort: 'Zertifikat {{index}} der Antwort ist abgeschnitten.',
  ANSWER_MALFORMED_empty: 'Die Antwort enthält kein Zertifikat.',
  CODE_BAD_CHARACTER:
    'Gruppe {{group}} ({{shown}}) enthält {{named}}, das in keinem Code vorkommt: Codes bestehen nur aus den Ziffern 0–9 und den Buchstaben A–Z außer U.',
  CODE_CHECKSUM:
    'Jede Gruppe besteht ihre eigene Prüfung, der Code als Ganzes aber nicht: Wahrscheinlich sind Gruppen doppelt oder in falscher Reihenfolge. Kopieren Sie den Code erneut aus dem Original.',
  CODE_EMPTY: 'Der Code ist leer: Fügen Sie den ganzen Code ein, beginnend mit seiner Kennung (REQ1 oder ANS1).',
  CODE_GROUPS_SWAPPED:
    'Die Gruppen {{first}} und {{second}} sind vertauscht: {{a}} und {{b}} gehören jeweils an die Stelle der anderen.',
  CODE_GROUP_LENGTH: 'Gruppe {{group}} ({{text}}) hat {{length, number}} Zeichen, erwartet sind {{expected, number}}.',
  CODE_GROUP_TYPO_missing:
    'Gruppe {{missing}} fehlt: Was Sie als {{a}} haben, ist die ursprüngliche Gruppe {{original}}, und jede folgende Gruppe steht eine Stelle zu früh. Vergleichen Sie mit dem Original.',
  CODE_GROUP_TYPO_extra:
    'Gruppe {{extra}} ist eine Gruppe zu viel (doppelt eingefügt?): Jede folgende Gruppe steht eine Stelle zu spät. Vergleichen Sie mit dem Original.',
  CODE_GROUP_TYPO_typo: 'Gruppe {{groups}} ({{texts}}) enthält einen Tippfehler: Vergleichen Sie sie mit dem Original.',
  CODE_GROUP_TYPO_typos:
    'Die Gruppen {{groups}} enthalten Tippfehler ({{texts}}): Vergleichen Sie sie mit dem Original.',
  CODE_NOT_RECOGNISED:
    'Das ist kein Licence-Desk-Code: Ein Code beginnt mit REQ1 oder ANS1, dieser Text aber mit „{{start}}“.',
  CODE_TOO_LARGE_text:
    'Dieser Text ist größer als {{limitKiB, number}} KiB, weit mehr als jeder Licence-Desk-Code: Fügen Sie nur den Code ein.',
  CODE_TOO_LARGE_bytes:
    '{{bytes, number}} Byte sind zu viel für einen Licence-Desk-Code: Sein Text wäre größer als {{limitKiB, number}} KiB.',
  CODE_TOO_LARGE_characters:
    'Der eingefügte Text hat {{length, number}} Zeichen; ein Code hat höchstens {{limit, number}}.',
  CODE_TOO_LONG_secondCode:
    'Der Text enthält mehr als einen Code: Nach Gruppe {{group}} folgt ein zweites {{tag}}. Fügen Sie jeweils nur einen Code ein.',
  CODE_TOO_LONG_extraGroups:
    'Der Code hat zu viele Gruppen (überzählig: {{length, number}}): Er endet mit Gruppe {{expected}}, entfernen Sie also {{range}} (beginnend mit „{{typed}}“).',
  CODE_TRUNCATED_tagOnly: 'Der Code endet direkt nach seiner Kennung {{tag}}: Alle seine Gruppen fehlen.',
  CODE_TRUNCATED_early:
    'Der Code endet zu früh: {{found, number}} von {{expected, number}} Gruppen gefunden. Kopieren Sie den Rest des Codes.',
  CODE_UNSUPPORTED_VERSION:
    'Das ist ein Code der Version {{version}} ({{tag}}); dieses Licence Desk liest Version {{supported}}. Aktualisieren Sie Licence Desk oder prüfen Sie die Kennung, falls der Code von Hand eingegeben wurde.',
  CODE_WRONG_KIND_kinds:
    'Dieser Code gehört nicht hierher: Er ist von einer anderen Art als der hier erwartete Code. Prüfen Sie, ob Sie Initialisierungscode und Antwort des Lizenzservers verwechselt haben.',
  CODE_WRONG_KIND_answerForInit:
    'Sie haben eine Antwort des Lizenzservers eingefügt, wo ein Initialisierungscode hingehört.',
  CODE_WRONG_KIND_initForAnswer:
    'Sie haben einen Initialisierungscode eingefügt, wo eine Antwort des Lizenzservers hingehört.',
  PEM_UNEXPECTED_mixed:
    'Der PEM-Text muss genau einen Block CERTIFICATE REQUEST oder CERTIFICATE-Blöcke enthalten (zuerst die Antwort, dann ihre Kette).',
  PEM_UNEXPECTED_oneRequest: 'Fügen Sie jeweils nur eine Zertifikatsanforderung ein.',
} satisfies Partial<ErrorCatalogue>;
