// Правила сервера лицензирования (устройства, купоны, привязки, пробные лицензии, передачи, аудит): русский.
import type { ErrorCatalogue } from '../catalogue';

export const authorityRu = {
  AUDIT_CHECKPOINT_INVALID: 'Недействительная контрольная точка журнала аудита: {{problem}}',
  AUDIT_CHECKPOINT_MISSING: 'Отсутствует контрольная точка журнала аудита: {{problem}}',
  AUDIT_CHECKPOINT_NONE: 'Этот сервер лицензирования не записывает контрольные точки журнала аудита.',
  AUDIT_CHECKPOINT_TRUNCATED: 'Файл контрольных точек журнала аудита обрезан: {{problem}}',
  AUDIT_SIGNER_INVALID:
    'Сертификат подписи журнала аудита (ca/audit-signer.pem) выпущен не выпускающим УЦ этого сервера лицензирования.',
  AUTHORITY_MISSING: 'В {{dataDir}} нет сервера лицензирования: сначала выполните «licence-desk init».',
  BINDING_ALREADY_RESET: 'Привязка {{binding}} (фича {{feature}} на хосте {{hostLabel}}) уже сброшена {{resetTime}}.',
  BINDING_ELSEWHERE:
    'Лицензия {{what}} для {{serial}} привязана к хосту {{hostLabel}} с {{sinceTime}}; сначала сбросьте эту привязку (привязка {{binding}}: licence-desk binding reset {{binding}} --feature {{feature}}).',
  BINDING_FEATURE_MISMATCH:
    'Привязка {{binding}} относится к фиче {{feature}} ({{bindingProduct}}), а не {{given}} ({{givenProduct}}); ничего не сброшено.',
  BINDING_NOT_FOUND: 'Привязки {{id}} не существует; список привязок: licence-desk binding list',
  COUPON_ALREADY_REDEEMED: 'Купон {{shown}} уже активирован {{when}}; купон активируется только один раз.',
  COUPON_BLOCKED: 'Купон {{shown}} заблокирован производителем {{blockedOn}}; попросите магазин о замене.',
  COUPON_BUNDLE_NO_MODEL:
    'Ни одна модель не поддерживает все фичи {{features}} сразу; разделите их на отдельные купоны.',
  COUPON_FEATURES_REQUIRED_oneOrBundle:
    'Укажите либо фичу (и количество) для купона на одну фичу, либо фичи для пакета — что-то одно.',
  COUPON_FEATURES_REQUIRED_quantityInBundle:
    'Количество указывается вместе с фичей; в пакете задайте количество для каждой позиции отдельно.',
  COUPON_FEATURE_NOT_FOR_MODEL:
    'Этот купон содержит фичу {{names}}, которую {{name}} не поддерживает (допустимые фичи: {{features}}); ничего не активировано.',
  COUPON_FEATURE_TWICE: 'Фича {{number}} ({{name}}) указана в пакете дважды.',
  COUPON_MALFORMED: 'Код купона некорректен: {{what}}.',
  COUPON_NO_REGISTRATION:
    '{{serial}} ещё не привязано к регистрации: сначала привяжите устройство к регистрационному номеру клиента (licence-desk registration link --registration MIKO-… --serial {{serial}}), затем активируйте купон.',
  COUPON_TYPO:
    'В коде купона {{canonical}} опечатка: контрольный символ не совпадает. Сравните код посимвольно с письмом о доставке.',
  COUPON_UNKNOWN:
    'Купона {{masked}} не существует: проверьте код в письме о доставке (контрольный символ верен, так что купон, вероятно, из другого магазина или никогда не выпускался).',
  DAYS_INVALID: 'Число дней должно быть целым числом от 1 до {{maxDays, number}}.',
  DEVICE_EXISTS: 'Устройство с серийным номером {{serial}} уже зарегистрировано.',
  DEVICE_HELD_ELSEWHERE:
    'Серийный номер {{serial}} зарегистрирован другим партнёром. Если эта АТС ваша, попросите производителя передать её вам: device transfer request {{serial}}.',
  DEVICE_NOT_FOUND_plain: 'Устройство с серийным номером {{serial}} не зарегистрировано.',
  DEVICE_NOT_FOUND_addFirst: 'Устройство с серийным номером {{serial}} не зарегистрировано; сначала добавьте его.',
  DEVICE_NOT_HOST_BOUND:
    '{{serial}} ({{model}}): лицензии привязаны к серийному номеру, поэтому регистрационный номер этому устройству не нужен.',
  DEVICE_OTHER_REGISTRATION:
    'Устройство {{serial}} уже относится к другой регистрации; по второй регистрации пробную лицензию для него запустить нельзя.',
  DEVICE_RETIRED_noCertificates:
    'Устройство {{serial}} выведено из эксплуатации {{retiredAt}}; новые сертификаты для него не выпускаются.',
  DEVICE_RETIRED_already: 'Устройство {{serial}} уже выведено из эксплуатации {{retiredAt}}.',
  DEVICE_RETIRED_plain: 'Устройство {{serial}} выведено из эксплуатации {{retiredAt}}.',
  DEVICE_RETIRED_noCoupons:
    'Устройство {{serial}} выведено из эксплуатации {{retiredAt}}; активировать для него купоны нельзя.',
  EULA_NOT_ACCEPTED:
    'Владелец {{registration}} ещё не принял лицензионное соглашение {{version}}: сначала примите его (licence-desk eula accept --registration {{registration}}).',
  EULA_VERSION_EXISTS: 'Лицензионное соглашение {{version}} уже опубликовано.',
  EULA_VERSION_NOT_NEWER:
    'Лицензионное соглашение {{version}} не новее текущей версии {{current}}; опубликуйте версию с большим номером.',
  FEATURE_NOT_FOR_MODEL: '{{name}} не поддерживает {{feature}} (фича {{number}}); допустимые фичи: {{features}}.',
  GRANT_NO_REGISTRATION:
    '{{serial}} ещё не привязано к регистрации: сначала привяжите устройство к регистрационному номеру клиента (licence-desk registration link --registration MIKO-… --serial {{serial}}), затем выдайте лицензию.',
  HSM_CERTIFICATE_MISSING:
    'В {{hsmIssuingCert}} нет сертификата для ключа выпуска в HSM: сначала выполните «licence-desk ca hsm-issue --issuing-key pkcs11:…».',
  HSM_KEY_MISMATCH:
    'Ключ, указанный в PKCS#11 URI, не является ключом {{hsmIssuingCert}}; укажите ключ, созданный командой «ca hsm-issue».',
  LICENCES_CHANGED: 'Лицензии устройства изменились, пока создавался его сертификат; попробуйте ещё раз.',
  MODEL_MISMATCH: 'Согласно коду, АТС — это {{model}}, но {{serial}} зарегистрирована как {{known}}.',
  NO_LICENCES:
    'У устройства {{serial}} нет активных лицензий: выдайте ему лицензию, прежде чем пересоздавать сертификат.',
  QUANTITY_INVALID_range: 'Количество должно быть целым числом от 1 до {{maxQuantity, number}}.',
  QUANTITY_INVALID_notCountable: '{{name}} не считается поштучно: количество всегда равно 1.',
  QUANTITY_INVALID_notCountableGiven:
    '{{name}} (фича {{number}}) не считается поштучно: количество всегда равно 1, а не {{quantity, number}}.',
  REGISTRATION_NOT_FOUND: 'Регистрация {{number}} здесь неизвестна.',
  REGISTRATION_NUMBER_EXHAUSTED:
    'Свободный регистрационный номер не найден (попыток: {{attempts, number}}); попробуйте ещё раз.',
  REQUEST_OTHER_DEVICE:
    'Этот код инициализации принадлежит АТС с серийным номером {{serial}}, а не {{expectedSerial}}.',
  REQUEST_STALE_GENERATION:
    'Этот код инициализации имеет поколение {{presented}}, но у этой АТС уже есть сертификат поколения {{current}} ({{certificate}}): более старый код не может заменить более новый сертификат. Создайте на АТС новый код инициализации и используйте его.',
  RESELLER_ONLY_devices: 'Управлять устройствами может только партнёр; этот токен принадлежит производителю.',
  RESELLER_ONLY_transfers: 'Запросить передачу может только партнёр; решение принимает производитель.',
  SYSTEM_ACTIVATION_REQUIRED: 'Для {{name}} нужна лицензия на активацию системы (фича {{number}}).',
  TRANSFER_ALREADY_REQUESTED: 'Вы уже запросили серийный номер {{serial}}; производитель ещё не принял решение.',
  TRANSFER_DECIDED_already: 'По запросу на передачу {{id}} решение уже принято {{decidedAt}}.',
  TRANSFER_DECIDED_meanwhile: 'По запросу на передачу {{id}} тем временем уже принято решение.',
  TRANSFER_NOT_FOUND: 'Запроса на передачу {{id}} не существует.',
  TRANSFER_OWN_DEVICE: 'Серийный номер {{serial}} уже зарегистрирован у вас; передавать нечего.',
  TRANSFER_STALE: 'Серийный номер {{serial}} больше не принадлежит партнёру, у которого его запрашивали.',
  TRANSFER_UNKNOWN_SERIAL:
    'Серийного номера {{serial}} нет ни у одного партнёра: зарегистрируйте устройство сами (device add).',
  TRIAL_ALREADY_USED_HOST:
    'На этом хосте (отпечаток {{host}}…) уже была пробная лицензия для фичи {{number}}: хост получает только одну пробную лицензию на продукт.',
  TRIAL_ALREADY_USED_REGISTRATION:
    'Регистрация {{registration}} уже использовала пробную лицензию {{name}} (фича {{number}}): регистрация получает только одну пробную лицензию на продукт.',
  TRIAL_NOT_AVAILABLE_model: 'Для {{name}} пробная лицензия не предусмотрена.',
  TRIAL_NOT_AVAILABLE_licensed:
    'У устройства {{serial}} уже есть купленная лицензия {{name}} (фича {{number}}): пробная лицензия ему не нужна.',
  TRYOUT_ALREADY_USED:
    'Устройство {{serial}} уже использовало пробный режим: он начался {{started}}. Пробный режим доступен АТС только один раз.',
  TRYOUT_NOT_ACTIVE: 'Устройство {{serial}} не находится в пробном режиме.',
  TRYOUT_NOT_AVAILABLE_reason: 'Для {{model}} пробный режим не предусмотрен.',
  TRYOUT_NOT_AVAILABLE_noUserFeature: 'У {{name}} нет фичи пользовательских лицензий для пробного режима.',
  TRYOUT_NOT_AVAILABLE_licensed:
    'У устройства {{serial}} уже есть купленные лицензии: пробный режим предназначен только для АТС без купленных лицензий.',
  VERIFY_REPLAY:
    'На этот запрос проверки (nonce {{nonce}}) уже был дан ответ; АТС создаёт новый nonce для каждой проверки.',
  VERIFY_SIGNATURE_INVALID:
    'Запрос проверки подписан не ключом сертификата {{serialHex}}: его изменили по пути или создало другое устройство.',
  VERIFY_UNKNOWN_CERTIFICATE: 'Этот сервер лицензирования не выпускал сертификат с серийным номером {{serialHex}}.',
} satisfies Partial<ErrorCatalogue>;
