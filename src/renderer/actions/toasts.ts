// Toasts: success and error messages that vanish by themselves (errors stay longer).
import { getState, setState } from '../store';
import type { Toast } from '../store/toasts';

let nextId = 1;
const MS = { success: 4_000, info: 4_000, error: 8_000 } as const;

export function toast(kind: Toast['kind'], text: string): number {
  const id = nextId++;
  setState({ toasts: [...getState().toasts, { id, kind, text }].slice(-5) });
  if (typeof window !== 'undefined') window.setTimeout(() => dismissToast(id), MS[kind]);
  return id;
}

export function dismissToast(id: number): void {
  setState({ toasts: getState().toasts.filter((t) => t.id !== id) });
}
