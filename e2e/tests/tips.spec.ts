import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/session';
import { png } from '../support/images';

// Tips (举报, issue 8): a citizen on a phone submits an anonymous tip with a photo and gets the
// 16-digit receipt code once; the 危化室 accepts it, assigns it for verification, records it as
// true with a hazard in the ledger (origin 举报) and replies; the citizen checks the status with
// the code and sees the result and the reply — never a cookie on the public side.

/** The photo's file name carries HTML too: it must be shown as text on every page. */
const PHOTO_NAME = '现场<b onmouseover=alert(1)>照片.png';

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
    name: PHOTO_NAME,
    mimeType: 'image/png',
    buffer: png(64, 48, [200, 60, 40]),
  });
  await expect(page.getByText(PHOTO_NAME)).toBeVisible();
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

/** Runs one action of the tip page's drawer and waits until it closes. */
async function act(
  page: Page,
  action: string,
  fill?: (drawer: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  if (fill) await fill(drawer);
  await drawer.getByRole('button', { name: /提\s*交/ }).click();
  await expect(drawer).toBeHidden({ timeout: 30_000 });
}

/** The 危化室 handles the tip in its own browser context: accept, assign, verify, reply. */
async function staffHandles(browser: Browser, subject: string, reply: string): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await signIn(page, 'weihua');
  await page.goto('/tips');
  await page.getByRole('row').filter({ hasText: subject }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /东胜举〔\d{4}〕\d{4}号/ })).toBeVisible({
    timeout: 30_000,
  });
  // The payload in the subject is shown literally, and nothing ran.
  await expect(page.getByText(subject).first()).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await expect(page.getByText(PHOTO_NAME).first()).toBeVisible();
  expect(await page.locator('b[onmouseover]').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  await act(page, '受理');
  await act(page, '交办核查', async (drawer) => {
    // The inspectors load after the drawer opens: pick again until the choice shows.
    await expect(async () => {
      await drawer.getByLabel('核查人员').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '耿建' })
        .click({ timeout: 5_000 });
      // The chosen value as the field shows it (antd also echoes it in a hidden aria-live span).
      await expect(drawer.getByTitle(/耿建/).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });
  await act(page, '登记核查结果', async (drawer) => {
    await drawer.getByRole('radio', { name: '属实', exact: true }).check();
    await drawer
      .getByLabel('核查情况')
      .fill('现场核实：3号储罐附近确有未办票电焊作业，已责令停止。');
    await drawer.getByRole('radio', { name: '登记为新隐患（来源：举报）' }).check();
    await drawer.getByLabel('未引用判定标准的理由').fill('举报线索，待执法检查认定条目');
  });
  await expect(page.getByText('已核查').first()).toBeVisible();
  await page.getByRole('tab', { name: /与举报人沟通/ }).click();
  await page.getByRole('textbox', { name: '答复举报人' }).fill(reply);
  await page.getByRole('button', { name: /发\s*送/ }).click();
  await expect(page.getByText(reply).first()).toBeVisible();
  await context.close();
}

test.describe('tips on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.setTimeout(240_000);

  test('a citizen submits an anonymous tip with a photo; staff verify it into a hazard; the citizen sees the reply', async ({
    page,
    context,
    browser,
  }) => {
    // The subject carries an HTML payload: every page must show it as text (stored XSS).
    const subject = `储罐区违规动火<img src=x onerror="window.__xss=1">${Date.now().toString(36).slice(-4)}`;
    const code = await submitAnonymousTip(page, subject);

    // No cookie was set by the public pages.
    expect(await context.cookies()).toEqual([]);

    // The 危化室 accepts, assigns, verifies (a hazard enters the ledger) and replies.
    const reply = '经核查情况属实，已责令企业停止违规动火并纳入隐患台账整改。感谢您的举报。';
    await staffHandles(browser, subject, reply);

    // The citizen checks the status with the code, typed with spaces as it was shown.
    await page.getByRole('link', { name: '凭回执码查询办理进度' }).click();
    await expect(page).toHaveURL(/\/tip\/status$/);
    // By role: while the lazy status page loads, the previous page (whose receipt display is
    // also labelled 回执码) can still be on screen.
    await page
      .getByRole('textbox', { name: '回执码' })
      .fill(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12)}`);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText(subject)).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(code));
    await expect(page.getByText('已核查').first()).toBeVisible();
    await expect(page.getByText(reply)).toBeVisible();
    await expect(page.getByText(PHOTO_NAME)).toBeVisible();

    // The reporter adds information.
    await page
      .getByRole('textbox', { name: '补充举报信息' })
      .fill('补充：作业时间一般在晚上十点以后。');
    await page.getByRole('button', { name: '提交补充' }).click();
    await expect(page.getByText('补充：作业时间一般在晚上十点以后。')).toBeVisible();
    await expect(page.getByText('我的补充')).toBeVisible();

    // A wrong code shows the generic message only.
    await page.getByRole('button', { name: '退出查询' }).click();
    await page.getByRole('textbox', { name: '回执码' }).fill('0000 0000 0000 0000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('回执码不正确，或没有对应的举报。请核对后重新输入')).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  });
});
