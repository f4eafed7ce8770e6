// Sealed keys, the offline root, backups and the data folder; blocked and foreign registration numbers: Russian.
import type { ErrorCatalogue } from '../catalogue';

export const keysRu = {
  REGISTRATION_BLOCKED_number:
    'Регистрация {{number}} заблокирована производителем {{blockedOn}}: её нельзя привязать, начать пробный период, погасить купоны, получить лицензии или восстановить. Обратитесь к производителю.',
  REGISTRATION_BLOCKED_numberWithReason:
    'Регистрация {{number}} заблокирована производителем {{blockedOn}} ({{reason}}): её нельзя привязать, начать пробный период, погасить купоны, получить лицензии или восстановить. Обратитесь к производителю.',
  REGISTRATION_BLOCKED_allOfAddress:
    'Все регистрационные номера {{email}} (количество: {{count, number}}) заблокированы производителем: ничего не восстановлено и не отправлено. Обратитесь к производителю.',
  REGISTRATION_OTHER_RESELLER:
    'Регистрация {{number}} оформлена через другого партнёра: использовать её может только он. Зарегистрируйте клиента здесь (registration create) или обратитесь к производителю.',
  OPTION_CONFLICT_restoreDatabase: 'restore записывает собственную базу данных папки данных; уберите --database.',
  SCRYPT_COST_INVALID: 'LICENCE_DESK_SCRYPT_LOG2N должно быть целым числом от {{min}} до {{max}}, а не «{{raw}}».',
  KEY_SEALER_MISSING:
    'Закрытые ключи сервера лицензирования хранятся только в запечатанном виде, а запечатать их нечем: разблокируйте связку ключей операционной системы или (на сервере или в CI) задайте LICENCE_DESK_PASSPHRASE.',
  KEY_PASSPHRASE_MISSING: '{{where}} запечатан парольной фразой: задайте {{source}} (или введите её по запросу).',
  KEY_PASSPHRASE_WRONG: 'Парольная фраза ({{source}}) не открывает {{where}}: проверьте её и попробуйте ещё раз.',
  KEY_WRAPPING_KEY_MISSING:
    '{{where}} запечатан ключом-обёрткой из связки ключей операционной системы (запись «ca.wrapping-key»), а эта запись исчезла из связки ключей: ключи сервера лицензирования открыть нельзя. Восстановите папку данных из резервной копии («licence-desk restore ФАЙЛ» или Настройки → Восстановить).',
  KEY_WRAPPING_KEY_WRONG:
    '{{where}} запечатан другим ключом-обёрткой, чем тот, что в этой связке ключей (ca.wrapping-key); здесь ключи открыть нельзя: восстановите папку данных из резервной копии («licence-desk restore ФАЙЛ»).',
  KEY_KEYCHAIN_NEEDED:
    '{{where}} запечатан ключом-обёрткой из связки ключей, но связка ключей не использовалась (задана LICENCE_DESK_PASSPHRASE): уберите LICENCE_DESK_PASSPHRASE в сеансе с разблокированной связкой ключей.',
  KEY_FILE_EDITED: '{{where}} изменён после запечатывания; восстановите его из резервной копии.',
  KEY_FILE_INVALID: '{{where}} не удаётся открыть: {{why}}. Восстановите его из резервной копии.',
  KEY_FILE_NEWER:
    '{{where}} запечатан более новой версией Licence Desk (формат {{version}}; эта версия читает {{supported}}): обновите Licence Desk.',
  KEY_FILE_MISSING: 'Файл {{file}} ({{what}}) отсутствует.',
  ROOT_KEY_MISSING:
    'По пути {{file}} нет корневого ключа: укажите через --root ФАЙЛ запечатанный файл корневого ключа, который вы храните офлайн.',
  ROOT_KEY_MISMATCH: '{{file}} содержит корневой ключ другого сервера лицензирования, а не ключ {{rootCert}}.',
  BACKUP_PASSPHRASE_MISSING:
    'Резервная копия шифруется парольной фразой: задайте LICENCE_DESK_BACKUP_PASSPHRASE или введите её по запросу.',
  BACKUP_PASSPHRASE_WEAK: 'Парольная фраза резервной копии должна содержать не менее {{min}} символов.',
  BACKUP_PASSPHRASE_MISMATCH: 'Парольные фразы не совпадают: ничего не записано.',
  BACKUP_PASSPHRASE_WRONG: 'Парольная фраза не открывает {{file}}: проверьте её и попробуйте ещё раз.',
  BACKUP_UNREADABLE: 'Не удаётся прочитать {{file}} (ожидалась резервная копия Licence Desk).',
  BACKUP_NOT_A_BACKUP: '{{file}} — не резервная копия Licence Desk.',
  BACKUP_TRUNCATED: '{{file}} обрезан ({{detail}}): создайте резервную копию заново или используйте другую копию.',
  BACKUP_EDITED: '{{file}} нельзя восстановить: {{why}}. Ничего не заменено.',
  BACKUP_VERSION_NEWER:
    '{{file}} создан более новой версией Licence Desk (формат резервной копии {{version}}; эта версия читает до {{supported}}): сначала обновите Licence Desk.',
  BACKUP_OTHER_AUTHORITY:
    '{{file}} — резервная копия другого сервера лицензирования (корень {{theirs}}…, у этой папки {{ours}}…): ничего не заменено. Чтобы заменить им этот сервер лицензирования, восстановите с --replace-authority.',
  BACKUP_DATABASE_CORRUPT:
    'База данных в {{file}} не проходит проверку целостности SQLite ({{result}}): ничего не восстановлено.',
  BACKUP_FILE_EXISTS: '{{file}} уже существует: укажите для резервной копии новый файл (или удалите старый).',
  BACKUP_POSTGRES_UNSUPPORTED:
    'backup сохраняет встроенный сервер лицензирования на SQLite; базу данных сервера PostgreSQL сохраняйте через pg_dump (а папку данных с ключами — отдельно).',
  BACKUP_DATABASE_ELSEWHERE: 'backup сохраняет собственную базу данных папки данных ({{expected}}), а не {{given}}.',
  DATA_CONNECTED_MODE:
    '{{what}} относится к серверу лицензирования на этом компьютере; в подключённом режиме данные хранит сервер: сначала отключитесь или обратитесь к администратору сервера.',
  DATA_FILE_REQUIRED: 'Введите путь к файлу резервной копии ({{action}}).',
} satisfies Partial<ErrorCatalogue>;
