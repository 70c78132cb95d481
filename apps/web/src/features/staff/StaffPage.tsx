import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  describeQualificationRule,
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  Permission,
  type QualifiedShare,
  staffInputSchema,
  type StaffView,
  updateStaffSchema,
  voidStaffSchema,
} from '@hazard-ledger/domain';
import {
  createStaff,
  getStaff,
  listLinkableUsers,
  listStaff,
  staffKeys,
  updateStaff,
  voidStaff,
} from '../../api/staff-api';
import { useCan } from '../../auth/can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { blankToNull, FormModal, numberOrUndefined } from './FormModal';

/** The share as "3/4 · 75%", red with a tag when below the floor. */
export function ShareText({ share }: { share: QualifiedShare }) {
  const { t } = useLocale();
  const below = share.meetsFloor === false;
  return (
    <Space size={6}>
      <Typography.Text type={below ? 'danger' : undefined} strong data-below={below}>
        {share.percent === null ? '—' : `${share.percent}%`}
      </Typography.Text>
      {share.meetsFloor === null ? null : below ? (
        <Tag color="red">{t('staff.belowFloor', { floor: share.floorPercent })}</Tag>
      ) : (
        <Tag color="green">{t('staff.meetsFloor')}</Tag>
      )}
    </Space>
  );
}

type ShareRow = { key: string; unitId: number | null; name: string; share: QualifiedShare };

/**
 * /staff — enforcement staff records: the §四(三) qualified share per unit against the 75 %
 * floor (red below it) with the list behind each number, each person's certificate,
 * education and experience, and their training record.
 */
