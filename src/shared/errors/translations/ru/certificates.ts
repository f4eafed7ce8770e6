// Сертификаты, ключи, подписи, DER и PEM: русский. {{label}} и {{what}} называют проверяемый объект
// (по-английски, как в реестре, например «answer certificate»), поэтому они стоят в начале как
// «объект: …», и грамматика фразы не зависит от их рода и падежа.
import type { ErrorCatalogue } from '../catalogue';

export const certificatesRu = {
  CATALOGUE_INVALID: 'Каталог некорректен: {{lines}}',
  CERTIFICATE_MALFORMED_notV3: '{{what}}: это не сертификат X.509 v3.',
  CERTIFICATE_MALFORMED_emptyExtension: '{{what}}: у расширения {{id}} нет значения.',
  CERT_AKI_INVALID_namesIssuer:
    '{{label}}: самоподписанный корневой сертификат, в authorityKeyIdentifier которого указаны издатель или серийный номер.',
  CERT_AKI_INVALID_differsFromSki:
    '{{label}}: самоподписанный корневой сертификат, у которого authorityKeyIdentifier не совпадает с subjectKeyIdentifier.',
  CERT_AKI_MISSING_noKeyIdentifier: '{{label}}: в authorityKeyIdentifier нет keyIdentifier.',
  CERT_AKI_MISSING_absent:
    '{{label}}: нет authorityKeyIdentifier; без него может обходиться только самоподписанный корневой сертификат.',
  CERT_ALGORITHM_MISMATCH: '{{label}}: внутри и вне подписанной части указаны разные алгоритмы подписи.',
  CERT_DUPLICATE_EXTENSION: '{{label}}: расширение {{id}} встречается более одного раза.',
  CERT_EMPTY_NAME_issuer: '{{label}}: пустое имя издателя.',
  CERT_EMPTY_NAME_subjectCa: '{{label}}: сертификат УЦ с пустым именем субъекта.',
  CERT_EMPTY_NAME_subject: '{{label}}: пустое имя субъекта и нет критического subjectAltName.',
  CERT_EXPIRED: '{{label}}: срок действия истёк {{notAfter}}.',
  CERT_EXTENSION_CRITICALITY_mustNotBeCritical: '{{label}}: {{name}} помечено как критическое, а так нельзя.',
  CERT_EXTENSION_CRITICALITY_basicConstraints:
    '{{label}}: сертификат УЦ, у которого basicConstraints не помечено как критическое.',
  CERT_EXTENSION_CRITICALITY_policyConstraints: '{{label}}: policyConstraints не помечено как критическое.',
  CERT_EXTENSION_MALFORMED_authorityInfoAccess:
    '{{label}}: authorityInfoAccess должно содержать одно или несколько описаний доступа.',
  CERT_EXTENSION_MALFORMED_policyConstraints: '{{label}}: policyConstraints — пустая последовательность.',
  CERT_IS_CA: 'Сертификат ответа является сертификатом УЦ; сертификат АТС таким не бывает.',
  CERT_KEY_USAGE_INVALID_empty: '{{label}}: keyUsage не разрешает ни одного назначения.',
  CERT_KEY_USAGE_INVALID_certSignNotCa:
    '{{label}}: разрешён keyCertSign, но это не сертификат УЦ (basicConstraints cA не установлен).',
  CERT_KEY_USAGE_INVALID_caWithoutCertSign: '{{label}}: сертификат УЦ, в keyUsage которого нет keyCertSign.',
  CERT_KEY_USAGE_INVALID_pathLenNotCa: '{{label}}: задано ограничение длины пути, но это не сертификат УЦ.',
  CERT_KEY_USAGE_MISMATCH: '{{label}}: keyUsage не допускает того, для чего сертификат здесь используется.',
  CERT_NOT_V3: '{{label}}: это не сертификат X.509 версии 3.',
  CERT_NOT_YET_VALID: '{{label}}: действует только с {{notBefore}}; проверьте часы АТС.',
  CERT_POLICY_UNSUPPORTED:
    '{{label}}: требуется явная политика сертификатов; эта АТС политики не проверяет и поэтому не может это выполнить.',
  CERT_SERIAL_INVALID:
    '{{label}}: серийный номер должен быть положительным целым числом не длиннее 20 байт (RFC 5280 §4.1.2.2).',
  CERT_SKI_MISSING: '{{label}}: сертификат УЦ без subjectKeyIdentifier.',
  CERT_UNKNOWN_CRITICAL: '{{label}}: есть критическое расширение, которое эта АТС не понимает ({{id}}).',
  CHAIN_NOT_CA_notCa: '{{label}}: это не сертификат УЦ.',
  CHAIN_NOT_CA_mayNotSign: '{{label}}: не может подписывать сертификаты.',
  CHAIN_PATH_LENGTH:
    '{{label}}: допускает под собой УЦ не более {{pathLen, number}}, а в цепочке их {{below, number}}.',
  CHAIN_TOO_COMPLEX:
    'Цепочка сертификатов предлагает слишком много возможных издателей; путь не найден в пределах лимита проверок ({{maxChecks, number}}).',
  CHAIN_TOO_LONG: 'Цепочка сертификатов длиннее допустимого (сертификатов не более {{maxPath, number}}).',
  CHAIN_UNTRUSTED:
    '{{what}}: выпущен не от корневого сертификата, которому доверяет эта АТС, — издатель отсутствует в цепочке или принадлежит другому серверу лицензирования.',
  DER_MALFORMED_empty: '{{what}}: пусто.',
  DER_MALFORMED_invalid: '{{what}}: некорректный DER ({{reason}}).',
  DER_NOT_CANONICAL: '{{what}}: не в канонической форме DER.',
  DER_TOO_LARGE: '{{what}}: размер в байтах — {{length, number}}; допускается не более {{maxBytes, number}}.',
  DEVICE_INFO_MALFORMED: 'Данные устройства в запросе некорректны: {{field}} {{expected}}.',
  KEY_CURVE_UNSUPPORTED: 'Ключ использует кривую {{curve}}; для ECDSA допускается только P-256 (prime256v1).',
  KEY_EC_EXPLICIT_PARAMETERS: '{{label}}: EC-ключ задаёт параметры кривой явно; допускается только именованная кривая.',
  KEY_RSA_SIZE_UNUSUAL:
    '{{label}}: длина RSA-ключа в битах ({{bits, number}}) не кратна 8, то есть не равна целому числу байт.',
  KEY_TOO_SMALL: 'Длина RSA-ключа в битах — {{bits, number}}; требуется не менее {{minBits, number}}.',
  KEY_UNSUPPORTED_unreadable:
    'Открытый ключ не удаётся прочитать: он использует неизвестную кривую или алгоритм. Используйте ECDSA P-256, Ed25519 или RSA длиной не менее 2048 бит.',
  KEY_UNSUPPORTED_type:
    'Ключи типа {{type}} не принимаются. Используйте ECDSA P-256, Ed25519 или RSA длиной не менее 2048 бит.',
  LICENCE_INFO_MALFORMED: 'Расширение с лицензиями в сертификате некорректно: {{field}} {{expected}}.',
  MODEL_INVALID: 'Модель (CN) «{{model}}» не является идентификатором модели вида comtrexx-vm.',
  PEM_MALFORMED: 'PEM-блок {{block}} ({{label}}) некорректен: {{problem}}.',
  PEM_TOO_LARGE:
    'Этот текст больше {{limitKiB, number}} КиБ — намного больше цепочки сертификатов: вставьте только PEM-блоки.',
  RECEIPT_NONCE_MISMATCH:
    'Квитанция отвечает на другой запрос (её nonce не тот, что только что отправила эта АТС): это повтор старой квитанции или сбой сервера.',
  RECEIPT_SIGNATURE_INVALID:
    'Подпись квитанции недействительна ({{message}}): её изменили по пути или создал не сервер лицензирования.',
  RECEIPT_SIGNER_EXPIRED: 'Сертификат из цепочки квитанции недействителен на момент квитанции ({{at}}): {{message}}',
  RECEIPT_SIGNER_NOT_CA:
    'Квитанция подписана сертификатом, который не является сертификатом УЦ; подписывать квитанции может только УЦ сервера лицензирования.',
  RECEIPT_UNTRUSTED: 'Квитанция подписана не от корневого сертификата, которому доверяет эта АТС ({{message}}).',
  RECEIPT_WRONG_CERTIFICATE:
    'Квитанция относится к сертификату {{certificateSerial}}, а эта АТС запрашивала {{askedSerial}}.',
  REQUEST_ASKS_CA:
    'Запрос просит сделать его удостоверяющим центром (basicConstraints CA:TRUE); сертификат АТС таким быть не может.',
  REQUEST_MALFORMED_notPkcs10: 'Это не запрос на сертификат PKCS#10 (версия 1 с субъектом, ключом и подписью).',
  REQUEST_MALFORMED_signature: 'В запросе нет читаемой подписи.',
  REQUEST_MALFORMED_attributes: 'После открытого ключа в запросе идут данные, которые не являются набором атрибутов.',
  REQUEST_MALFORMED_emptyExtension: 'У расширения {{id}} в запросе нет значения.',
  SERIAL_INVALID_name:
    'Серийный номер «{{serial}}» недопустим: используйте от 1 до 64 букв, цифр, «.», «_» или «-», начиная с буквы или цифры.',
  SERIAL_INVALID_csvRow:
    'Строка {{row}}: серийный номер «{{serial}}» недопустим; серийный номер состоит из букв A–Z, цифр 0–9, «.», «_» и «-», начинается с буквы или цифры и содержит не более 64 символов.',
  SIGNATURE_ALGORITHM_MISMATCH: '{{what}}: алгоритм подписи не подходит к ключу {{type}}.',
  SIGNATURE_ALGORITHM_UNSUPPORTED: '{{what}}: алгоритм подписи {{algOid}} не принимается.',
  SIGNATURE_INVALID:
    '{{what}}: подпись недействительна — данные изменены после подписания или подписаны другим ключом.',
  SIGNATURE_SHA1: '{{what}}: подписано с SHA-1, который больше не принимается; подписывайте с SHA-256.',
  SUBJECT_NO_SERIAL: '{{what}}: в субъекте нет serialNumber, поэтому его нельзя сопоставить с АТС.',
  SUBJECT_UNSAFE_TEXT_where:
    'Серийный номер содержит невидимый или управляющий символ (U+{{cp}}) в позиции {{position}}.',
  SUBJECT_UNSAFE_TEXT_cn: '{{what}}: CN содержит невидимый или управляющий символ в позиции {{position}}.',
  SUBJECT_UNSUPPORTED_multiValued:
    '{{what}}: в субъекте есть многозначная часть имени; допускаются только serialNumber и CN.',
  SUBJECT_UNSUPPORTED_attribute:
    '{{what}}: в субъекте есть атрибут {{oid}}; допускаются только serialNumber (2.5.4.5) и CN.',
  SUBJECT_UNSUPPORTED_notText: '{{what}}: {{attribute}} не является текстовой строкой.',
  SUBJECT_UNSUPPORTED_repeated: '{{what}}: в субъекте повторяется атрибут.',
  UNKNOWN_FEATURE: 'Неизвестная фича {{shown}}; ожидается одна из: {{choices}}',
  UNKNOWN_MODEL: 'Неизвестная модель {{shown}}; ожидается одна из: {{valid}}',
  VERIFY_REQUEST_INVALID: '{{field}}: {{problem}}.',
} satisfies Partial<ErrorCatalogue>;
