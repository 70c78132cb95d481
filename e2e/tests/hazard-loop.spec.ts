import { expect, test, type Page } from '@playwright/test';
import { png } from '../support/images';
import { signIn } from '../support/session';

// The closed loop of a major hazard on a phone: the enterprise's safety manager records it with a
// photo, fills the five-item plan, reports it and submits the plan; the leader approves; the fix
// is entered with an after-photo; the leader accepts; an inspector verifies it (销号).

/** Signs the current user out (cookies) and signs another one in. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Opens the modal of a workflow action, fills it and submits; waits for the confirmation. */
async function act(
  page: Page,
  actionLabel: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page
    .getByRole('group', { name: '可办理的操作' })
    .getByRole('button', { name: actionLabel })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: actionLabel });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`已办理：${actionLabel}`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test.describe('hazard closed loop on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  // Five sign-ins and a dozen round trips: about 2–3 minutes here, and well over 4 when the
  // machine is busy; far beyond the suite's default per-test budget.
  test.setTimeout(480_000);

  test('record → plan → report → approve → fix with photo → accept → verify (销号)', async ({
    page,
  }) => {
    const title = `液氨储罐紧急切断阀未投用-${Date.now().toString(36)}`;

    // 1. The safety manager records the hazard from the ledger, on the phone menu.
    await signIn(page, 'qiye1_aq');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '隐患台账' })
      .click();
    await page.getByRole('link', { name: '登记隐患' }).click();
    await expect(page.getByRole('heading', { name: '登记隐患' })).toBeVisible();
    await expect(page.locator('input:disabled').first()).toHaveValue('东胜区恒泰化工有限公司');

    await page.getByLabel('隐患名称').fill(title);
    await page
      .getByLabel('隐患描述')
      .fill('二级重大危险源液氨储罐区紧急切断阀未投用，未与液位报警联锁。');
    // 判定依据: pick an item of the enterprise's checklist.
    await page.getByLabel('判定依据').click();
    const firstItem = page.locator('.ant-select-dropdown .ant-select-item-option').first();
    await expect(firstItem).toBeVisible();
    await firstItem.click();
    await expect(page.getByLabel('不引用条款的理由')).toHaveCount(0);
    await page.getByLabel('隐患部位').fill('液氨罐区');
    await page.getByRole('button', { name: '登记隐患' }).click();

    // 2. The hazard page opens and asks for before-photos: take one with the "camera".
    await expect(page.getByText(/隐患已登记，编号/)).toBeVisible();
    const hazardUrl = page.url().replace(/\?.*$/, '');
    await expect(page.getByRole('heading', { level: 4 })).toHaveText(/-\d{4}-\d{6}$/);
    const camera = page.locator('input[type="file"][capture="environment"]').first();
    await camera.setInputFiles({
      name: 'before.png',
      mimeType: 'image/png',
      buffer: png(64, 48, [200, 40, 40]),
    });
    await expect(page.getByText('已上传：before.png')).toBeVisible();
    await expect(page.getByRole('img', { name: 'before.png' }).first()).toBeVisible();

    // 3. The five-item plan, with a deadline next month.
    await expect(page.getByTestId('plan-missing')).toContainText('整改责任人');
    await page.getByLabel('整改责任人').fill('张工');
    await page.getByLabel('整改措施').fill('加装紧急切断阀并与液位报警联锁，完成调试验收。');
    await page.getByLabel('整改资金（元）').fill('85000.50');
    await page.getByLabel('资金来源').fill('安全生产费用');
    await page
      .getByLabel('应急预案及临时管控措施')
      .fill('罐区限量储存，专人24小时值守，备足应急物资。');
    // The 15th of next month (in China, as the browser and the server count days), picked by its
    // cell's date. A refetch of the hazard can re-render the form and put the open panel back on
    // another month, and the panel may still be opening when first looked at (CI, 2026-11-30: a
    // blind "next month" click went one month too far). So the panel's shown month is read and
    // it is moved towards the target, and the pick is retried until the field shows the date.
    const chinaNow = new Date(Date.now() + 8 * 3_600_000);
    const target = new Date(Date.UTC(chinaNow.getUTCFullYear(), chinaNow.getUTCMonth() + 1, 15));
    const deadline = target.toISOString().slice(0, 10);
    const targetMonth = target.getUTCFullYear() * 12 + target.getUTCMonth();
    const deadlineInput = page.getByLabel('整改期限');
    const picker = page.locator('.ant-picker-dropdown:visible');
    await expect(async () => {
      if ((await picker.count()) === 0) await deadlineInput.click();
      await expect(picker.locator('.ant-picker-month-btn')).toBeVisible({ timeout: 2000 });
      const year = parseInt(await picker.locator('.ant-picker-year-btn').innerText(), 10);
      const month = parseInt(await picker.locator('.ant-picker-month-btn').innerText(), 10);
      const shown = year * 12 + month - 1;
      if (shown !== targetMonth) {
        const step =
          shown < targetMonth ? '.ant-picker-header-next-btn' : '.ant-picker-header-prev-btn';
        await picker.locator(step).click();
      }
      const cell = picker.locator(`td.ant-picker-cell-in-view[title="${deadline}"]`);
      await cell.click({ timeout: 2000 });
      await expect(deadlineInput).toHaveValue(deadline, { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await page.getByRole('button', { name: '保存整改方案' }).click();
    await expect(page.getByText('整改方案已保存')).toBeVisible();
    await expect(page.getByText('五落实已齐全')).toBeVisible();

    // 4. Report to the bureau (the no-penalty rule now applies), then submit the plan.
    await act(page, '向应急管理部门报告');
    await expect(
      page.getByText('企业自查发现并已按规定报告、正在有效整改的重大事故隐患，依法不予行政处罚。'),
    ).toBeVisible();
    await act(page, '提交整改方案');
    await expect(page.getByTestId('hazard-tags')).toContainText('方案待审批');

    // 5. The leader approves the plan.
    await switchUser(page, 'qiye1_fzr');
    await page.goto(hazardUrl);
    await act(page, '批准整改方案', async (d) => {
      await d.getByLabel('意见（选填）').fill('同意，按期完成');
    });
    await expect(page.getByTestId('hazard-tags')).toContainText('整改中');

    // 6. The safety manager enters the fix with an after-photo taken in the form.
    await switchUser(page, 'qiye1_aq');
    await page.goto(hazardUrl);
    await act(page, '提交整改结果', async (d) => {
      await d.getByLabel('整改完成情况').fill('已加装紧急切断阀并完成联锁调试。');
      await d.locator('input[type="file"][capture="environment"]').setInputFiles({
        name: 'after.png',
        mimeType: 'image/png',
        buffer: png(64, 48, [40, 160, 60]),
      });
      await expect(d.getByRole('checkbox', { name: /after\.png/ })).toBeChecked();
    });
    await expect(page.getByTestId('hazard-tags')).toContainText('已整改待验收');

    // 7. The leader accepts the fix.
    await switchUser(page, 'qiye1_fzr');
    await page.goto(hazardUrl);
    await act(page, '主要负责人验收');

    // 8. An inspector verifies it: the hazard is closed (已销号) on its page and in the ledger.
    await switchUser(page, 'zhifa1');
    await page.goto(hazardUrl);
    await act(page, '验收销号', async (d) => {
      await d.getByLabel('验收意见').fill('现场核查合格，同意销号');
    });
    await expect(page.getByTestId('hazard-tags')).toContainText('已销号');
    await expect(page.getByText('当前没有需要您办理的操作。')).toBeVisible();
    await expect(page.locator('[data-event="verify"]')).toContainText('现场核查合格，同意销号');

    await page.goto(`/hazards?q=${encodeURIComponent(title)}`);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('已销号');
  });
});
