// The recovery mail: the full registration numbers, to the address they are registered under.
import type { Mail } from './smtp';

export function recoveryMail(email: string, numbers: string[]): Mail {
  const one = numbers.length === 1;
  return {
    to: email,
    subject: one ? 'Your MIKO registration number' : 'Your MIKO registration numbers',
    text: [
      `Someone asked for the registration number${one ? '' : 's'} registered under ${email}.`,
      '',
      ...numbers,
      '',
      'Enter the number on the PBX under System > Licences to link it to this registration.',
      'If you did not ask for this mail, you can ignore it: nothing was changed.',
    ].join('\n'),
  };
}
