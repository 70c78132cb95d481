import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Empty,
  Flex,
  Input,
  Radio,
  Tabs,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  TIP_MESSAGE_KIND_LABELS,
  type StaffMessageKind,
  type TipDetail,
  type TipMessage,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { addTipMessage, tipFileUrl, tipKeys } from '../../../api/tips-api';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { applyTipDetail } from './tip-cache';
import '../../../i18n/messages-tips';

const KIND_COLORS: Record<TipMessage['kind'], string> = {
  note: 'default',
  reply: 'green',
  question: 'orange',
  reporter_info: 'blue',
  reporter_answer: 'blue',
};

/** One message: who, when, its kind, the text (as text), and files added with it. */
function MessageItem({ tip, m }: { tip: TipDetail; m: TipMessage }) {
  const { t, label } = useLocale();
  const { token } = theme.useToken();
  const files = tip.files.filter((f) => f.messageId === m.id);
  const fromReporter = m.kind === 'reporter_info' || m.kind === 'reporter_answer';
  return (
    <div
      data-testid="tip-message"
      style={{
        padding: '8px 12px',
        borderRadius: token.borderRadiusLG,
        background: fromReporter ? token.colorInfoBg : token.colorFillQuaternary,
      }}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
        <Tag color={KIND_COLORS[m.kind]} style={{ marginInlineEnd: 0 }}>
          {label(TIP_MESSAGE_KIND_LABELS[m.kind])}
        </Tag>
        <Typography.Text strong>{m.authorName ?? t('tips.messages.reporter')}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
      </Flex>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0, wordBreak: 'break-word' }}
      >
        {m.body}
      </Typography.Paragraph>
      {files.map((f) => (
        <div key={f.id}>
          <Typography.Link
            href={tipFileUrl(tip.id, f.id)}
            target="_blank"
            rel="noopener noreferrer"
          >
            {f.fileName}
          </Typography.Link>
        </div>
      ))}
    </div>
  );
}

/** Writes one staff message of the kinds the tab offers. */
function Composer({ tip, kinds }: { tip: TipDetail; kinds: readonly StaffMessageKind[] }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<StaffMessageKind>(kinds[0]!);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => addTipMessage(tip.id, { kind, body: body.trim() }),
    onSuccess: async (detail) => {
      setBody('');
      void message.success(t('tips.messages.sent'));
      await applyTipDetail(queryClient, detail);
    },
    onError: (e) => {
      setError(
        e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('common.unexpectedError'),
      );
      if (e instanceof ApiError && e.status === 409)
        void queryClient.invalidateQueries({ queryKey: tipKeys.one(tip.id) });
    },
  });
  const id = `tipMessage_${kinds.join('_')}`;
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {kinds.length > 1 ? (
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as StaffMessageKind)}
          optionType="button"
          options={kinds.map((k) => ({ value: k, label: label(TIP_MESSAGE_KIND_LABELS[k]) }))}
        />
      ) : null}
      <Input.TextArea
        id={id}
        aria-label={label(TIP_MESSAGE_KIND_LABELS[kind])}
        rows={3}
        maxLength={4000}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          setError(null);
        }}
        placeholder={
          kind === 'note' ? t('tips.messages.notePlaceholder') : t('tips.messages.replyPlaceholder')
        }
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          loading={mutation.isPending}
          disabled={body.trim() === ''}
          onClick={() => mutation.mutate()}
        >
          {kind === 'note' ? t('tips.messages.addNote') : t('tips.messages.send')}
        </Button>
      </Flex>
    </Flex>
  );
}

/**
 * The messages of a tip in two tabs: internal notes (never shown to the reporter) and the
 * conversation with the reporter (replies, questions, and what the reporter added or answered).
 */
export function TipMessages({ tip }: { tip: TipDetail }) {
  const { t } = useLocale();
  const notes = tip.messages.filter((m) => m.kind === 'note');
  const conversation = tip.messages.filter((m) => m.kind !== 'note');
  const canNote = tip.availableActions.includes('note');
  const replyKinds: StaffMessageKind[] = [
    ...(tip.availableActions.includes('reply') ? (['reply'] as const) : []),
    ...(tip.availableActions.includes('ask') ? (['question'] as const) : []),
  ];
  const list = (items: TipMessage[]) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tips.messages.none')} />
    ) : (
      <Flex vertical gap={8}>
        {items.map((m) => (
          <MessageItem key={m.id} tip={tip} m={m} />
        ))}
      </Flex>
    );
  return (
    <Tabs
      items={[
        {
          key: 'reporter',
          label: `${t('tips.messages.conversation')} ${conversation.length}`,
          children: (
            <>
              <InfoNote>{t('tips.messages.conversationNote')}</InfoNote>
              {list(conversation)}
              {replyKinds.length > 0 ? (
                <Composer tip={tip} kinds={replyKinds} />
              ) : !tip.reporterReachable ? (
                <Typography.Text type="secondary">{t('tips.messages.unreachable')}</Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          key: 'notes',
          label: `${t('tips.messages.notes')} ${notes.length}`,
          children: (
            <>
              <InfoNote>{t('tips.messages.notesNote')}</InfoNote>
              {list(notes)}
              {canNote ? <Composer tip={tip} kinds={['note']} /> : null}
            </>
          ),
        },
      ]}
    />
  );
}
