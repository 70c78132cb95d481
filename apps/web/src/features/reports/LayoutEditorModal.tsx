import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldError, ReportLayoutView } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { replaceReportLayout, reportKeys } from '../../api/reports-api';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-reports';

type Props = {
  layout: ReportLayoutView;
  open: boolean;
  onClose: () => void;
};

type Problem = { title: string; fields: FieldError[] };

/**
 * Edits one table's layout as JSON (the same data the tables, the .xlsx and the PDF are drawn
 * from). The server checks it against the layout schema and answers field errors with their
 * paths ("layout.groups.0.columns.1.figure"), listed here as they come.
 */
export function LayoutEditorModal({ layout, open, onClose }: Props) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(layout.layout, null, 2));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = useMutation({
    mutationFn: async (): Promise<boolean> => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text) as unknown;
      } catch (e) {
        setProblem({
          title: t('reports.layouts.badJson', { error: e instanceof Error ? e.message : '' }),
          fields: [],
        });
        return false;
      }
      await replaceReportLayout(layout.table, { layout: parsed, note: note.trim() || undefined });
      return true;
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('reports.layouts.saved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setProblem({
          title: e.fields.length > 0 ? t('reports.layouts.invalid') : e.message,
          fields: e.fields,
        });
      else setProblem({ title: t('common.unexpectedError'), fields: [] });
    },
  });

  return (
    <Modal
      open={open}
      title={t('reports.layouts.editTitle', { annex: layout.layout.annex })}
      onCancel={onClose}
      onOk={() => {
        setProblem(null);
        save.mutate();
      }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={880}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.title}
          style={{ marginBottom: 16 }}
          description={
            problem.fields.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="layout-errors">
                {problem.fields.map((f) => (
                  <li key={`${f.path}:${f.message}`}>
                    <Typography.Text code>{f.path || 'layout'}</Typography.Text> {f.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('reports.layouts.editHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('reports.layouts.json')} htmlFor="layoutJson">
          <Input.TextArea
            id="layoutJson"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            autoSize={{ minRows: 14, maxRows: 28 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
          />
        </Form.Item>
        <Form.Item label={t('reports.layouts.note')} htmlFor="layoutNote">
          <Input
            id="layoutNote"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            placeholder={t('reports.layouts.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
