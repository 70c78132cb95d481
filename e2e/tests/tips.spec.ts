import { expect, test, type Page } from '@playwright/test';
import { png } from '../support/images';

// Tips (举报, issue 8) on a phone: a citizen submits an anonymous tip with a photo and gets the
// 16-digit receipt code once; (staff accept and verify it — steps added by the lead); the
// citizen checks the status with the code and sees the replies.

/** Submits an anonymous tip about a registry enterprise; returns the receipt code (16 digits). */
async function submitAnonymousTip(page: Page, subject: string): Promise<string> {
  await page.goto('/tip');
  await expect(page.getByRole('heading', { name: '我要举报' })).toBeVisible();
  await expect(page.getByText(/不使用 Cookie，也不记录您的 IP 地址/)).toBeVisible();

  // The enterprise from the public registry search (name and district only).
  const search = page.getByRole('combobox', { name: '企业名称' });
  await search.click();
  await search.fill('恒泰');
  await page.getByTitle('东胜区恒泰化工有限公司（东胜区应急管理局）').click();

  await page.getByLabel('举报事项').fill(subject);
  await page
    .getByLabel('举报内容')
    .fill('夜间在储罐区附近进行电焊作业，没有动火作业票，现场也没有监护人和灭火器材。');
  await page.getByLabel('具体位置（选填）').fill('厂区东侧3号储罐附近');
  await page.locator('input[type="file"]').setInputFiles({
    name: '现场照片.png',
    mimeType: 'image/png',
    buffer: png(64, 48, [200, 60, 40]),
  });
  await expect(page.getByText('现场照片.png')).toBeVisible();
  await expect(page.getByRole('radio', { name: '匿名举报' })).toBeChecked();

  await page.getByRole('button', { name: '提交举报' }).click();
  // The proof-of-work takes about a second; then the code is shown once.
  const codeBox = page.getByTestId('receipt-code');
  await expect(codeBox).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/回执码只显示这一次/)).toBeVisible();
  await expect(page.getByText(/^举报编号：东胜举〔\d{4}〕\d{4}号$/)).toBeVisible();
  await expect(page.getByRole('button', { name: /复制回执码/ })).toBeVisible();
  const shown = (await codeBox.innerText()).trim();
  expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  return shown.replace(/\s/g, '');
}

test.describe('tips on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.setTimeout(180_000);

  test('a citizen submits an anonymous tip with a photo, then follows it up with the code', async ({
    page,
    context,
  }) => {
    const subject = `储罐区违规动火${Date.now().toString(36).slice(-4)}`;
    const code = await submitAnonymousTip(page, subject);

    // No cookie was set by the public pages.
    expect(await context.cookies()).toEqual([]);

    // (The lead adds the staff steps here: accept, verify into a hazard, reply to the reporter.)

    // The citizen checks the status with the code, typed with spaces as it was shown.
    await page.getByRole('link', { name: '凭回执码查询办理进度' }).click();
    await expect(page).toHaveURL(/\/tip\/status$/);
    await page
      .getByLabel('回执码')
      .fill(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12)}`);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText(subject)).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(code));
    await expect(page.getByText('待受理').first()).toBeVisible();
    await expect(page.getByText('现场照片.png')).toBeVisible();

    // The reporter adds information.
    await page
      .getByRole('textbox', { name: '补充举报信息' })
      .fill('补充：作业时间一般在晚上十点以后。');
    await page.getByRole('button', { name: '提交补充' }).click();
    await expect(page.getByText('补充：作业时间一般在晚上十点以后。')).toBeVisible();
    await expect(page.getByText('我的补充')).toBeVisible();

    // A wrong code shows the generic message only.
    await page.getByRole('button', { name: '退出查询' }).click();
    await page.getByLabel('回执码').fill('0000 0000 0000 0000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('回执码不正确，或没有对应的举报。请核对后重新输入')).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  });
});
