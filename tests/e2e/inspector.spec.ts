// Code inspector: every field of a real initialisation code, and a typo marked in the pasted text.
import { expect, test } from './fixtures';

test.use({ acceptedEula: true });

/** The code with one character of group `n` (1-based, after the tag) changed. */
function withTypo(code: string, n: number): { code: string; group: string } {
  const lines = code.split('\n');
  const parts = lines[0]!.split('-');
  const g = parts[n]!;
  const changed = g[2] === 'A' ? `${g.slice(0, 2)}B${g.slice(3)}` : `${g.slice(0, 2)}A${g.slice(3)}`;
  parts[n] = changed;
  lines[0] = parts.join('-');
  return { code: lines.join('\n'), group: changed };
}

test('shows every field of an initialisation code, and marks the group with a typo', async ({ app }) => {
  const { page } = app;
  const code = await (await app.pbx('CTX-4242', 'comtrexx-business')).initCode();
  await app.openScreen('Code inspector');
  const field = page.getByRole('textbox', { name: 'Code' });
  await field.fill(code);
  await expect(page.getByText('Initialisation code', { exact: true })).toBeVisible();
  const fields = page.getByRole('definition');
  await expect(page.getByRole('term').filter({ hasText: 'Serial number' })).toBeVisible();
  await expect(fields.filter({ hasText: 'CTX-4242' })).toBeVisible();
  await expect(fields.filter({ hasText: 'comtrexx-business' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Host fingerprint' })).toBeVisible();

  const typo = withTypo(code, 3);
  await field.fill(typo.code);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Group 3');
  await expect(refusal).toContainText('CODE_GROUP_TYPO');
  await expect(refusal.locator('mark')).toHaveText([typo.group]);
  await page.screenshot({ path: 'docs/screenshots/code-inspector.png' });

  await field.fill('hello, this is not a code');
  await expect(page.getByRole('alert')).toContainText('This is not a Licence Desk code');
});
