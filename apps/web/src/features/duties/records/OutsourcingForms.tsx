import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import {
  OUTSOURCING_KIND_LABELS,
  OUTSOURCING_KINDS,
  OUTSOURCING_SCOPE_KINDS,
  OUTSOURCING_SCOPE_LABELS,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-records';

// The form items of the outsourcing tab's drawers (a contract, the comprehensive check, a
// periodic check, ending a contract); validation is in record-forms.ts.

function useRequired() {
  const { t } = useLocale();
  return (field: string) => [{ required: true, message: t('dutyRecords.required', { field }) }];
}

/** A contract: kind, counterparty, scope, term, qualification, agreement, duties. */
export function ContractFormItems() {
  const { t, label } = useLocale();
  const required = useRequired();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('dutyRecords.contract.kind')}
            name="kind"
            rules={required(t('dutyRecords.contract.kind'))}
          >
            <Select
              options={OUTSOURCING_KINDS.map((k) => ({
                value: k,
                label: label(OUTSOURCING_KIND_LABELS[k]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item
            label={t('dutyRecords.contract.counterparty')}
            name="counterparty"
            rules={required(t('dutyRecords.contract.counterparty'))}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('dutyRecords.contract.scopeKind')}
        name="scopeKind"
        rules={required(t('dutyRecords.contract.scopeKind'))}
      >
        <Radio.Group
          options={OUTSOURCING_SCOPE_KINDS.map((k) => ({
            value: k,
            label: label(OUTSOURCING_SCOPE_LABELS[k]),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('dutyRecords.contract.scope')}
        name="scope"
        rules={required(t('dutyRecords.contract.scope'))}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item label={t('dutyRecords.contract.start')} name="startDate">
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('dutyRecords.contract.end')} name="endDate">
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('dutyRecords.contract.qualificationName')} name="qualificationName">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('dutyRecords.contract.qualificationNumber')}
            name="qualificationNumber"
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            label={t('dutyRecords.contract.qualificationExpiry')}
            name="qualificationExpiry"
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            label={t('dutyRecords.contract.agreementSignedOn')}
            name="agreementSignedOn"
            extra={t('dutyRecords.contract.agreementHint')}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('dutyRecords.contract.dutiesDefined')}
        name="dutiesDefined"
        rules={required(t('dutyRecords.contract.dutiesDefined'))}
      >
        <Radio.Group
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['dutiesDefined']}>
        {({ getFieldValue }) =>
          getFieldValue('dutiesDefined') === true ? (
            <Form.Item
              label={t('dutyRecords.contract.dutiesText')}
              name="dutiesText"
              rules={required(t('dutyRecords.contract.dutiesText'))}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}

/** The comprehensive check: date, scope, the contracts reviewed, findings, actions. */
export function ReviewFormItems({ contracts }: { contracts: { value: number; label: string }[] }) {
  const { t } = useLocale();
  const required = useRequired();
  return (
    <>
      <Form.Item
        label={t('dutyRecords.review.date')}
        name="checkDate"
        rules={required(t('dutyRecords.review.date'))}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item
        label={t('dutyRecords.review.scope')}
        name="scope"
        rules={required(t('dutyRecords.review.scope'))}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('dutyRecords.review.contracts')} name="contractIds">
        <Select mode="multiple" allowClear optionFilterProp="label" options={contracts} />
      </Form.Item>
      <Form.Item
        label={t('dutyRecords.review.findings')}
        name="findings"
        rules={required(t('dutyRecords.review.findings'))}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item label={t('dutyRecords.review.actions')} name="actions">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
    </>
  );
}

/** A periodic safety check of a contract. */
export function CheckFormItems() {
  const { t } = useLocale();
  const required = useRequired();
  return (
    <>
      <Form.Item
        label={t('dutyRecords.check.date')}
        name="checkDate"
        rules={required(t('dutyRecords.check.date'))}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item
        label={t('dutyRecords.check.by')}
        name="checkedBy"
        rules={required(t('dutyRecords.check.by'))}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label={t('dutyRecords.check.findings')}
        name="findings"
        rules={required(t('dutyRecords.check.findings'))}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label={t('dutyRecords.check.rectification')} name="rectification">
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}

/** Ending a contract: the day and the reason. */
export function EndFormItems() {
  const { t } = useLocale();
  const required = useRequired();
  return (
    <>
      <Form.Item
        label={t('dutyRecords.contract.endedOn')}
        name="endedOn"
        rules={required(t('dutyRecords.contract.endedOn'))}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item label={t('dutyRecords.contract.endReason')} name="reason">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
