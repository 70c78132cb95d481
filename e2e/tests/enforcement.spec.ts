import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/session';

// An on-site inspection on a phone: the inspector zhifa1 opens the drawn 双随机 demo plan (or,
// when its targets already have records, fills a record for 恒泰化工 directly), records a major
// finding, submits and signs; zhifa2 signs; the finding is in the hazard ledger with the origin
// 执法检查; the record's PDF downloads.

/** Signs the current user out (cookies) and signs another one in. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Opens a record form: from the demo plan's first open target, else directly for 恒泰化工. */
async function openRecordForm(page: Page): Promise<void> {
  await page.goto('/inspection-plans');
  const plan = page.getByRole('link', { name: /双随机抽查/ }).first();
  if (
    await plan.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    )
  ) {
    await plan.click();
    const fill = page.getByRole('link', { name: '填写检查记录' }).first();
    if (
      await fill.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await fill.click();
      return;
    }
  }
  await page.goto('/inspections/new');
  await page.getByLabel('被检查单位').click();
  await page.keyboard.type('恒泰');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '恒泰化工' })
    .first()
    .click();
}

/** Signs the open record as the signed-in inspector. */
async function sign(page: Page): Promise<void> {
  await page.getByRole('group', { name: '办理' }).getByRole('button', { name: '签名' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '执法人员签名' });
  await expect(dialog).toContainText('使用本人执法电子签名');
  await dialog.getByRole('button', { name: '签名' }).click();
  await expect(page.getByText('已签名', { exact: true }).first()).toBeVisible();
  await expect(dialog).toBeHidden();
}

test.describe('on-site inspection record on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test.setTimeout(240_000);

  test('fill → submit → both inspectors sign → hazard in the ledger → PDF', async ({ page }) => {
    const title = `甲类仓库可燃气体报警仪失效-${Date.now().toString(36)}`;

    // 1. zhifa1 opens the form from the plan (or for 恒泰化工).
    await signIn(page, 'zhifa1');
    await openRecordForm(page);
    await expect(page.getByText(/企业未销号隐患（\d+）/)).toBeVisible({ timeout: 30_000 });

    // 2. Two certified inspectors: zhifa1 is named; add zhifa2 (阮飞) unless the plan did.
    const ruan = page.locator('.ant-select-selection-item', { hasText: '阮飞' });
    if ((await ruan.count()) === 0) {
      await page.getByLabel('执法人员（至少两名，须有执法证）').click();
      await page.keyboard.type('阮飞');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '阮飞' })
        .click();
      await page.keyboard.press('Escape');
    }
    await expect(ruan).toHaveCount(1);
    await expect(page.locator('.ant-select-selection-item', { hasText: '耿建' })).toHaveCount(1);

    // 3. The checklist: the first item checked and compliant.
    await page
      .locator('[data-testid^="check-"]')
      .first()
      .locator('label')
      .filter({ hasText: /^符合$/ })
      .click();

    // 4. A major finding of its own (no catalog item: it enters the ledger as a new hazard).
    await page.getByRole('button', { name: '添加问题' }).click();
    const finding = page.getByTestId('finding-1');
    await finding.getByLabel('问题名称 1').fill(title);
    await finding
      .getByLabel('问题描述 1')
      .fill('甲类仓库2台可燃气体检测报警仪显示故障，停用12天未修复，未采取替代监测措施。');
    await expect(finding.locator('label.ant-radio-button-wrapper-checked')).toContainText([
      '重大事故隐患',
      '限期整改',
    ]);
    await page.getByRole('button', { name: '保存检查记录' }).click();

    // 5. The record page: submit for signing (the scorecard is frozen), then sign.
    await expect(page.getByRole('heading', { level: 4 })).toHaveText(/应急检〔\d{4}〕\d{4}号/, {
      timeout: 30_000,
    });
    const recordUrl = page.url();
    await page
      .getByRole('group', { name: '办理' })
      .getByRole('button', { name: '提交签名' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText(/等待执法人员签名（0\/2）/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('组织重大事故隐患排查整治')).toBeVisible();
    await sign(page);
    await expect(page.getByText(/等待执法人员签名（1\/2）/)).toBeVisible();

    // 6. zhifa2 signs: the record is signed, immutable, and the finding is in the ledger.
    await switchUser(page, 'zhifa2');
    await page.goto(recordUrl);
    await sign(page);
    await expect(page.getByText('全部执法人员已签名，记录不可再修改')).toBeVisible();
    await expect(
      page.getByRole('group', { name: '办理' }).getByRole('button', { name: '签名' }),
    ).toHaveCount(0);
    const hazardLink = page.getByTestId('finding-1').getByRole('link', { name: /隐患台账/ });
    await expect(hazardLink).toBeVisible();

    // 7. Anyone authorised can verify the signatures from the record page.
    await page.getByRole('button', { name: /验证签名/ }).click();
    await expect(page.getByText('验证通过：记录内容与全部签名一致')).toBeVisible();

    // 8. The record's PDF downloads.
    const pdfHref = await page.getByRole('link', { name: /下载PDF/ }).getAttribute('href');
    expect(pdfHref).toMatch(/\/api\/v1\/inspections\/\d+\/pdf$/);
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // 9. The hazard shows in the ledger with the origin 执法检查.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/hazards?q=${encodeURIComponent(title)}`);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('执法检查');
    await expect(row).toContainText('重大');
  });
});
