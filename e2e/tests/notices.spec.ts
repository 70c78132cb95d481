import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/session';

const HAZCHEM_ENTERPRISE = '东胜区恒泰化工有限公司';
const FIREWORKS_ENTERPRISE = '东胜区华安烟花爆竹批发有限公司';

/** Narrows the receipts table of an open notice to enterprises whose name contains `text`. */
async function searchReceipts(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('搜索企业', { exact: true });
  await box.fill(text);
  await box.press('Enter');
}

test.describe('notices with read receipts', () => {
  // Two users sign in and the notice is published, read and checked again: slow on a busy CI box.
  test.setTimeout(180_000);

  test('the office publishes to the hazchem sector, an enterprise reads it, the office sees the receipt', async ({
    page,
    browser,
  }) => {
    const title = `关于开展专项排查的通知-${Date.now().toString(36)}`;

    // 危化室 publishes a notice to 危险化学品.
    await signIn(page, 'weihua');
    await page.goto('/notices');
    await page.getByRole('button', { name: '发布通知' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('标题').fill(title);
    await drawer
      .getByLabel('正文')
      .fill('各企业：请对照判定标准开展自查自改，并于月底前报送情况。');
    await drawer.getByLabel('行业领域').click();
    await page.getByTitle('危险化学品').click();
    await drawer.getByRole('button', { name: '发布', exact: true }).click();

    await expect(page).toHaveURL(/\/notices\/\d+$/);
    const noticeUrl = page.url();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    // The receipts table (the facts above are a table too).
    const receipts = page.locator('.ant-table-wrapper');
    await searchReceipts(page, '恒泰');
    const row = receipts.getByRole('row', { name: new RegExp(HAZCHEM_ENTERPRISE) });
    await expect(row).toBeVisible();
    await expect(row.getByText('未读')).toBeVisible();
    // The fireworks enterprise is not a target of a hazchem notice.
    await searchReceipts(page, '华安');
    await expect(receipts.locator('.ant-empty-description')).toHaveText('暂无数据');
    await expect(receipts.getByText(FIREWORKS_ENTERPRISE)).toHaveCount(0);

    // The hazchem enterprise's safety manager sees it unread, opens it.
    const context = await browser.newContext();
    const ent = await context.newPage();
    await signIn(ent, 'qiye1_aq');
    await ent.goto('/notices');
    const item = ent.getByRole('row', { name: new RegExp(title) });
    await expect(item.getByText('未读')).toBeVisible();
    await item.getByRole('link', { name: title }).click();
    await expect(ent.getByRole('heading', { name: title })).toBeVisible();
    await expect(ent.getByRole('alert').getByText(/刘安.*于.+阅读/)).toBeVisible();
    await ent.goto('/notices');
    await expect(ent.getByRole('row', { name: new RegExp(title) }).getByText('已读')).toBeVisible();
    await context.close();

    // The office sees the receipt as read, with the reader's name.
    await page.goto(noticeUrl);
    await searchReceipts(page, '恒泰');
    const readRow = page
      .locator('.ant-table-wrapper')
      .getByRole('row', { name: new RegExp(HAZCHEM_ENTERPRISE) });
    await expect(readRow.getByText('已读')).toBeVisible();
    await expect(readRow.getByText('刘安')).toBeVisible();
    // …and no longer among the unread.
    await page
      .getByRole('radiogroup', { name: '按阅读状态筛选' })
      .getByText('未读', { exact: true })
      .click();
    await expect(page.locator('.ant-table-wrapper .ant-empty-description')).toBeVisible();
    await expect(page.locator('.ant-table-wrapper').getByText(HAZCHEM_ENTERPRISE)).toHaveCount(0);
  });
});
