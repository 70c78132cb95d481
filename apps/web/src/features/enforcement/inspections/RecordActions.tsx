import { useState } from 'react';
import { App as AntApp, Button, Flex, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { InspectionRecordDetail } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  acknowledgeInspection,
  correctInspection,
  inspectionKeys,
  reopenInspection,
  signInspection,
  submitInspection,
} from '../../../api/inspections-api';
import { useSession } from '../../../auth/session-context';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-inspections';

type Dialog = 'sign' | 'reopen' | 'acknowledge' | null;

/**
 * The buttons of the actions the server says I may take now, with their confirmations: submit
 * for signing, sign (showing the hash of the text signed), reopen with a reason, acknowledge
 * receipt, and start a correction.
 */
export function RecordActions({
  record,
  large,
}: {
  record: InspectionRecordDetail;
  large: boolean;
}) {
  const { t } = useLocale();
  const { me } = useSession();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const can = (a: InspectionRecordDetail['availableActions'][number]) =>
    record.availableActions.includes(a);
  const meAsInspector = record.inspectors.find((i) => i.userId === me?.id);

  const done = async (saved: InspectionRecordDetail, text?: string) => {
    queryClient.setQueryData(inspectionKeys.record(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: [...inspectionKeys.all, 'list'] });
    await queryClient.invalidateQueries({ queryKey: inspectionKeys.verification(saved.id) });
    setDialog(null);
    if (text) void message.success(text);
  };
  const fail = (e: unknown) => {
    void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.record(record.id) });
  };

  const submit = useMutation({
    mutationFn: () => submitInspection(record.id, record.version),
    onSuccess: (r) => done(r),
    onError: fail,
  });
  const sign = useMutation({
    mutationFn: () => signInspection(record.id, record.contentHash ?? ''),
    onSuccess: (r) => done(r, t('inspections.action.signed')),
    onError: fail,
  });
  const reopen = useMutation({
    mutationFn: () => reopenInspection(record.id, record.version, reason.trim()),
    onSuccess: (r) => done(r),
    onError: fail,
  });
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeInspection(record.id, note.trim() || null),
    onSuccess: (r) => done(r, t('inspections.action.acknowledged')),
    onError: fail,
  });
  const correct = useMutation({
    mutationFn: () => correctInspection(record.id),
    onSuccess: async (r) => {
      await done(r);
      await navigate(`/inspections/new?edit=${r.id}`);
    },
    onError: fail,
  });

  const size = large ? ('large' as const) : undefined;
  const buttons = [
    can('edit') ? (
      <Button
        key="edit"
        size={size}
        block={large}
        onClick={() => void navigate(`/inspections/new?edit=${record.id}`)}
      >
        {t('inspections.action.edit')}
      </Button>
    ) : null,
    can('submit_for_signing') ? (
      <Button
        key="submit"
        type="primary"
        size={size}
        block={large}
        loading={submit.isPending}
        onClick={() =>
          modal.confirm({
            title: t('inspections.action.submit'),
            content: t('inspections.action.submitConfirm'),
            onOk: () => submit.mutateAsync().catch(() => undefined),
          })
        }
      >
        {t('inspections.action.submit')}
      </Button>
    ) : null,
    can('sign') ? (
      <Button key="sign" type="primary" size={size} block={large} onClick={() => setDialog('sign')}>
        {t('inspections.action.sign')}
      </Button>
    ) : null,
    can('acknowledge') ? (
      <Button
        key="acknowledge"
        type="primary"
        size={size}
        block={large}
        onClick={() => setDialog('acknowledge')}
      >
        {t('inspections.action.acknowledge')}
      </Button>
    ) : null,
    can('reopen') ? (
      <Button key="reopen" danger size={size} block={large} onClick={() => setDialog('reopen')}>
        {t('inspections.action.reopen')}
      </Button>
    ) : null,
    can('correct') ? (
      <Button
        key="correct"
        size={size}
        block={large}
        loading={correct.isPending}
        onClick={() =>
          modal.confirm({
            title: t('inspections.action.correct'),
            content: t('inspections.action.correctConfirm'),
            onOk: () => correct.mutateAsync().catch(() => undefined),
          })
        }
      >
        {t('inspections.action.correct')}
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <>
      {buttons.length === 0 ? (
        <Typography.Text type="secondary">{t('inspections.noActions')}</Typography.Text>
      ) : (
        <Flex wrap gap={8} vertical={large} role="group" aria-label={t('inspections.actions')}>
          {buttons}
        </Flex>
      )}
      <Modal
        open={dialog === 'sign'}
        title={t('inspections.action.signTitle')}
        okText={t('inspections.action.sign')}
        confirmLoading={sign.isPending}
        onOk={() => sign.mutate()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t('inspections.action.signText', {
            name: meAsInspector?.name ?? me?.displayName ?? '',
            no: meAsInspector?.certificateNo ?? '',
          })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('inspections.action.signHash')}</Typography.Text>
        <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }}>
          {record.contentHash}
        </Typography.Paragraph>
      </Modal>
      <Modal
        open={dialog === 'reopen'}
        title={t('inspections.action.reopen')}
        okText={t('inspections.action.reopen')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        confirmLoading={reopen.isPending}
        onOk={() => reopen.mutate()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('inspections.action.reopenHint')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('inspections.action.reopenReason')}
          placeholder={t('inspections.action.reopenReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <Modal
        open={dialog === 'acknowledge'}
        title={t('inspections.action.acknowledgeTitle')}
        okText={t('inspections.action.acknowledge')}
        confirmLoading={acknowledge.isPending}
        onOk={() => acknowledge.mutate()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t('inspections.action.acknowledgeText', { name: me?.displayName ?? '' })}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('inspections.action.acknowledgeNote')}
          placeholder={t('inspections.action.acknowledgeNote')}
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
