// The one line the CLI prints for a failure: the message in the language the user's locale asks
// for (German or Russian from the same catalogues as the UI, English otherwise), then the code,
// which stays the same in every language so scripts and support can match on it.
import { templateOf, type ErrorValue } from '../shared/errors';
import { languageOfLocale, renderErrorIn } from '../shared/errors/translations/render';

export function errorLine(err: ErrorValue, env: Record<string, string | undefined> = process.env): string {
  const lang = languageOfLocale(env);
  const params = err.params ?? {};
  // A code this build does not know (a newer server's) keeps the message it came with.
  const known = lang !== 'en' && templateOf(err.code, params) !== undefined;
  const message = known ? renderErrorIn(lang, err.code, params) : err.message;
  return `licence-desk: ${message} [${err.code}]`;
}
