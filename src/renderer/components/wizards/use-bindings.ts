// The bindings a reset can choose from (one device's, or all), or the one the wizard was opened for.
import { useCallback, useEffect, useState } from 'react';
import { listBindings, showBinding } from '../../actions/wizards/bindings';
import type { Binding, UiError } from '../../store/types';

export function useBindings(serial: string | undefined, bindingId: number | undefined, enabled = true) {
  const [state, setState] = useState<{ key: string; bindings: Binding[] | null; error: UiError | null }>();
  const key = `${serial ?? ''}|${bindingId ?? ''}`;
  const load = useCallback(async () => {
    if (bindingId !== undefined) {
      const r = await showBinding(bindingId);
      return { key, bindings: r.value ? [r.value.binding] : null, error: r.error };
    }
    const r = await listBindings(serial);
    return { key, bindings: r.value, error: r.error };
  }, [key, serial, bindingId]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void load().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [load, enabled]);
  const current = state?.key === key ? state : undefined;
  return { bindings: current?.bindings ?? null, error: current?.error ?? null, loaded: current !== undefined };
}
