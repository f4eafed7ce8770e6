// The PBX side of activation: make an initialisation code, check and install the answer. The
// simulator and a real PBX run this same code, and the authority runs checkAnswer() on every
// answer it issues, so "success" is only ever shown when the PBX-side check agrees (docs/architecture.md).
import { createHash, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { err, isLdError, type LdError } from '../shared/errors';
import { parseCertificate, type ParsedCertificate } from '../licensing/certificate';
import { verifyChain } from '../licensing/chain';
import { decodeCode, encodeInitCode } from '../licensing/codes';
import type { DeviceInfo, LicenceInfo } from '../licensing/extensions';
import type { KeyType } from '../licensing/keys';
import { decodeSubject } from '../licensing/names';
import { fromPem } from '../licensing/pem';
import { buildRequest, parseRequest } from '../licensing/request';
import { advanceClock, highWater, storedTrustedTime } from './clock';
import * as st from './state';
import { evidenceOfTime, readInstalledLeaf, statusOf, type PbxStatus } from './status';

export { pbxStatus, type PbxStatus } from './status';

export interface PbxIdentity {
  serial: string;
  model: string;
  firmware?: string;
  hostName?: string;
  hostFingerprint?: Uint8Array;
}

export interface InitOptions extends PbxIdentity {
  trustPem?: string;
  keyType?: KeyType;
  /** What the PBX's clock reads (default: the system clock); moves the trusted time forward. */
  now?: Date;
}

/** The status right after installing (installedGeneration is the generation just installed). */
export type InstallResult = PbxStatus;

export const DEFAULT_FIRMWARE = '8.4.1';
const generate = promisify(generateKeyPair);
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const spkiOf = (key: KeyObject): Buffer =>
  (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });

// ---- init ----------------------------------------------------------------------------------------

export function initPbx(stateDir: string, opts: InitOptions): Promise<{ code: string; generation: number }> {
  return st.withStateLock(stateDir, async () => {
    const previous = await st.readStateIfAny(stateDir);
    checkIdentity(previous, opts);
    const rootDer = opts.trustPem !== undefined ? parseTrust(opts.trustPem) : undefined;
    if (!previous && !rootDer) {
      throw err.PBX_TRUST_REQUIRED();
    }
    const { privateKey, publicKey } = await makeKey(opts.keyType ?? 'ec-p256');
    const device = deviceInfo(previous, opts);
    const request = buildRequest({ serial: opts.serial, model: opts.model, privateKey, publicKey, device });
    parseRequest(request); // what we hand out must be a request the authority accepts: same parser, now
    const next = nextState(previous, opts, device, spkiOf(publicKey), request);
    // Everything is checked; from here on only writes, pbx.json last (see state.ts).
    await st.ensureFolder(stateDir);
    if (rootDer) await st.writeTrust(stateDir, rootDer);
    await st.writeKey(stateDir, device.generation, privateKey);
    await st.saveState(stateDir, next);
    if (previous?.pending) await st.removeQuietly(stateDir, [st.keyFile(previous.pending.generation)]);
    await advanceClock(stateDir, opts.now ?? new Date());
    return { code: encodeInitCode(request), generation: device.generation };
  });
}

function checkIdentity(previous: st.PbxState | undefined, opts: PbxIdentity): void {
  if (previous && (previous.serial !== opts.serial || previous.model !== opts.model)) {
    throw err.PBX_IDENTITY_MISMATCH({
      storedSerial: previous.serial,
      storedModel: previous.model,
      givenSerial: opts.serial,
      givenModel: opts.model,
    });
  }
}

/** The trust anchor: one CA certificate in PEM. A later init may replace it (a firmware update ships a new root). */
function parseTrust(pem: string): Uint8Array {
  const blocks = fromPem(pem);
  const only = blocks[0];
  if (blocks.length !== 1 || !only || only.label !== 'CERTIFICATE') {
    throw err.PBX_TRUST_INVALID({ variant: 'blocks', length: blocks.length });
  }
  if (!parseCertificate(only.der, 'trusted root').isCa) throw err.PBX_TRUST_INVALID({ variant: 'notCa' });
  return only.der;
}

async function makeKey(type: KeyType): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  switch (type) {
    case 'ec-p256':
      return generate('ec', { namedCurve: 'P-256' });
    case 'ed25519':
      return generate('ed25519', {});
    case 'rsa':
      return generate('rsa', { modulusLength: 2048 });
    default:
      throw err.KEY_TYPE_UNSUPPORTED({ type: String(type) });
  }
}

function deviceInfo(previous: st.PbxState | undefined, opts: PbxIdentity): DeviceInfo {
  // Stable per folder unless the caller says otherwise: host-bound licences follow this value.
  const stored = previous ? Buffer.from(previous.hostFingerprint, 'hex') : undefined;
  const hostName = opts.hostName ?? previous?.hostName;
  return {
    hostFingerprint: opts.hostFingerprint ?? stored ?? randomBytes(16),
    nonce: randomBytes(16),
    generation: (previous?.generation ?? 0) + 1,
    firmware: opts.firmware ?? previous?.firmware ?? DEFAULT_FIRMWARE,
    ...(hostName ? { hostName } : {}),
  };
}

