// The table of stable error codes (docs/server.md) and the list /openapi.json serves are
// generated from the sources by scripts/error-codes.mjs; these tests fail when either falls
// behind (run `node scripts/error-codes.mjs --write`), or when one code means two kinds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/authority/http/status';
import { DOC, extractErrorCodes, outdatedFiles } from '../../scripts/error-codes.mjs';
import { REPO } from './support';

describe('stable error codes', () => {
  const codes = extractErrorCodes(REPO);

  it('docs/server.md lists every error code found in src', () => {
    expect(codes.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'DEVICE_NOT_FOUND',
        'INPUT_INVALID',
        'TOKEN_MISSING',
        'RATE_LIMITED',
        'INTERNAL',
        'SERVER_UNREACHABLE',
      ]),
    );
    const doc = readFileSync(join(REPO, DOC), 'utf8');
    const missing = codes.filter((c) => !doc.includes(`| \`${c.code}\` |`)).map((c) => c.code);
    expect(missing, 'missing from docs/server.md: run node scripts/error-codes.mjs --write').toEqual([]);
    expect(outdatedFiles(REPO, statusOf), 'out of date: run node scripts/error-codes.mjs --write').toEqual([]);
  });

  it('each code has one kind, so one HTTP status and one exit code', () => {
    const kinds = new Map<string, Set<string>>();
    for (const c of codes) kinds.set(c.code, (kinds.get(c.code) ?? new Set()).add(c.kind));
    expect([...kinds].filter(([, k]) => k.size > 1).map(([code, k]) => `${code}: ${[...k].join(', ')}`)).toEqual([]);
  });
});
