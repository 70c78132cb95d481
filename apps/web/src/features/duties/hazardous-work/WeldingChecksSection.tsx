import { useState } from 'react';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { weldingCheckInputSchema } from '@hazard-ledger/domain';
import {
  hazardousWorkKeys,
  listWeldingChecks,
  recordWeldingCheck,
} from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { blankToNull, isoDay, Line } from './record-parts';
import { RecordDrawer, VoidButton } from './RecordDrawer';

type Values = {
  checkedOn?: Dayjs | null;
  equipmentCount?: number | null;
  equipmentList?: string;
  problems?: string;
  actionsTaken?: string;
  retiredCount?: number | null;
  checkedBy?: string;
};

const FIELDS = [
  'checkedOn',
  'equipmentCount',
  'equipmentList',
  'problems',
  'actionsTaken',
  'retiredCount',
  'checkedBy',
] as const;

/** The welding-equipment checks of an enterprise (电气焊设备全面安全检查). */
export function WeldingChecksSection({
  enterpriseId,
  canRecord,
}: {
  enterpriseId: number;
  canRecord: boolean;
}) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: hazardousWorkKeys.weldingChecks(enterpriseId),
    queryFn: ({ signal }) => listWeldingChecks(enterpriseId, signal),
  });
  const items = list.data?.items ?? [];
  const today = dayjs().endOf('day');

  return (
    <>
      {canRecord ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('hw.welding.add')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert error={list.error} />
      {items.length === 0 && !list.isLoading ? <Empty description={t('hw.empty')} /> : null}
      <Flex vertical gap={8}>
        {items.map((c) => (
          <Card
            key={c.id}
            size="small"
            title={`${c.checkedOn} · ${t('hw.welding.summary', { count: c.equipmentCount, retired: c.retiredCount })}`}
            extra={canRecord ? <VoidButton kind="welding-checks" id={c.id} /> : null}
          >
            <Line label={t('hw.welding.list')} text={c.equipmentList} />
            <Line label={t('hw.welding.problems')} text={c.problems} />
            <Line label={t('hw.welding.actions')} text={c.actionsTaken} />
            <Line label={t('hw.welding.checkedBy')} text={c.checkedBy} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hw.recordedBy', { name: c.createdByName, at: formatDateTime(c.createdAt) })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      <RecordDrawer<Values, typeof weldingCheckInputSchema>
        title={t('hw.welding.title')}
        open={open}
        onClose={() => setOpen(false)}
        schema={weldingCheckInputSchema}
        fields={FIELDS}
        initialValues={{ checkedOn: dayjs(), retiredCount: 0 }}
        toInput={(v) => ({
          checkedOn: isoDay(v.checkedOn),
          equipmentCount: v.equipmentCount ?? undefined,
          equipmentList: blankToNull(v.equipmentList),
          problems: blankToNull(v.problems),
          actionsTaken: blankToNull(v.actionsTaken),
          retiredCount: v.retiredCount ?? 0,
          checkedBy: v.checkedBy?.trim() ?? '',
        })}
        submit={(input) => recordWeldingCheck(enterpriseId, input)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            label={t('hw.welding.checkedOn')}
            name="checkedOn"
            style={{ flex: 1, minWidth: 150 }}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={!screens.md}
              disabledDate={(d) => d.isAfter(today)}
            />
          </Form.Item>
          <Form.Item
            label={t('hw.welding.count')}
            name="equipmentCount"
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('hw.welding.retired')}
            name="retiredCount"
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('hw.welding.list')} name="equipmentList">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('hw.welding.problems')} name="problems">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('hw.welding.actions')} name="actionsTaken">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('hw.welding.checkedBy')} name="checkedBy">
          <Input maxLength={100} />
        </Form.Item>
      </RecordDrawer>
    </>
  );
}
