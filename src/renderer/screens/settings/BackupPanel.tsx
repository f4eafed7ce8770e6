// Settings → Backup: "Back up now" and "Restore" through data:backup / data:restore. The desktop
// app asks for the file with the system's dialog (main does); browser mode has no dialog that
// gives main a path, so the path is typed here. The passphrase goes to main and is not kept.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../actions/client';
import { toast } from '../../actions/toasts';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useStore } from '../../store';
import type { UiError } from '../../store/types';

export function BackupPanel() {
  const { t } = useTranslation();
  const info = useStore((s) => s.info);
  const browser = info?.runtime === 'browser';
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const fileInput = browser ? { file: file.trim() } : {};

  const run = async (kind: 'backup' | 'restore') => {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'backup') {
        const r = unwrap(await api().dataBackup({ ...fileInput, passphrase }));
        if (r.error) return setError(r.error);
        if (r.value.done) toast('success', t('settings.backedUp', { file: r.value.file }));
      } else {
        const r = unwrap(await api().dataRestore({ ...fileInput, passphrase, replaceAuthority: replace }));
        if (r.error) return setError(r.error);
        if (!r.value.done) return;
        const v = r.value;
        toast(
          'success',
          t(v.previous ? 'settings.restored' : 'settings.restoredFresh', { created: v.created, previous: v.previous }),
        );
        // Everything on screen came from the replaced folder: start again from the restored one.
        setTimeout(() => window.location.reload(), 1500);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" aria-labelledby="backup-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="backup-title">{t('settings.backup')}</h2>
      <p className="muted note">{t('settings.backupNote')}</p>
      {browser && (
        <label className="field">
          <span>{t('settings.backupFile')}</span>
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('settings.backupFileHint')} />
        </label>
      )}
      <label className="field">
        <span>{t('settings.backupPassphrase')}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        {t('settings.replaceAuthority')}
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run('backup')}>
          {t('settings.backupNow')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void run('restore')}>
          {t('settings.restore')}
        </button>
      </div>
      <p className="muted note">{t('settings.restoreNote')}</p>
    </form>
  );
}
