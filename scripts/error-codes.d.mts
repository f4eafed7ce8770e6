// Types for scripts/error-codes.mjs, so tests can import it.
import type { ErrorKind } from '../src/shared/errors';

export interface FoundCode {
  code: string;
  kind: ErrorKind;
  files: string[];
  message: string;
  serverSide: boolean;
}
export type StatusOf = (e: { code: string; kind: ErrorKind }) => number;

export const DOC: string;
export const GENERATED: string;
export function extractErrorCodes(root: string): FoundCode[];
export function renderTable(codes: FoundCode[], statusOf: StatusOf): string;
export function renderGenerated(codes: FoundCode[], statusOf: StatusOf): string;
export function expectedFiles(root: string, statusOf: StatusOf): [string, string][];
export function outdatedFiles(root: string, statusOf: StatusOf): string[];
