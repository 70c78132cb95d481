import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Grid,
  Image,
  Input,
  Modal,
  Radio,
  Typography,
} from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import {
  ErrorCode,
  HAZARD_ACTION_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  SUPERVISION_LABELS,
  SUPERVISION_LEVELS,
  type FieldError,
  type HazardAction,
  type HazardDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { actOnHazard, hazardFileUrl, newIdempotencyKey } from '../../api/hazards-api';
import { applyFieldErrors } from '../../components/form-errors';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import {
  ACTION_FIELDS,
  COMMENT_REQUIRED,
  payloadFieldErrors,
  toActionPayload,
  type ActionValues,
} from './action-form';
import { applyHazardDetail, refetchHazard, useOfferReload } from './hazard-cache';
import { isImage, UploadButtons } from './HazardFiles';

type Props = {
  hazard: HazardDetail;
  action: HazardAction;
  open: boolean;
  onClose: () => void;
};

/**
 * The small form of one workflow action. The payload is checked with the action's schema
 * (HAZARD_ACTION_PAYLOADS) before sending; server field errors land under the same fields; a
 * refusal (409) shows the server's reason; a stale version offers a reload.
 */
export function HazardActionModal({ hazard, action, open, onClose }: Props) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const offerReload = useOfferReload(hazard.id);
  const [form] = Form.useForm<ActionValues>();
  // One key per opening of the form: a retry after a lost answer is then a no-op on the server.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<{ title: string; text?: string } | null>(null);
  // An ordered deadline is not an extension: its own label.
  const deadlineLabel =
    action === 'order_deadline' ? 'hazards.action.orderedDeadline' : 'hazards.action.newDeadline';
  const fields = ACTION_FIELDS[action];
  const actionLabel = label(HAZARD_ACTION_LABELS[action]);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, payloadFieldErrors(errors), fields);
    const text = unmatched.map((e) => e.message).join('；') || fallback;
    setFormError(text ? { title: text } : null);
  };

  const mutation = useMutation({
    mutationFn: async (values: ActionValues): Promise<HazardDetail | null> => {
      const parsed = toActionPayload(action, values, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return actOnHazard(
        hazard.id,
        action,
        { version: hazard.version, payload: parsed.data },
        idempotencyKey,
      );
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('hazards.action.done', { action: actionLabel }));
      onClose();
      await applyHazardDetail(queryClient, detail);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError({ title: t('common.unexpectedError') });
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError({ title: e.message });
        offerReload(onClose);
        return;
      }
      if (e.code === ErrorCode.Conflict) {
        // The reason is the first field's message; the page re-reads what is allowed now.
        setFormError({
          title: t('hazards.action.refused'),
          text: e.fields[0]?.message ?? e.message,
        });
        void refetchHazard(queryClient, hazard.id);
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const attachable = hazard.files.filter((f) => f.kind === 'after' || f.kind === 'document');
  const commentRequired = COMMENT_REQUIRED.includes(action);
  // Pickers left empty: say what to choose rather than the schema's format message.
  const choose = (key: MessageKey) => t('hazards.selectRequired', { field: t(key) });
  const size = screens.md ? undefined : ('large' as const);

  return (
    <Modal
      open={open}
      title={actionLabel}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('hazards.action.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ size, danger: action === 'reject_fix' || action === 'return_plan' }}
      cancelButtonProps={{ size }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {formError ? (
        <Alert
          type="error"
          showIcon
          title={formError.title}
          description={formError.text}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {action === 'verify' ? <InfoNote>{t('hazards.action.confirmVerify')}</InfoNote> : null}
      {action === 'approve_extension' && hazard.extensionRequest ? (
        <InfoNote>
          {t('hazards.action.extensionRequest', {
            deadline: hazard.extensionRequest.deadline,
            reason: hazard.extensionRequest.reason,
          })}
        </InfoNote>
      ) : null}
      <Form<ActionValues>
        form={form}
        name={`hazardAction_${action}`}
        layout="vertical"
        initialValues={{
          approve: true,
          attachmentIds: [],
          level: HAZARD_LEVELS.find((l) => l !== hazard.level),
        }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        {fields.includes('level') ? (
          <Form.Item label={t('hazards.action.newLevel')} name="level" required>
            <Radio.Group
              options={HAZARD_LEVELS.filter((l) => l !== hazard.level).map((l) => ({
                value: l,
                label: label(HAZARD_LEVEL_LABELS[l]),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('supervisionLevel') ? (
          <Form.Item
            label={t('hazards.action.supervisionLevel')}
            name="supervisionLevel"
            required
            rules={[{ required: true, message: choose('hazards.action.supervisionLevel') }]}
          >
            <Radio.Group
              options={SUPERVISION_LEVELS.map((l) => ({
                value: l,
                label: label(SUPERVISION_LABELS[l]),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('approve') ? (
          <Form.Item label={t('hazards.action.approve')} name="approve" required>
            <Radio.Group
              options={[
                { value: true, label: t('hazards.action.approveYes') },
                { value: false, label: t('hazards.action.approveNo') },
              ]}
            />
          </Form.Item>
        ) : null}
        {fields.includes('newDeadline') ? (
          <Form.Item
            label={t(deadlineLabel)}
            name="newDeadline"
            required
            rules={[{ required: true, message: choose(deadlineLabel) }]}
            extra={
              hazard.deadline
                ? t('hazards.action.currentDeadline', { deadline: hazard.deadline })
                : undefined
            }
          >
            <DatePicker
              style={{ width: '100%' }}
              size={size}
              inputReadOnly={!screens.md}
              disabledDate={(d) =>
                d.isBefore(dayjs(), 'day') ||
                (hazard.deadline !== null && !d.isAfter(dayjs(hazard.deadline), 'day'))
              }
            />
          </Form.Item>
        ) : null}
        {fields.includes('description') ? (
          <Form.Item
            label={
              action === 'fix_on_spot'
                ? t('hazards.action.onSpotDescription')
                : t('hazards.action.fixDescription')
            }
            name="description"
            required
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        ) : null}
        {fields.includes('attachmentIds') ? (
          <>
            <Form.Item
              label={t('hazards.action.attachments')}
              name="attachmentIds"
              required={action === 'submit_fix'}
              extra={t('hazards.action.attachmentsHint')}
              style={{ marginBottom: 8 }}
            >
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {attachable.length === 0 ? (
                  <Typography.Text type="secondary">
                    {t('hazards.action.noAttachments')}
                  </Typography.Text>
                ) : (
                  attachable.map((f) => (
                    <Checkbox key={f.id} value={f.id} style={{ alignItems: 'center' }}>
                      <Flex gap={8} align="center">
                        {isImage(f) ? (
                          <Image
                            src={hazardFileUrl(hazard.id, f.id)}
                            alt={f.fileName}
                            width={48}
                            height={48}
                            preview={false}
                            style={{ objectFit: 'cover', borderRadius: 4 }}
                          />
                        ) : (
                          <FileOutlined style={{ fontSize: 24 }} />
                        )}
                        <span style={{ wordBreak: 'break-all' }}>{f.fileName}</span>
                      </Flex>
                    </Checkbox>
                  ))
                )}
              </Checkbox.Group>
            </Form.Item>
            <div style={{ marginBottom: 24 }}>
              <UploadButtons
                hazardId={hazard.id}
                kind="after"
                onUploaded={(file) => {
                  const ids = form.getFieldValue('attachmentIds') as number[] | undefined;
                  form.setFields([
                    { name: 'attachmentIds', value: [...(ids ?? []), file.id], errors: [] },
                  ]);
                }}
              />
            </div>
          </>
        ) : null}
        {fields.includes('reason') ? (
          <Form.Item label={t('hazards.action.reason')} name="reason" required>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {fields.includes('comment') ? (
          <Form.Item
            label={
              commentRequired ? t('hazards.action.verifyComment') : t('hazards.action.comment')
            }
            name="comment"
            required={commentRequired}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
