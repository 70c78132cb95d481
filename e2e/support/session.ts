import { expect, type Page } from '@playwright/test';

/** Password of every demo user in the end-to-end server. */
export const DEMO_PASSWORD = 'Demo@2023pass';

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(
    page
      .getByRole('button', { name: /退出登录/ })
      .or(page.getByRole('button', { name: '打开菜单' })),
  ).toBeVisible();
}

/** The labels of the main menu's entries. */
export async function menuLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await expect(nav).toBeVisible();
  return (await nav.getByRole('menuitem').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}
