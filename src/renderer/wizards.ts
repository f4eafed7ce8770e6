// How a wizard is opened by
// putting a WizardRequest into the store (actions/wizard.ts openWizard), and <WizardHost/> renders
// WIZARDS[kind] from components/wizards/index.ts inside an accessible modal dialog.
export type WizardKind = 'recreate' | 'register' | 'trial' | 'tryout' | 'coupon' | 'resetBinding' | 'moveHost';

export interface WizardRequest {
  kind: WizardKind;
  serial?: string;
  bindingId?: number;
}

export const WIZARD_KINDS: readonly WizardKind[] = [
  'recreate',
  'register',
  'trial',
  'tryout',
  'coupon',
  'resetBinding',
  'moveHost',
];
