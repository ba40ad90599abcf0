import type { Page } from 'playwright-core';

/**
 * Clicks an entry of the main navigation by its name, as a person does: when the entry is in one of the menu's
 * dropdowns (the administrators' "Amministrazione"), opens that dropdown first.
 */
export async function clickMenuEntry(page: Page, name: string | RegExp): Promise<void> {
  const entry = page.locator('#main-navigation').getByRole('link', { name, exact: typeof name === 'string', includeHidden: true }).first();
  await entry.waitFor({ state: 'attached' });
  const toggle = entry.locator('xpath=ancestor::li[contains(concat(" ", @class, " "), " dropdown ")]/button');
  // On a loaded machine a click can reach the dropdown's button before the page handles it: open it again until the
  // entry shows (a few tries, each waiting for the entry rather than for a time).
  for (let attempt = 0; attempt < 3 && !(await entry.isVisible()); attempt++) {
    await toggle.click();
    await entry.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  }
  await entry.click();
}
