import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  ErrorCode,
  SECTOR_LABELS,
  SECTORS,
  type CampaignView,
  type FieldError,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { createCampaign, getCampaign, updateCampaign } from '../../api/campaigns-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { applyNestedFieldErrors } from '../../components/form-errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { useLocale } from '../../i18n/locale-context';
import {
  CAMPAIGN_FORM_FIELDS,
  campaignFormValuesOf,
  defaultCampaignValues,
  formFieldErrors,
  shiftYear,
  toCreateCampaign,
  toUpdateCampaign,
  type CampaignFormValues,
} from './campaign-form';
import { useWeekdayOptions } from './progress';

type Props = {
  open: boolean;
  /** The campaign being edited; null for a new one. */
  campaign: CampaignView | null;
  onClose: () => void;
};

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: h,
  label: `${String(h).padStart(2, '0')}:00`,
}));

/**
 * Create / edit a campaign: name, year, sectors, phases with dates, weekly report deadline and
 * milestone reports. A new campaign starts from the seed's defaults for the year.
 */
export function CampaignFormDrawer({ open, campaign, onClose }: Props) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const weekdays = useWeekdayOptions();
  const [form] = Form.useForm<CampaignFormValues>();
  const [version, setVersion] = useState(campaign?.version ?? 1);
  const [year, setYear] = useState(campaign?.year ?? new Date().getFullYear());
  const [formError, setFormError] = useState<string | null>(null);
  const isEdit = campaign !== null;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyNestedFieldErrors(form, formFieldErrors(errors), CAMPAIGN_FORM_FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const reload = async () => {
    if (!campaign) return;
    try {
      const fresh = await getCampaign(campaign.id);
      queryClient.setQueryData(queryKeys.campaign(campaign.id), fresh);
      form.resetFields();
      form.setFieldsValue(campaignFormValuesOf(fresh));
      setVersion(fresh.version);
      setYear(fresh.year);
      setFormError(null);
    } catch (e) {
      setFormError(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    }
  };

  const mutation = useMutation({
    mutationFn: async (values: CampaignFormValues): Promise<CampaignView | null> => {
      const invalid = t('common.invalidField');
      if (campaign) {
        const parsed = toUpdateCampaign(values, version, invalid);
        if (!parsed.ok) {
          showErrors(parsed.errors);
          return null;
        }
        return updateCampaign(campaign.id, parsed.data);
      }
      const parsed = toCreateCampaign(values, invalid);
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return createCampaign(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(isEdit ? t('common.saved') : t('campaigns.created'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      onClose();
      if (!isEdit) void navigate(`/campaigns/${saved.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        modal.confirm({
          title: t('common.staleTitle'),
          content: t('common.staleContent'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('campaignUi.required', { field }),
  });
  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('campaigns.editTitle') : t('campaigns.createTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CampaignFormValues>
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={
          campaign
            ? campaignFormValuesOf(campaign)
            : defaultCampaignValues(year, [...sectorChoices])
        }
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={(changed: CampaignFormValues) => {
          setFormError(null);
          // A new year moves the dates of the old one along with it.
          if (
            changed.year &&
            changed.year >= 2000 &&
            changed.year <= 2100 &&
            changed.year !== year
          ) {
            form.setFieldsValue(
              shiftYear(form.getFieldsValue(true) as CampaignFormValues, year, changed.year),
            );
            setYear(changed.year);
          }
        }}
      >
        <Form.Item label={t('campaigns.name')} name="name" rules={[required(t('campaigns.name'))]}>
          <Input maxLength={100} placeholder={t('campaigns.namePlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            label={t('campaigns.year')}
            name="year"
            rules={[required(t('campaigns.year'))]}
            style={{ width: 140 }}
          >
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          {isEdit ? null : (
            <Form.Item
              label={t('campaigns.orgUnit')}
              name="orgUnitId"
              extra={t('campaigns.orgUnitHint')}
              style={{ flex: 1, minWidth: 220 }}
            >
              <OrgUnitTreeSelect allowClear placeholder={t('campaigns.orgUnitDefault')} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item
          label={t('campaigns.sectors')}
          name="sectors"
          rules={[
            { required: true, message: t('campaignUi.select', { field: t('campaigns.sectors') }) },
          ]}
        >
          <Select
            mode="multiple"
            options={SECTORS.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>

        <Typography.Title level={5}>{t('campaigns.phases')}</Typography.Title>
        <Form.List name="phases">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('campaigns.phaseN', { n: index + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('campaigns.removePhase', { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    ) : null
                  }
                >
                  <Form.Item
                    label={t('campaigns.phaseName')}
                    name={[field.name, 'name']}
                    rules={[required(t('campaigns.phaseName'))]}
                  >
                    <Input maxLength={30} />
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <Form.Item
                      label={t('campaigns.phaseStart')}
                      name={[field.name, 'start']}
                      rules={[required(t('campaigns.phaseStart'))]}
                      style={{ flex: 1, minWidth: 150, marginBottom: 0 }}
                    >
                      <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
                    </Form.Item>
                    <Form.Item
                      label={t('campaigns.phaseEnd')}
                      name={[field.name, 'end']}
                      rules={[required(t('campaigns.phaseEnd'))]}
                      style={{ flex: 1, minWidth: 150, marginBottom: 0 }}
                    >
                      <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 8 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('campaigns.addPhase')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('campaigns.weekly')}</Typography.Title>
        <Flex gap={12} wrap>
          <Form.Item
            label={t('campaigns.weekday')}
            name={['weekly', 'weekday']}
            rules={[required(t('campaigns.weekday'))]}
            style={{ flex: 1, minWidth: 140 }}
          >
            <Select options={weekdays} />
          </Form.Item>
          <Form.Item
            label={t('campaigns.hour')}
            name={['weekly', 'hour']}
            rules={[required(t('campaigns.hour'))]}
            style={{ flex: 1, minWidth: 140 }}
          >
            <Select options={HOURS} />
          </Form.Item>
        </Flex>

        <Typography.Title level={5}>{t('campaigns.milestones')}</Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('campaigns.milestoneN', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('campaigns.removeMilestone', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item
                      label={t('campaigns.milestoneName')}
                      name={[field.name, 'name']}
                      rules={[required(t('campaigns.milestoneName'))]}
                      style={{ flex: 2, minWidth: 200, marginBottom: 0 }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      label={t('campaigns.milestoneDue')}
                      name={[field.name, 'due']}
                      rules={[required(t('campaigns.milestoneDue'))]}
                      style={{ flex: 1, minWidth: 150, marginBottom: 0 }}
                    >
                      <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 12 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('campaigns.addMilestone')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
