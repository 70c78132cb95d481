import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
} from '@ant-design/icons';
import {
  DUTY_LABELS,
  DUTY_REQUIREMENT_LABELS,
  DUTY_STATUS_LABELS,
  DUTY_WARNING_LABELS,
  type DutyRequirement,
  type DutyStatus,
  type DutyWarning,
  type ScorecardView,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-duty';

const STATUS_COLOR: Record<DutyStatus, string> = {
  done: 'success',
  partly: 'warning',
  missing: 'error',
};

/** Fills `{name}` placeholders of a label from a requirement's figures. */
function fill(text: string, detail: Record<string, string | number> | undefined): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(detail?.[k] ?? ''));
}

/** A duty's status as a coloured tag. */
export function DutyStatusTag({ status }: { status: DutyStatus }) {
  const { label } = useLocale();
  const icon =
    status === 'done' ? (
      <CheckCircleOutlined />
    ) : status === 'partly' ? (
      <ExclamationCircleOutlined />
    ) : (
      <CloseCircleOutlined />
    );
  return (
    <Tag color={STATUS_COLOR[status]} icon={icon}>
      {label(DUTY_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The unmet requirements and warnings of one duty, as short lines. */
export function useDutyReasons() {
  const { label } = useLocale();
  return (duty: ScorecardView['duties'][number]): { text: string; warning: boolean }[] => [
    ...duty.requirements
      .filter((r) => !r.met)
      .map((r) => ({
        text: fill(label(DUTY_REQUIREMENT_LABELS[r.code as DutyRequirement]), r.detail),
        warning: false,
      })),
    ...duty.warnings.map((w) => ({
      text: fill(label(DUTY_WARNING_LABELS[w.code as DutyWarning]), w.detail),
      warning: true,
    })),
  ];
}

/** The five duties as cards: status, and the reasons computed from the records. */
export function ScorecardCards({ card }: { card: ScorecardView }) {
  const { t, label } = useLocale();
  const reasons = useDutyReasons();
  return (
    <Flex vertical gap="middle">
      <Alert
        type={card.missing > 0 ? 'error' : card.partly > 0 ? 'warning' : 'success'}
        showIcon
        title={t('duties.summary', {
          done: card.done,
          partly: card.partly,
          missing: card.missing,
          date: card.asOf,
        })}
      />
      <Row gutter={[12, 12]}>
        {card.duties.map((d, i) => {
          const lines = reasons(d);
          return (
            <Col key={d.duty} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={`${i + 1}. ${label(DUTY_LABELS[d.duty])}`}
                extra={<DutyStatusTag status={d.status} />}
                data-testid={`duty-${d.duty}`}
              >
                {lines.length === 0 ? (
                  <Typography.Text type="secondary">{t('duties.allMet')}</Typography.Text>
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {lines.map((line) => (
                      <li key={line.text}>
                        <Typography.Text type={line.warning ? 'warning' : 'danger'}>
                          {line.text}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
