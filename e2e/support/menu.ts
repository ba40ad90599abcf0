import type { Page } from 'playwright-core';

/**
 * Clicks an entry of the main navigation by its name, as a person does: when the entry is in one of the menu's
 * dropdowns (the administrators' "Amministrazione"), opens that dropdown first.
 */
export async function clickMenuEntry(page: Page, name: string | RegExp): Promise<void> {
  const entry = page.locator('#main-navigation').getByRole('link', { name, exact: typeof name === 'string', includeHidden: true }).first();
  await entry.waitFor({ state: 'attached' });
  if (!(await entry.isVisible())) {
    await entry.locator('xpath=ancestor::li[contains(concat(" ", @class, " "), " dropdown ")]/button').click();
  }
  await entry.click();
}
