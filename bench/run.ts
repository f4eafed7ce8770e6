// `npm run bench`: every figure as a ratio against a baseline measured in the same run.
// Human lines first; the last line is one JSON object with every figure.
import { benchCli } from './cli';
import { benchIssue } from './issue';
import { benchPkcs11 } from './pkcs11';
import { benchUi } from './ui';
import { benchVerify } from './verify';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const results: Record<string, number> = {};
const step = async (name: string, fn: () => Promise<Record<string, number>>) => {
  const r = await fn();
  for (const [k, v] of Object.entries(r)) console.log(`${name.padEnd(8)} ${k.padEnd(22)} ${v}`);
  Object.assign(results, r);
};

await step('cli', () => benchCli(SECONDS));
await step('issue', () => benchIssue(SECONDS));
await step('pkcs11', () => benchPkcs11(SECONDS));
await step('verify', () => benchVerify(SECONDS));
await step('ui', () => benchUi(SECONDS));
console.log(JSON.stringify(results));
