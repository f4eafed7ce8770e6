// Decodes the pasted code while the user types (debounced codes:inspect) and turns the latest
// answer into a verdict for the expected device. Answers for older text are ignored, so a slow
// answer can never mark a group in text that has changed since.
import { useEffect, useState } from 'react';
import { inspectCode } from '../../actions/wizards/codes';
import { codeVerdict, type Expectation, type Inspection, type Verdict } from '../../lib/wizards/code-verdict';
import { MAX_CODE_TEXT } from '../../../shared/typed-codes/limits';

const DEBOUNCE_MS = 200;

export function useCodeVerdict(text: string, expect: Expectation): Verdict {
  const [answer, setAnswer] = useState<{ text: string; inspection: Inspection } | undefined>();
  useEffect(() => {
    if (text.trim() === '' || text.length > MAX_CODE_TEXT) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void inspectCode(text).then((r) => {
        if (!live) return;
        // An unreachable app is an "invalid" code whose message says so: Continue stays off.
        const inspection: Inspection = r.value ?? { ok: false, error: r.error, fields: {} };
        setAnswer({ text, inspection });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return codeVerdict(text, answer?.inspection, answer?.text, expect);
}
