import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/session';

// Enforcement end to end: the inspector zhifa1 makes a 双随机 plan and draws it, fills the
// record on a phone with a major finding, submits and signs; zhifa2 signs; the finding is in the
// hazard ledger with the origin 执法检查; the record's PDF downloads; a rectification order is
// issued from the record and its PDF downloads.

/** Signs the current user out (cookies) and signs another one in. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/**
 * The inspector makes a 双随机 plan for the hazchem sector (one enterprise), runs the draw and
 * opens the record form of the drawn target. In the demo only zhifa1 and zhifa2 hold
 * enforcement certificates, so the draw pairs them.
 */
async function drawPlanAndOpenRecordForm(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/inspection-plans');
  await page.getByRole('button', { name: '制定计划' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('计划名称').fill(name);
  await drawer.getByLabel('行业领域').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '危险化学品' })
    .click();
  await page.keyboard.press('Escape');
  await drawer.getByLabel('抽取企业数').fill('1');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).toHaveURL(/\/inspection-plans\/\d+$/, { timeout: 30_000 });
  await page.getByRole('button', { name: '随机抽取' }).first().click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /抽\s*取/ })
    .click();
  await expect(page.getByText(/已抽取，种子：/)).toBeVisible({ timeout: 30_000 });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByRole('link', { name: '填写检查记录' }).first().click();
}

/** The date `days` from today in China, as the date pickers take it (YYYY-MM-DD). */
function deadlineIn(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
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

  test('draw → fill → both inspectors sign → hazard in the ledger → record and order PDFs', async ({
    page,
  }) => {
    const title = `甲类仓库可燃气体报警仪失效-${Date.now().toString(36)}`;

    // 1. zhifa1 makes a 双随机 plan, draws it, and opens the drawn target's record form.
    await signIn(page, 'zhifa1');
    await drawPlanAndOpenRecordForm(page, `危化行业双随机抽查-${Date.now().toString(36)}`);
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

    // 10. A rectification order from the signed record, from the enterprise's 执法 tab.
    const recordNo = await page.request
      .get(recordUrl.replace('/inspections/', '/api/v1/inspections/'))
      .then((r) => r.json() as Promise<{ recordNo: string; enterpriseId: number }>);
    await page.goto(`/enterprises/${recordNo.enterpriseId}?tab=enforcement`);
    await page.getByRole('button', { name: '签发整改指令' }).click();
    const issue = page.getByRole('dialog');
    const recordSelect = issue.getByLabel('依据的现场检查记录');
    const recordOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: recordNo.recordNo,
    });
    const openList = page.locator('.ant-select-dropdown:visible');
    // The record is chosen once the drawer lists its finding. Twice in CI the list was still
    // opening: once the option was clicked and the list stayed open over the form, once the
    // option was not shown yet and nothing was chosen (签发 then failed validation). So: open the
    // list if it is closed, click the option, check the finding is listed, close a list left open
    // by clicking the drawer's title, and retry all of it until it holds.
    await expect(async () => {
      if (!(await issue.getByText(title).isVisible())) {
        if ((await openList.count()) === 0) await recordSelect.click();
        await recordOption.click({ timeout: 2_000 });
      }
      await expect(issue.getByText(title)).toBeVisible({ timeout: 2_000 });
      if ((await openList.count()) > 0) await issue.locator('.ant-drawer-title').click();
      await expect(openList).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await issue.getByLabel('整改期限').click();
    await issue.getByLabel('整改期限').fill(deadlineIn(15));
    await issue.getByLabel('整改期限').press('Enter');
    await issue.getByRole('button', { name: /签\s*发/ }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/, { timeout: 30_000 });
    await expect(page.getByText(title).first()).toBeVisible();
    const orderHref = await page.getByRole('link', { name: /下载指令书/ }).getAttribute('href');
    const orderPdf = await page.request.get(orderHref!);
    expect(orderPdf.status()).toBe(200);
    expect(orderPdf.headers()['content-type']).toContain('application/pdf');
    expect((await orderPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
