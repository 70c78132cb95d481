import fs from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { DispatchReportView, ReportOptionsView } from '@hazard-ledger/domain';
import { signIn } from '../support/session';

// Weekly dispatch report end to end (issue 9): the 危化室 (weihua) opens the hazchem report of
// 东胜区 for the last complete week — a live draft in the demo; the 执法大队 (zhifa1) confirms
// the enforcement figures; the 危化室 submits it with 填报人, sees it frozen as 已报送, opens the
// records behind a number and downloads the Excel; the city bureau sees 东胜区 submitted in the
// roll-up, the 合计 row equal to 东胜区's figures (康巴什区 has not reported: 应报 2, 已报 1).
//
// Self-sufficient: everything it needs is read from the API as each user sees it. A retry on the
// same server finds the report already submitted and files a correction instead.

/** A signed-in page of its own browser context (one per user, so their sessions stay apart). */
async function userPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** A GET of the API with the page's session. */
async function apiJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  return (await res.json()) as T;
}

/** Whether a response is the API call `method path` (path without the query string). */
function isCall(method: string, path: string) {
  return (r: { url(): string; request(): { method(): string } }) =>
    new URL(r.url()).pathname === `/api/v1${path}` && r.request().method() === method;
}

/** Opens a report page and waits for the report itself, not just the shell. */
async function openReport(page: Page, path: string): Promise<void> {
  const loaded = page.waitForResponse(isCall('GET', '/reports/dispatch'));
  await page.goto(path);
  expect((await loaded).status()).toBe(200);
  await expect(page.getByRole('region', { name: '进展情况调度表' })).toBeVisible();
  await expect(page.getByTestId('report-status')).toBeVisible();
}

/** The texts of a table row's figure cells (after 填报单位 and 报送情况). */
async function figureCells(row: Locator): Promise<string[]> {
  return (await row.locator('td').allInnerTexts()).slice(2).map((s) => s.trim());
}

