import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ALERT_ANSWER_LABELS,
  ALERT_ANSWERS,
  alertResponseInputSchema,
  type AlertAnswer,
  type AlertDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { respondToAlert } from '../../api/alerts-api';
import { queryKeys } from '../../api/query-keys';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-alerts';

type Values = { answer?: AlertAnswer; note?: string };

/**
 * My enterprise's answer to an alert: the same hazard found or not, with a note (required when
 * found). An answer is final; a second one is refused by the server (409) with its reason.
 */
export function AlertAnswerForm({ alert }: { alert: AlertDetail }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const answer = Form.useWatch('answer', form);

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<AlertDetail | null> => {
      const note = v.note?.trim() ? v.note.trim() : null;
      const parsed = alertResponseInputSchema.safeParse({ answer: v.answer, note });
      if (!parsed.success) {
        applyFieldErrors(form, zodFieldErrors(parsed.error, t('common.invalidField')), [
          'answer',
          'note',
        ]);
        return null;
      }
      return respondToAlert(alert.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      queryClient.setQueryData(queryKeys.alert(alert.id), saved);
      void message.success(t('alerts.answered'));
      await queryClient.invalidateQueries({ queryKey: ['alerts', 'list'] });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const rest = applyFieldErrors(form, e.fields, ['answer', 'note']);
        setError(rest[0]?.message ?? (e.fields.length === 0 ? e.message : null));
        if (e.status === 409)
          void queryClient.invalidateQueries({ queryKey: queryKeys.alert(alert.id) });
      } else {
        setError(t('common.unexpectedError'));
      }
    },
  });

  return (
    <Form<Values>
      form={form}
      name="alertAnswer"
      layout="vertical"
      onFinish={(v) => {
        setError(null);
        mutation.mutate(v);
      }}
      onValuesChange={() => setError(null)}
      style={{ maxWidth: 640 }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label={t('alerts.answer')}
        name="answer"
        rules={[{ required: true, message: t('alerts.answerRequired') }]}
      >
        <Radio.Group
          options={ALERT_ANSWERS.map((a) => ({ value: a, label: label(ALERT_ANSWER_LABELS[a]) }))}
        />
      </Form.Item>
      <Form.Item
        label={answer === 'found' ? t('alerts.noteFound') : t('alerts.noteOptional')}
        name="note"
        required={answer === 'found'}
        extra={answer === 'found' ? t('alerts.foundHint') : undefined}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('alerts.finalHint')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('alerts.submitAnswer')}
      </Button>
    </Form>
  );
}
