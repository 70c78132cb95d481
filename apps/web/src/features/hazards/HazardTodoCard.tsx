import type { CSSProperties } from 'react';
import { Badge, Card, Flex, Typography, theme } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getHazardTodo, type HazardTodoGroup } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { ledgerHref, todoGroupFilters } from './ledger-href';
import { DeadlineText } from './deadline-text';
import '../../i18n/messages-hazard';

const GROUP_KEYS: Record<string, MessageKey> = {
  plan: 'hazards.todo.group.plan',
  plan_approval: 'hazards.todo.group.plan_approval',
  fix: 'hazards.todo.group.fix',
  acceptance: 'hazards.todo.group.acceptance',
  overdue: 'hazards.todo.group.overdue',
  verification: 'hazards.todo.group.verification',
  extension: 'hazards.todo.group.extension',
  supervised: 'hazards.todo.group.supervised',
};

/** How many items of each group the card lists. */
const SHOWN = 3;

// A plain list rather than antd's List: List brings its pagination (and with it Select) into the
// home page's first download for three lines per group.
const LIST_STYLE: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/**
 * "我的待办": what waits for my side (enterprise: plans, approvals, fixes, acceptance, overdue;
 * bureau: verifications, extensions, overdue, supervised) with counts, the first items, and a
 * link to the matching ledger view.
 */
export function HazardTodoCard() {
  const { t, locale } = useLocale();
  const { token } = theme.useToken();
  const itemStyle: CSSProperties = { paddingBlock: token.paddingXS };
  const dividerStyle: CSSProperties = { borderTop: `1px solid ${token.colorSplit}` };
  const todo = useQuery({
    queryKey: queryKeys.hazardTodo,
    queryFn: ({ signal }) => getHazardTodo(signal),
  });
  const groups = todo.data?.groups ?? [];
  // The server names its groups in Chinese; other languages use our own labels when known.
  const groupLabel = (g: HazardTodoGroup) => {
    const key = GROUP_KEYS[g.key];
    return locale === 'zh' || !key ? g.label : t(key);
  };
  const open = groups.filter((g) => g.count > 0);

  return (
    <Card title={t('hazards.todo.title')} loading={todo.isPending}>
      <ErrorAlert error={todo.error} />
      {todo.isSuccess && open.length === 0 ? (
        <Typography.Text type="secondary">{t('hazards.todo.empty')}</Typography.Text>
      ) : null}
      <Flex vertical gap={16}>
        {open.map((g) => (
          <section key={g.key} aria-label={groupLabel(g)} data-todo-group={g.key}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex align="center" gap={8}>
                <Typography.Text strong>{groupLabel(g)}</Typography.Text>
                <Badge
                  count={g.count}
                  overflowCount={999}
                  color={g.key === 'overdue' ? 'red' : 'blue'}
                />
              </Flex>
              <Link to={ledgerHref(todoGroupFilters(g.key))}>{t('hazards.todo.viewAll')}</Link>
            </Flex>
            <ul style={LIST_STYLE}>
              {g.items.slice(0, SHOWN).map((h, i) => (
                <li key={h.id} style={i > 0 ? { ...itemStyle, ...dividerStyle } : itemStyle}>
                  <Flex vertical style={{ minWidth: 0, width: '100%' }}>
                    <Link to={`/hazards/${h.id}`} style={{ minHeight: 24 }}>
                      {h.number} {h.title}
                    </Link>
                    <Flex gap={8} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {h.enterpriseName}
                      </Typography.Text>
                      {h.deadline ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('hazards.deadline')}：
                          <DeadlineText deadline={h.deadline} overdue={h.overdue} />
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </Flex>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Flex>
    </Card>
  );
}
