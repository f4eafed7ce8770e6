// Where the wizards (components/wizards) appear: the open WizardRequest from the store,
// rendered as WIZARDS[kind] inside the accessible modal. Closing (Escape, ×, or the wizard's own
// onClose) goes through closeWizard, which refreshes the list and the open detail page.
import { useTranslation } from 'react-i18next';
import { closeWizard } from '../actions/wizard';
import { useStore } from '../store';
import { WIZARDS } from './wizards';
import { Modal } from './Modal';

export function WizardHost() {
  const { t } = useTranslation();
  const request = useStore((s) => s.wizard);
  if (!request) return null;
  const Wizard = WIZARDS[request.kind];
  const close = () => void closeWizard();
  return (
    <Modal title={t(`wizards.${request.kind}`)} onClose={close} wide hideTitle={!!Wizard} className="wizard-modal">
      {Wizard ? <Wizard request={request} onClose={close} /> : <p role="alert">{t('wizards.unavailable')}</p>}
    </Modal>
  );
}
