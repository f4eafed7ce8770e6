// `serve --smtp URL` (issue 10 item 4), real processes: the remote `registration recover` mails
// the full number to the address on file and a real SMTP server on loopback receives it; the same
// server without --smtp says honestly that nothing was sent; a mail server that is down is
// MAIL_UNAVAILABLE (exit 1) and never "sent".
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { tempDir } from '../support/fixtures';
import { deadSmtpUrl, startSmtp } from '../support/smtp';
import { cli, onCleanup, startServe, type CliResult } from '../server/support';

const done = (r: CliResult): string => {
  expect(r.stderr, 'stderr').toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

/** A reseller token on a running server (made by its first vendor token). */
async function resellerToken(url: string, vendor: string): Promise<string> {
  const as = ['--server', url, '--token', vendor];
  done(await cli([...as, 'reseller', 'create', '--name', 'Acme Telecom']));
  return done(
    await cli([...as, 'token', 'create', '--role', 'reseller', '--reseller', 'Acme Telecom', '--label', 'desk']),
  ).trim();
}

describe('serve --smtp: recovery that really mails (real processes)', () => {
  it('mails the full number with --smtp; says "not sent" without it; MAIL_UNAVAILABLE when the mail server is down', async () => {
    const dir = tempDir();
    await Authority.init(dir);
    const smtp = await startSmtp();
    onCleanup(() => smtp.close());

    const mailing = await startServe(dir, ['--smtp', smtp.url, '--mail-from', 'desk@vendor.test']);
    const token = await resellerToken(mailing.url, mailing.token()!);
    const as = (url: string) => ['--server', url, '--token', token];
    const number = done(
      await cli([...as(mailing.url), 'registration', 'create', '--company', 'Acme', '--email', 'it@acme.test']),
    ).trim();
    const sent = done(await cli([...as(mailing.url), 'registration', 'recover', '--email', 'IT@acme.test']));
    expect(sent).toBe(
      `MIKO-XXXXX-XXXXX-XXXXX-X${number.slice(-4)}\nThe full number was sent by email to it@acme.test.\n`,
    );
    expect(smtp.mails.map((m) => [m.from, m.to])).toEqual([['desk@vendor.test', ['it@acme.test']]]);
    expect(smtp.mails[0]!.raw).toContain(number);
    mailing.child.kill('SIGTERM');
    await mailing.exited;

    const silent = await startServe(dir);
    const json = JSON.parse(
      done(await cli([...as(silent.url), 'registration', 'recover', '--email', 'it@acme.test', '--json'])),
    );
    expect(json).toMatchObject({
      sentByEmail: false,
      masked: true,
      numbers: [`MIKO-XXXXX-XXXXX-XXXXX-X${number.slice(-4)}`],
    });
    expect(json.message).toMatch(/^No mail server is configured on this authority \(serve --smtp\)/);
    silent.child.kill('SIGTERM');
    await silent.exited;

    const broken = await startServe(dir, ['--smtp', await deadSmtpUrl()]);
    const refused = await cli([...as(broken.url), 'registration', 'recover', '--email', 'it@acme.test']);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^licence-desk: The mail server 127\.0\.0\.1:\d+ could not be reached .*nothing was sent\. \[MAIL_UNAVAILABLE\]\n$/,
    );
    expect(refused.status).toBe(1);
    expect(smtp.mails).toHaveLength(1);
  }, 180_000); // three servers and six CLI processes on a shared machine

  it('refuses a --smtp that is not an SMTP URL before it listens (exit 2, OPTION_INVALID)', async () => {
    const dir = tempDir();
    await Authority.init(dir);
    const r = await cli(['--data', dir, 'serve', '--port', '0', '--smtp', 'https://mail.test']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('licence-desk: --smtp must start with smtp:// or smtps://, not https://. [OPTION_INVALID]\n');
    expect(r.status).toBe(2);
  });
});
