// Every operation of the licence authority, by name.
import type { z } from 'zod';
import type { Operation } from './define';
import { devicesOps } from './devices';
import { systemOps } from './system';

export const OPERATIONS = {
  ...systemOps,
  ...devicesOps,
} as const satisfies Record<string, Operation>;

export type OpName = keyof typeof OPERATIONS;
export type OpInput<N extends OpName> = z.input<(typeof OPERATIONS)[N]['input']>;
export type OpOutput<N extends OpName> = z.output<(typeof OPERATIONS)[N]['output']>;

export const isOpName = (name: string): name is OpName => Object.hasOwn(OPERATIONS, name);
