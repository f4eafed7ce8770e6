// `tryout`, `registration`, `trial` and `eula` commands: embedded or --server alike. Commands that
// answer an initialisation code print the answer code only (so it can be piped into the PBX),
// and only after the PBX's own chain check agrees.
import type { Command } from 'commander';
import { verifyAnswerChain } from '../licensing/chain';
import { fromPem } from '../licensing/pem';
import type { OpOutput } from '../shared/api';
import type { Client } from '../authority/client';
import { withClient } from './context';
import { print, printJson, readInput } from './io';

type Json = { json?: boolean };

/** Never print an answer the PBX would refuse: run the PBX's chain check first. */
async function checkedAnswer(c: Client, code: string): Promise<void> {
  verifyAnswerChain(code, fromPem((await c.call('ca.root', {})).pem)[0]!.der);
}

export function formatTryout(t: OpOutput<'tryout.status'>): string {
  const day = (s: string | null) => s?.slice(0, 10) ?? '';
  switch (t.state) {
    case 'active':
      return `${t.serial}: tryout active, ${t.testUsers} test user licences until ${day(t.endsAt)} (${t.daysLeft} day${t.daysLeft === 1 ? '' : 's'} left)`;
    case 'expired':
      return `${t.serial}: tryout expired on ${day(t.endsAt)} (started ${day(t.startedAt)}); it cannot start again`;
    case 'ended':
      return `${t.serial}: tryout ended on ${day(t.endedAt)} (${t.endReason === 'bought' ? 'licences bought' : 'left'}); it cannot start again`;
    default:
      return t.available ? `${t.serial}: no tryout yet; one can be started` : `${t.serial}: no tryout: ${t.reason}`;
  }
}

export function offersCommands(program: Command): void {
  tryoutCommands(program);
  registrationCommands(program);
  eulaCommands(program);
}

function tryoutCommands(program: Command): void {
  const tryout = program
    .command('tryout')
    .description('the one-time 14-day tryout of a COMtrexx VM (3 test user licences)');
  tryout
    .command('start')
    .description('start the tryout; with --init-code, print the answer code for the PBX')
    .requiredOption('--serial <serial>')
    .option('--init-code <file>', 'file with the initialisation code, or - for standard input')
    .option('--json', 'print JSON')
    .action((o: { serial: string; initCode?: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const initCode = o.initCode === undefined ? undefined : readInput(o.initCode, 'an initialisation code');
        const t = await c.call('tryout.start', { serial: o.serial, ...(initCode !== undefined ? { initCode } : {}) });
        if (t.answer) await checkedAnswer(c, t.answer.code);
        if (o.json) printJson(t);
        else print(t.answer ? t.answer.code : `${formatTryout(t)}. Recreate its certificate to install them.`);
      }),
    );
  tryout
    .command('status')
    .description('whether the tryout is active, ended, expired or never started')
    .requiredOption('--serial <serial>')
    .option('--json', 'print JSON')
    .action((o: { serial: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const t = await c.call('tryout.status', { serial: o.serial });
        if (o.json) printJson(t);
        else print(formatTryout(t));
      }),
    );
  tryout
    .command('end')
    .description('leave tryout mode now (it can never start again)')
    .requiredOption('--serial <serial>')
    .action((o: { serial: string }, cmd: Command) =>
      withClient(cmd, async (c) => print(formatTryout(await c.call('tryout.end', { serial: o.serial })))),
    );
}

