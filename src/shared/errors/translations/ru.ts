// Russian error messages, keyed like the English ones (CODE, or CODE_variant), in MIKO's terms
// (docs/glossary.md: АТС, код инициализации, ответ сервера лицензирования, купон…). Counts are
// phrased as "noun: N" so that no sentence depends on Russian plural forms unless a key has them.
import type { ErrorCatalogue } from './catalogue';
import { appRu } from './ru/app';
import { authorityRu } from './ru/authority';
import { certificatesRu } from './ru/certificates';
import { codesRu } from './ru/codes';
import { deviceRu } from './ru/device';
import { serverRu } from './ru/server';
import { keysRu } from './ru/keys';

export const ru: ErrorCatalogue = {
  ...codesRu,
  ...certificatesRu,
  ...authorityRu,
  ...serverRu,
  ...deviceRu,
  ...appRu,
  ...keysRu,
};
