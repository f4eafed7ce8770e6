// The keyboard of the device picker's combobox, as the WAI-ARIA APG combobox pattern has it:
// Down/Up open the list and move through it (Page keys by a screenful), Enter takes the active
// device, Escape closes the list, then drops the search, then (not handled here) closes the wizard. Enter with the
// list closed is left to the wizard's form, so it continues.
import type { KeyboardEvent } from 'react';

const PAGE = 6;

export interface PickerKeys {
  open: boolean;
  /** Something is typed: the field shows the search, not the chosen serial. */
  searching: boolean;
  count: number;
  active: number;
  /** Where the chosen device is in the list (-1: not in it). */
  chosenIndex: number;
  setOpen(open: boolean): void;
  setActive(index: number): void;
  choose(index: number): void;
  reset(): void;
}

export function usePickerKeys(k: PickerKeys): (e: KeyboardEvent<HTMLInputElement>) => void {
  const move = (by: number) => {
    if (k.count === 0) return;
    if (!k.open) {
      k.setOpen(true);
      k.setActive(k.chosenIndex >= 0 ? k.chosenIndex : 0);
      return;
    }
    k.setActive(Math.min(k.count - 1, Math.max(0, (k.active < 0 ? -1 : k.active) + by)));
  };
  return (e) => {
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'ArrowDown' || e.key === 'PageDown') {
      stop();
      if (e.altKey) k.setOpen(true);
      else move(e.key === 'PageDown' ? PAGE : 1);
    } else if (e.key === 'ArrowUp' || e.key === 'PageUp') {
      stop();
      move(e.key === 'PageUp' ? -PAGE : -1);
    } else if (e.key === 'Enter' && k.open && k.active >= 0 && k.active < k.count) {
      stop();
      k.choose(k.active);
    } else if (e.key === 'Escape' && k.open) {
      stop();
      k.setOpen(false);
    } else if (e.key === 'Escape' && k.searching) {
      stop();
      k.reset();
    }
  };
}
