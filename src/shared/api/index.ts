// Every operation of the licence authority, by name.
import type { z } from 'zod';
import type { Operation } from './define';
import { adminOps } from './admin';
import { bindingsOps } from './bindings';
import { couponsOps } from './coupons';
import { devicesOps } from './devices';
import { offersOps } from './offers';
import { systemOps } from './system';
import { verificationOps } from './verification';
import { auditOps } from './audit';
import { transfersOps } from './transfers';

export const OPERATIONS = {
  ...systemOps,
  ...adminOps,
  ...devicesOps,
  ...transfersOps,
  ...offersOps,
  ...couponsOps,
  ...bindingsOps,
  ...verificationOps,
  ...auditOps,
} as const satisfies Record<string, Operation>;

export type OpName = keyof typeof OPERATIONS;
export type OpInput<N extends OpName> = z.input<(typeof OPERATIONS)[N]['input']>;
export type OpOutput<N extends OpName> = z.output<(typeof OPERATIONS)[N]['output']>;

export const isOpName = (name: string): name is OpName => Object.hasOwn(OPERATIONS, name);
