// The administration operations' handlers, spread into the HANDLERS registry.
import { createReseller, createToken, listTokens, revokeToken } from './service';

export const adminHandlers = {
  'resellers.create': createReseller,
  'tokens.create': createToken,
  'tokens.list': listTokens,
  'tokens.revoke': revokeToken,
};
