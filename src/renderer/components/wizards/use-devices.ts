// The devices a wizard can be for (the store's list, or fetched once if My devices never loaded),
// narrowed to the ones this wizard can serve by the device page's own rules (lib/device-wizards).
// The device the wizard was opened for stays in, so a wizard started from a row or from another
// wizard (coupon → recreate) still knows its device while the list catches up.
import { useEffect, useMemo, useState } from 'react';
import { wizardDevices } from '../../actions/wizards/devices';
import { wizardServes } from '../../lib/device-wizards';
import { modelOf } from '../../lib/wizards/catalogue';
import { useStore } from '../../store';
import type { Device, UiError } from '../../store/types';
import type { WizardKind } from '../../wizards';

export function useWizardDevices(
  kind: WizardKind,
  openedFor?: string,
): { devices: Device[] | null; error: UiError | null } {
  const catalogue = useStore((s) => s.info?.catalogue);
  const [state, setState] = useState<{ devices: Device[] | null; error: UiError | null }>({
    devices: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void wizardDevices().then(
      (r) => live && setState({ devices: r.value?.filter((d) => !d.retiredAt) ?? null, error: r.error }),
    );
    return () => {
      live = false;
    };
  }, []);
  const devices = useMemo(
    () =>
      state.devices?.filter((d) => d.serial === openedFor || wizardServes(kind, modelOf(catalogue, d.model), d)) ??
      null,
    [state.devices, kind, openedFor, catalogue],
  );
  return { devices, error: state.error };
}
