import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  formatReceiptCode,
  type PublicTipView,
  TIP_STATUS_LABELS,
  TIP_VERIFICATION_RESULT_LABELS,
  TIP_FILES_MAX,
} from '@hazard-ledger/domain';
import {
  addPublicTipInfo,
  answerPublicTipQuestion,
  downloadPublicTipFile,
} from '../../../api/tips-public-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import type { MessageKey } from '../../../i18n/messages';
import { useLocale } from '../../../i18n/locale-context';
import { type PickedFile, TipFilePicker } from './TipFilePicker';
import { RewardClaimInfo } from '../informants/RewardClaimInfo';

type Message = PublicTipView['messages'][number];
type TipFile = PublicTipView['files'][number];

const STATUS_COLORS: Record<PublicTipView['status'], string> = {
  received: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  verifying: 'orange',
  verified: 'green',
  closed: 'green',
};

const PRE: React.CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 };

function FileLinks({ code, files }: { code: string; files: TipFile[] }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      {files.map((f) => (
        <Button
          key={f.id}
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          aria-label={`${t('tipPublic.download')} ${f.fileName}`}
          onClick={() =>
            void downloadPublicTipFile(code, f).catch((e: unknown) =>
              message.error(e instanceof Error ? e.message : t('common.unexpectedError')),
            )
          }
        >
          {/* File names are shown as text (React escapes them); never as markup. */}
          {f.fileName}
        </Button>
      ))}
    </Flex>
  );
}

function AnswerBox({
  code,
  question,
  onDone,
}: {
  code: string;
  question: Message;
  onDone: (view: PublicTipView) => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const answer = useMutation({
    mutationFn: () => answerPublicTipQuestion(code, question.id, text),
    onSuccess: (view) => {
      setText('');
      void message.success(t('tipPublic.answerSent'));
      onDone(view);
    },
  });
  return (
    <div style={{ marginTop: 8 }}>
      <Input.TextArea
        aria-label={t('tipPublic.answer')}
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('tipPublic.answerPlaceholder')}
      />
      <ErrorAlert error={answer.error} style={{ marginTop: 8 }} />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={!text.trim()}
        loading={answer.isPending}
        onClick={() => answer.mutate()}
      >
        {t('tipPublic.answerSend')}
      </Button>
    </div>
  );
}

function AddInfo({ code, onDone }: { code: string; onDone: (view: PublicTipView) => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const add = useMutation({
    mutationFn: () =>
      addPublicTipInfo(
        code,
        text,
        files.map((f) => f.file),
      ),
    onSuccess: (view) => {
      setText('');
      setFiles([]);
      void message.success(t('tipPublic.addInfoSent'));
      onDone(view);
    },
  });
  const empty = !text.trim() && files.length === 0;
  return (
    <Card title={t('tipPublic.addInfo')} size="small">
      <Input.TextArea
        aria-label={t('tipPublic.addInfo')}
        rows={4}
        maxLength={2000}
        showCount
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('tipPublic.addInfoPlaceholder')}
      />
      <div style={{ margin: '12px 0' }}>
        <TipFilePicker value={files} onChange={setFiles} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tipPublic.filesHint', { max: TIP_FILES_MAX })}
        </Typography.Text>
      </div>
      <ErrorAlert error={add.error} />
      <Button type="primary" disabled={empty} loading={add.isPending} onClick={() => add.mutate()}>
        {t('tipPublic.addInfoSend')}
      </Button>
    </Card>
  );
}

/** Everything a receipt code shows, with the answer and add-information forms. */
export function TipStatusView({
  code,
  view,
  onChange,
  onLeave,
}: {
  code: string;
  view: PublicTipView;
  onChange: (view: PublicTipView) => void;
  onLeave: () => void;
}) {
  const { t, label } = useLocale();
  const filesOf = (messageId: number | null) => view.files.filter((f) => f.messageId === messageId);
  const submittedFiles = filesOf(null).filter((f) => f.fromReporter);
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={formatReceiptCode(code)}
        extra={
          <Button size="small" onClick={onLeave}>
            {t('tipPublic.leave')}
          </Button>
        }
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('tipPublic.number')}>{view.number}</Descriptions.Item>
          <Descriptions.Item label={t('tipPublic.status')}>
            <Tag color={STATUS_COLORS[view.status]}>{label(TIP_STATUS_LABELS[view.status])}</Tag>
          </Descriptions.Item>
          {view.verificationResult && (
            <Descriptions.Item label={t('tipPublic.result')}>
              {label(TIP_VERIFICATION_RESULT_LABELS[view.verificationResult])}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('tipPublic.receivedAt')}>
            {formatDateTime(view.receivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('tipPublic.target')}>
            {view.enterpriseName ?? '—'}（{view.districtName}）
          </Descriptions.Item>
          <Descriptions.Item label={t('tipPublic.subject')}>{view.subject}</Descriptions.Item>
          {view.place && (
            <Descriptions.Item label={t('tipPublic.place')}>{view.place}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('tipPublic.description')}>
            <p style={PRE}>{view.description}</p>
          </Descriptions.Item>
        </Descriptions>
        {submittedFiles.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('tipPublic.attachments')}</Typography.Text>
            <FileLinks code={code} files={submittedFiles} />
          </>
        )}
      </Card>

      {/* A tip found true may lead to a reward: how to claim it (never the amount). */}
      {view.verificationResult === 'true' || view.verificationResult === 'partly_true' ? (
        <RewardClaimInfo code={code} />
      ) : null}

      <Card size="small" title={t('tipPublic.history')}>
        <Timeline
          items={view.timeline.map((e, i) => ({
            key: i,
            color: i === view.timeline.length - 1 ? 'blue' : 'gray',
            content: (
              <>
                <div>{label(TIP_STATUS_LABELS[e.status])}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>

      <Card size="small" title={t('tipPublic.conversation')}>
        {view.messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tipPublic.noMessages')} />
        ) : (
          <Flex vertical gap={16} role="list">
            {view.messages.map((m) => (
              <div
                key={m.id}
                role="listitem"
                style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', paddingBottom: 12 }}
              >
                <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
                  <Tag color={m.kind === 'question' ? 'orange' : m.unitName ? 'blue' : 'default'}>
                    {t(`tipPublic.kind.${m.kind}` as MessageKey)}
                  </Tag>
                  {m.unitName && <Typography.Text type="secondary">{m.unitName}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(m.at)}
                  </Typography.Text>
                  {m.kind === 'question' && m.answered && (
                    <Tag color="green">{t('tipPublic.answered')}</Tag>
                  )}
                </Flex>
                {m.body && <p style={PRE}>{m.body}</p>}
                <FileLinks code={code} files={filesOf(m.id)} />
                {m.kind === 'question' && !m.answered && view.canAddInfo && (
                  <AnswerBox code={code} question={m} onDone={onChange} />
                )}
              </div>
            ))}
          </Flex>
        )}
      </Card>

      {view.canAddInfo ? (
        <AddInfo code={code} onDone={onChange} />
      ) : (
        <Typography.Text type="secondary">{t('tipPublic.closed')}</Typography.Text>
      )}
    </Flex>
  );
}
