// `licence-desk login --server URL` and `logout --server URL`: the server token in the OS keychain
// (the same entry the desktop's connected mode uses), so later `--server URL` commands need no
// --token, and the token never sits in shell history, the process list or the environment. Login
// checks before it stores: the server answers as a Licence Desk authority, its root is the one
// pinned before (or is pinned now, trust on first use, its fingerprint printed), the token works.
import type { Command } from 'commander';
import { checkServer } from '../main/services/connection';
import { osKeychain } from '../main/services/keychain';
import { forgetPin, pinRoot, sha256 } from '../main/services/pins';
import { serverKey, serverTokens } from '../main/services/secrets';
import { err } from '../shared/errors';
import { dataDir } from './context';
import { print, readInput } from './io';
import { prompt } from './prompt';

const TOKEN = /^[\x21-\x7e]{8,512}$/;

function serverOption(cmd: Command, verb: string): string {
  const server = cmd.optsWithGlobals().server as string | undefined;
  if (!server) throw err.OPTION_MISSING({ verb });
  serverKey(server); // a bad address is refused before anything else
  return server;
}

/** The token from a prompt that does not echo it, or from standard input when that is not a terminal. */
async function readToken(serverUrl: string): Promise<string> {
  const text = process.stdin.isTTY ? await prompt(`Token for ${serverKey(serverUrl)}: `) : readInput('-', 'a token');
  const token = text.trim();
  if (!token) throw err.LOGIN_TOKEN_EMPTY();
  if (!TOKEN.test(token)) throw err.LOGIN_TOKEN_MALFORMED();
  return token;
}

export function loginCommands(program: Command): void {
  program
    .command('login')
    .description('check a token for --server URL and keep it in the OS keychain (read from a prompt or standard input)')
    .action(async (_o: unknown, cmd: Command) => {
      const serverUrl = serverOption(cmd, 'login');
      if (cmd.optsWithGlobals().token) throw err.OPTION_CONFLICT({ variant: 'loginToken' });
      const token = await readToken(serverUrl);
      const dir = dataDir(cmd);
      const root = await checkServer(dir, { serverUrl, token });
      await serverTokens(osKeychain()).set(serverUrl, token);
      pinRoot(dir, serverUrl, root);
      print(`Logged in to ${serverKey(serverUrl)}; the token is in the OS keychain.`);
      print(`Server root SHA-256 (pinned): ${sha256(root)}`);
    });

  program
    .command('logout')
    .description("remove --server URL's token from the OS keychain and forget its pinned root")
    .action(async (_o: unknown, cmd: Command) => {
      const serverUrl = serverOption(cmd, 'logout');
      const removed = await serverTokens(osKeychain()).delete(serverUrl);
      forgetPin(dataDir(cmd), serverUrl);
      print(
        removed
          ? `Logged out of ${serverKey(serverUrl)}; its token is gone from the OS keychain.`
          : `No token for ${serverKey(serverUrl)} was in the OS keychain; nothing to remove.`,
      );
    });
}
