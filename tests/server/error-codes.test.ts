// The table of stable error codes (docs/server.md) is generated from the registry by
// scripts/error-codes.ts; these tests fail when it falls behind (run
// `node --import tsx scripts/error-codes.ts --write`), and when a template names a param its
// code does not declare (read from the registry's types with the TypeScript compiler).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOC, isOutdated } from '../../scripts/error-codes';
import { ERROR_DEFS, englishMessages } from '../../src/shared/errors';
import { REPO } from './support';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Every message key (CODE or CODE_variant) with the param names its declaration gives it. */
function declaredParams(): Map<string, string[]> {
  const file = join(REPO, 'src/shared/errors/registry.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  let defs: ts.Type | undefined;
  ts.forEachChild(source, (n) => {
    if (ts.isVariableStatement(n))
      for (const d of n.declarationList.declarations)
        if (d.name.getText() === 'ERROR_DEFS') defs = checker.getTypeAtLocation(d.name);
  });
  const names = (t: ts.Type) => t.getProperties().map((p) => p.name);
  const out = new Map<string, string[]>();
  for (const entry of defs!.getProperties()) {
    const defType = checker.getTypeOfSymbol(entry);
    const params = checker.getNonNullableType(checker.getTypeOfSymbol(defType.getProperty('params')!));
    if (defType.getProperty('template')) out.set(entry.name, names(params));
    else for (const v of params.getProperties()) out.set(`${entry.name}_${v.name}`, names(checker.getTypeOfSymbol(v)));
  }
  return out;
}

describe('stable error codes', () => {
  it('docs/server.md lists every code of the registry, with its template, and is current', () => {
    const codes = Object.keys(ERROR_DEFS);
    expect(codes).toEqual(
      expect.arrayContaining(['DEVICE_NOT_FOUND', 'INPUT_INVALID', 'TOKEN_MISSING', 'RATE_LIMITED', 'INTERNAL']),
    );
    const doc = readFileSync(join(REPO, DOC), 'utf8');
    expect(
      codes.filter((c) => !doc.includes(`| \`${c}\` |`)),
      'run node --import tsx scripts/error-codes.ts --write',
    ).toEqual([]);
    expect(isOutdated(REPO), 'out of date: run node --import tsx scripts/error-codes.ts --write').toBe(false);
  });

  it('names the codes the regex scanner missed', () => {
    for (const code of ['PBX_CERTIFICATE_REVOKED', 'SERVER_BUSY', 'KEYCHAIN_UNAVAILABLE', 'MAIL_UNAVAILABLE'])
      expect(Object.keys(ERROR_DEFS)).toContain(code);
  });

  it('every template uses only the params its code declares', () => {
    const declared = declaredParams();
    const messages = englishMessages() as Record<string, string>;
    expect([...declared.keys()].sort()).toEqual(Object.keys(messages).sort());
    const undeclared = Object.entries(messages).flatMap(([key, template]) =>
      placeholders(template)
        .filter((p) => !declared.get(key)!.includes(p))
        .map((p) => `${key}: {{${p}}}`),
    );
    expect(undeclared).toEqual([]);
  }, 60_000);
});
