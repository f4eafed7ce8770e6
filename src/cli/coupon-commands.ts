// `coupon mint | redeem | block`: embedded or --server alike. Minted codes are printed one a line
// and never again — the authority keeps only their hashes.
import type { Command } from 'commander';
import { err } from '../shared/errors';
import { withClient } from './context';
import { intOption, print, printJson } from './io';

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const featureArg = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/** --feature F [--quantity Q] for one feature; --feature F[:Q] repeated for a bundle. */
export function mintInput(features: string[], quantity: string | undefined): Record<string, unknown> {
  if (features.length === 0) throw err.OPTION_INVALID({ variant: 'feature' });
  const [only] = features;
  if (features.length === 1 && !only!.includes(':'))
    return { feature: featureArg(only!), quantity: intOption(quantity, '--quantity') };
  if (quantity !== undefined) throw err.OPTION_INVALID({ variant: 'bundleQuantity' });
  return {
    features: features.map((f) => {
      const [feature = '', q] = f.split(':');
      return { feature: featureArg(feature), quantity: intOption(q, `the quantity in --feature ${f}`) };
    }),
  };
}

export function couponCommands(program: Command): void {
  const coupon = program.command('coupon').description('coupons: bundles of perpetual licences, each redeemed once');
  coupon
    .command('mint')
    .description('mint coupons (vendor); prints one code a line, shown only this once')
    .option('--feature <feature>', 'feature number or id; repeat as F:Q for a bundle', collect, [])
    .option('--quantity <n>', 'how many (user licences)')
    .option('--count <n>', 'how many coupons (1 to 1000)', '1')
    .option('--json', 'print JSON')
    .action((o: { feature: string[]; quantity?: string; count: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const minted = await c.call('coupons.mint', {
          ...mintInput(o.feature, o.quantity),
          count: intOption(o.count, '--count'),
        });
        if (o.json) printJson(minted);
        else print(minted.codes.join('\n'));
      }),
    );
  coupon
    .command('redeem')
    .argument('<code...>', 'the coupon code (groups may be given as separate words)')
    .description('redeem a coupon for a PBX: perpetual licences, exactly once')
    .requiredOption('--serial <serial>')
    .option('--json', 'print JSON')
    .action((code: string[], o: { serial: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('coupons.redeem', { code: code.join(' '), serial: o.serial });
        if (o.json) printJson(r);
        else
          print(
            `Redeemed for ${r.serial}: ${r.licences.map((l) => `feature ${l.feature} (${l.featureName}) × ${l.quantity}`).join(', ')}, perpetual`,
          );
      }),
    );
  coupon
    .command('block')
    .argument('<code...>', 'the coupon code')
    .description('block a coupon that was not redeemed yet (vendor)')
    .action((code: string[], _o, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('coupons.block', { code: code.join(' ') });
        print(
          r.alreadyBlocked
            ? `The coupon was already blocked on ${r.blockedAt.slice(0, 10)}; nothing changed`
            : 'Blocked the coupon; it can no longer be redeemed',
        );
      }),
    );
}
