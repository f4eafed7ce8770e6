// The server address and token fields of connected mode, on first start and in Settings alike.
// The token only passes through to main's connection:connect; the renderer never keeps it.
import { useTranslation } from 'react-i18next';

export function ServerFields(props: {
  serverUrl: string;
  token: string;
  onServerUrl(v: string): void;
  onToken(v: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <label>
        {t('settings.serverUrl')}
        <input
          type="url"
          value={props.serverUrl}
          onChange={(e) => props.onServerUrl(e.target.value)}
          placeholder="https://licences.example.com"
          maxLength={2048}
          required
        />
      </label>
      <label>
        {t('settings.token')}
        <input
          type="password"
          value={props.token}
          onChange={(e) => props.onToken(e.target.value)}
          autoComplete="off"
          maxLength={512}
        />
      </label>
    </div>
  );
}
