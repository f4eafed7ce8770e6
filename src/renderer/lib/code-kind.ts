// What a pasted text meant to be, from its tag alone (REQ: initialisation code, ANS: answer;
// "-----BEGIN CERTIFICATE REQUEST" for PEM), for a code too damaged for main to read.
import { withoutInvisible } from '../../shared/typed-codes/pasted-text';

export function sniffKind(text: string): 'init' | 'answer' | undefined {
  const start = withoutInvisible(text.slice(0, 200))
    .replace(/^[\s>"'“”‘’«»]+/, '')
    .slice(0, 40)
    .toUpperCase();
  if (start.startsWith('REQ') || start.startsWith('-----BEGIN CERTIFICATE REQUEST')) return 'init';
  if (start.startsWith('ANS') || start.startsWith('-----BEGIN CERTIFICATE')) return 'answer';
  return undefined;
}
