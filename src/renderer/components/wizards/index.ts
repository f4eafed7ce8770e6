// The wizards <WizardHost/> renders by kind (src/renderer/wizards.ts). The host provides the modal
// dialog (role dialog, focus trap, Escape); each wizard renders its title, steps and buttons.
import type { ComponentType } from 'react';
import type { WizardKind } from '../../wizards';
import type { WizardProps } from './types';
import { CouponWizard } from './CouponWizard';
import { MoveHostWizard } from './MoveHostWizard';
import { RecreateWizard } from './RecreateWizard';
import { RegisterWizard } from './RegisterWizard';
import { ResetBindingWizard } from './ResetBindingWizard';
import { TrialWizard } from './TrialWizard';
import { TryoutWizard } from './TryoutWizard';
import './wizards.css';

export type { WizardProps } from './types';

export const WIZARDS: Partial<Record<WizardKind, ComponentType<WizardProps>>> = {
  recreate: RecreateWizard,
  register: RegisterWizard,
  trial: TrialWizard,
  tryout: TryoutWizard,
  coupon: CouponWizard,
  resetBinding: ResetBindingWizard,
  moveHost: MoveHostWizard,
};
