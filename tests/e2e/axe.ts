// axe-core on the page as it is: fails on any serious or critical violation (WCAG 2 A/AA rules),
// and prints one line per screen so a run says what was walked and what axe found.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.length - bad.length;
  console.log(`axe ${screen}: ${bad.length} serious/critical, ${minor} minor, ${result.passes.length} rules passed`);
  expect
    .soft(
      bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe on ${screen}`,
    )
    .toEqual([]);
}
