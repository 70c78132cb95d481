import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  discardSelfInspectionSchema,
  updateSelfInspectionSchema,
  type SelfInspectionDetail,
} from '@hazard-ledger/domain';
import { discardSelfInspection, updateSelfInspection } from '../../../api/self-inspections-api';
import { useLocale } from '../../../i18n/locale-context';
import { detailedMessage } from './run-errors';
import type { RunChange } from './run-saver';
import '../../../i18n/messages-duty-self';

type Save = (change: RunChange) => Promise<SelfInspectionDetail>;
type Values = { inspectionDate: Dayjs | null; inspectors: string };

/** 检查日期 and 检查人员 of a run in progress. */
export function RunHeaderForm({
  run,
  save,
  onSaved,
}: {
  run: SelfInspectionDetail;
  save: Save;
  onSaved: () => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (v: Values) => {
    const parsed = updateSelfInspectionSchema.safeParse({
      inspectionDate: v.inspectionDate?.format('YYYY-MM-DD'),
      inspectors: v.inspectors.trim() || null,
      version: run.version,
    });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: String(i.path[0]) as keyof Values,
          errors: [i.path[0] === 'inspectionDate' ? t('common.invalidField') : i.message],
        })),
      );
      return;
    }
    setError(null);
    setBusy(true);
    const { version: _v, ...body } = parsed.data;
    save((version) => updateSelfInspection(run.id, { ...body, version }))
      .then(onSaved)
      .catch((e: unknown) => setError(detailedMessage(e, t('common.unexpectedError'))))
      .finally(() => setBusy(false));
  };

  return (
    <Form<Values>
      form={form}
      name="selfInspectionHeader"
      layout="inline"
      initialValues={{
        inspectionDate: dayjs(run.inspectionDate),
        inspectors: run.inspectors ?? '',
      }}
      onFinish={submit}
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item label={t('selfInspections.run.date')} name="inspectionDate">
        <DatePicker
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          style={{ width: 150 }}
        />
      </Form.Item>
      <Form.Item label={t('selfInspections.run.inspectors')} name="inspectors">
        <Input
          maxLength={200}
          placeholder={t('selfInspections.run.inspectorsPlaceholder')}
          style={{ width: 280, maxWidth: '100%' }}
        />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('selfInspections.run.saveHeader')}
        </Button>
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </Form>
  );
}

/** Discards a run in progress after asking for the reason. */
export function DiscardButton({ run, save }: { run: SelfInspectionDetail; save: Save }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = () => {
    const parsed = discardSelfInspectionSchema.safeParse({ version: run.version, reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('common.invalidField'));
      return;
    }
    setBusy(true);
    save((version) => discardSelfInspection(run.id, version, parsed.data.reason))
      .then(() => {
        setOpen(false);
        void message.success(t('selfInspections.run.discard'));
      })
      .catch((e: unknown) => setError(detailedMessage(e, t('common.unexpectedError'))))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button danger icon={<DeleteOutlined />} onClick={() => setOpen(true)}>
        {t('selfInspections.run.discard')}
      </Button>
      <Modal
        open={open}
        title={t('selfInspections.run.discardTitle')}
        onOk={confirm}
        okButtonProps={{ danger: true, loading: busy }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={t('selfInspections.run.discardReason')}
            placeholder={t('selfInspections.run.discardReason')}
            rows={3}
            maxLength={200}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Flex>
      </Modal>
    </>
  );
}
