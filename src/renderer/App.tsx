// The app: the first-start gates (licence agreement, then mode), then the shell with its screens.
// What is shown is decided by the store's boot stage (actions/boot.ts), never by local state.
import { useTranslation } from 'react-i18next';
import { boot } from './actions/boot';
import { ErrorMessage } from './components/ErrorMessage';
import { Shell } from './components/Shell';
import { EulaDeclined, EulaGate } from './screens/EulaGate';
import { ModeChoice } from './screens/ModeChoice';
import { useStore } from './store';

export function App() {
  const stage = useStore((s) => s.boot);
  switch (stage) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <BootFailed />;
    case 'eula':
      return <EulaGate />;
    case 'declined':
      return <EulaDeclined />;
    case 'mode':
      return <ModeChoice />;
    case 'ready':
      return <Shell />;
  }
}

function Loading() {
  const { t } = useTranslation();
  return (
    <main className="gate" aria-busy="true">
      <p className="muted">{t('common.loading')}</p>
    </main>
  );
}

function BootFailed() {
  const { t } = useTranslation();
  const error = useStore((s) => s.bootError);
  return (
    <main className="gate" aria-labelledby="failed-title">
      <div className="gate-card">
        <h1 id="failed-title">{t('boot.failed')}</h1>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={() => void boot()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    </main>
  );
}
