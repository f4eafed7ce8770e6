// Types shared by the slices: the device row as the API returns it, and the screens of the shell.
import type { Output } from '../../shared/ipc/contract';

export type Device = Output<'devices:list'>[number];
export type DeviceStatus = NonNullable<Device['summary']>['status'];
export type DeviceDetail = Output<'devices:get'>;
export type Binding = Output<'bindings:list'>[number];
export type VerificationRecord = Output<'verification:history'>[number];
export type AuditEntry = Output<'audit:list'>[number];
export type AuditVerdict = Output<'audit:verify'>;
export type Inspection = Output<'codes:inspect'>;

export const SCREENS = ['devices', 'fleet', 'inspector', 'audit', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** An error as the user sees it: the API's code and human message, never a stack. */
export interface UiError {
  code: string;
  message: string;
  /** The values the message is made of: with the code, they render it in the UI's language. */
  params?: Record<string, unknown> | undefined;
}
