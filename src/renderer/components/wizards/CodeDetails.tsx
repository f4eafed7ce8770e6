// What a decoded initialisation code says: serial, model, host, key, generation, firmware.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { hostLabel, type InitFields } from '../../lib/wizards/code-verdict';
import { modelName } from '../../lib/wizards/catalogue';

export function CodeDetails({ fields }: { fields: InitFields }) {
  const { t } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const key = fields.keyType ? `${fields.keyType}${fields.keyBits ? ` (${fields.keyBits} bit)` : ''}` : null;
  const rows: [string, string | null][] = [
    [t('wizard.code.serial'), fields.serial],
    [t('wizard.code.model'), fields.model ? modelName(catalogue, fields.model) : null],
    [t('wizard.code.host'), hostLabel(fields) || null],
    [t('wizard.code.keyType'), key],
    [t('wizard.code.generation'), fields.generation === null ? null : String(fields.generation)],
    [t('wizard.code.firmware'), fields.firmware],
  ];
  return (
    <dl className="code-details" aria-label={t('wizard.code.decoded')}>
      {rows
        .filter(([, v]) => v !== null)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