test.describe('weekly dispatch report', () => {
  test.setTimeout(240_000);

  test('office opens the draft, brigade confirms, office submits; the city sees it and the total', async ({
    browser,
  }) => {
    // 1. weihua opens 东胜区's hazchem report of the last complete week.
    const office = await userPage(browser, 'weihua');
    const options = await apiJson<ReportOptionsView>(office, '/api/v1/reports/options');
    const district = options.districts.find((d) => d.name.includes('东胜区'));
    expect(district, 'weihua may open 东胜区').toBeTruthy();
    expect(options.defaultWeek, 'a complete week to report on').toBeTruthy();
    const week = options.defaultWeek!;
    const ref = `districtId=${district!.id}&sector=hazchem&kind=weekly&week=${week}`;
    const reportPath = `/reports/dispatch?${ref}`;
    await openReport(office, reportPath);
    // The URL is completed with the campaign, so the address reopens the same report.
    await expect(office).toHaveURL(/campaignId=\d+/);
    const before = await apiJson<DispatchReportView>(office, `/api/v1/reports/dispatch?${ref}`);
    const alreadySubmitted = before.status === 'submitted';
    if (!alreadySubmitted) {
      await expect(office.getByTestId('report-status')).toHaveText(/草稿|执法数据已确认/);
      // The office cannot submit figures the brigade has not confirmed.
      if (before.status === 'draft') {
        expect(before.can.submit).toBe(false);
        await expect(office.getByRole('button', { name: '审核报送' })).toHaveCount(0);
        await expect(office.getByText(/执法数据尚未确认/)).toBeVisible();
      }
    }
    // A figure's definition on hover.
    await office.locator('[data-figure-header="enterprises_registered"]').first().hover();
    await expect(
      office.getByRole('tooltip').filter({ hasText: /企业名录中该行业的企业数/ }),
    ).toBeVisible();

    // 2. zhifa1 (执法大队) confirms the enforcement figures.
    if (!alreadySubmitted) {
      const brigade = await userPage(browser, 'zhifa1');
      await openReport(brigade, reportPath);
      await brigade.getByRole('button', { name: '确认执法数据' }).click();
      const confirmed = brigade.waitForResponse(isCall('POST', '/reports/dispatch/confirm'));
      await brigade
        .locator('.ant-popover:visible')
        .getByRole('button', { name: '确认', exact: true })
        .click();
      expect((await confirmed).status()).toBe(200);
      await expect(brigade.getByTestId('report-status')).toHaveText('执法数据已确认');
      await expect(brigade.getByTestId('confirmation')).toContainText('执法数据已由 耿建');
      await brigade.context().close();
    }

    // 3. weihua reviews and submits (or, on a retry, corrects) with 填报人 filled.
    await openReport(office, reportPath);
    if (alreadySubmitted) {
      await office.getByRole('button', { name: '更正', exact: true }).click();
    } else {
      await expect(office.getByTestId('confirmation')).toContainText('耿建');
      await office.getByRole('button', { name: '审核报送' }).click();
    }
    const dialog = office.getByRole('dialog').filter({ hasText: '联系电话' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('填报人')).toHaveValue('闫晓');
    await dialog.getByLabel('联系电话').fill('0477-8321234');
    if (alreadySubmitted)
      await dialog.getByLabel('更正原因').fill('端到端测试重跑：核对后重新报送');
    const submitted = office.waitForResponse(
      isCall('POST', alreadySubmitted ? '/reports/dispatch/correct' : '/reports/dispatch/submit'),
    );
    await dialog
      .getByRole('button', { name: alreadySubmitted ? /^报送更正$/ : /^报\s*送$/ })
      .click();
    expect((await submitted).status()).toBe(200);
    await expect(dialog).toBeHidden();
    await expect(office.getByTestId('report-status')).toHaveText(/^已报送 v\d+$/);
    await expect(office.getByText(/本表已报送，数据为报送时冻结的快照/)).toBeVisible();
    await expect(office.getByRole('button', { name: /^查看第 \d+ 版$/ }).first()).toBeVisible();
    await expect(office.getByRole('button', { name: '审核报送' })).toHaveCount(0);

    // 4. The records behind a number, from the frozen version's snapshot.
    const drilled = office.waitForResponse(isCall('GET', '/reports/dispatch/drilldown'));
    await office.getByRole('button', { name: /^查看明细：行业企业总数（累计）/ }).click();
    const drill = await drilled;
    expect(drill.status()).toBe(200);
    expect(new URL(drill.url()).searchParams.get('versionId')).toMatch(/^\d+$/);
    expect(new URL(drill.url()).searchParams.get('figure')).toBe('enterprises_registered');
    const drawer = office.getByRole('dialog').filter({ hasText: '行业企业总数（累计）' });
    await expect(
      drawer.getByRole('link', { name: '东胜区恒泰化工有限公司' }).first(),
    ).toBeVisible();
    await office.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // 5. The Excel downloads.
    const download = office.waitForEvent('download');
    await office.getByRole('link', { name: /导出 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await office.context().close();

    // 6. The city bureau sees 东胜区 submitted, 康巴什区 not, and the total.
    const city = await userPage(browser, 'city');
    const cityOptions = await apiJson<ReportOptionsView>(city, '/api/v1/reports/options');
    const cityUnit = cityOptions.rollupUnits.find((u) => u.kind === 'city');
    expect(cityUnit, 'the city user rolls up the city').toBeTruthy();
    const rolled = city.waitForResponse(isCall('GET', '/reports/rollup'));
    await city.goto(
      `/reports/rollup?orgUnitId=${cityUnit!.id}&sector=hazchem&kind=weekly&week=${week}`,
    );
    expect((await rolled).status()).toBe(200);
    const table = city.getByRole('region', { name: '汇总表' });
    await expect(table).toBeVisible();
    const dongsheng = table.getByRole('row').filter({ hasText: '东胜区' });
    const kangbashi = table.getByRole('row').filter({ hasText: '康巴什区' });
    const total = table.getByRole('row').filter({ hasText: '合计' });
    await expect(dongsheng).toContainText(/已报送 v\d+/);
    await expect(kangbashi).toContainText('未报送');
    await expect(total).toHaveCount(1);
    const dongshengCells = await figureCells(dongsheng);
    expect(dongshengCells.length).toBeGreaterThan(10);
    expect(dongshengCells.some((c) => /^\d/.test(c))).toBe(true);
    expect(await figureCells(total)).toEqual(dongshengCells);
    await expect(city.getByTestId('completeness-expected')).toHaveText('应报 2');
    await expect(city.getByTestId('completeness-submitted')).toContainText('已报 1');
    // The week is listed in the reporting rate too.
    await expect(city.getByRole('region', { name: '报送及时率' })).toContainText(week.slice(0, 4));
    await city.context().close();
  });
});
