import { LdError } from '../../shared/errors';

export const conflict = (code: string, message: string): LdError => new LdError({ code, message, kind: 'conflict' });
