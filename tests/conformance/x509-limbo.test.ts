// The PBX's path check scored against C2SP x509-limbo (tests/fixtures/x509-limbo, Apache-2.0), with
// `openssl verify -x509_strict` run on the very same cases as the yardstick. Cases about host names,
// EKU, name constraints, CRLs and max_chain_depth do not apply to a PBX; extract.mjs lists why each
// left-out case was left out, and the first test checks that every case of the suite is accounted for.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLdError } from '../../src/shared/errors';
import { parseCertificate } from '../../src/licensing/certificate';
import { fromPem } from '../../src/licensing/pem';
import { validatePath } from '../../src/licensing/path/validation';
// @ts-expect-error: a plain .mjs script without types
import { EXCLUDED } from '../fixtures/x509-limbo/extract.mjs';

interface LimboCase {
  id: string;
  features: string[];
  validation_time: string | null;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  key_usage: string[];
  expected_result: 'SUCCESS' | 'FAILURE';
}
type Outcome = { accepted: true } | { accepted: false; code: string };

const FIXTURE = 'tests/fixtures/x509-limbo/cases.json';
const SUITE = '../shared/conformance/x509-limbo.json';
const cases = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: LimboCase[] }).cases;
const KEY_USAGE_BITS: Record<string, number> = { digitalSignature: 0x80, keyEncipherment: 0x20, keyCertSign: 0x04 };

const der = (pem: string) => fromPem(pem)[0]!.der;
const timeOf = (c: LimboCase) => (c.validation_time ? new Date(c.validation_time) : new Date());

function ours(c: LimboCase): Outcome {
  try {
    validatePath({
      leaf: parseCertificate(der(c.peer_certificate), 'peer certificate'),
      intermediates: c.untrusted_intermediates.map((p, i) => parseCertificate(der(p), `intermediate ${i + 1}`)),
      anchors: c.trusted_certs.map((p, i) => parseCertificate(der(p), `trusted certificate ${i + 1}`)),
      at: timeOf(c),
      what: 'peer',
      leafKeyUsage: c.key_usage.reduce((bits, name) => bits | (KEY_USAGE_BITS[name] ?? 0), 0),
    });
    return { accepted: true };
  } catch (e) {
    // A refusal must be one of ours (code + message), never a crash inside a library.
    if (!isLdError(e)) throw new Error(`${c.id}: not a specific refusal: ${String(e)}`, { cause: e });
    return { accepted: false, code: e.code };
  }
}

const work = mkdtempSync(join(tmpdir(), 'limbo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `openssl verify -x509_strict`, the case's time via -attime, -partial_chain for a non-self-signed anchor. */
function openssl(c: LimboCase): Outcome {
  const file = (name: string, pems: string[]) => (writeFileSync(join(work, name), pems.join('\n')), name);
  const args = ['verify', '-x509_strict', '-CAfile', file('trusted.pem', c.trusted_certs)];
  if (c.untrusted_intermediates.length) args.push('-untrusted', file('untrusted.pem', c.untrusted_intermediates));
  args.push('-attime', String(Math.floor(timeOf(c).getTime() / 1000)));
  if (c.trusted_certs.some((p) => !selfSigned(p))) args.push('-partial_chain');
  if (c.key_usage.length) args.push('-purpose', 'any');
  try {
    execFileSync('openssl', [...args, file('leaf.pem', [c.peer_certificate])], { cwd: work, stdio: 'pipe' });
    return { accepted: true };
  } catch (e) {
    return { accepted: false, code: String((e as { stderr?: Buffer }).stderr ?? '').split('\n')[1] ?? 'error' };
  }
}

function selfSigned(pem: string): boolean {
  try {
    const c = parseCertificate(der(pem));
    return c.subjectDer.equals(c.issuerDer);
  } catch {
    return true;
  }
}

interface Score {
  agree: number;
  falseAccepts: string[];
  falseRejects: string[];
}

function score(judge: (c: LimboCase) => Outcome): Score {
  const s: Score = { agree: 0, falseAccepts: [], falseRejects: [] };
  for (const c of cases) {
    const accepted = judge(c).accepted;
    if (accepted === (c.expected_result === 'SUCCESS')) s.agree++;
    else (accepted ? s.falseAccepts : s.falseRejects).push(c.id);
  }
  return s;
}

const line = (who: string, s: Score) =>
  `${who}: ${s.agree}/${cases.length} agree, ${s.falseAccepts.length} false accepts` +
  `${s.falseAccepts.length ? ` (${s.falseAccepts.join(', ')})` : ''}, ${s.falseRejects.length} false rejects` +
  `${s.falseRejects.length ? ` (${s.falseRejects.join(', ')})` : ''}`;

describe('x509-limbo', () => {
  it.runIf(existsSync(SUITE))('every case of the suite is either vendored or left out for a stated reason', () => {
    const suite = (JSON.parse(readFileSync(SUITE, 'utf8')) as { testcases: { id: string }[] }).testcases;
    const vendored = new Set(cases.map((c) => c.id));
    const excluded = (c: { id: string }) =>
      (EXCLUDED as [string, (c: unknown) => boolean][]).some(([, test]) => test(c));
    expect(suite.filter((c) => vendored.has(c.id) === excluded(c)).map((c) => c.id)).toEqual([]);
  });

  it('the fixture holds both outcomes and the cases the path rules were written for', () => {
    const ids = cases.map((c) => c.id);
    expect(cases.filter((c) => c.expected_result === 'SUCCESS').length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.expected_result === 'FAILURE').length).toBeGreaterThan(40);
    for (const id of ['pathlen::self-issued-certs-pathlen', 'rfc5280::duplicate-extensions', 'webpki::explicit-curve'])
      expect(ids).toContain(id);
  });

  it('no false accept, and more agreement than openssl verify -x509_strict on the same cases', () => {
    const mine = score(ours);
    const theirs = score(openssl);
    console.log(
      `x509-limbo, ${cases.length} applicable cases\n  ${line('Licence Desk', mine)}\n  ${line('OpenSSL', theirs)}`,
    );
    expect(mine.falseAccepts).toEqual([]);
    expect(mine.agree).toBeGreaterThan(theirs.agree);
  });

  it('every refusal names its rule with a specific code', () => {
    const codes = cases.map(ours).flatMap((o) => (o.accepted ? [] : [o.code]));
    expect(codes.every((code) => /^(CERT|CERTIFICATE|CHAIN|KEY|SIGNATURE|DER)_[A-Z0-9_]+$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(10);
  });
});
