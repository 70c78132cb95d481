import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, menuLabels, signIn } from '../support/session';

test.describe('sign in and role-appropriate shell', () => {
  test('the bureau admin sees user admin and audit in the menu, then signs out', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    const labels = await menuLabels(page);
    expect(labels).toEqual(
      expect.arrayContaining(['首页', '企业', '用户管理', '审计日志', '我的账号']),
    );
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '用户管理' })
      .click();
    await expect(page.getByRole('cell', { name: 'weihua', exact: true })).toBeVisible();
    await page.getByRole('button', { name: /退出登录/ }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await page.goto('/users');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  });

  test('an enterprise safety manager sees only the enterprise menu', async ({ page }) => {
    await signIn(page, 'qiye1_aq');
    const labels = await menuLabels(page);
    expect(labels).toContain('企业');
    expect(labels).not.toContain('用户管理');
    expect(labels).not.toContain('审计日志');
    await expect(page.getByText('东胜区恒泰化工有限公司').first()).toBeVisible();
    await page.getByRole('button', { name: /退出登录/ }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  });

  test('a wrong password shows the Chinese error; the sixth attempt is locked', async ({
    page,
  }) => {
    await page.goto('/login');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.locator('#username').fill('xuanjiao');
      await page.locator('#password').fill(`wrong-Password-${attempt}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
    }
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('账号已锁定');
  });
});

test.describe('phone-sized screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the menu opens from a drawer at 375 px', async ({ page }) => {
    await signIn(page, 'weihua');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['首页', '企业', '我的账号']));
    expect(labels).not.toContain('用户管理');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});
