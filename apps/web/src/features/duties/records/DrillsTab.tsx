import { useState } from 'react';
import {
  Alert,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DRILL_TYPE_LABELS, DRILL_TYPES } from '@hazard-ledger/domain';
import { dutyRecordKeys, getDrills, type DrillsView } from '../../../api/duty-records-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { DutyFiles } from './DutyFiles';
import { Field, Item, MetTag, Pre, RowActions, Section } from './record-bits';
import { useRecordCache } from './record-cache';
import { DRILL_FORM, toDay } from './record-forms';
import { RecordEditor, useRecordEditing } from './RecordEditor';

type Drill = DrillsView['drills'][number];

/**
 * 应急演练 (§二(一)5): the drills of a calendar year (at least 2 a year; fewer is flagged) with
 * scenario, participants, equipment, evaluation and improvements, photos and documents; and the
 * enterprise's emergency plans (应急预案).
 */
export function DrillsTab({ enterprise }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const id = enterprise.id;
  // null: the current year, as the server counts it.
  const [year, setYear] = useState<number | null>(null);
  const query = useQuery({
    queryKey: dutyRecordKeys.drills(id, year),
    queryFn: ({ signal }) => getDrills(id, year, signal),
    placeholderData: keepPreviousData,
  });
  const cache = useRecordCache(id);
  const editing = useRecordEditing();
  const refresh = () => cache.refresh('drills');
  const v = query.data;
  const required = (field: string) => [
    { required: true, message: t('dutyRecords.required', { field }) },
  ];

  if (!v) {
    return (
      <>
        <ErrorAlert error={query.error} />
        {query.isPending ? <Skeleton active /> : null}
      </>
    );
  }
  const can = v.canEdit;
  const current = Number(v.asOf.slice(0, 4));
  const isCurrent = v.year === current;
  const statusText = v.status.short
    ? isCurrent
      ? t('dutyRecords.drill.shortThisYear', { count: v.status.count, required: v.status.required })
      : t('dutyRecords.drill.shortYear', {
          year: v.year,
          count: v.status.count,
          required: v.status.required,
        })
    : isCurrent
      ? t('dutyRecords.drill.metThisYear', { count: v.status.count })
      : t('dutyRecords.drill.metYear', { year: v.year, count: v.status.count });

  const items = (
    <>
      <Form.Item
        label={t('dutyRecords.drill.scenario')}
        name="scenario"
        rules={required(t('dutyRecords.drill.scenario'))}
      >
        <Input maxLength={200} placeholder={t('dutyRecords.drill.scenarioHint')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('dutyRecords.drill.date')}
            name="drillDate"
            rules={required(t('dutyRecords.drill.date'))}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('dutyRecords.drill.participants')}
            name="participants"
            rules={required(t('dutyRecords.drill.participants'))}
          >
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('dutyRecords.drill.type')} name="drillType">
        <Select
          allowClear
          options={DRILL_TYPES.map((d) => ({ value: d, label: label(DRILL_TYPE_LABELS[d]) }))}
        />
      </Form.Item>
      <Form.Item label={t('dutyRecords.drill.equipmentUsed')} name="equipmentUsed">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('dutyRecords.drill.equipmentAdded')} name="equipmentAdded">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('dutyRecords.drill.evaluation')} name="evaluation">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item label={t('dutyRecords.drill.improvements')} name="improvements">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
    </>
  );

  const valuesOf = (d: Drill) => ({
    scenario: d.scenario,
    drillType: d.drillType ?? undefined,
    drillDate: toDay(d.drillDate),
    participants: d.participants,
    equipmentUsed: d.equipmentUsed ?? '',
    equipmentAdded: d.equipmentAdded ?? '',
    evaluation: d.evaluation ?? '',
    improvements: d.improvements ?? '',
  });

  return (
    <Flex vertical gap="middle">
      <ErrorAlert error={query.error} />
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('dutyRecords.drill.year')}</Typography.Text>
        <Select
          aria-label={t('dutyRecords.drill.year')}
          value={v.year}
          style={{ width: 140 }}
          onChange={(y: number) => setYear(y === current ? null : y)}
          options={v.years.map((y) => ({
            value: y.year,
            label: t('dutyRecords.drill.yearOption', { year: y.year, count: y.count }),
          }))}
        />
      </Flex>
      <Alert type={v.status.short ? 'warning' : 'success'} showIcon title={statusText} />

      <Section
        title={t('dutyRecords.drill.section')}
        status={<Tag>{t('dutyRecords.drill.count', { count: v.drills.length })}</Tag>}
        addLabel={can ? t('dutyRecords.drill.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'drills',
            id: null,
            version: null,
            values: {},
            title: t('dutyRecords.drill.add'),
          })
        }
      >
        {v.drills.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.drill.empty')}</Typography.Text>
        ) : null}
        {v.drills.map((d) => (
          <Item
            key={d.id}
            label={d.scenario}
            title={d.scenario}
            tags={
              <>
                <Tag>{d.drillDate}</Tag>
                {d.drillType ? (
                  <Tag color="blue">{label(DRILL_TYPE_LABELS[d.drillType])}</Tag>
                ) : null}
                <Tag>{t('dutyRecords.drill.people', { count: d.participants })}</Tag>
              </>
            }
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'drills',
                      id: d.id,
                      version: d.version,
                      values: valuesOf(d),
                      title: t('dutyRecords.drill.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'drills',
                      id: d.id,
                      version: d.version,
                      name: d.scenario,
                    })
                  }
                />
              ) : null
            }
          >
            {d.equipmentUsed ? (
              <Field name={t('dutyRecords.drill.equipmentUsed')}>{d.equipmentUsed}</Field>
            ) : null}
            {d.equipmentAdded ? (
              <Field name={t('dutyRecords.drill.equipmentAdded')}>{d.equipmentAdded}</Field>
            ) : null}
            {d.evaluation ? (
              <Field name={t('dutyRecords.drill.evaluation')}>
                <Pre>{d.evaluation}</Pre>
              </Field>
            ) : null}
            {d.improvements ? (
              <Field name={t('dutyRecords.drill.improvements')}>
                <Pre>{d.improvements}</Pre>
              </Field>
            ) : null}
            <DutyFiles
              enterpriseId={id}
              files={d.files}
              owner="drill"
              ownerId={d.id}
              canEdit={can}
              onChanged={refresh}
              emptyText=""
            />
          </Item>
        ))}
      </Section>

      <Section
        title={t('dutyRecords.plan.section')}
        status={
          <MetTag
            met={v.facts.emergencyPlanAttached}
            yes={t('dutyRecords.plan.met')}
            no={t('dutyRecords.plan.notMet')}
          />
        }
      >
        <DutyFiles
          enterpriseId={id}
          files={v.plans}
          owner="emergency_plan"
          canEdit={can}
          onChanged={refresh}
          uploadLabel={t('dutyRecords.plan.upload')}
          emptyText={t('dutyRecords.plan.empty')}
        />
      </Section>

      <RecordEditor
        enterpriseId={id}
        editing={editing}
        forms={{ drills: { spec: DRILL_FORM, items } }}
      />
    </Flex>
  );
}
