// The handlers of the offers area (tryout, registration + trial, EULA), spread into the one
// handler table (api/handlers.ts).
import type { Handler } from '../api/handlers';
import { acceptEula, publishEula, showEula } from '../eula/service';
import { leaveTryout, startTryout, tryoutStatus } from '../tryout/service';
import { blockRegistration, unblockRegistration } from './block';
import { linkRegistration } from './link';
import { createRegistration, recoverRegistrations } from './service';
import { startTrial } from './trial';

export const OFFERS_HANDLERS = {
  'tryout.start': startTryout,
  'tryout.status': tryoutStatus,
  'tryout.end': leaveTryout,
  'registrations.create': createRegistration,
  'registrations.recover': recoverRegistrations,
  'registrations.link': linkRegistration,
  'registrations.block': blockRegistration,
  'registrations.unblock': unblockRegistration,
  'trials.start': startTrial,
  'eula.show': showEula,
  'eula.publish': publishEula,
  'eula.accept': acceptEula,
} satisfies Record<string, Handler>;
