// Starts one throwaway PostgreSQL cluster for the whole test run; each test that needs PostgreSQL
// creates its own database in it (see postgres.ts). Stopped and deleted at the end.
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster';

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPgCluster();
  project.provide('pgUrl', cluster?.url ?? '');
  return () => cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
