#!/usr/bin/env node
// `npm start`. Until the desktop app exists (a later issue), it runs `licence-desk demo`: the whole
// licensing loop (authority, device, licences, init code, answer, install, status) in a temporary
// folder, through the same CLI entry and the same functions the commands use.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/authority/cli/main.ts');
process.exitCode = await run(['demo', ...process.argv.slice(2)]);
