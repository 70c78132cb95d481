import { useState } from 'react';
import { Button, Checkbox, Flex, Input, List, Radio, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  INSPECTION_CHECK_RESULT_LABELS,
  INSPECTION_CHECK_RESULTS,
  type InspectionCheckResult,
  type InspectionFormContext,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import type { CheckState } from './record-form';
import '../../../i18n/messages-enforcement-inspections';

type Props = {
  items: InspectionFormContext['checklist'];
  checks: CheckState;
  onChange: (next: CheckState) => void;
  /** Codes some finding cites (a 存在问题 line without one offers to add it). */
  citedCodes: ReadonlySet<string>;
  onAddFinding: (code: string) => void;
  /** Error messages per item code. */
  errors: ReadonlyMap<string, string[]>;
  large: boolean;
};

/**
 * The checklist of the visit: every catalog item applicable to the enterprise, each marked
 * 符合 / 存在问题 / 不适用 with a note; unmarked items are not part of the record.
 */
export function ChecklistEditor({
  items,
  checks,
  onChange,
  citedCodes,
  onAddFinding,
  errors,
  large,
}: Props) {
  const { t, label } = useLocale();
  const [onlyChecked, setOnlyChecked] = useState(false);
  const checked = items.filter((i) => checks[i.code]).length;
  const shown = onlyChecked ? items.filter((i) => checks[i.code]) : items;

  const set = (code: string, patch: Partial<CheckState[string]> | null) => {
    const next = { ...checks };
    if (patch === null) delete next[code];
    else next[code] = { result: 'compliant', note: '', ...checks[code], ...patch };
    onChange(next);
  };

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('inspections.form.checklistHint')}</Typography.Text>
        <Flex gap={12} align="center">
          <Typography.Text>
            {t('inspections.form.checkedCount', { checked, total: items.length })}
          </Typography.Text>
          <Checkbox checked={onlyChecked} onChange={(e) => setOnlyChecked(e.target.checked)}>
            {t('inspections.form.onlyChecked')}
          </Checkbox>
        </Flex>
      </Flex>
      <List
        size="small"
        dataSource={shown}
        rowKey="code"
        renderItem={(item) => {
          const state = checks[item.code];
          const messages = errors.get(item.code) ?? [];
          return (
            <List.Item data-testid={`check-${item.code}`} style={{ display: 'block' }}>
              <Flex vertical gap={6}>
                <Typography.Text>
                  <Typography.Text strong>{item.code}</Typography.Text> {item.clause} {item.title}
                </Typography.Text>
                {item.requirement ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.requirement}
                  </Typography.Text>
                ) : null}
                <Flex wrap gap={8} align="center">
                  <Radio.Group
                    aria-label={item.code}
                    optionType="button"
                    buttonStyle="solid"
                    size={large ? 'large' : 'middle'}
                    value={state?.result}
                    onChange={(e) =>
                      set(item.code, { result: e.target.value as InspectionCheckResult })
                    }
                    options={INSPECTION_CHECK_RESULTS.map((r) => ({
                      value: r,
                      label: label(INSPECTION_CHECK_RESULT_LABELS[r]),
                    }))}
                  />
                  {state ? (
                    <Button type="link" size="small" onClick={() => set(item.code, null)}>
                      {t('inspections.form.clear')}
                    </Button>
                  ) : null}
                  {state?.result === 'problem' && !citedCodes.has(item.code) ? (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => onAddFinding(item.code)}
                    >
                      {t('inspections.form.addFindingFor')}
                    </Button>
                  ) : null}
                </Flex>
                {state && state.result !== 'compliant' ? (
                  <Input
                    aria-label={`${item.code} ${t(
                      state.result === 'not_applicable'
                        ? 'inspections.form.naReason'
                        : 'inspections.form.note',
                    )}`}
                    placeholder={t(
                      state.result === 'not_applicable'
                        ? 'inspections.form.naReason'
                        : 'inspections.form.note',
                    )}
                    value={state.note}
                    maxLength={2000}
                    onChange={(e) => set(item.code, { note: e.target.value })}
                  />
                ) : null}
                {messages.map((m) => (
                  <Typography.Text key={m} type="danger">
                    {m}
                  </Typography.Text>
                ))}
              </Flex>
            </List.Item>
          );
        }}
      />
    </>
  );
}
