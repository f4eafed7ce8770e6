// Outgoing mail over SMTP (nodemailer). The authority mails only what must reach a person and
// must not be shown to the caller: the full registration numbers of a recovery. A mailer is built
// once from `serve --smtp URL` and passed in explicitly; without one, nothing claims to be sent.
import nodemailer from 'nodemailer';
import { err, LdError } from '../../shared/errors';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the mail server accepted the message; throws MAIL_UNAVAILABLE otherwise. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

// A mail server that does not answer must not hold a recovery request for minutes.
const TIMEOUT_MS = 15_000;

/** smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://… (TLS from the start). */
export function smtpMailer(url: string, from: string): Mailer {
  const parsed = parseSmtpUrl(url);
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const server = parsed.host;
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (e) {
        throw mailUnavailable(server, e as { code?: string; message?: string });
      }
    },
    close: () => transport.close(),
  };
}

function parseSmtpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw err.OPTION_INVALID({ variant: 'smtpUrl' });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw err.OPTION_INVALID({ variant: 'smtpProtocol', protocol: parsed.protocol });
  if (!parsed.hostname) throw err.OPTION_INVALID({ variant: 'smtpHost' });
  return parsed;
}

// Codes nodemailer gives when no conversation with the server took place.
const UNREACHABLE = new Set(['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS']);

function mailUnavailable(server: string, e: { code?: string; message?: string }): LdError {
  const variant = e.code && UNREACHABLE.has(e.code) ? 'unreachable' : 'refused';
  const reason = (e.message ?? String(e)).split('\n')[0]!.slice(0, 200);
  return err.MAIL_UNAVAILABLE({ variant, server, reason, ...(e.code ? { code: e.code } : {}) });
}