function nextState(
  previous: st.PbxState | undefined,
  opts: PbxIdentity,
  device: DeviceInfo,
  spki: Uint8Array,
  request: Uint8Array,
): st.PbxState {
  const old = previous?.pending;
  const retired = [
    ...(previous?.retired ?? []),
    ...(old ? [{ generation: old.generation, keySha256: old.keySha256 }] : []),
  ];
  return {
    version: 1,
    serial: opts.serial,
    model: opts.model,
    firmware: device.firmware,
    ...(device.hostName ? { hostName: device.hostName } : {}),
    hostFingerprint: Buffer.from(device.hostFingerprint).toString('hex'),
    generation: device.generation,
    pending: {
      generation: device.generation,
      keySha256: sha256(spki),
      nonce: Buffer.from(device.nonce).toString('hex'),
      request: Buffer.from(request).toString('base64'),
    },
    ...(previous?.installed ? { installed: previous.installed } : {}),
    retired: retired.slice(-st.MAX_RETIRED),
  };
}

// ---- install -------------------------------------------------------------------------------------

export interface ParsedAnswer {
  leaf: ParsedCertificate;
  intermediates: ParsedCertificate[];
}

export function parseAnswer(text: string): ParsedAnswer {
  const [leafDer, ...rest] = decodeCode(text, 'answer').ders;
  const leaf = parseCertificate(leafDer!, 'answer certificate');
  return { leaf, intermediates: rest.map((der, i) => parseCertificate(der, `chain certificate ${i + 1}`)) };
}

/** What the answer must match: the waiting request, this PBX, and (to call old answers stale) older keys. */
export interface AnswerExpectation {
  serial: string;
  model: string;
  spkiDer: Uint8Array;
  binding: LicenceInfo['binding'];
  olderKeys?: st.KeyRecord[];
}

export function installAnswer(stateDir: string, text: string, now: Date = new Date()): Promise<InstallResult> {
  return st.withStateLock(stateDir, async () => {
    const state = await st.readState(stateDir);
    const answer = parseAnswer(text);
    const pending = state.pending;
    if (!pending) throw await noPending(stateDir, state, answer.leaf);
    const key = await st.readKey(stateDir, pending.generation);
    const spkiDer = spkiOf(key);
    if (sha256(spkiDer) !== pending.keySha256)
      throw st.stateCorrupt(
        join(stateDir, st.keyFile(pending.generation)),
        'the key does not belong to the waiting request',
      );
    const rootDer = (await st.readTrust(stateDir)).der;
    const binding = {
      generation: pending.generation,
      nonce: Buffer.from(pending.nonce, 'hex'),
      hostFingerprint: Buffer.from(state.hostFingerprint, 'hex'),
    };
    const olderKeys = [...state.retired, ...(state.installed ? [state.installed] : [])];
    // Validity is judged at the trusted time: a clock set back cannot install an answer that has ended.
    const at = highWater(await storedTrustedTime(stateDir), now);
    const path = checkAnswer(
      answer,
      rootDer,
      { serial: state.serial, model: state.model, spkiDer, binding, olderKeys },
      at,
    );
    return commitInstall(stateDir, state, pending, path, now);
  });
}

async function commitInstall(
  dir: string,
  state: st.PbxState,
  pending: NonNullable<st.PbxState['pending']>,
  path: ParsedCertificate[],
  now: Date,
): Promise<InstallResult> {
  const old = state.installed;
  const installed = { generation: pending.generation, keySha256: pending.keySha256 };
  const next: st.PbxState = {
    ...state,
    installed,
    retired: [...state.retired, ...(old ? [old] : [])].slice(-st.MAX_RETIRED),
  };
  delete next.pending; // answered: the request's key is now the current key
  // The stored chain is the verified path without the root: exactly what the PBX needs to show and re-check.
  await st.writeChain(
    dir,
    pending.generation,
    path.slice(0, -1).map((c) => c.der),
  );
  await st.saveState(dir, next);
  if (old) await st.removeQuietly(dir, [st.keyFile(old.generation), st.chainFile(old.generation)]);
  const online = await st.readOnline(dir).catch(() => undefined);
  const time = await advanceClock(dir, now, ...evidenceOfTime(path[0]!, online));
  return statusOf(next, path[0], time, online);
}

async function noPending(dir: string, state: st.PbxState, leaf: ParsedCertificate): Promise<LdError> {
  if (state.installed) {
    const [installedDer] = await st.readChain(dir, state.installed.generation);
    const installedLeaf = readInstalledLeaf(installedDer!, join(dir, st.chainFile(state.installed.generation)));
    if (Buffer.from(installedLeaf.der).equals(leaf.der)) {
      return err.PBX_NO_PENDING({
        variant: 'installed',
        generation: state.installed.generation,
        alreadyInstalled: true,
      });
    }
  }
  return err.PBX_NO_PENDING({ variant: 'none', alreadyInstalled: false });
}