function registrationCommands(program: Command): void {
  const registration = program.command('registration').description('MIKO registration numbers');
  registration
    .command('create')
    .description('register a customer; prints the registration number')
    .requiredOption('--company <company>')
    .requiredOption('--email <email>')
    .option('--contact <name>')
    .option('--json', 'print JSON')
    .action((o: { company: string; email: string; contact?: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('registrations.create', {
          company: o.company,
          email: o.email,
          ...(o.contact !== undefined ? { contact: o.contact } : {}),
        });
        if (o.json) printJson(r);
        else print(r.number);
      }),
    );
  registration
    .command('recover')
    .description('the registration numbers of an email address (masked when using a server)')
    .requiredOption('--email <email>')
    .option('--json', 'print JSON')
    .action((o: { email: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('registrations.recover', { email: o.email });
        if (o.json) printJson(r);
        else print([...r.numbers, ...(r.masked || r.numbers.length === 0 ? [r.message] : [])].join('\n'));
      }),
    );
  registration
    .command('link')
    .description('link a host-bound PBX to a registration number (what entering it under System > Licences does)')
    .requiredOption('--registration <number>')
    .requiredOption('--serial <serial>')
    .option('--json', 'print JSON')
    .action((o: { registration: string; serial: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const l = await c.call('registrations.link', { registration: o.registration, serial: o.serial });
        if (o.json) printJson(l);
        else print(`${l.serial} ${l.alreadyLinked ? 'was already linked' : 'is now linked'} to ${l.registration}`);
      }),
    );
  blockCommands(registration);
  program
    .command('trial')
    .description('the 30-day trial of an Askozia host')
    .command('start')
    .description('start the trial for a registration on a host; prints the answer code')
    .requiredOption('--registration <number>')
    .requiredOption('--serial <serial>')
    .requiredOption('--init-code <file>', 'file with the initialisation code, or - for standard input')
    .option('--json', 'print JSON')
    .action((o: { registration: string; serial: string; initCode: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const initCode = readInput(o.initCode, 'an initialisation code');
        const t = await c.call('trials.start', { registration: o.registration, serial: o.serial, initCode });
        await checkedAnswer(c, t.answer.code);
        if (o.json) printJson(t);
        else print(t.answer.code);
      }),
    );
}

/** Vendor only: a blocked number refuses link, trial, coupon, grant and recovery until unblocked. */
function blockCommands(registration: Command): void {
  const say = (b: OpOutput<'registrations.block'>) =>
    b.blocked
      ? `${b.registration} ${b.changed ? 'is now blocked' : `was already blocked on ${b.blockedAt!.slice(0, 10)}`}${b.reason ? ` (${b.reason})` : ''}`
      : `${b.registration} ${b.changed ? 'is unblocked' : 'was not blocked'}`;
  registration
    .command('block')
    .description('block a registration number (vendor): no link, trial, coupon, grant or recovery with it')
    .argument('<number>', 'the registration number')
    .option('--reason <text>', 'why, kept with the block and in the audit log')
    .option('--json', 'print JSON')
    .action((number: string, o: { reason?: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const b = await c.call('registrations.block', {
          registration: number,
          ...(o.reason !== undefined ? { reason: o.reason } : {}),
        });
        if (o.json) printJson(b);
        else print(say(b));
      }),
    );
  registration
    .command('unblock')
    .description('unblock a registration number the vendor blocked')
    .argument('<number>', 'the registration number')
    .option('--json', 'print JSON')
    .action((number: string, o: Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const b = await c.call('registrations.unblock', { registration: number });
        if (o.json) printJson(b);
        else print(say(b));
      }),
    );
}

function eulaCommands(program: Command): void {
  const eula = program.command('eula').description('the licence agreement (EULA)');
  eula
    .command('show')
    .description('the current licence agreement')
    .option('--json', 'print JSON')
    .action((o: Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const e = await c.call('eula.show', {});
        if (o.json) printJson(e);
        else print(`Licence agreement ${e.version} (published ${e.publishedAt.slice(0, 10)})\n\n${e.text}`);
      }),
    );
  eula
    .command('accept')
    .description("record that the registration's owner accepted the current licence agreement")
    .requiredOption('--registration <number>')
    .option('--host <host>', 'the host it was accepted from')
    .option('--json', 'print JSON')
    .action((o: { registration: string; host?: string } & Json, cmd: Command) =>
      withClient(cmd, async (c) => {
        const a = await c.call('eula.accept', {
          registration: o.registration,
          ...(o.host !== undefined ? { host: o.host } : {}),
        });
        if (o.json) printJson(a);
        else
          print(
            `${a.alreadyAccepted ? 'Already accepted' : 'Accepted'}: licence agreement ${a.version} for ${a.registration}, by ${a.acceptedBy} on ${a.acceptedAt.slice(0, 10)}${a.host ? ` from ${a.host}` : ''}`,
          );
      }),
    );
  eula
    .command('publish')
    .description('publish a new licence agreement version (vendor)')
    .requiredOption('--version <version>')
    .requiredOption('--text <file>', 'file with the text, or - for standard input')
    .action((o: { version: string; text: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const e = await c.call('eula.publish', {
          version: o.version,
          text: readInput(o.text, 'a licence agreement text'),
        });
        print(`Published licence agreement ${e.version}; registrations must accept it before their next certificate`);
      }),
    );
}
