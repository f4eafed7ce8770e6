// The code inspector: every change of the pasted text is inspected by main (pure parsing there);
// an answer that arrives after newer text was pasted is dropped.
import { setState } from '../store';
import { api, unwrap } from './client';

let seq = 0;

export function setInspectText(text: string): void {
  setState({ inspectText: text });
}

export async function inspect(text: string): Promise<void> {
  const mine = ++seq;
  if (text.trim() === '') {
    setState({ inspection: null, inspectedText: '', inspectError: null });
    return;
  }
  const r = unwrap(await api().codesInspect({ code: text }));
  if (mine !== seq) return;
  setState({ inspection: r.value, inspectedText: text, inspectError: r.error });
}
