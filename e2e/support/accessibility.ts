import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now, each as "rule: elements"
 * (prefixed with `label` when given, to say which page of a journey it was). A journey expects the list to be empty.
 */
export async function seriousAccessibilityProblems(page: Page, label?: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label ? `${label} ` : ''}${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
