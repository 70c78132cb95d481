import { Flex, Tag } from 'antd';
import { ROLE_LABELS } from '@hazard-ledger/domain';
import type { Me } from '../api/types';
import { useLocale } from '../i18n/locale-context';

/** Name, role label and org unit of the signed-in user. */
export function UserBadge({ me, vertical }: { me: Me; vertical?: boolean }) {
  const { label } = useLocale();
  return (
    <Flex
      vertical={vertical}
      align={vertical ? 'flex-start' : 'center'}
      gap={vertical ? 4 : 8}
      data-testid="user-badge"
      style={{ minWidth: 0 }}
    >
      <strong>{me.displayName}</strong>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {label(ROLE_LABELS[me.role])}
      </Tag>
      <span
        title={me.enterpriseName ?? me.orgUnitName}
        style={{
          color: 'rgba(0,0,0,0.55)',
          maxWidth: vertical ? '100%' : 220,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {me.enterpriseName ?? me.orgUnitName}
      </span>
    </Flex>
  );
}
