import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/session';
import {
  badCreditCode,
  enterpriseSheet,
  randomCodeBody,
  validCreditCode,
  XLSX_MIME,
} from '../support/enterprise-sheet';

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX_MIME, buffer });
}

test.describe('enterprise import', () => {
  test('an office user imports a sheet, fixes the bad row, imports it and finds the enterprise', async ({
    page,
  }) => {
    const suffix = Date.now().toString(36).slice(-5);
    const good = { name: `东胜区甲${suffix}化工有限公司`, code: validCreditCode(randomCodeBody()) };
    const fixBody = randomCodeBody();
    const bad = { name: `东胜区乙${suffix}化工有限公司`, code: badCreditCode(fixBody) };
    const row = (e: { name: string; code: string }, subType: string) => ({
      name: e.name,
      creditCode: e.code,
      sector: '危险化学品',
      subType,
      district: '东胜区',
      address: '东胜区测试路1号',
      employees: '35',
      leaderName: '赵一',
      leaderPhone: '13904771234',
      leaderAssessed: '是',
    });

    await signIn(page, 'weihua');
    await page.goto('/enterprises');
    await page.getByRole('link', { name: /导入/ }).click();
    await expect(page).toHaveURL(/\/enterprises\/import$/);
    await expect(page.getByRole('link', { name: /下载导入模板/ })).toBeVisible();

    // 1. A sheet with one bad credit code: the error is shown on that row.
    await upload(
      page,
      '企业导入.xlsx',
      await enterpriseSheet([row(good, '生产'), row(bad, '储存')]),
    );
    const badRow = page.getByRole('row').filter({ hasText: bad.name });
    await expect(badRow).toContainText('统一社会信用代码校验位不正确');
    await expect(badRow).toContainText('统一社会信用代码：');
    await expect(page.getByRole('button', { name: /导入全部有效行（1 行）/ })).toBeEnabled();
    await expect(page.getByRole('listitem').filter({ hasText: '错误行' })).toContainText('1');

    // 2. Fix the code and upload again: no errors left.
    await page.getByRole('button', { name: /重新上传/ }).click();
    const fixed = { ...bad, code: validCreditCode(fixBody) };
    await upload(
      page,
      '企业导入-修改.xlsx',
      await enterpriseSheet([row(good, '生产'), row(fixed, '储存')]),
    );
    const commit = page.getByRole('button', { name: /导入全部有效行（2 行）/ });
    await expect(commit).toBeEnabled();
    await expect(page.getByRole('listitem').filter({ hasText: '错误行' })).toContainText('0');
    await expect(page.getByRole('listitem').filter({ hasText: '新增' })).toContainText('2');

    // 3. Import: one confirmation, then the result; the record is kept in the history.
    await commit.click();
    const dialog = page.getByRole('dialog').filter({ hasText: '确认导入' });
    await expect(dialog).toContainText('将新增 2 家');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(
      page.getByText('新增 2 家，更新 0 家，无变化 0 家，跳过错误行 0 行。'),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '企业导入-修改.xlsx' })).toContainText(
      '已导入',
    );

    // 4. The enterprise is in the list: search by name, open it.
    await page.getByRole('button', { name: '查看企业列表' }).click();
    await page.locator('#enterpriseSearch').fill(fixed.name);
    await page.locator('#enterpriseSearch').press('Enter');
    await expect(page).toHaveURL(/q=/);
    const link = page.getByRole('link', { name: fixed.name });
    await expect(link).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: fixed.name })).toContainText(fixed.code);
    await link.click();
    await expect(page.getByRole('heading', { name: fixed.name })).toBeVisible();
    await expect(page.getByText('储存').first()).toBeVisible();
  });
});

test.describe('enterprise page on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('an enterprise safety manager sees the tabs of their enterprise without horizontal overflow', async ({
    page,
  }) => {
    await signIn(page, 'qiye1_aq');
    await page.goto('/enterprises');
    // Enterprise users land on their own enterprise.
    await expect(page).toHaveURL(/\/enterprises\/\d+$/);
    await expect(page.getByRole('heading', { name: '东胜区恒泰化工有限公司' })).toBeVisible();
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveText([
      '基本信息',
      '人员',
      '重大危险源',
      '隐患',
      '五项任务',
      '排查整治',
      '岗位责任',
      '危险作业',
      '外包外租',
      '应急演练',
      '执法',
    ]);

    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect(page.getByText('安全管理机构与人员')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.getByRole('tab', { name: '人员' }).click();
    await expect(page.getByRole('cell', { name: '刘安' })).toBeVisible();
    await expect(page.getByText('139****0002')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Their own people's full numbers, on request (audited).
    await expect(page.getByText('查看将被记录')).toBeVisible();
    await page.getByRole('button', { name: /显示完整信息/ }).click();
    await expect(page.getByText('13904770002')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.getByRole('tab', { name: '重大危险源' }).click();
    await expect(page.getByRole('button', { name: /登记重大危险源/ })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
