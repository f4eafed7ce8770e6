// Stub (UI-A): UI-B overwrites this file with the real wizards. WizardHost renders WIZARDS[kind].
import type { ComponentType } from 'react';
import type { WizardKind, WizardRequest } from '../../wizards';

export interface WizardProps {
  request: WizardRequest;
  onClose(): void;
}

export const WIZARDS: Partial<Record<WizardKind, ComponentType<WizardProps>>> = {};
