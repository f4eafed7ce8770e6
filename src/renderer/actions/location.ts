// The current screen and device live in the address (#…&screen=devices&device=CTX-1001), so a
// reload comes back to them and the browser's back and forward move between them. Other fragment
// parameters (browser mode's #token=…) are kept as they are. Started once by main.tsx.
import { getState, setState, useStore } from '../store';
import { SCREENS, type Screen } from '../store/types';
import { loadDetail } from './detail';

export interface Place {
  screen: Screen;
  serial: string | null;
}

export function placeFromHash(hash: string): Place {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const screen = params.get('screen');
  const known = (SCREENS as readonly string[]).includes(screen ?? '');
  const serial = params.get('device');
  return {
    screen: known ? (screen as Screen) : 'devices',
    serial: (!known || screen === 'devices') && serial ? serial : null,
  };
}

export function hashFor(hash: string, place: Place): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set('screen', place.screen);
  if (place.serial) params.set('device', place.serial);
  else params.delete('device');
  return `#${params.toString()}`;
}

function apply(place: Place): void {
  const { screen, openSerial } = getState();
  if (screen === place.screen && openSerial === place.serial) return;
  setState({ screen: place.screen, openSerial: place.serial, ...(place.serial ? {} : { detail: null }) });
  if (place.serial) void loadDetail(place.serial);
}

/** Takes the place from the address now, then keeps address and store in step both ways. */
export function startLocationSync(win: Window = window): () => void {
  apply(placeFromHash(win.location.hash));
  const onPop = () => apply(placeFromHash(win.location.hash));
  win.addEventListener('popstate', onPop);
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.screen === prev.screen && s.openSerial === prev.openSerial) return;
    // Already there (back/forward just applied it): pushing would cut off the forward history.
    const here = placeFromHash(win.location.hash);
    if (here.screen === s.screen && here.serial === s.openSerial) return;
    win.history.pushState(null, '', hashFor(win.location.hash, { screen: s.screen, serial: s.openSerial }));
  });
  return () => {
    win.removeEventListener('popstate', onPop);
    unsubscribe();
  };
}
