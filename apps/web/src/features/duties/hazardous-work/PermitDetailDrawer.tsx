import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  HOT_WORK_ACTION_LABELS,
  HOT_WORK_ACTION_PAYLOADS,
  HOT_WORK_STATUS_LABELS,
  ROLE_LABELS,
  type HotWorkAction,
  type HotWorkPermitDetail,
  type Role,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { actOnPermit, getPermit, hazardousWorkKeys } from '../../../api/hazardous-work-api';
import { newIdempotencyKey } from '../../../api/hazards-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { zodFieldErrors } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { HotWorkLevelTag, PermitStatusTag, WindowTag } from './hazardous-work-labels';
import { blankToNull } from './record-parts';

const LIVE: readonly string[] = ['requested', 'approved', 'in_progress'];
const DANGER: readonly HotWorkAction[] = ['reject', 'cancel'];
/** Actions whose payload is a required reason rather than an optional comment. */
const NEEDS_REASON: readonly HotWorkAction[] = ['reject', 'cancel'];

type ActionValues = {
  comment?: string;
  reason?: string;
  checked?: string[];
  extra?: string;
  gasTestResult?: string;
};

/** The form of one permit action; a refusal (409) shows the server's reason. */
function PermitActionModal({
  permit,
  action,
  onClose,
}: {
  permit: HotWorkPermitDetail;
  action: HotWorkAction;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionValues>();
  // One key per opening: a retry after a lost answer is a no-op on the server.
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<{ title: string; text?: string } | null>(null);
  const actionLabel = label(HOT_WORK_ACTION_LABELS[action]);

  const toPayload = (v: ActionValues): Record<string, unknown> => {
    if (action === 'check_measures') {
      const checked = new Set(v.checked ?? []);
      return {
        measures: permit.measures.map((m) => ({ text: m.text, checked: checked.has(m.text) })),
        gasTestResult: blankToNull(v.gasTestResult),
      };
    }
    if (NEEDS_REASON.includes(action)) return { reason: v.reason?.trim() ?? '' };
    return { comment: blankToNull(v.comment) };
  };

  const mutation = useMutation({
    mutationFn: async (v: ActionValues) => {
      const payload = toPayload(v);
      const parsed = HOT_WORK_ACTION_PAYLOADS[action].safeParse(payload);
      if (!parsed.success) {
        const first = zodFieldErrors(parsed.error, t('common.invalidField'))[0];
        setError({ title: first?.message ?? t('common.invalidField') });
        return null;
      }
      return actOnPermit(permit.id, action, { version: permit.version, payload }, key);
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('hw.permit.done', { action: actionLabel }));
      queryClient.setQueryData(hazardousWorkKeys.permit(detail.id), detail);
      onClose();
      await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.all });
    },
    onError: async (e) => {
      if (!(e instanceof ApiError)) {
        setError({ title: t('common.unexpectedError') });
        return;
      }
      if (e.code === ErrorCode.Conflict) {
        setError({ title: t('hw.permit.refused'), text: e.fields[0]?.message ?? e.message });
      } else {
        setError({ title: e.fields[0]?.message ?? e.message });
      }
      // What is allowed may have changed (another user acted, the window passed).
      if (e.code === ErrorCode.Conflict || e.code === ErrorCode.StaleVersion) {
        await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.permit(permit.id) });
      }
    },
  });

  return (
    <Modal
      open
      title={actionLabel}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={actionLabel}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: DANGER.includes(action) }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.text}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          checked: permit.measures.filter((m) => m.checked).map((m) => m.text),
          gasTestResult: permit.gasTestResult ?? undefined,
        }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
      >
        {action === 'check_measures' ? (
          <>
            <InfoNote>{t('hw.permit.measuresHint')}</InfoNote>
            <Form.Item name="checked" label={t('hw.permit.measures')}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {permit.measures.map((m) => (
                  <Checkbox key={m.text} value={m.text}>
                    {m.text}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="gasTestResult" label={t('hw.permit.gasTest')}>
              <Input maxLength={200} placeholder={t('hw.permit.gasTestPlaceholder')} />
            </Form.Item>
          </>
        ) : NEEDS_REASON.includes(action) ? (
          <Form.Item name="reason" label={t('hw.permit.reason')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        ) : (
          <Form.Item name="comment" label={t('hw.permit.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The permit's body: what, where, when, measures, who; hints on blocked actions; history. */
export function PermitDetail({ permit }: { permit: HotWorkPermitDetail }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const [action, setAction] = useState<HotWorkAction | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <PermitStatusTag status={permit.status} />
        <HotWorkLevelTag level={permit.level} />
        {LIVE.includes(permit.status) ? <WindowTag state={permit.windowState} /> : null}
      </Flex>
      {permit.blockedActions.map((b) => (
        <InfoNote key={b.action} style={{ marginBottom: 0 }}>
          <Typography.Text strong>{label(HOT_WORK_ACTION_LABELS[b.action])}：</Typography.Text>
          {b.reason}
        </InfoNote>
      ))}
      {permit.availableActions.length > 0 ? (
        <Flex gap={8} wrap role="group" aria-label={t('common.actions')}>
          {permit.availableActions.map((a) => (
            <Button
              key={a}
              type={a === 'approve' || a === 'start' || a === 'close' ? 'primary' : 'default'}
              danger={DANGER.includes(a)}
              size={screens.md ? 'middle' : 'large'}
              onClick={() => setAction(a)}
            >
              {label(HOT_WORK_ACTION_LABELS[a])}
            </Button>
          ))}
        </Flex>
      ) : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('hw.permit.work')}>{permit.workDescription}</Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.place')}>{permit.place}</Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.window')}>
          {formatDateTime(permit.startAt)} ~ {formatDateTime(permit.endAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.operators')}>
          {permit.operators ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.guardian')}>{permit.guardian}</Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.gasTest')}>
          {permit.gasTestResult ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.requester')}>
          {permit.requestedByName} · {formatDateTime(permit.requestedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hw.permit.approver')}>
          {permit.approvedByName
            ? `${permit.approvedByName} · ${formatDateTime(permit.approvedAt)}`
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <section aria-label={t('hw.permit.measures')}>
        <Typography.Text strong>
          {t('hw.permit.measures')}（
          {t('hw.permit.measuresCount', {
            checked: permit.measuresChecked,
            total: permit.measuresTotal,
          })}
          ）
        </Typography.Text>
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          {permit.measures.map((m) => (
            <Flex key={m.text} gap={8} align="flex-start" data-checked={m.checked}>
              {m.checked ? (
                <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} aria-hidden />
              ) : (
                <CloseCircleOutlined style={{ color: '#faad14', marginTop: 4 }} aria-hidden />
              )}
              <Typography.Text type={m.checked ? undefined : 'warning'}>
                {m.text}
                {m.checked ? '' : `（${t('hw.permit.notChecked')}）`}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      </section>
      <section aria-label={t('hw.permit.history')}>
        <Typography.Text strong>{t('hw.permit.history')}</Typography.Text>
        <Timeline
          style={{ marginTop: 12 }}
          items={permit.history.map((e) => ({
            key: e.id,
            color: e.action === 'reject' || e.action === 'cancel' ? 'red' : 'blue',
            content: (
              <Flex vertical gap={2} data-event={e.action}>
                <Typography.Text strong>
                  {e.action === 'requested'
                    ? t('hw.permit.event.requested')
                    : label(HOT_WORK_ACTION_LABELS[e.action])}
                  {e.fromStatus !== e.toStatus ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      → {label(HOT_WORK_STATUS_LABELS[e.toStatus])}
                    </Typography.Text>
                  ) : null}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName ?? '—'}
                  {e.actorRole && e.actorRole in ROLE_LABELS
                    ? `（${label(ROLE_LABELS[e.actorRole as Role])}）`
                    : ''}
                  {' · '}
                  {formatDateTime(e.at)}
                </Typography.Text>
                {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
              </Flex>
            ),
          }))}
        />
      </section>
      {action ? (
        <PermitActionModal permit={permit} action={action} onClose={() => setAction(null)} />
      ) : null}
    </Flex>
  );
}

/** A drawer that loads one permit and shows it with the buttons the server allows now. */
export function PermitDetailDrawer({
  permitId,
  onClose,
}: {
  permitId: number | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const permit = useQuery({
    queryKey: hazardousWorkKeys.permit(permitId ?? 0),
    queryFn: ({ signal }) => getPermit(permitId!, signal),
    enabled: permitId !== null,
  });
  return (
    <Drawer
      open={permitId !== null}
      onClose={onClose}
      title={t('hw.permit.detail')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      <ErrorAlert error={permit.error} />
      {permit.data ? <PermitDetail permit={permit.data} /> : permit.isLoading ? <Spin /> : null}
    </Drawer>
  );
}
