// Recovery that really mails (issue 10 item 4): with a mail server configured, a server caller's
// recovery sends the full numbers to the registered address and says so; a mail server that is
// down is a specific error and nothing is reported (or recorded) as sent. A real SMTP server on
// loopback receives the mail; both stores.
import { expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { smtpMailer } from '../../src/authority/mail/smtp';
import { asServerCaller } from '../support/offers';
import { deadSmtpUrl, startSmtp } from '../support/smtp';
import { describeStores } from '../support/stores';

const FROM = 'Licence Desk <desk@vendor.test>';

/** The same authority opened again with a mailer, as `serve --smtp` does. */
async function withMailer(dir: string, database: string | undefined, url: string): Promise<Authority> {
  return Authority.open({ dataDir: dir, ...(database ? { database } : {}), mailer: smtpMailer(url, FROM) });
}

const recoverAudit = (authority: Authority) =>
  authority.ctx.db.read.all(
    authority.ctx.db.qb
      .selectFrom('audit_log')
      .select(['action', 'subject', 'data'])
      .where('action', '=', 'registration.recover'),
  );

describeStores('recovery mail', ({ open }) => {
  it('sends the full numbers to the address on file, answers them masked with sentByEmail, audited', async () => {
    const { authority: plain, dir, database } = await open();
    const a = await plain.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const b = await plain.call('registrations.create', { company: 'Acme 2', email: 'IT@acme.test' });
    await plain.call('registrations.create', { company: 'Other', email: 'other@acme.test' });
    const smtp = await startSmtp();
    const authority = await withMailer(dir, database, smtp.url);
    try {
      const r = await authority.call('registrations.recover', { email: ' It@Acme.test' }, asServerCaller(authority));
      expect(r).toMatchObject({ email: 'it@acme.test', masked: true, sentByEmail: true });
      expect(r.message).toBe('The full numbers were sent by email to it@acme.test.');
      expect(new Set(r.numbers)).toEqual(
        new Set([a.number, b.number].map((n) => `MIKO-XXXXX-XXXXX-XXXXX-X${n.slice(-4)}`)),
      );
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to).toEqual(['it@acme.test']);
      expect(mail.from).toBe('desk@vendor.test');
      expect(mail.raw).toMatch(/^Subject: Your MIKO registration numbers\r?$/m);
      expect(mail.raw).toContain(a.number);
      expect(mail.raw).toContain(b.number);
      expect(mail.raw).not.toContain('MIKO-XXXXX');
      expect(await recoverAudit(authority)).toEqual([
        {
          action: 'registration.recover',
          subject: 'it@acme.test',
          data: JSON.stringify({ count: 2, delivery: 'email' }),
        },
      ]);
      // An address with no registration gets no mail at all.
      const none = await authority.call('registrations.recover', { email: 'x@acme.test' }, asServerCaller(authority));
      expect(none).toMatchObject({ numbers: [], sentByEmail: false });
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await authority.close();
      await smtp.close();
    }
  });

  it('a mail server that is down: MAIL_UNAVAILABLE, nothing reported or recorded as sent', async () => {
    const { authority: plain, dir, database } = await open();
    await plain.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const authority = await withMailer(dir, database, await deadSmtpUrl());
    try {
      await expect(
        authority.call('registrations.recover', { email: 'it@acme.test' }, asServerCaller(authority)),
      ).rejects.toMatchObject({
        code: 'MAIL_UNAVAILABLE',
        kind: 'unavailable',
        message: expect.stringMatching(
          /^The mail server 127\.0\.0\.1:\d+ could not be reached \(connect ECONNREFUSED [\d.:]+\); nothing was sent\.$/,
        ),
      });
      expect(await recoverAudit(authority)).toEqual([]);
    } finally {
      await authority.close();
    }
  });

  it('refuses an SMTP URL that is not smtp:// or smtps:// (OPTION_INVALID, naming the option)', () => {
    expect(() => smtpMailer('http://mail.test', FROM)).toThrow(/--smtp must start with smtp:\/\/ or smtps:\/\//);
    expect(() => smtpMailer('not a url', FROM)).toThrow(/--smtp must be a URL/);
  });
});
