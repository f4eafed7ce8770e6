// Redeem coupon: a perpetual licence from the shop's delivery email, redeemed exactly once for one
// PBX. The code is forgiven its case and spaces; refusals (already redeemed, blocked, a feature the
// model cannot carry, no registration yet) are the authority's own words. The PBX gets the new
// licences with its next certificate, so the last step offers Recreate certificate. An Askozia
// host not yet linked to a registration asks for the customer's number first (the link step).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redeemCoupon } from '../../actions/wizards/coupons';
import { linkRegistration } from '../../actions/wizards/offers';
import { isAskozia } from '../../lib/wizards/catalogue';
import { checkRegistration } from '../../lib/wizards/registration';
import { useStore } from '../../store';
import type { Output } from '../../../shared/ipc/contract';
import type { UiError } from '../../store/types';
import { tidyCoupon } from '../../lib/wizards/coupon';
import type { WizardProps } from './types';
import { DevicePicker } from './DevicePicker';
import { ErrorNote } from './ErrorNote';
import { LicenceLine } from './LicenceLine';
import { RecreateWizard } from './RecreateWizard';
import { RegistrationField } from './RegistrationField';
import { TextField } from './TextField';
import { useWizardDevices } from './use-devices';
import { WizardFrame } from './WizardFrame';

/** The refusals that are about the typed code itself (the others are about the device or the bundle). */
const COUPON_CODE_ERRORS = new Set([
  'COUPON_TYPO',
  'COUPON_MALFORMED',
  'COUPON_UNKNOWN',
  'COUPON_ALREADY_REDEEMED',
  'COUPON_BLOCKED',
]);

export function CouponWizard({ request, onClose }: WizardProps) {
  const { t } = useTranslation();
  const { devices, error: listError } = useWizardDevices('coupon', request.serial);
  const [code, setCode] = useState('');
  const [chosen, setChosen] = useState(request.serial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [redeemed, setRedeemed] = useState<Output<'coupons:redeem'> | null>(null);
  const [recreate, setRecreate] = useState(false);
  const serial = chosen || (devices?.length === 1 ? devices[0]!.serial : '');
  const device = devices?.find((d) => d.serial === serial);
  const tidy = tidyCoupon(code);
  const catalogue = useStore((s) => s.info?.catalogue);
  const [registration, setRegistration] = useState('');
  const [linkError, setLinkError] = useState<UiError | null>(null);
  const needsLink = device !== undefined && device.registration === null && isAskozia(catalogue, device.model);
  // A failing check character goes to the authority, which can place the typo in its group.
  const linkReady = !needsLink || ['ok', 'checkFailed'].includes(checkRegistration(registration).state);

  if (recreate) return <RecreateWizard request={{ kind: 'recreate', serial }} onClose={onClose} />;
  const steps = [t('wizard.steps.couponAndDevice'), t('wizard.steps.licencesAdded')];
  const frame = { title: t('wizard.coupon.title'), steps, onCancel: onClose };

  const redeem = async () => {
    setBusy(true);
    setError(null);
    setLinkError(null);
    if (needsLink) {
      const linked = await linkRegistration(registration.trim(), serial);
      if (linked.error) {
        setBusy(false);
        return setLinkError(linked.error);
      }
    }
    const r = await redeemCoupon(tidy.display, serial);
    setBusy(false);
    if (r.error) return setError(r.error);
    setRedeemed(r.value);
  };

  if (!redeemed) {
    return (
      <WizardFrame
        {...frame}
        step={0}
        onContinue={() => void redeem()}
        canContinue={tidy.complete && !tidy.typo && device !== undefined && linkReady}
        busy={busy}
        continueLabel={t('wizard.coupon.redeem')}
      >
        <p className="wizard-intro">{t('wizard.coupon.intro')}</p>
        <TextField
          label={t('wizard.coupon.label')}
          value={code}
          onChange={(v) => {
            setError(null);
            setCode(v);
          }}
          autoFocusField
          className="mono-field"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={200}
          placeholder="LDC-XXXXX-XXXXX-XXXXX-XXXXX"
          // One verdict at a time: once the authority refuses (a typo, unknown, used), no ✓ stays beside it.
          hint={tidy.complete && !tidy.typo && !error ? `✓ ${tidy.display}` : t('wizard.coupon.format')}
          error={tidy.typo ? t('wizard.coupon.typo', { code: tidy.display }) : null}
          aria-invalid={tidy.typo || (error && COUPON_CODE_ERRORS.has(error.code)) ? true : undefined}
        />
        <ErrorNote error={listError} />
        {devices && (
          <DevicePicker
            devices={devices}
            value={serial}
            onChange={(s) => {
              setError(null);
              setChosen(s);
            }}
          />
        )}
        {needsLink && (
          <>
            <p className="wizard-note">{t('wizard.coupon.linkFirst', { serial })}</p>
            <RegistrationField
              value={registration}
              onChange={(v) => {
                setLinkError(null);
                setRegistration(v);
              }}
              authorityError={linkError}
            />
          </>
        )}
        <p className="wizard-note">{t('wizard.coupon.once')}</p>
        <ErrorNote error={error} />
      </WizardFrame>
    );
  }
  return (
    <WizardFrame
      {...frame}
      step={1}
      cancelLabel={t('wizard.common.done')}
      extra={
        <button type="button" className="primary" onClick={() => setRecreate(true)}>
          {t('wizard.recreate.title')}
        </button>
      }
    >
      <p className="wizard-ok" tabIndex={-1} data-autofocus>
        ✓ {t('wizard.coupon.redeemed', { serial: redeemed.serial })}
      </p>
      <ul className="plain-list licence-list" aria-label={t('wizard.coupon.added')}>
        {redeemed.licences.map((l) => (
          <LicenceLine key={l.id} feature={l.feature} quantity={l.quantity} notAfter={l.notAfter} />
        ))}
      </ul>
      <p className="wizard-note">{t('wizard.coupon.nextCertificate')}</p>
    </WizardFrame>
  );
}
