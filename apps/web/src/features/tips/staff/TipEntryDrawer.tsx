import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import {
  formatReceiptCode,
  SECTOR_LABELS,
  SECTORS,
  STAFF_ENTRY_CHANNELS,
  TIP_CHANNEL_LABELS,
  type FieldError,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { createStaffTip, tipKeys, type TipDetail } from '../../../api/tips-api';
import { useSession } from '../../../auth/session-context';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { applyFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { useDistricts } from '../../enterprises/use-districts';
import { CatalogItemSelect } from '../../hazards/CatalogItemSelect';
import { ENTRY_FIELDS, toEntryInput, type EntryValues } from './tip-form';
import '../../../i18n/messages-tips';

/**
 * "登记举报": a tip that came by the 12350 hotline, phone, letter or visit. The reporter's identity
 * (if given) is sealed by the server; a receipt code, if asked for, is shown once to read out to
 * the caller.
 */
export function TipEntryDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const districts = useDistricts(open);
  const [form] = Form.useForm<EntryValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ tip: TipDetail; code: string } | null>(null);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const anonymous = Form.useWatch('anonymous', form) ?? false;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, ENTRY_FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const done = async (tip: TipDetail) => {
    await queryClient.invalidateQueries({ queryKey: tipKeys.lists });
    form.resetFields();
    onClose();
    void navigate(`/tips/${tip.id}`);
  };

  const mutation = useMutation({
    mutationFn: async (v: EntryValues) => {
      const parsed = toEntryInput(v, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return createStaffTip(parsed.data);
    },
    onSuccess: async (res) => {
      if (!res) return;
      void message.success(t('tips.entry.done', { number: res.tip.number }));
      if (res.receiptCode) setReceipt({ tip: res.tip, code: res.receiptCode });
      else await done(res.tip);
    },
    onError: (e) => {
      if (e instanceof ApiError)
        showErrors(
          e.fields.map((f) => ({ ...f, path: f.path.replace(/^identity\./, '') })),
          e.message,
        );
      else setFormError(t('common.unexpectedError'));
    },
  });

  const sectorChoices: readonly Sector[] =
    me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const size = screens.md ? undefined : ('large' as const);

  return (
    <>
      <Drawer
        open={open}
        title={t('tips.entry.title')}
        onClose={onClose}
        size={screens.md ? 640 : '100%'}
        destroyOnHidden
        extra={
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('tips.entry.submit')}
          </Button>
        }
      >
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
        ) : null}
        <InfoNote>{t('tips.entry.identityNote')}</InfoNote>
        <Form<EntryValues>
          form={form}
          name="tipEntry"
          layout="vertical"
          initialValues={{
            channel: 'hotline_12350',
            receivedAt: dayjs(),
            anonymous: false,
            insider: false,
            issueReceiptCode: true,
          }}
          onFinish={(v) => {
            setFormError(null);
            mutation.mutate(v);
          }}
          onValuesChange={() => setFormError(null)}
        >
          <Form.Item label={t('tips.field.channel')} name="channel" required>
            <Radio.Group
              optionType="button"
              options={STAFF_ENTRY_CHANNELS.map((c) => ({
                value: c,
                label: label(TIP_CHANNEL_LABELS[c]),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('tips.field.receivedAt')} name="receivedAt" required>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              size={size}
              inputReadOnly={!screens.md}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item
            label={t('tips.field.enterprise')}
            name="enterpriseId"
            extra={t('tips.entry.enterpriseHint')}
          >
            <EnterpriseSelect placeholder={t('tips.entry.enterprisePlaceholder')} />
          </Form.Item>
          {enterpriseId ? (
            <Form.Item label={t('tips.field.catalogItem')} name="catalogItemCode">
              <CatalogItemSelect
                enterpriseId={enterpriseId}
                placeholder={t('tips.field.catalogItemHint')}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item label={t('tips.field.enterpriseText')} name="enterpriseText">
                <Input maxLength={100} />
              </Form.Item>
              <Flex gap={12} wrap>
                <Form.Item
                  label={t('tips.field.district')}
                  name="districtId"
                  required
                  style={{ flex: 1, minWidth: 200 }}
                >
                  <Select<number> options={districts.options} loading={districts.loading} />
                </Form.Item>
                <Form.Item
                  label={t('tips.field.sector')}
                  name="sector"
                  style={{ flex: 1, minWidth: 200 }}
                >
                  <Select<Sector>
                    allowClear
                    placeholder={t('tips.entry.sectorUnknown')}
                    options={sectorChoices.map((s) => ({
                      value: s,
                      label: label(SECTOR_LABELS[s]),
                    }))}
                  />
                </Form.Item>
              </Flex>
            </>
          )}
          <Form.Item label={t('tips.field.place')} name="place">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('tips.field.subject')} name="subject" required>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('tips.field.description')} name="description" required>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item label={t('tips.field.anonymous')} name="anonymous" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label={t('tips.field.insider')} name="insider" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          {anonymous ? null : (
            <>
              <Flex gap={12} wrap>
                <Form.Item
                  label={t('tips.identity.name')}
                  name="name"
                  required
                  style={{ flex: 1, minWidth: 180 }}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  label={t('tips.identity.phone')}
                  name="phone"
                  style={{ flex: 1, minWidth: 180 }}
                >
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
              </Flex>
              <Form.Item label={t('tips.identity.idNumber')} name="idNumber">
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item label={t('tips.identity.contact')} name="contact">
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="issueReceiptCode"
            valuePropName="checked"
            extra={t('tips.entry.receiptHint')}
          >
            <Checkbox>{t('tips.field.issueReceiptCode')}</Checkbox>
          </Form.Item>
        </Form>
      </Drawer>
      <Modal
        open={receipt !== null}
        title={t('tips.entry.receiptTitle')}
        closable={false}
        mask={{ closable: false }}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('tips.entry.receiptDone')}
        onOk={() => {
          const tip = receipt?.tip;
          setReceipt(null);
          if (tip) void done(tip);
        }}
      >
        {receipt ? (
          <Flex vertical gap={12}>
            <Typography.Text>
              {t('tips.entry.receiptText', { number: receipt.tip.number })}
            </Typography.Text>
            <Typography.Text
              copyable={{ text: receipt.code }}
              strong
              style={{ fontSize: 22, letterSpacing: 2, fontFamily: 'monospace' }}
              data-testid="receipt-code"
            >
              {formatReceiptCode(receipt.code)}
            </Typography.Text>
            <Alert type="warning" showIcon title={t('tips.entry.receiptOnce')} />
          </Flex>
        ) : null}
      </Modal>
    </>
  );
}
