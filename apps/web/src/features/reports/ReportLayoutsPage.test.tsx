import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { layoutViews } from './report-fixtures';

const SLOW = { timeout: 15_000 };

function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

describe('report layouts page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('previews the five tables and says who changed one', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('city')),
      'GET /reports/layouts': json(200, layoutViews()),
    });
    renderApp('/reports/layouts');
    const annex1 = await screen.findByTestId('layout-annex1', {}, SLOW);
    expect(within(annex1).getByText('已调整')).toBeTruthy();
    expect(within(annex1).getByText(/最后由 王局长 于 .* 修改：按市局模板调整/)).toBeTruthy();
    expect(within(annex1).getByRole('columnheader', { name: '企业自查自改' })).toBeTruthy();
    const annex5 = screen.getByTestId('layout-annex5');
    expect(within(annex5).getByRole('columnheader', { name: '重大事故隐患具体描述' })).toBeTruthy();
    expect(screen.getByText(/收到市局下发的正式模板后/)).toBeTruthy();
    // Reading is open to every report reader; editing is not.
    expect(screen.queryByRole('button', { name: /编辑/ })).toBeNull();
  });

  it('saves an edited layout and shows the field errors with their paths', async () => {
    let puts = 0;
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /reports/layouts': json(200, layoutViews()),
      'PUT /reports/layouts/annex5': () => {
        puts += 1;
        return puts === 1
          ? apiError(400, 'VALIDATION_FAILED', '填写的内容不符合要求', [
              { path: 'layout.columns.0.field', message: '未知的清单栏目' },
            ])
          : json(200, layoutViews()[4]);
      },
    });
    renderApp('/reports/layouts');
    fireEvent.click(await screen.findByRole('button', { name: '编辑 附件5' }, SLOW));
    const dialog = await findDialog('表样（JSON）');
    const editor = within(dialog).getByLabelText<HTMLTextAreaElement>('表样（JSON）');
    expect(JSON.parse(editor.value)).toMatchObject({ kind: 'hazard_list', annex: '附件5' });

    // Not JSON: said here, nothing sent.
    fireEvent.change(editor, { target: { value: '{ "kind": ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText(/JSON 格式错误/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    const layout = {
      kind: 'hazard_list',
      annex: '附件5',
      title: { zh: '重大事故隐患问题清单', en: 'Open major hazards' },
      columns: [{ field: 'company' }],
    };
    fireEvent.change(editor, { target: { value: JSON.stringify(layout) } });
    fireEvent.change(within(dialog).getByLabelText('修改说明'), {
      target: { value: '按市局模板' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const errors = await within(dialog).findByTestId('layout-errors');
    expect(errors.textContent).toContain('layout.columns.0.field');
    expect(errors.textContent).toContain('未知的清单栏目');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ layout, note: '按市局模板' });

    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(puts).toBe(2));
    expect(await screen.findByText('表样已保存')).toBeTruthy();
  });

  it('puts a changed table back to its default after a confirmation', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /reports/layouts': json(200, layoutViews()),
      'DELETE /reports/layouts/annex1': json(200, { ...layoutViews()[0], isDefault: true }),
    });
    renderApp('/reports/layouts');
    // The default tables have nothing to restore.
    const annex2Reset = await screen.findByRole('button', { name: '恢复默认 附件2' }, SLOW);
    expect(annex2Reset.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '恢复默认 附件1' }));
    await screen.findByText('恢复为默认表样？');
    const pop = screen.getByText('恢复为默认表样？').closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(pop).getByRole('button', { name: '恢复默认' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.path).toBe('/reports/layouts/annex1');
  });
});