export function StaffPage() {
  const { t } = useLocale();
  const canManage = useCan(Permission.StaffManage);
  const list = useQuery({
    queryKey: staffKeys.list(),
    queryFn: ({ signal }) => listStaff(undefined, signal),
  });
  const [unitFilter, setUnitFilter] = useState<{ id: number; name: string } | null>(null);
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const [voiding, setVoiding] = useState<StaffView | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);

  const data = list.data;
  const shareRows: ShareRow[] = data
    ? [
        ...data.units.map((u) => ({
          key: String(u.orgUnitId),
          unitId: u.orgUnitId,
          name: u.orgUnitName,
          share: u.share,
        })),
        { key: 'all', unitId: null, name: t('staff.allUnits'), share: data.share },
      ]
    : [];
  const items = (data?.items ?? []).filter((i) => !unitFilter || i.orgUnitId === unitFilter.id);

  return (
    <>
      <PageHeader
        title={t('nav.staff')}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('staff.add')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      {data ? (
        <InfoNote>
          {t('staff.rule', {
            rule: describeQualificationRule({ ...data.rule }),
          })}
        </InfoNote>
      ) : null}
      <Flex vertical gap={16}>
        <Card size="small" title={t('staff.shareTitle')}>
          <Table<ShareRow>
            size="small"
            rowKey="key"
            pagination={false}
            loading={list.isPending}
            dataSource={shareRows}
            columns={[
              { title: t('staff.unit'), dataIndex: 'name' },
              { title: t('staff.total'), render: (_, r) => r.share.total },
              { title: t('staff.qualifiedCount'), render: (_, r) => r.share.qualified },
              { title: t('staff.share'), render: (_, r) => <ShareText share={r.share} /> },
              {
                title: t('common.actions'),
                render: (_, r) =>
                  r.unitId === null ? null : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setUnitFilter({ id: r.unitId!, name: r.name })}
                    >
                      {t('staff.showUnit')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={
            unitFilter ? (
              <Space>
                {t('staff.filteredBy', { unit: unitFilter.name })}
                <Button size="small" type="link" onClick={() => setUnitFilter(null)}>
                  {t('staff.clearFilter')}
                </Button>
              </Space>
            ) : (
              t('nav.staff')
            )
          }
        >
          <Table<StaffView>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('staff.name'),
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setViewing(r.id)}>
                    {r.name}
                  </Button>
                ),
              },
              { title: t('staff.unit'), dataIndex: 'orgUnitName' },
              { title: t('staff.account'), render: (_, r) => r.username ?? '—' },
              {
                title: t('staff.certificate'),
                render: (_, r) => (
                  <Space size={4}>
                    {r.certificateNo ?? '—'}
                    {r.certificateValidUntil ? (
                      <Typography.Text type={r.certificateExpired ? 'danger' : 'secondary'}>
                        {r.certificateValidUntil}
                      </Typography.Text>
                    ) : null}
                    {r.certificateExpired ? <Tag color="red">{t('staff.expired')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('staff.education'),
                render: (_, r) => EDUCATION_LEVEL_LABELS[r.education].zh,
              },
              {
                title: t('staff.major'),
                render: (_, r) => (
                  <Space size={4}>
                    {r.major ?? '—'}
                    {r.majorSafetyRelated ? <Tag>{t('staff.majorSafetyRelated')}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('staff.safetyYears'), dataIndex: 'safetyYears' },
              {
                title: t('staff.qualified'),
                render: (_, r) =>
                  r.qualified ? (
                    <Tag color="green">{t('common.yes')}</Tag>
                  ) : (
                    <Tag color="red">{t('common.no')}</Tag>
                  ),
              },
              { title: t('staff.hoursThisYear'), dataIndex: 'trainingHoursThisYear' },
              ...(canManage
                ? [
                    {
                      title: t('common.actions'),
                      render: (_: unknown, r: StaffView) => (
                        <Space size={0}>
                          <Button size="small" type="link" onClick={() => setEditing(r)}>
                            {t('common.edit')}
                          </Button>
                          <Button size="small" type="link" danger onClick={() => setVoiding(r)}>
                            {t('staff.void')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
      {editing ? (
        <StaffFormModal
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {voiding ? (
        <FormModal<{ reason?: string }, typeof voidStaffSchema>
          title={`${t('staff.void')}：${voiding.name}`}
          onClose={() => setVoiding(null)}
          schema={voidStaffSchema}
          toInput={(v) => ({ reason: v.reason ?? '', version: voiding.version })}
          submit={(input) => voidStaff(voiding.id, input)}
          fields={['reason']}
        >
          <Form.Item name="reason" label={t('staff.voidReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      ) : null}
      <StaffDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

type StaffFormValues = {
  orgUnitId?: number;
  userId?: number | null;
  name?: string;
  certificateNo?: string;
  certificateValidUntil?: string;
  education?: string;
  major?: string;
  majorSafetyRelated?: boolean;
  safetyYears?: number | null;
};

const STAFF_FIELDS = [
  'orgUnitId',
  'userId',
  'name',
  'certificateNo',
  'certificateValidUntil',
  'education',
  'major',
  'majorSafetyRelated',
  'safetyYears',
] as const;

function StaffFormModal({ record, onClose }: { record: StaffView | null; onClose: () => void }) {
  const { t, label } = useLocale();
  const linkable = useQuery({
    queryKey: staffKeys.linkable,
    queryFn: ({ signal }) => listLinkableUsers(signal),
  });
  const userOptions = [
    ...(record?.userId ? [{ value: record.userId, label: record.username ?? record.name }] : []),
    ...(linkable.data?.items ?? []).map((u) => ({
      value: u.id,
      label: `${u.displayName}（${u.username}，${u.orgUnitName}）`,
    })),
  ];
  const toInput = (v: StaffFormValues) => ({
    orgUnitId: v.orgUnitId,
    userId: v.userId ?? null,
    name: v.name ?? '',
    certificateNo: blankToNull(v.certificateNo),
    certificateValidUntil: blankToNull(v.certificateValidUntil),
    education: v.education,
    major: blankToNull(v.major),
    majorSafetyRelated: v.majorSafetyRelated ?? false,
    safetyYears: numberOrUndefined(v.safetyYears),
    ...(record ? { version: record.version } : {}),
  });
  const form = (
    <>
      <Form.Item name="orgUnitId" label={t('staff.orgUnit')}>
        <OrgUnitTreeSelect aria-label={t('staff.orgUnit')} />
      </Form.Item>
      <Form.Item name="userId" label={t('staff.linkUser')}>
        <Select allowClear options={userOptions} loading={linkable.isPending} />
      </Form.Item>
      <Form.Item name="name" label={t('staff.name')}>
        <Input />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="certificateNo" label={t('staff.certificate')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item
          name="certificateValidUntil"
          label={t('staff.certificateValidUntil')}
          style={{ flex: 1 }}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="education" label={t('staff.education')} style={{ flex: 1 }}>
          <Select
            options={EDUCATION_LEVELS.map((e) => ({
              value: e,
              label: label(EDUCATION_LEVEL_LABELS[e]),
            }))}
          />
        </Form.Item>
        <Form.Item name="major" label={t('staff.major')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item
          name="majorSafetyRelated"
          label={t('staff.majorSafetyRelated')}
          valuePropName="checked"
          style={{ flex: 1 }}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="safetyYears" label={t('staff.safetyYears')} style={{ flex: 1 }}>
          <InputNumber min={0} max={60} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </>
  );
  if (record) {
    return (
      <FormModal<StaffFormValues, typeof updateStaffSchema>
        title={t('staff.edit')}
        onClose={onClose}
        schema={updateStaffSchema}
        toInput={toInput}
        submit={(input) => updateStaff(record.id, input)}
        fields={STAFF_FIELDS}
        initialValues={{
          orgUnitId: record.orgUnitId,
          userId: record.userId,
          name: record.name,
          certificateNo: record.certificateNo ?? '',
          certificateValidUntil: record.certificateValidUntil ?? '',
          education: record.education,
          major: record.major ?? '',
          majorSafetyRelated: record.majorSafetyRelated,
          safetyYears: record.safetyYears,
        }}
      >
        {form}
      </FormModal>
    );
  }
  return (
    <FormModal<StaffFormValues, typeof staffInputSchema>
      title={t('staff.add')}
      onClose={onClose}
      schema={staffInputSchema}
      toInput={toInput}
      submit={createStaff}
      fields={STAFF_FIELDS}
      initialValues={{ majorSafetyRelated: false, safetyYears: 0 }}
    >
      {form}
    </FormModal>
  );
}

/** One person: the facts and the training record (hours per year, sessions). */
function StaffDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useLocale();
  const person = useQuery({
    queryKey: staffKeys.person(id ?? 0),
    queryFn: ({ signal }) => getStaff(id!, signal),
    enabled: id !== null,
  });
  const p = person.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={p?.name ?? t('nav.staff')} width={520}>
      <ErrorAlert error={person.error} />
      {p ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('staff.unit')}>{p.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('staff.certificate')}>
              {p.certificateNo ?? '—'} {p.certificateValidUntil ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('staff.education')}>
              {EDUCATION_LEVEL_LABELS[p.education].zh} {p.major ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('staff.safetyYears')}>{p.safetyYears}</Descriptions.Item>
            <Descriptions.Item label={t('staff.qualified')}>
              {p.qualified ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('staff.trainingRecord')}</Typography.Title>
          {p.training.years.length === 0 ? (
            <Typography.Text type="secondary">{t('staff.noTraining')}</Typography.Text>
          ) : (
            <>
              {p.training.years.map((y) => (
                <Typography.Text key={y.year} strong>
                  {t('staff.yearHours', { year: y.year, hours: y.hours, n: y.sessions })}
                </Typography.Text>
              ))}
              <List
                size="small"
                dataSource={p.training.sessions}
                renderItem={(s) => (
                  <List.Item>
                    {s.heldOn} {s.topic}（{s.hours}
                    {t('training.hours')}，{s.trainer}）
                  </List.Item>
                )}
              />
            </>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
