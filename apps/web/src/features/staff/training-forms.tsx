import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  OPERATION_CATEGORIES,
  OPERATION_CATEGORY_LABELS,
  operationTrainingInputSchema,
  type OperationTrainingView,
  staffTrainingInputSchema,
  type StaffTrainingView,
  updateOperationTrainingSchema,
  updateStaffTrainingSchema,
} from '@hazard-ledger/domain';
import {
  createOperationTraining,
  createStaffTraining,
  listAttendeeOptions,
  staffKeys,
  updateOperationTraining,
  updateStaffTraining,
} from '../../api/staff-api';
import { useLocale } from '../../i18n/locale-context';
import { blankToNull, FormModal, numberOrUndefined } from './FormModal';

// The forms of a staff training session and of a special-operation training session.

type StaffTrainingValues = {
  topic?: string;
  heldOn?: string;
  hours?: number | null;
  trainer?: string;
  place?: string;
  content?: string;
  attendeeIds?: number[];
};
const STAFF_TRAINING_FIELDS = [
  'topic',
  'heldOn',
  'hours',
  'trainer',
  'place',
  'content',
  'attendeeIds',
] as const;

/** Records a staff training session, or edits one with its attendee list. */
export function StaffTrainingModal({
  record,
  onClose,
}: {
  record: StaffTrainingView | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const options = useQuery({
    queryKey: staffKeys.attendeeOptions,
    queryFn: ({ signal }) => listAttendeeOptions(signal),
  });
  const toInput = (v: StaffTrainingValues) => ({
    topic: v.topic ?? '',
    heldOn: v.heldOn ?? '',
    hours: numberOrUndefined(v.hours),
    trainer: v.trainer ?? '',
    place: blankToNull(v.place),
    content: blankToNull(v.content),
    attendeeIds: v.attendeeIds ?? [],
    ...(record ? { version: record.version } : {}),
  });
  const fields = (
    <>
      <Form.Item name="topic" label={t('training.topic')}>
        <Input />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="heldOn" label={t('training.heldOn')} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="hours" label={t('training.hours')} style={{ flex: 1 }}>
          <InputNumber min={0.5} max={200} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="trainer" label={t('training.trainer')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="place" label={t('training.place')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="content" label={t('training.content')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('training.attendees')}>
        <Select
          mode="multiple"
          loading={options.isPending}
          optionFilterProp="label"
          options={(options.data?.items ?? []).map((o) => ({
            value: o.staffId,
            label: `${o.name}（${o.orgUnitName}）`,
          }))}
        />
      </Form.Item>
    </>
  );
  if (record) {
    return (
      <FormModal<StaffTrainingValues, typeof updateStaffTrainingSchema>
        title={t('training.editAttendees')}
        onClose={onClose}
        schema={updateStaffTrainingSchema}
        toInput={toInput}
        submit={(input) => updateStaffTraining(record.id, input)}
        fields={STAFF_TRAINING_FIELDS}
        initialValues={{
          topic: record.topic,
          heldOn: record.heldOn,
          hours: record.hours,
          trainer: record.trainer,
          place: record.place ?? '',
          content: record.content ?? '',
          attendeeIds: record.attendees.map((a) => a.staffId),
        }}
      >
        {fields}
      </FormModal>
    );
  }
  return (
    <FormModal<StaffTrainingValues, typeof staffTrainingInputSchema>
      title={t('training.add')}
      onClose={onClose}
      schema={staffTrainingInputSchema}
      toInput={toInput}
      submit={createStaffTraining}
      fields={STAFF_TRAINING_FIELDS}
    >
      {fields}
    </FormModal>
  );
}

type OperationTrainingValues = {
  title?: string;
  category?: string;
  operationItem?: string;
  startsOn?: string;
  place?: string;
  capacity?: number | null;
  enrolDeadline?: string;
  note?: string;
};
const OPERATION_TRAINING_FIELDS = [
  'title',
  'category',
  'operationItem',
  'startsOn',
  'place',
  'capacity',
  'enrolDeadline',
  'note',
] as const;

/** Announces a special-operation training session to enterprises, or edits one. */
export function OperationTrainingModal({
  record,
  onClose,
}: {
  record: OperationTrainingView | null;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const toInput = (v: OperationTrainingValues) => ({
    title: v.title ?? '',
    category: v.category,
    operationItem: blankToNull(v.operationItem),
    startsOn: v.startsOn ?? '',
    place: v.place ?? '',
    capacity: numberOrUndefined(v.capacity),
    enrolDeadline: v.enrolDeadline ?? '',
    note: blankToNull(v.note),
    ...(record ? { version: record.version } : {}),
  });
  const fields = (
    <>
      <Form.Item name="title" label={t('training.title')}>
        <Input />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="category" label={t('training.category')} style={{ flex: 1 }}>
          <Select
            options={OPERATION_CATEGORIES.map((c) => ({
              value: c,
              label: label(OPERATION_CATEGORY_LABELS[c]),
            }))}
          />
        </Form.Item>
        <Form.Item name="operationItem" label={t('training.operationItem')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="startsOn" label={t('training.startsOn')} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="enrolDeadline" label={t('training.enrolDeadline')} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="capacity" label={t('training.capacity')} style={{ flex: 1 }}>
          <InputNumber min={1} max={500} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="place" label={t('training.place')}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={t('training.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
  if (record) {
    return (
      <FormModal<OperationTrainingValues, typeof updateOperationTrainingSchema>
        title={t('common.edit')}
        onClose={onClose}
        schema={updateOperationTrainingSchema}
        toInput={toInput}
        submit={(input) => updateOperationTraining(record.id, input)}
        fields={OPERATION_TRAINING_FIELDS}
        initialValues={{
          title: record.title,
          category: record.category,
          operationItem: record.operationItem ?? '',
          startsOn: record.startsOn,
          place: record.place,
          capacity: record.capacity,
          enrolDeadline: record.enrolDeadline,
          note: record.note ?? '',
        }}
      >
        {fields}
      </FormModal>
    );
  }
  return (
    <FormModal<OperationTrainingValues, typeof operationTrainingInputSchema>
      title={t('training.announce')}
      onClose={onClose}
      schema={operationTrainingInputSchema}
      toInput={toInput}
      submit={createOperationTraining}
      fields={OPERATION_TRAINING_FIELDS}
    >
      {fields}
    </FormModal>
  );
}
