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
import { hazardousStaffCheckInputSchema } from '@hazard-ledger/domain';
import {
  hazardousWorkKeys,
  listStaffChecks,
  recordStaffCheck,
} from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { blankToNull, isoDay, Line } from './record-parts';
import { RecordDrawer, VoidButton } from './RecordDrawer';

type Values = {
  checkedOn?: Dayjs | null;
  scope?: string;
  peopleChecked?: number | null;
  unlicensedFound?: number | null;
  problems?: string;
  actionsTaken?: string;
};

const FIELDS = [
  'checkedOn',
  'scope',
  'peopleChecked',
  'unlicensedFound',
  'problems',
  'actionsTaken',
] as const;

/** The one-off check of hazardous-operation staff (危险作业人员全面排查). */
export function StaffChecksSection({
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
    queryKey: hazardousWorkKeys.staffChecks(enterpriseId),
    queryFn: ({ signal }) => listStaffChecks(enterpriseId, signal),
  });
  const items = list.data?.items ?? [];
  const today = dayjs().endOf('day');

  return (
    <>
      {canRecord ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('hw.staff.add')}
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
            title={`${c.checkedOn} · ${t('hw.staff.summary', { people: c.peopleChecked, unlicensed: c.unlicensedFound })}`}
            extra={canRecord ? <VoidButton kind="hazardous-staff-checks" id={c.id} /> : null}
          >
            <Line label={t('hw.staff.scope')} text={c.scope} />
            <Line label={t('hw.staff.problems')} text={c.problems} />
            <Line label={t('hw.staff.actions')} text={c.actionsTaken} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hw.recordedBy', { name: c.createdByName, at: formatDateTime(c.createdAt) })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      <RecordDrawer<Values, typeof hazardousStaffCheckInputSchema>
        title={t('hw.staff.title')}
        open={open}
        onClose={() => setOpen(false)}
        schema={hazardousStaffCheckInputSchema}
        fields={FIELDS}
        initialValues={{ checkedOn: dayjs(), unlicensedFound: 0 }}
        toInput={(v) => ({
          checkedOn: isoDay(v.checkedOn),
          scope: v.scope?.trim() ?? '',
          peopleChecked: v.peopleChecked ?? undefined,
          unlicensedFound: v.unlicensedFound ?? 0,
          problems: blankToNull(v.problems),
          actionsTaken: blankToNull(v.actionsTaken),
        })}
        submit={(input) => recordStaffCheck(enterpriseId, input)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            label={t('hw.staff.checkedOn')}
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
            label={t('hw.staff.people')}
            name="peopleChecked"
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('hw.staff.unlicensed')}
            name="unlicensedFound"
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('hw.staff.scope')} name="scope">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            placeholder={t('hw.staff.scopePlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('hw.staff.problems')} name="problems">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('hw.staff.actions')} name="actionsTaken">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </RecordDrawer>
    </>
  );
}
