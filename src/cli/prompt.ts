// A question on the terminal whose answer is not echoed (tokens, passphrases).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export function prompt(question: string): Promise<string> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

/** The prompt when standard input is a terminal; scripts get none (and a specific error instead). */
export const ttyPrompt = (): typeof prompt | undefined => (process.stdin.isTTY ? prompt : undefined);
