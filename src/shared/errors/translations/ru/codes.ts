// Коды, которые вставляет пользователь (коды инициализации, ответы, PEM): русский.
import type { ErrorCatalogue } from '../catalogue';

export const codesRu = {
  ANSWER_MALFORMED_foreign:
    'Ответ прошёл проверки, но его содержимое не удаётся распаковать: он создан не в Licence Desk.',
  ANSWER_MALFORMED_notSequence: 'Сертификат {{index}} в ответе не начинается с последовательности DER.',
  ANSWER_MALFORMED_cutShort: 'Сертификат {{index}} в ответе обрезан.',
  ANSWER_MALFORMED_empty: 'В ответе нет сертификата.',
  CODE_BAD_CHARACTER:
    'Группа {{group}} ({{shown}}) содержит {{named}}, а такого символа в кодах не бывает: коды состоят только из цифр 0–9 и букв A–Z, кроме U.',
  CODE_CHECKSUM:
    'Каждая группа проходит свою проверку, а код целиком — нет: вероятно, группы повторяются или стоят не по порядку. Скопируйте код заново из оригинала.',
  CODE_EMPTY: 'Код пуст: вставьте код целиком, начиная с его метки (REQ1 или ANS1).',
  CODE_GROUPS_SWAPPED: 'Группы {{first}} и {{second}} переставлены: {{a}} и {{b}} должны стоять на местах друг друга.',
  CODE_GROUP_LENGTH: 'В группе {{group}} ({{text}}) символов: {{length, number}}, а должно быть {{expected, number}}.',
  CODE_GROUP_TYPO_missing:
    'Группа {{missing}} пропущена: то, что у вас стоит как {{a}}, — это исходная группа {{original}}, и все следующие группы сдвинуты на одну позицию вперёд. Сравните с оригиналом.',
  CODE_GROUP_TYPO_extra:
    'Группа {{extra}} лишняя (вставлена дважды?): все следующие группы сдвинуты на одну позицию назад. Сравните с оригиналом.',
  CODE_GROUP_TYPO_typo: 'В группе {{groups}} ({{texts}}) опечатка: сравните её с оригиналом.',
  CODE_GROUP_TYPO_typos: 'В группах {{groups}} опечатки ({{texts}}): сравните их с оригиналом.',
  CODE_NOT_RECOGNISED: 'Это не код Licence Desk: код начинается с REQ1 или ANS1, а этот текст — с «{{start}}».',
  CODE_TOO_LARGE_text:
    'Этот текст больше {{limitKiB, number}} КиБ — намного больше любого кода Licence Desk: вставьте только сам код.',
  CODE_TOO_LARGE_bytes:
    'Для кода Licence Desk это слишком много байт ({{bytes, number}}): его текст превысил бы {{limitKiB, number}} КиБ.',
  CODE_TOO_LARGE_characters:
    'Во вставленном тексте символов: {{length, number}}; в коде их не больше {{limit, number}}.',
  CODE_TOO_LONG_secondCode:
    'В тексте больше одного кода: после группы {{group}} начинается второй {{tag}}. Вставляйте по одному коду.',
  CODE_TOO_LONG_extraGroups:
    'В коде лишние группы (лишних: {{length, number}}): он заканчивается на группе {{expected}}, поэтому удалите {{range}} (начиная с «{{typed}}»).',
  CODE_TRUNCATED_tagOnly: 'Код обрывается сразу после метки {{tag}}: все его группы отсутствуют.',
  CODE_TRUNCATED_early:
    'Код обрывается: найдено групп — {{found, number}} из {{expected, number}}. Скопируйте оставшуюся часть кода.',
  CODE_UNSUPPORTED_VERSION:
    'Это код версии {{version}} ({{tag}}), а этот Licence Desk читает версию {{supported}}. Обновите Licence Desk или проверьте метку, если код вводили вручную.',
  CODE_WRONG_KIND_kinds:
    'Этот код здесь не подходит: он другого вида, чем ожидаемый. Проверьте, не перепутаны ли код инициализации и ответ сервера лицензирования.',
  CODE_WRONG_KIND_answerForInit: 'Вы вставили ответ сервера лицензирования там, где нужен код инициализации.',
  CODE_WRONG_KIND_initForAnswer: 'Вы вставили код инициализации там, где нужен ответ сервера лицензирования.',
  PEM_UNEXPECTED_mixed:
    'PEM-текст должен содержать один блок CERTIFICATE REQUEST или блоки CERTIFICATE (сначала ответ, затем его цепочку).',
  PEM_UNEXPECTED_oneRequest: 'Вставляйте по одному запросу на сертификат.',
} satisfies Partial<ErrorCatalogue>;
