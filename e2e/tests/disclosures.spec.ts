import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/session';

// Public disclosure (公开曝光, issue 10 item 2): the publicity office (宣教室, xuanjiao) prepares a
// typical enforcement case from a demo penalty case, checks in the preview that the leader's
// name was removed, sets the publication window and submits; she cannot approve her own case.
// The bureau admin approves and publishes it; a reader on a phone finds it on the public /cases
// page with the pseudonym and never the removed name.

/** Today in China (the publication window is in China dates). */
function chinaDate(offsetDays = 0): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

type CaseList = { items: { id: number; caseNo: string; decisionDate: string | null }[] };
type CaseDetail = { parties: { kind: string; name: string }[] };

/** A decided demo penalty case with a main leader party: its number and the leader's name. */
async function demoCaseWithLeader(page: Page): Promise<{ caseNo: string; leader: string }> {
  const list = await page.request.get('/api/v1/penalty-cases?pageSize=50');
  expect(list.ok()).toBe(true);
  for (const item of ((await list.json()) as CaseList).items) {
    if (!item.decisionDate) continue;
    const detail = await page.request.get(`/api/v1/penalty-cases/${item.id}`);
    const leader = ((await detail.json()) as CaseDetail).parties.find(
      (p) => p.kind === 'main_leader',
    );
    if (leader) return { caseNo: item.caseNo, leader: leader.name };
  }
  throw new Error('no decided demo penalty case with a main leader');
}

async function newPage(browser: Browser, width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

test('the publicity office publishes a redacted case that appears on the public page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `典型执法案例（端到端${Date.now().toString(36)}）`;

  // 1. 宣教室 prepares the case from a demo penalty case.
  const staff = await newPage(browser);
  await signIn(staff, 'xuanjiao');
  const source = await demoCaseWithLeader(staff);
  await staff.goto('/disclosures');
  await staff.getByTestId('disclosure-create').click();
  const dialog = staff.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('案号或隐患编号').fill(source.caseNo);
  await dialog.getByRole('button', { name: '创建草稿' }).click();
  await expect(staff).toHaveURL(/\/disclosures\/\d+$/, { timeout: 30_000 });
  const url = staff.url();

  // 2. The preview shows the leader's name among the removed items, and not in the text.
  const preview = staff.getByTestId('disclosure-preview');
  await expect(preview).toBeVisible();
  const removed = staff.getByTestId('disclosure-removed');
  await expect(removed.getByText(source.leader, { exact: true }).first()).toBeVisible();
  await expect(removed.getByText('人名').first()).toBeVisible();
  const previewText = await staff.getByTestId('disclosure-preview-text').innerText();
  expect(previewText).not.toContain(source.leader);
  await expect(preview.locator('mark').first()).toBeVisible();

  // 3. A unique title and the publication window, then submit.
  await staff.locator('#disclosureEditor_title').fill(title);
  await staff.locator('#disclosureEditor_publishFrom').fill(chinaDate(-1));
  await staff.locator('#disclosureEditor_publishUntil').fill(chinaDate(30));
  await staff.getByTestId('disclosure-save').click();
  await expect(staff.getByText('已保存')).toBeVisible();
  await staff.getByTestId('disclosure-action-submit').click();
  await expect(staff.getByTestId('disclosure-state')).toHaveText('待审批');
  // The preparer cannot approve her own case (four-eyes rule).
  await expect(staff.getByTestId('disclosure-action-approve')).toHaveCount(0);
  await expect(staff.getByText('须由编写人、提交人以外的另一人审批')).toBeVisible();

  // 4. The bureau admin approves and publishes it.
  const approver = await newPage(browser);
  await signIn(approver, 'admin');
  await approver.goto(new URL(url).pathname);
  await approver.getByTestId('disclosure-action-approve').click();
  await expect(approver.getByTestId('disclosure-state')).toHaveText('公开中', { timeout: 30_000 });

  // 5. A reader on a phone, without logging in, finds it on /cases.
  const reader = await newPage(browser, 375, 740);
  await reader.goto('/cases');
  await expect(reader.getByRole('heading', { name: '典型执法案例与曝光' })).toBeVisible();
  const search = reader.getByRole('searchbox', { name: '搜索标题或内容' });
  await search.fill(title);
  await search.press('Enter');
  const card = reader.getByTestId('public-case').filter({ hasText: title });
  await expect(card).toBeVisible({ timeout: 30_000 });
  expect(await reader.locator('body').innerText()).not.toContain(source.leader);
  // Nothing overflows the phone's width.
  const overflow = await reader.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await card.getByRole('link').first().click();
  await expect(reader).toHaveURL(/\/cases\/\d+$/);
  const text = reader.getByTestId('public-case-text');
  await expect(text).toBeVisible();
  await expect(text).toContainText('某');
  expect(await reader.locator('body').innerText()).not.toContain(source.leader);
  // The public API itself carries no removed data.
  const id = new URL(reader.url()).pathname.split('/').pop();
  const body = await (await reader.request.get(`/api/v1/public/cases/${id}`)).text();
  expect(body).not.toContain(source.leader);
});