/**
 * Every check a PBX makes on an answer, in the documented order (docs/device.md); returns the
 * verified path [leaf, ...CAs, root]. Pure, so the authority can run it on what it issues.
 */
export function checkAnswer(
  answer: ParsedAnswer,
  rootDer: Uint8Array,
  expect: AnswerExpectation,
  now: Date,
): ParsedCertificate[] {
  const { path, clock } = verifyTrust(answer, rootDer, now);
  checkKey(answer.leaf, expect);
  checkSubject(answer.leaf, expect);
  const licence = answer.leaf.licence;
  if (!licence) throw err.ANSWER_NO_LICENCE();
  checkBinding(licence.binding, expect.binding);
  if (clock) throw clock;
  return path;
}

const CLOCK_ERRORS = new Set(['CERT_EXPIRED', 'CERT_NOT_YET_VALID']);
const isClockError = (e: unknown): e is LdError => isLdError(e) && CLOCK_ERRORS.has(e.code);

/**
 * verifyChain, but with the validity window reported last: a stale or foreign answer should say so
 * rather than "expired". Signatures and CA rules must hold regardless, so they are re-checked at a
 * moment inside the leaf's own window; any refusal there is final.
 */
function verifyTrust(
  answer: ParsedAnswer,
  rootDer: Uint8Array,
  now: Date,
): { path: ParsedCertificate[]; clock?: LdError } {
  const input = { leaf: answer.leaf, intermediates: answer.intermediates, rootDer };
  try {
    return { path: verifyChain({ ...input, now }) };
  } catch (e) {
    if (!isClockError(e)) throw e;
    const { notBefore, notAfter } = answer.leaf;
    const inside = new Date(Math.min(Math.max(now.getTime(), notBefore.getTime()), notAfter.getTime()));
    try {
      verifyChain({ ...input, now: inside });
    } catch (again) {
      if (!isClockError(again)) throw again;
    }
    return { path: [], clock: e };
  }
}

function checkKey(leaf: ParsedCertificate, expect: AnswerExpectation): void {
  if (leaf.spkiDer.equals(expect.spkiDer)) return;
  const waiting = expect.binding.generation;
  const older = expect.olderKeys?.find((k) => k.keySha256 === sha256(leaf.spkiDer))?.generation;
  const bound = leaf.licence?.binding.generation;
  const staleGeneration = older ?? (bound !== undefined && bound < waiting ? bound : undefined);
  if (staleGeneration !== undefined) {
    throw err.ANSWER_STALE({ answerGeneration: staleGeneration, waitingGeneration: waiting });
  }
  throw err.ANSWER_WRONG_KEY({ waiting });
}

function checkSubject(leaf: ParsedCertificate, expect: AnswerExpectation): void {
  const subject = decodeSubject(leaf.subject, 'answer certificate');
  if (subject.serial !== expect.serial) {
    throw err.ANSWER_WRONG_DEVICE({ answerSerial: subject.serial, pbxSerial: expect.serial });
  }
  if (subject.model !== undefined && subject.model !== expect.model) {
    throw err.ANSWER_WRONG_MODEL({ answerModel: subject.model, pbxModel: expect.model });
  }
}

function checkBinding(got: LicenceInfo['binding'], want: LicenceInfo['binding']): void {
  const fields = [
    ...(Buffer.from(got.nonce).equals(want.nonce) ? [] : ['nonce']),
    ...(got.generation === want.generation ? [] : ['generation']),
    ...(Buffer.from(got.hostFingerprint).equals(want.hostFingerprint) ? [] : ['host fingerprint']),
  ];
  if (fields.length) {
    throw err.ANSWER_BINDING_MISMATCH({
      fields,
      fieldsText: fields.join(' and '),
      verbEnding: fields.length === 1 ? 's' : '',
    });
  }
}

// ---- small accessors -----------------------------------------------------------------------------

export async function trustedRootPem(stateDir: string): Promise<string> {
  await st.readState(stateDir); // a folder that was never initialised says so, rather than "trust.pem is missing"
  return (await st.readTrust(stateDir)).pem;
}

/** The installed certificate's private key; stays in the main process (online verification signs with it). */
export function currentKey(stateDir: string): Promise<KeyObject> {
  return st.withStateLock(stateDir, async () => {
    const state = await st.readState(stateDir);
    if (!state.installed) throw err.PBX_NOT_LICENSED({ variant: 'sign' });
    return st.readKey(stateDir, state.installed.generation);
  });
}

/** The waiting initialisation code again (a PBX keeps showing it until the answer arrives). */
export async function pendingCode(stateDir: string): Promise<string | undefined> {
  const state = await st.readState(stateDir);
  return state.pending ? encodeInitCode(Buffer.from(state.pending.request, 'base64')) : undefined;
}
