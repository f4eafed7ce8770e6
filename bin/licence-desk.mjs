#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx licence-desk` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
