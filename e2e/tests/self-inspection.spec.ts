import { expect, test, type Page } from '@playwright/test';
import { png } from '../support/images';
import { signIn } from '../support/session';

// 对标自查: the enterprise's main leader runs the checklist, marks one item 存在问题 with a
// photo, submits and signs; the problem is in the hazard ledger as a self-found major hazard;
// the hazchem office sees the enterprise as submitted.

/** Clicks one of the answer buttons (符合 / 存在问题 / 不适用) of an item. */
async function choose(item: ReturnType<Page['locator']>, answer: string): Promise<void> {
  await item
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${answer}$`) })
    .click();
}

test.describe('self-inspection against the checklist', () => {
  // Twenty-odd autosaves, a photo, two sign-ins: give a busy machine room.
  test.setTimeout(240_000);

  test('the leader answers every item, records a problem with a photo, submits and signs; the office sees it', async ({
    page,
  }) => {
    const problem = `东侧围墙外新建商铺距甲类仓库不足30米-${Date.now().toString(36)}`;

    // 1. The main leader opens 对标自查 and starts a run: the checklist of the enterprise.
    await signIn(page, 'qiye1_fzr');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '企业履责' }).click();
    await menu.getByRole('menuitem', { name: '对标自查' }).click();
    await expect(page).toHaveURL(/\/self-inspections$/);
    await page.getByRole('button', { name: /开始自查/ }).click();
    await expect(page).toHaveURL(/\/self-inspections\/\d+$/, { timeout: 30_000 });
    const runUrl = page.url();
    await expect(page.getByText(/^已答 0 \/ 共 \d+$/)).toBeVisible();

    // 2. 检查人员 of the record.
    await page.getByLabel('检查人员').fill('张恒、刘安');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();

    // 3. Every item 符合 except the third, which is 存在问题 with a description and a photo.
    const items = page.locator('article[data-code]');
    const count = await items.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      if (i === 2) continue;
      await choose(items.nth(i), '符合');
    }
    const target = items.nth(2);
    const code = await target.getAttribute('data-code');
    await choose(target, '存在问题');
    const description = target.getByLabel(`${code} 问题描述`);
    await description.fill(problem);
    await description.blur();
    await expect(target.getByText('存在问题须上传照片')).toBeVisible({ timeout: 30_000 });
    await target
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'site.png',
        mimeType: 'image/png',
        buffer: png(64, 48, [200, 40, 40]),
      });
    await expect(target.getByRole('img', { name: 'site.png' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`已答 ${count} / 共 ${count}`)).toBeVisible({ timeout: 60_000 });
    await expect(target.getByText('存在问题须上传照片')).toHaveCount(0);

    // 4. Submit and sign (one action for the main leader): the record becomes read-only.
    const submit = page.getByRole('button', { name: /提交并签字/ });
    await expect(submit).toBeEnabled({ timeout: 30_000 });
    await submit.click();
    const dialog = page.getByRole('dialog').filter({ hasText: '以主要负责人身份提交并签字' });
    await expect(dialog).toContainText('签字人：张恒');
    await dialog.getByRole('button', { name: /提交并签字/ }).click();
    await expect(page.getByText(/由主要负责人张恒提交并签字/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('article[data-code] label.ant-radio-button-wrapper')).toHaveCount(0);
    const hazardLink = target.getByRole('link', { name: /已列入隐患台账/ });
    await expect(hazardLink).toBeVisible();
    await expect(page.getByRole('link', { name: /下载自查记录表/ })).toHaveAttribute(
      'href',
      /\/api\/v1\/self-inspections\/\d+\/pdf$/,
    );

    // 5. The hazard is in the ledger: a major hazard found by the enterprise's self-inspection.
    await page.goto(`/hazards?q=${encodeURIComponent(problem)}`);
    const row = page.getByRole('row').filter({ hasText: '对标自查发现' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('企业自查');
    await expect(row).toContainText('重大');

    // 6. The hazchem office (危化室) sees 恒泰化工 as submitted in the coverage view.
    await page.context().clearCookies();
    await signIn(page, 'weihua');
    await page.goto('/self-inspections');
    const enterprise = page.getByRole('row').filter({ hasText: '东胜区恒泰化工有限公司' });
    await expect(enterprise).toContainText('已提交', { timeout: 30_000 });
    await expect(enterprise.getByRole('link', { name: /查看隐患/ })).toBeVisible();

    // The office can open the record, read-only.
    await page.goto(runUrl);
    await expect(page.getByText(/由主要负责人张恒提交并签字/)).toBeVisible();
  });
});
