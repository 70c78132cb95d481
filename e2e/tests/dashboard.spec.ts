import { expect, test } from '@playwright/test';
import { signIn } from '../support/session';

// The home dashboard in a real browser: the charts render (ECharts, loaded on demand) and a
// figure opens the records it counts.
test('the bureau dashboard renders its charts and a figure opens the overdue hazards', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await expect(page.getByText('工作看板')).toBeVisible();
  const ledgerChart = page.getByRole('region', { name: '隐患台账（按行业和状态）' });
  await expect(ledgerChart.locator('svg').first()).toBeVisible();

  const overdue = page.getByRole('link', { name: /^逾期未整改隐患 \d+$/ });
  const count = Number((await overdue.getAttribute('aria-label'))!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  await overdue.click();
  await expect(page).toHaveURL(/\/hazards\?.*overdue=true/);
  await expect(page.getByRole('row').filter({ hasText: /东胜-\d{4}-\d+/ })).toHaveCount(count);
});
