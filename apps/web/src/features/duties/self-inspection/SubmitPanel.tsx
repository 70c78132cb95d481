import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Modal, Typography } from 'antd';
import { SignatureOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { checkSelfInspectionSubmission, type SelfInspectionDetail } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { newIdempotencyKey } from '../../../api/hazards-api';
import { selfInspectionKeys, submitSelfInspection } from '../../../api/self-inspections-api';
import { useSession } from '../../../auth/session-context';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-self';

/**
 * The end of a run in progress: for the main leader, 提交并签字 once every item is complete
 * (one action: the submission is the signature); for the safety manager, a note that the
 * leader signs. A repeated click or a retry after a lost answer reuses the idempotency key.
 */
export function SubmitPanel({ run }: { run: SelfInspectionDetail }) {
  const { t } = useLocale();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const key = useRef(newIdempotencyKey());

  if (run.status !== 'draft') return null;
  const canSubmit = run.availableActions.includes('submit');
  if (!canSubmit) {
    return run.availableActions.includes('answer') ? (
      <InfoNote>{t('selfInspections.run.leaderSigns')}</InfoNote>
    ) : null;
  }

  const check = checkSelfInspectionSubmission(
    { inspectors: run.inspectors, photoRequired: run.photoRequired },
    run.items.map((i) => ({
      code: i.code,
      answer: i.answer,
      description: i.description,
      naReason: i.naReason,
      photoCount: i.photos.length,
    })),
  );

  const submit = () => {
    setBusy(true);
    setErrors([]);
    submitSelfInspection(run.id, run.version, key.current)
      .then((saved) => {
        queryClient.setQueryData(selfInspectionKeys.run(run.id), saved);
        void queryClient.invalidateQueries({ queryKey: ['self-inspections', 'list'] });
        void queryClient.invalidateQueries({ queryKey: selfInspectionKeys.startInfo() });
        void message.success(t('selfInspections.run.submitted'));
        setConfirming(false);
      })
      .catch((e: unknown) => {
        setConfirming(false);
        if (e instanceof ApiError) {
          setErrors(e.fields.length ? e.fields.map((f) => f.message) : [e.message]);
          // A new attempt after a refusal is a new request.
          key.current = newIdempotencyKey();
          if (e.status === 409)
            void queryClient.invalidateQueries({ queryKey: selfInspectionKeys.run(run.id) });
        } else {
          setErrors([t('common.unexpectedError')]);
        }
      })
      .finally(() => setBusy(false));
  };

  const blocked = !check.ok;
  const hint = check.inspectorsMissing
    ? t('selfInspections.run.inspectorsMissing')
    : check.items.length > 0
      ? t('selfInspections.run.incomplete', { n: check.items.length })
      : null;

  return (
    <Card>
      <Flex vertical gap={12}>
        {errors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('selfInspections.run.submitErrors')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {errors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Flex gap={12} wrap align="center">
          <Button
            type="primary"
            size="large"
            icon={<SignatureOutlined />}
            disabled={blocked}
            loading={busy}
            onClick={() => setConfirming(true)}
          >
            {t('selfInspections.run.submit')}
          </Button>
          {hint ? <Typography.Text type="warning">{hint}</Typography.Text> : null}
        </Flex>
      </Flex>
      <Modal
        open={confirming}
        title={t('selfInspections.run.submitTitle')}
        okText={t('selfInspections.run.submit')}
        onOk={submit}
        okButtonProps={{ loading: busy }}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>
          {t('selfInspections.run.submitConfirm', {
            name: me?.displayName ?? '',
            n: run.progress.problems,
          })}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
