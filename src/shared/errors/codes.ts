import { def, type NoParams, variants } from './define';

export const CODE_ERRORS = {
  ANSWER_MALFORMED: variants<{
    foreign: NoParams;
    notSequence: { index: number };
    cutShort: { index: number };
    empty: NoParams;
  }>('input', {
    foreign: 'The answer code passed its checks but its content cannot be unpacked: it was not made by Licence Desk.',
    notSequence: "The answer's certificate {{index}} does not start a DER sequence.",
    cutShort: "The answer's certificate {{index}} is cut short.",
    empty: 'The answer holds no certificate.',
  }),
  CODE_BAD_CHARACTER: def<{ group: number; shown: string; named: string; text: string; character: string }>(
    'input',
    'Group {{group}} ({{shown}}) contains {{named}}, which is never part of a code: codes use only the digits 0-9 and the letters A-Z except U.',
  ),
  CODE_CHECKSUM: def(
    'input',
    'Every group passes its own check, but the code as a whole does not: groups are probably repeated or in the wrong order. Copy the code again from the original.',
  ),
  CODE_EMPTY: def('input', 'The code is empty: paste the whole code, starting with its tag (REQ1 or ANS1).'),
  CODE_GROUPS_SWAPPED: def<{ first: number; second: number; a: string; b: string; groups: number[]; texts: string[] }>(
    'input',
    "Groups {{first}} and {{second}} are swapped: {{a}} and {{b}} belong in each other's place.",
  ),
  CODE_GROUP_LENGTH: def<{
    group: number;
    text: string;
    typed: string;
    length: number;
    expected: number;
    glued: string;
    cut: string;
  }>('input', 'Group {{group}} ({{text}}) has {{length}} characters, expected {{expected}}{{glued}}.{{cut}}'),
  CODE_GROUP_TYPO: variants<{
    // groups: the faulty group numbers; texts: what was typed there (the renderer marks them).
    missing: { missing: number; a: string; original: number; groups: number[]; texts: string[] };
    extra: { groupText: string; extra: number; groups: number[]; texts: string[] };
    typo: { groupsText: string; groups: number[]; texts: string[] };
    typos: { groupsText: string; groups: number[]; texts: string[] };
  }>('input', {
    missing:
      'Group {{missing}} is missing: what you have as {{a}} is the original group {{original}}, and every group after it sits one place early. Compare with the original.',
    extra:
      '{{groupText}} is one group too many (pasted twice?): every group after it sits one place late. Compare with the original.',
    typo: '{{groupsText}} has a typo: compare it with the original.',
    typos: '{{groupsText}} have typos: compare them with the original.',
  }),
  CODE_NOT_RECOGNISED: def<{ start: string; hint: string }>(
    'input',
    'This is not a Licence Desk code: a code starts with REQ1 or ANS1, but this text starts with "{{start}}".{{hint}}',
  ),
  CODE_TOO_LARGE: variants<{
    text: { limitKiB: number; limit: number };
    bytes: { bytes: number; limitKiB: number; limit: number };
    characters: { length: number; limit: number };
  }>('input', {
    text: 'This text is larger than {{limitKiB}} KiB, far more than any Licence Desk code: paste only the code.',
    bytes: '{{bytes}} bytes are too many for a Licence Desk code: its text would exceed {{limitKiB}} KiB.',
    characters: 'The pasted text is {{length}} characters; a code is at most {{limit}}.',
  }),
  CODE_TOO_LONG: variants<{
    secondCode: { tag: string; group: number };
    extraGroups: {
      length: number;
      plural: string;
      expected: number;
      range: string;
      typed: string;
      found: number;
      groups: number[];
      texts: string[];
    };
  }>('input', {
    secondCode:
      'The text holds more than one code: a second {{tag}} follows group {{group}}. Paste one code at a time.',
    extraGroups:
      'The code has {{length}} group{{plural}} too many: it ends at group {{expected}}, so remove {{range}} (starting "{{typed}}").',
  }),
  CODE_TRUNCATED: variants<{
    tagOnly: { tag: string; found: number; expected: null };
    early: { found: number; expected: number };
  }>('input', {
    tagOnly: 'The code ends right after its tag {{tag}}: all its groups are missing.',
    early: 'The code ends early: {{found}} of {{expected}} groups found. Copy the rest of the code.',
  }),
  CODE_UNSUPPORTED_VERSION: def<{ version: number; kindName: string; tag: string; supported: number }>(
    'input',
    'This is a version {{version}} {{kindName}} ({{tag}}); this Licence Desk reads version {{supported}}. Update Licence Desk, or check the tag if the code was typed by hand.',
  ),
  CODE_WRONG_KIND: variants<{
    kinds: { kindName: string; expectedName: string; expected: string; found: string };
    answerForInit: NoParams;
    initForAnswer: NoParams;
  }>('input', {
    kinds: 'You pasted an {{kindName}} where an {{expectedName}} belongs.',
    answerForInit: 'You pasted an answer code where an initialisation code belongs.',
    initForAnswer: 'You pasted an initialisation code where an answer code belongs.',
  }),
  PEM_UNEXPECTED: variants<{
    mixed: NoParams;
    oneRequest: NoParams;
  }>('input', {
    mixed: 'The PEM text must hold one CERTIFICATE REQUEST, or CERTIFICATE blocks (the answer first, then its chain).',
    oneRequest: 'Paste one certificate request at a time.',
  }),
};
