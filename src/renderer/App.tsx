// Placeholder screen (the real UI comes later): My devices, and Recreate certificate for one of
// them. It exists to prove the whole path: renderer -> typed API -> main -> authority -> answer
// checked as the PBX will check it -> back here.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Api, AppInfo, Output } from '../shared/ipc/contract';
import type { ErrorEnvelope } from '../shared/result';

type Devices = Output<'devices:list'>;
type Answer = Output<'certificates:recreate'>;

export function App({ api }: { api: Api }) {
  const [info, setInfo] = useState<AppInfo>();
  const [devices, setDevices] = useState<Devices>([]);
  const [error, setError] = useState<ErrorEnvelope>();

  const refresh = useCallback(async () => {
    const [i, d] = await Promise.all([api.appInfo(), api.devicesList()]);
    if (i.ok) setInfo(i.value);
    if (d.ok) setDevices(d.value);
    setError(!i.ok ? i.error : !d.ok ? d.error : undefined);
  }, [api]);

  useEffect(() => void refresh(), [refresh]);

  return (
    <main>
      <header>
        <h1>Licence Desk</h1>
        {info && <p className="muted">{info.version} · {info.runtime === 'browser' ? 'browser mode' : 'desktop'} · {info.mode}</p>}
      </header>
      {error && <p role="alert" className="error">{error.message} <code>{error.code}</code></p>}
      <DeviceList devices={devices} />
      <RecreateForm api={api} devices={devices} />
    </main>
  );
}

function DeviceList({ devices }: { devices: Devices }) {
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">My devices</h2>
      {devices.length === 0 ? (
        <p className="muted">No devices yet (add one with: licence-desk device add --serial … --model …).</p>
      ) : (
        <table>
          <thead><tr><th>Serial number</th><th>Name</th><th>Model</th></tr></thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.serial}><td>{d.serial}</td><td>{d.name}</td><td>{d.model}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecreateForm({ api, devices }: { api: Api; devices: Devices }) {
  const [serial, setSerial] = useState('');
  const [initCode, setInitCode] = useState('');
  const [answer, setAnswer] = useState<Answer>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAnswer(undefined);
    setError(undefined);
    const result = await api.certificatesRecreate({ serial: serial || devices[0]?.serial || '', initCode });
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else setError(result.error);
  };

  return (
    <section aria-labelledby="recreate-title">
      <h2 id="recreate-title">Recreate certificate</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>Serial number
          <select value={serial} onChange={(e) => setSerial(e.target.value)}>
            {devices.map((d) => <option key={d.serial} value={d.serial}>{d.serial}{d.name ? ` (${d.name})` : ''}</option>)}
          </select>
        </label>
        <label>Initialisation code
          <textarea value={initCode} onChange={(e) => setInitCode(e.target.value)} rows={8} spellCheck={false} maxLength={16384} />
        </label>
        <button type="submit" disabled={busy || devices.length === 0 || initCode.trim() === ''}>Continue</button>
      </form>
      {error && <p role="alert" className="error">{error.message} <code>{error.code}</code></p>}
      {answer && (
        <div className="answer">
          <label>Answer of the licence server
            <textarea readOnly value={answer.code} rows={10} spellCheck={false} />
          </label>
          <p className="muted">Certificate {answer.certificateSerial} · valid until {answer.notAfter.slice(0, 10)} · checked against the root your PBX trusts</p>
        </div>
      )}
    </section>
  );
}
