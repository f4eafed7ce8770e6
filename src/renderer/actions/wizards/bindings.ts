// Licence bindings to hosts: the list for a device, one binding, and the reset confirmed by the
// binding's feature number (the authority refuses any other number as well).
import { api, unwrap } from '../client';

export async function listBindings(serial?: string) {
  return unwrap(await api().bindingsList(serial ? { serial } : {}));
}

export async function showBinding(id: number) {
  return unwrap(await api().bindingsShow({ id }));
}

export async function resetBinding(id: number, feature: number) {
  return unwrap(await api().bindingsReset({ id, feature }));
}
