// What every wizard component receives from <WizardHost/> (see src/renderer/wizards.ts).
import type { WizardRequest } from '../../wizards';

export interface WizardProps {
  request: WizardRequest;
  onClose(): void;
}
