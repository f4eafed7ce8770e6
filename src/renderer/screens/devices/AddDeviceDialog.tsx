// Add one device: serial, model (from the catalogue), name, customer. The authority's refusal
// (a serial already registered, a bad character) is shown under the form as it says it; a serial
// another reseller holds offers its way forward, a transfer request to the vendor.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDevice, requestTransfer } from '../../actions/devices';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';
import type { UiError } from '../../store/types';

export function AddDeviceDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const models = useStore((s) => s.info?.catalogue.models ?? []);
  const devices = useStore((s) => s.devices);
  const customers = useMemo(
    () => [...new Set(devices.map((d) => d.customer).filter((c): c is string => !!c))].sort().slice(0, 500),
    [devices],
  );
  const [form, setForm] = useState({ serial: '', model: models[0]?.id ?? '', name: '', customer: '' });
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await addDevice(form);
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  };
  const askTransfer = async () => {
    setBusy(true);
    const failed = await requestTransfer(form.serial);
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <Modal title={t('devices.addTitle')} onClose={onClose}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} aria-describedby={error ? 'add-error' : undefined}>
        <label>
          {t('columns.serial')}
          <input
            {...field('serial')}
            required
            maxLength={64}
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]*"
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        </label>
        <label>
          {t('columns.model')}
          <select {...field('model')} required>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('columns.name')}
          <input {...field('name')} maxLength={120} autoComplete="off" />
        </label>
        <label>
          {t('columns.customer')}
          <input {...field('customer')} maxLength={120} list="customer-names" autoComplete="off" />
          <datalist id="customer-names">
            {customers.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <ErrorMessage error={error} id="add-error" />
        {error?.code === 'DEVICE_HELD_ELSEWHERE' && (
          <button type="button" onClick={() => void askTransfer()} disabled={busy}>
            {t('devices.transferRequest')}
          </button>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('devices.addSubmit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
