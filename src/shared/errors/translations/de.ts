// German error messages, keyed like the English ones (CODE, or CODE_variant), in the terms of
// Auerswald's own UI (docs/glossary.md: TK-Anlage, Initialisierungscode, Antwort des Lizenzservers,
// Gutschein…) and in the Sie-form of the rest of the UI. One file per area of the registry.
import type { ErrorCatalogue } from './catalogue';
import { appDe } from './de/app';
import { authorityDe } from './de/authority';
import { certificatesDe } from './de/certificates';
import { codesDe } from './de/codes';
import { deviceDe } from './de/device';
import { serverDe } from './de/server';
import { keysDe } from './de/keys';

export const de: ErrorCatalogue = {
  ...codesDe,
  ...certificatesDe,
  ...authorityDe,
  ...serverDe,
  ...deviceDe,
  ...appDe,
  ...keysDe,
};
