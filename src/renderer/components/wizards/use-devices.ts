// The devices a wizard can be for (the store's list, or fetched once if My devices never loaded).
import { useEffect, useState } from 'react';
import { wizardDevices } from '../../actions/wizards/devices';
import type { Device, UiError } from '../../store/types';

export function useWizardDevices(): { devices: Device[] | null; error: UiError | null } {
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
  return state;
}
