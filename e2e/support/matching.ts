import type { Locator, Page } from 'playwright-core';

/** The gap page's summary of its district's groups of needs ("Gruppi di bisogni: …"), shown once the report is in. */
export function gapSummary(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Gruppi di bisogni' });
}

/** Waits for the gap page's summary; when it does not come, fails with what the page showed instead. */
export async function waitForGapSummary(page: Page): Promise<void> {
  await gapSummary(page)
    .waitFor()
    .catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page showed:\n${await page.locator('main').innerText()}`);
    });
}

/**
 * Opens the needs and services matching page ("Abbinamento") from the main menu, as a signed-in person does, on the
 * district it opens on (the demo district for the demo accounts), and waits until its groups of needs are counted.
 */
export async function openMatchingPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Abbinamento', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Abbinamento bisogni e servizi' }).waitFor();
  await waitForGapSummary(page);
}

/** Opens the referrals list from the matching page's links, as a person does, and waits for its heading. */
export async function openReferralsPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Abbinamento', exact: true }).first().click();
  await page.getByRole('link', { name: 'Segnalazioni a servizi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
}
