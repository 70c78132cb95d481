import { useState } from 'react';
import { Button, Checkbox, DatePicker, Flex, Form, Grid, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createHotWorkPermitSchema,
  HOT_WORK_DEFAULT_MEASURES,
  HOT_WORK_LEVEL_LABELS,
  HOT_WORK_LEVELS,
  type HotWorkLevel,
  type HotWorkMeasure,
  type HotWorkPermitDetail,
} from '@hazard-ledger/domain';
import { requestPermit } from '../../../api/hazardous-work-api';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { blankToNull } from './record-parts';
import { RecordDrawer } from './RecordDrawer';

type Values = {
  workDescription?: string;
  place?: string;
  level?: HotWorkLevel;
  window?: [Dayjs | null, Dayjs | null] | null;
  operators?: string;
  guardian?: string;
  measures?: HotWorkMeasure[];
  gasTestResult?: string;
};

const FIELDS = [
  'workDescription',
  'place',
  'level',
  'window',
  'operators',
  'guardian',
  'gasTestResult',
] as const;

/** The measures checklist: the defaults as ticks, added measures with a text box and remove. */
export function MeasuresList({ defaults }: { defaults: number }) {
  const { t } = useLocale();
  const [draft, setDraft] = useState('');
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="center">
              <Form.Item name={[field.name, 'checked']} valuePropName="checked" noStyle>
                <Checkbox aria-label={`${t('hw.permit.measures')} ${index + 1}`} />
              </Form.Item>
              {index < defaults ? (
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <Typography.Text>
                      {getFieldValue(['measures', field.name, 'text']) as string}
                    </Typography.Text>
                  )}
                </Form.Item>
              ) : (
                <>
                  <Form.Item name={[field.name, 'text']} noStyle>
                    <Input maxLength={200} style={{ flex: 1 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('hw.void')}
                    onClick={() => remove(field.name)}
                  />
                </>
              )}
            </Flex>
          ))}
          <Flex gap={8} style={{ marginTop: 4 }}>
            <Input
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder={t('hw.permit.newMeasure')}
              aria-label={t('hw.permit.newMeasure')}
              maxLength={200}
              onPressEnter={(e) => {
                e.preventDefault();
                if (draft.trim()) {
                  add({ text: draft.trim(), checked: false });
                  setDraft('');
                }
              }}
            />
            <Button
              icon={<PlusOutlined />}
              disabled={!draft.trim()}
              onClick={() => {
                add({ text: draft.trim(), checked: false });
                setDraft('');
              }}
            >
              {t('hw.permit.addMeasure')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

/** The request form of a hot-work permit; on success the new permit opens. */
export function PermitRequestDrawer({
  enterpriseId,
  open,
  onClose,
  onRequested,
}: {
  enterpriseId: number;
  open: boolean;
  onClose: () => void;
  onRequested: (permit: HotWorkPermitDetail) => void;
}) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const now = dayjs();
  const start = now.add(1, 'hour').startOf('hour');
  return (
    <RecordDrawer<Values, typeof createHotWorkPermitSchema>
      title={t('hw.permit.requestTitle')}
      open={open}
      onClose={onClose}
      schema={createHotWorkPermitSchema}
      fields={FIELDS}
      okText={t('hw.permit.submit')}
      initialValues={{
        level: 'level2',
        window: [start, start.add(4, 'hour')],
        measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: false })),
      }}
      mapPath={(path) => (path === 'startAt' || path === 'endAt' ? 'window' : path)}
      toInput={(v) => ({
        workDescription: v.workDescription?.trim() ?? '',
        place: v.place?.trim() ?? '',
        level: v.level,
        startAt: v.window?.[0]?.toISOString() ?? '',
        endAt: v.window?.[1]?.toISOString() ?? '',
        operators: blankToNull(v.operators),
        guardian: v.guardian?.trim() ?? '',
        measures: (v.measures ?? [])
          .map((m) => ({ text: m.text?.trim() ?? '', checked: !!m.checked }))
          .filter((m) => m.text !== ''),
        gasTestResult: blankToNull(v.gasTestResult),
      })}
      submit={(input) => requestPermit(enterpriseId, input)}
      onSaved={(permit) => onRequested(permit as HotWorkPermitDetail)}
    >
      <Form.Item label={t('hw.permit.work')} name="workDescription">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item label={t('hw.permit.place')} name="place" style={{ flex: 2, minWidth: 200 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('hw.permit.level')} name="level" style={{ flex: 1, minWidth: 140 }}>
          <Select
            options={HOT_WORK_LEVELS.map((l) => ({
              value: l,
              label: label(HOT_WORK_LEVEL_LABELS[l]),
            }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item label={t('hw.permit.window')} name="window" extra={t('hw.permit.windowHint')}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          inputReadOnly={!screens.md}
          disabledDate={(d) => d.isBefore(now, 'day')}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          label={t('hw.permit.guardian')}
          name="guardian"
          style={{ flex: 1, minWidth: 150 }}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('hw.permit.operators')}
          name="operators"
          style={{ flex: 2, minWidth: 200 }}
          extra={t('hw.permit.operatorsHint')}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('hw.permit.measures')}>
        <InfoNote style={{ marginBottom: 8 }}>{t('hw.permit.measuresHint')}</InfoNote>
        <MeasuresList defaults={HOT_WORK_DEFAULT_MEASURES.length} />
      </Form.Item>
      <Form.Item label={t('hw.permit.gasTest')} name="gasTestResult">
        <Input maxLength={200} placeholder={t('hw.permit.gasTestPlaceholder')} />
      </Form.Item>
    </RecordDrawer>
  );
}
