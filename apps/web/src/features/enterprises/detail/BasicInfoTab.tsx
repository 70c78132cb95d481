import { useState } from 'react';
import { Button, Descriptions, Flex, Grid, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { SAFETY_AGENCY_LABELS, SECTOR_LABELS } from '@hazard-ledger/domain';
import type { EnterpriseDetail } from '../../../api/enterprises-api';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { licenceState } from '../enterprise-form';
import { EnterpriseTags, OFFICE_KEYS, StatusTag, subTypeLabel } from '../enterprise-labels';
import { SafetyStaffingModal } from './SafetyStaffingModal';
import type { EnterpriseTabProps } from './tab-types';

function Licences({ licences }: { licences: EnterpriseDetail['licences'] }) {
  const { t } = useLocale();
  if (licences.length === 0) return <>—</>;
  return (
    <Flex vertical gap={8}>
      {licences.map((l, i) => {
        const state = licenceState(l.expiry);
        return (
          <div key={`${l.type}-${l.number}-${i}`}>
            <div>
              <strong>{l.type}</strong> <span style={{ wordBreak: 'break-all' }}>{l.number}</span>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.expiry ? `${t('enterprises.licenceExpiry')} ${l.expiry}` : null}
              {l.expiry && l.issuer ? ' · ' : null}
              {l.issuer}
            </Typography.Text>
            {state === 'expired' ? (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('enterprises.licenceExpired')}
              </Tag>
            ) : state === 'expiring' ? (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('enterprises.licenceExpiring')}
              </Tag>
            ) : null}
          </div>
        );
      })}
    </Flex>
  );
}

const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : v;

/** 基本信息: the registry data, and the safety staffing the enterprise keeps itself. */
export function BasicInfoTab({ enterprise: e }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const [staffing, setStaffing] = useState({ open: false, seq: 0 });
  const column = screens.md ? 2 : 1;
  const labelStyle = { width: screens.sm ? 150 : 96 };

  return (
    <Flex vertical gap={24}>
      <Descriptions
        title={t('enterprises.registry')}
        bordered
        size="small"
        column={column}
        layout="horizontal"
        styles={{ label: labelStyle }}
        items={[
          { key: 'name', label: t('enterprises.name'), children: e.name, span: column },
          {
            key: 'creditCode',
            label: t('enterprises.creditCode'),
            children: <span style={{ fontFamily: 'monospace' }}>{e.creditCode}</span>,
          },
          { key: 'district', label: t('enterprises.district'), children: e.districtName },
          {
            key: 'sector',
            label: t('enterprises.sector'),
            children: label(SECTOR_LABELS[e.sector]),
          },
          {
            key: 'subType',
            label: t('enterprises.subType'),
            children: subTypeLabel(e.sector, e.subType, label),
          },
          { key: 'office', label: t('enterprises.office'), children: t(OFFICE_KEYS[e.office]) },
          { key: 'tags', label: t('enterprises.tags'), children: <EnterpriseTags tags={e.tags} /> },
          {
            key: 'address',
            label: t('enterprises.address'),
            children: dash(e.address),
            span: column,
          },
          {
            key: 'coordinates',
            label: t('enterprises.coordinates'),
            children:
              e.longitude !== null && e.latitude !== null ? `${e.longitude}, ${e.latitude}` : '—',
          },
          {
            key: 'status',
            label: t('enterprises.status'),
            children: (
              <Space size={8} wrap>
                <StatusTag status={e.status} />
                {e.statusDate ? <span>{e.statusDate}</span> : null}
                {e.statusReason ? (
                  <Typography.Text type="secondary">{e.statusReason}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'licences',
            label: t('enterprises.licences'),
            children: <Licences licences={e.licences} />,
            span: column,
          },
          {
            key: 'createdAt',
            label: t('enterprises.createdAt'),
            children: formatDateTime(e.createdAt),
          },
          {
            key: 'updatedAt',
            label: t('enterprises.updatedAt'),
            children: formatDateTime(e.updatedAt),
          },
        ]}
      />
      <Descriptions
        title={t('enterprises.staffing')}
        extra={
          e.can.editPeople ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => setStaffing((s) => ({ open: true, seq: s.seq + 1 }))}
            >
              {t('enterprises.edit')}
            </Button>
          ) : null
        }
        bordered
        size="small"
        column={column}
        layout="horizontal"
        styles={{ label: labelStyle }}
        items={[
          { key: 'employees', label: t('enterprises.employees'), children: dash(e.employees) },
          {
            key: 'safetyAgency',
            label: t('enterprises.safetyAgency'),
            children: e.safetyAgency ? label(SAFETY_AGENCY_LABELS[e.safetyAgency]) : '—',
          },
          {
            key: 'safetyStaffCount',
            label: t('enterprises.safetyStaffCount'),
            children: dash(e.safetyStaffCount),
          },
        ]}
      />
      {staffing.seq > 0 ? (
        <SafetyStaffingModal
          key={staffing.seq}
          enterprise={e}
          open={staffing.open}
          onClose={() => setStaffing((s) => ({ ...s, open: false }))}
        />
      ) : null}
    </Flex>
  );
}
