// Layout checks shared by the UI specs.
import type { Page } from '@playwright/test';

/** Every visible element under `root` whose text is wider than its box, as "tag.class: text". */
export function overflowing(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(
        `${selector} :is([role=cell], [role=columnheader], .badge, button, .cell, h1, label, .facts > *)`,
      ),
    )) {
      if (!el.offsetParent || !el.textContent?.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        found.push(
          `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim()} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
        );
    }
    return found;
  }, root);
}
