// Embedded mode: the licence authority runs inside the app on the user-data folder, and is
// created there (root CA, issuing CA, database) on first start.
import { Authority } from '../../authority/authority';
import { rootPem } from '../../authority/ca';
import { embeddedClient } from '../../authority/client';
import { err } from '../../shared/errors';
import { fromPem } from '../../licensing/pem';
import { clientAuthorityServices } from './authority-client';
import { openKeySealer } from './key-sealer';
import type { KeySealer } from '../../authority/keys/sealer';
import type { AuthorityServices } from './types';

/** `sealer`: what opens the keys (key-sealer.ts); chosen here the usual way when not given. */
export async function openEmbeddedAuthority(dataDir: string, given?: KeySealer): Promise<AuthorityServices> {
  const sealer = given ?? (await openKeySealer(dataDir));
  await Authority.init(dataDir, undefined, { sealer });
  // Pinned once, from the CA folder, before any answer is made: the answers are checked against it.
  const pinnedRootDer = rootDerOf(rootPem(dataDir));
  const client = await embeddedClient(dataDir, undefined, sealer);
  return clientAuthorityServices('embedded', client, pinnedRootDer);
}

function rootDerOf(pem: string): Uint8Array {
  const [block, ...rest] = fromPem(pem);
  if (!block || rest.length > 0 || block.label !== 'CERTIFICATE') throw err.ROOT_INVALID();
  return block.der;
}
