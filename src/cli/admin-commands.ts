// `reseller create` and `token create|list|revoke`: administration of a server authority. They run
// embedded against the server's database (--data with the server's folder, --database URL) — how
// the very first tokens are made — or remotely with a vendor token (--server URL --token T).
import { Option, type Command } from 'commander';
import { withClient } from './context';
import { table } from './format';
import { intOption, print, printJson } from './io';

export function adminCommands(program: Command): void {
  program
    .command('reseller')
    .description('resellers (tenants) of a server authority')
    .command('create')
    .description('create a reseller')
    .requiredOption('--name <name>')
    .option('--json', 'print JSON')
    .action((o: { name: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('resellers.create', { name: o.name });
        if (o.json) printJson(r);
        else print(`Created reseller "${r.name}" (id ${r.id})`);
      }),
    );

  const token = program.command('token').description('API tokens for a server authority (vendor only)');
  token
    .command('create')
    .description('make a token and print it (it is shown only this once)')
    .addOption(
      new Option('--role <role>', 'what the token may do').choices(['vendor', 'reseller']).makeOptionMandatory(),
    )
    .option('--reseller <name>', 'the reseller a reseller token acts for')
    .option('--label <text>', 'what or who the token is for')
    .option('--json', 'print JSON')
    .action((o: { role: 'vendor' | 'reseller'; reseller?: string; label?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const t = await c.call('tokens.create', { role: o.role, reseller: o.reseller, label: o.label });
        if (o.json) printJson(t);
        else print(t.token);
      }),
    );
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--all', 'include revoked tokens')
    .option('--json', 'print JSON')
    .action((o: { all?: boolean; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const list = await c.call('tokens.list', { includeRevoked: !!o.all });
        if (o.json) return printJson(list);
        print(
          list.length
            ? table(
                ['ID', 'ROLE', 'RESELLER', 'LABEL', 'CREATED', 'REVOKED'],
                list.map((t) => [
                  String(t.id),
                  t.role,
                  t.reseller ?? '',
                  t.label,
                  t.createdAt.slice(0, 10),
                  t.revokedAt?.slice(0, 10) ?? '',
                ]),
              )
            : 'No tokens.',
        );
      }),
    );
  token
    .command('revoke')
    .argument('<id>', "the token's id (token list)")
    .description('revoke a token: it stops working at once')
    .action((id: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => {
        const t = await c.call('tokens.revoke', { id: intOption(id, 'ID')! });
        print(
          `Revoked token ${t.id} (${t.role}${t.reseller ? ` for ${t.reseller}` : ''}${t.label ? `, "${t.label}"` : ''})`,
        );
      }),
    );
}
