import { useState } from 'react';
import { Button, Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { OnSiteMeasureView } from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import { LiftMeasureModal } from './LiftMeasureModal';
import { MeasureKindTag, MeasureStateTag } from './order-labels';

type Props = {
  items: OnSiteMeasureView[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
  hideEnterprise?: boolean;
};

/** The measure's facts under its subject: number, who imposed it, the record, the lifting. */
function MeasureFacts({ m }: { m: OnSiteMeasureView }) {
  const { t } = useLocale();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {m.documentNo} · {t('orders.measure.imposedBy', { name: m.imposedByName, date: m.imposedOn })}
      {m.recordNo && m.inspectionRecordId ? (
        <>
          {' · '}
          <Link to={`/inspections/${m.inspectionRecordId}`}>{m.recordNo}</Link>
        </>
      ) : null}
      {m.hazardNumber && m.hazardId ? (
        <>
          {' · '}
          <Link to={`/hazards/${m.hazardId}`}>{m.hazardNumber}</Link>
        </>
      ) : null}
      {m.liftedOn && m.liftedByName ? (
        <>
          <br />
          {t('orders.measure.liftedBy', { name: m.liftedByName, note: m.liftNote ?? '' })}
        </>
      ) : null}
    </Typography.Text>
  );
}

/** On-site measures (those in force first, as the server sorts them), with the lift action. */
export function MeasuresTable(props: Props) {
  const { t } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [lifting, setLifting] = useState<OnSiteMeasureView | null>(null);

  const liftButton = (m: OnSiteMeasureView) =>
    m.canLift ? (
      <Button size="small" onClick={() => setLifting(m)}>
        {t('orders.measure.lift')}
      </Button>
    ) : null;

  const columns: TableColumnsType<OnSiteMeasureView> = [
    {
      title: t('orders.measure.kind'),
      key: 'measure',
      render: (_: unknown, m) => (
        <Flex vertical gap={4} align="flex-start">
          <Flex gap={4} wrap align="center">
            <MeasureStateTag active={m.active} liftedOn={m.liftedOn} />
            <MeasureKindTag kind={m.kind} />
          </Flex>
          <Typography.Text strong>{m.subject}</Typography.Text>
          {props.hideEnterprise ? null : <span>{m.enterpriseName}</span>}
          <MeasureFacts m={m} />
          {phone ? liftButton(m) : null}
        </Flex>
      ),
    },
    ...(phone
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, m: OnSiteMeasureView) => liftButton(m),
          },
        ]),
  ];

  return (
    <>
      <Table<OnSiteMeasureView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        locale={{ emptyText: t('orders.measure.empty') }}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: props.total,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => props.onChange(s !== props.pageSize ? 1 : p, s),
        }}
      />
      {lifting ? <LiftMeasureModal measure={lifting} onClose={() => setLifting(null)} /> : null}
    </>
  );
}
