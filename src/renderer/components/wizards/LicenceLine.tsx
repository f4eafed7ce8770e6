// "8 × User licence (floating) (feature 11), until 31 Jan 2027": one licence, in the UI language.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { featureName } from '../../lib/wizards/catalogue';
import { formatDate } from '../../lib/format';

export function LicenceLine({
  feature,
  quantity,
  notAfter,
}: {
  feature: number;
  quantity: number;
  notAfter: string | null;
}) {
  const { t, i18n } = useTranslation();
  const catalogue = useStore((s) => s.info?.catalogue);
  const values = { quantity, name: featureName(catalogue, feature, i18n.language), number: feature };
  return (
    <li>
      {notAfter
        ? t('wizard.answer.licenceUntil', { ...values, until: formatDate(notAfter, i18n.language) })
        : t('wizard.answer.licencePerpetual', values)}
    </li>
  );
}
