import { Col, DatePicker, Flex, Form, Input, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  DUTY_POSITION_CATEGORIES,
  DUTY_POSITION_CATEGORY_LABELS,
  GUARANTOR_ROLE_LABELS,
  SAFETY_AGENCY_LABELS,
} from '@hazard-ledger/domain';
import { dutyRecordKeys, getResponsibility } from '../../../api/duty-records-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { DutyFiles } from './DutyFiles';
import { Field, Item, MetTag, Pre, RowActions, Section } from './record-bits';
import { useRecordCache } from './record-cache';
import { RecordEditor, useRecordEditing } from './RecordEditor';
import { DEPUTY_FORM, EXPERT_FORM, POSITION_FORM, toDay, WORK_LIST_FORM } from './record-forms';

/**
 * 岗位责任 (§二(一)2): the all-staff responsibility system (positions from the main leader to
 * front-line, 劳务派遣 and 实习生 included, or an uploaded document), the deputy leaders' duty
 * lists, the campaign work list, the 包保 persons of the major hazard sources and the safety
 * staffing (both from the registry), and the experts engaged.
 */
export function ResponsibilityTab({ enterprise }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const id = enterprise.id;
  const query = useQuery({
    queryKey: dutyRecordKeys.responsibility(id),
    queryFn: ({ signal }) => getResponsibility(id, signal),
  });
  const cache = useRecordCache(id);
  const editing = useRecordEditing();
  const refresh = () => cache.refresh('responsibility');
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
  const f = v.facts;

  const forms = {
    positions: {
      spec: POSITION_FORM,
      items: (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.position.name')}
                name="name"
                rules={required(t('dutyRecords.position.name'))}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.position.category')}
                name="category"
                rules={required(t('dutyRecords.position.category'))}
              >
                <Select
                  options={DUTY_POSITION_CATEGORIES.map((c) => ({
                    value: c,
                    label: label(DUTY_POSITION_CATEGORY_LABELS[c]),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('dutyRecords.position.duties')}
            name="duties"
            rules={required(t('dutyRecords.position.duties'))}
          >
            <Input.TextArea rows={6} maxLength={4000} showCount />
          </Form.Item>
        </>
      ),
    },
    'deputy-lists': {
      spec: DEPUTY_FORM,
      items: (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.deputy.name')}
                name="name"
                rules={required(t('dutyRecords.deputy.name'))}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('dutyRecords.deputy.title')} name="title">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('dutyRecords.deputy.area')}
            name="area"
            rules={required(t('dutyRecords.deputy.area'))}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('dutyRecords.deputy.duties')}
            name="duties"
            extra={t('dutyRecords.deputy.dutiesHint')}
          >
            <Input.TextArea rows={6} maxLength={4000} showCount />
          </Form.Item>
        </>
      ),
    },
    'work-lists': {
      spec: WORK_LIST_FORM,
      items: (
        <>
          <Form.Item
            label={t('dutyRecords.workList.title')}
            name="title"
            rules={required(t('dutyRecords.workList.title'))}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('dutyRecords.workList.content')}
            name="content"
            extra={t('dutyRecords.workList.contentHint')}
          >
            <Input.TextArea rows={8} maxLength={8000} showCount />
          </Form.Item>
        </>
      ),
    },
    experts: {
      spec: EXPERT_FORM,
      items: (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.expert.name')}
                name="name"
                rules={required(t('dutyRecords.expert.name'))}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.expert.specialty')}
                name="specialty"
                rules={required(t('dutyRecords.expert.specialty'))}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('dutyRecords.expert.organisation')} name="organisation">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('dutyRecords.expert.phone')} name="phone">
                <Input inputMode="tel" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('dutyRecords.expert.from')}
                name="engagedFrom"
                rules={required(t('dutyRecords.expert.from'))}
              >
                <DatePicker style={{ width: '100%' }} inputReadOnly />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('dutyRecords.expert.to')} name="engagedTo">
                <DatePicker style={{ width: '100%' }} inputReadOnly />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('dutyRecords.expert.scope')} name="scope">
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      ),
    },
  };

  const yesNo = (met: boolean, yes: string, no: string) => <MetTag met={met} yes={yes} no={no} />;

  return (
    <Flex vertical gap="middle">
      <ErrorAlert error={query.error} />

      <Section
        title={t('dutyRecords.system.title')}
        status={yesNo(
          f.responsibilitySystem,
          t('dutyRecords.system.met'),
          t('dutyRecords.system.notMet'),
        )}
        addLabel={can ? t('dutyRecords.position.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'positions',
            id: null,
            version: null,
            values: {},
            title: t('dutyRecords.position.add'),
          })
        }
      >
        {v.coverageGaps.length > 0 && v.systemDocuments.length === 0 ? (
          <InfoNote>
            {t('dutyRecords.system.gaps', {
              gaps: v.coverageGaps
                .map((g) =>
                  g === 'main_leader'
                    ? label(DUTY_POSITION_CATEGORY_LABELS.main_leader)
                    : t('dutyRecords.system.frontline'),
                )
                .join('、'),
            })}
          </InfoNote>
        ) : null}
        {v.positions.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.position.empty')}</Typography.Text>
        ) : null}
        {v.positions.map((p) => (
          <Item
            key={p.id}
            label={p.name}
            title={p.name}
            tags={<Tag color="blue">{label(DUTY_POSITION_CATEGORY_LABELS[p.category])}</Tag>}
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'positions',
                      id: p.id,
                      version: p.version,
                      values: { name: p.name, category: p.category, duties: p.duties },
                      title: t('dutyRecords.position.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'positions',
                      id: p.id,
                      version: p.version,
                      name: p.name,
                    })
                  }
                />
              ) : null
            }
          >
            <Pre>{p.duties}</Pre>
          </Item>
        ))}
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('dutyRecords.system.documents')}</Typography.Text>
          <DutyFiles
            enterpriseId={id}
            files={v.systemDocuments}
            owner="responsibility_system"
            canEdit={can}
            onChanged={refresh}
          />
        </div>
      </Section>

      <Section
        title={t('dutyRecords.deputy.section')}
        status={yesNo(
          f.deputyDutyLists > 0,
          t('dutyRecords.deputy.met', { count: f.deputyDutyLists }),
          t('dutyRecords.deputy.notMet'),
        )}
        addLabel={can ? t('dutyRecords.deputy.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'deputy-lists',
            id: null,
            version: null,
            values: {},
            title: t('dutyRecords.deputy.add'),
          })
        }
      >
        {v.deputies.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.deputy.empty')}</Typography.Text>
        ) : null}
        {v.deputies.map((d) => (
          <Item
            key={d.id}
            label={d.name}
            title={d.title ? `${d.name}（${d.title}）` : d.name}
            tags={d.listed ? null : <Tag color="error">{t('dutyRecords.deputy.noList')}</Tag>}
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'deputy-lists',
                      id: d.id,
                      version: d.version,
                      values: {
                        name: d.name,
                        title: d.title ?? '',
                        area: d.area,
                        duties: d.duties ?? '',
                      },
                      title: t('dutyRecords.deputy.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'deputy-lists',
                      id: d.id,
                      version: d.version,
                      name: d.name,
                    })
                  }
                />
              ) : null
            }
          >
            <Field name={t('dutyRecords.deputy.area')}>{d.area}</Field>
            {d.duties ? <Pre>{d.duties}</Pre> : null}
            <DutyFiles
              enterpriseId={id}
              files={d.files}
              owner="deputy_duty_list"
              ownerId={d.id}
              canEdit={can}
              onChanged={refresh}
              uploadLabel={t('dutyRecords.deputy.upload')}
              emptyText=""
            />
          </Item>
        ))}
      </Section>

      <Section
        title={t('dutyRecords.workList.section')}
        status={yesNo(
          f.campaignWorkList,
          t('dutyRecords.workList.met'),
          t('dutyRecords.workList.notMet'),
        )}
        addLabel={can ? t('dutyRecords.workList.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'work-lists',
            id: null,
            version: null,
            values: { title: t('dutyRecords.workList.defaultTitle') },
            title: t('dutyRecords.workList.add'),
          })
        }
      >
        {v.workLists.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.workList.empty')}</Typography.Text>
        ) : null}
        {v.workLists.map((w) => (
          <Item
            key={w.id}
            label={w.title}
            title={w.title}
            tags={
              <>
                <Tag>{t('dutyRecords.workList.year', { year: w.year })}</Tag>
                {w.campaignName ? <Tag color="blue">{w.campaignName}</Tag> : null}
              </>
            }
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'work-lists',
                      id: w.id,
                      version: w.version,
                      values: { title: w.title, content: w.content ?? '' },
                      title: t('dutyRecords.workList.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'work-lists',
                      id: w.id,
                      version: w.version,
                      name: w.title,
                    })
                  }
                />
              ) : null
            }
          >
            {w.content ? <Pre>{w.content}</Pre> : null}
            <DutyFiles
              enterpriseId={id}
              files={w.files}
              owner="work_list"
              ownerId={w.id}
              canEdit={can}
              onChanged={refresh}
              emptyText=""
            />
          </Item>
        ))}
      </Section>

      <Section
        title={t('dutyRecords.sources.title')}
        status={yesNo(
          f.majorSourcesWithoutGuarantor === 0,
          t('dutyRecords.sources.met'),
          t('dutyRecords.sources.notMet', { count: f.majorSourcesWithoutGuarantor }),
        )}
      >
        <InfoNote>{t('dutyRecords.sources.fromRegistry')}</InfoNote>
        {v.majorSources.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.sources.empty')}</Typography.Text>
        ) : null}
        {v.majorSources.map((s) => (
          <Item
            key={s.id}
            label={s.name}
            title={s.name}
            tags={
              <>
                <Tag>{t('dutyRecords.sources.level', { level: s.level })}</Tag>
                {s.missing.length > 0 ? (
                  <Tag color="error">
                    {t('dutyRecords.sources.missing', {
                      roles: s.missing.map((r) => label(GUARANTOR_ROLE_LABELS[r])).join('、'),
                    })}
                  </Tag>
                ) : null}
              </>
            }
          >
            <Flex gap={16} wrap>
              <Field name={label(GUARANTOR_ROLE_LABELS.leader)}>{s.leader || '—'}</Field>
              <Field name={label(GUARANTOR_ROLE_LABELS.technical)}>{s.technical || '—'}</Field>
              <Field name={label(GUARANTOR_ROLE_LABELS.operations)}>{s.operations || '—'}</Field>
            </Flex>
          </Item>
        ))}
      </Section>

      <Section
        title={t('dutyRecords.staffing.title')}
        status={yesNo(
          v.safety.met,
          t('dutyRecords.staffing.met'),
          t('dutyRecords.staffing.notMet'),
        )}
      >
        <Field name={t('dutyRecords.staffing.agency')}>
          {v.safety.agency ? label(SAFETY_AGENCY_LABELS[v.safety.agency]) : t('dutyRecords.notSet')}
        </Field>
        <Field name={t('dutyRecords.staffing.count')}>
          {v.safety.staffCount ?? t('dutyRecords.notSet')}
        </Field>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('dutyRecords.staffing.fromRegistry')}
        </Typography.Text>
      </Section>

      <Section
        title={t('dutyRecords.expert.section')}
        status={<Tag>{t('dutyRecords.expert.count', { count: f.experts })}</Tag>}
        addLabel={can ? t('dutyRecords.expert.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'experts',
            id: null,
            version: null,
            values: {},
            title: t('dutyRecords.expert.add'),
          })
        }
      >
        {v.experts.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.expert.empty')}</Typography.Text>
        ) : null}
        {v.experts.map((e) => (
          <Item
            key={e.id}
            label={e.name}
            title={e.name}
            tags={
              <>
                <Tag color="blue">{e.specialty}</Tag>
                {e.engagedNow ? null : <Tag>{t('dutyRecords.expert.notEngaged')}</Tag>}
              </>
            }
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'experts',
                      id: e.id,
                      version: e.version,
                      values: {
                        name: e.name,
                        specialty: e.specialty,
                        organisation: e.organisation ?? '',
                        phone: e.phone ?? '',
                        engagedFrom: toDay(e.engagedFrom),
                        engagedTo: toDay(e.engagedTo),
                        scope: e.scope ?? '',
                      },
                      title: t('dutyRecords.expert.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'experts',
                      id: e.id,
                      version: e.version,
                      name: e.name,
                    })
                  }
                />
              ) : null
            }
          >
            {e.organisation ? (
              <Field name={t('dutyRecords.expert.organisation')}>{e.organisation}</Field>
            ) : null}
            <Field name={t('dutyRecords.expert.period')}>
              {e.engagedFrom} ~ {e.engagedTo ?? t('dutyRecords.expert.open')}
            </Field>
            {e.scope ? <Field name={t('dutyRecords.expert.scope')}>{e.scope}</Field> : null}
          </Item>
        ))}
      </Section>

      <RecordEditor enterpriseId={id} editing={editing} forms={forms} />
    </Flex>
  );
}
