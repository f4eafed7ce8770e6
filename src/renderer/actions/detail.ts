// The device detail page: one PBX with its licences, certificates, host bindings, online checks
// and audit entries (loaded together), and the changes made from there: rename, move, retire.
import { i18n } from '../i18n';
import { getState, setState } from '../store';
import type { UiError } from '../store/types';
import { api, unwrap } from './client';
import { refreshRows } from './devices';
import { toast } from './toasts';

let seq = 0;

export async function loadDetail(serial: string): Promise<void> {
  const mine = ++seq;
  const previous = getState().detail;
  const keep = previous?.serial === serial ? previous : null;
  setState({
    detail: {
      serial,
      detail: keep?.detail ?? null,
      bindings: keep?.bindings ?? [],
      history: keep?.history ?? [],
      audit: keep?.audit ?? [],
      loading: true,
      error: null,
    },
  });
  const [d, b, h, a] = await Promise.all([
    api().devicesGet({ serial }),
    api().bindingsList({ serial }),
    api().verificationHistory({ serial, limit: 50 }),
    api().auditList({ subject: serial, limit: 50 }),
  ]);
  if (mine !== seq) return;
  const [device, bindings, history, audit] = [unwrap(d), unwrap(b), unwrap(h), unwrap(a)];
  setState({
    detail: {
      serial,
      detail: device.value,
      bindings: bindings.value ?? [],
      history: history.value ?? [],
      audit: audit.value ?? [],
      loading: false,
      error: device.error ?? bindings.error ?? history.error ?? audit.error,
    },
  });
}

async function change(
  serial: string,
  run: () => Promise<{ error: UiError | null }>,
  done: string,
): Promise<UiError | null> {
  const { error } = await run();
  if (error) return error;
  toast('success', done);
  await Promise.all([loadDetail(serial), refreshRows([serial])]);
  return null;
}

export const renameDevice = (serial: string, name: string) =>
  change(
    serial,
    async () => unwrap(await api().devicesRename({ serial, name: name.trim() })),
    i18n.t('detail.renamed', { serial }),
  );

export const moveDevice = (serial: string, customer: string) =>
  change(
    serial,
    async () => unwrap(await api().devicesMove({ serial, customer: customer.trim() })),
    i18n.t('detail.moved', { serial, customer: customer.trim() }),
  );

export const retireDevice = (serial: string) =>
  change(serial, async () => unwrap(await api().devicesRetire({ serial })), i18n.t('detail.retired', { serial }));
