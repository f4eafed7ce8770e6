// Output types of the channels the wizards use, named for readability.
import type { Output } from '../../../shared/ipc/contract';

export type TrialStarted = Output<'trials:start'>;
export type TryoutStarted = Output<'tryout:start'>;
export type TryoutStatus = Output<'tryout:status'>;
