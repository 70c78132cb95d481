import { useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  ErrorCode,
  OUTSOURCING_CHECK_MONTHS,
  OUTSOURCING_KIND_LABELS,
  OUTSOURCING_SCOPE_LABELS,
  type OutsourcingContractView,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import {
  addContractCheck,
  dutyRecordKeys,
  endContract,
  getOutsourcing,
  voidContractCheck,
} from '../../../api/duty-records-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { VoidRecordModal } from '../../enterprises/detail/VoidRecordModal';
import { DutyFiles } from './DutyFiles';
import { Field, FlagTags, Item, MetTag, Pre, RowActions, Section } from './record-bits';
import { useRecordCache } from './record-cache';
import { CHECK_FORM, CONTRACT_FORM, END_FORM, REVIEW_FORM, toDay } from './record-forms';
import { RecordDrawer } from './RecordDrawer';
import { RecordEditor, useRecordEditing } from './RecordEditor';
import {
  CheckFormItems,
  ContractFormItems,
  EndFormItems,
  ReviewFormItems,
} from './OutsourcingForms';

type Contract = OutsourcingContractView;
type Action = { type: 'check' | 'end'; contract: Contract; seq: number };
type CheckVoid = { contract: Contract; checkId: number; version: number; name: string };

/**
 * 外包外租 (§二(一)4): each contract (外包 / 外租 / 委托 / 合作) with its counterparty, scope,
 * qualification, safety agreement, duties and periodic checks, its problems flagged; the
 * comprehensive check of all of them.
 */
export function OutsourcingTab({ enterprise }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const id = enterprise.id;
  const query = useQuery({
    queryKey: dutyRecordKeys.outsourcing(id),
    queryFn: ({ signal }) => getOutsourcing(id, signal),
  });
  const cache = useRecordCache(id);
  const editing = useRecordEditing();
  const [action, setAction] = useState<Action | null>(null);
  const [checkVoid, setCheckVoid] = useState<CheckVoid | null>(null);
  const refresh = () => cache.refresh('outsourcing');
  const v = query.data;

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
  const nameOf = (c: Contract) => `${label(OUTSOURCING_KIND_LABELS[c.kind])}·${c.counterparty}`;
  const openAction = (type: Action['type'], contract: Contract) =>
    setAction((a) => ({ type, contract, seq: (a?.seq ?? 0) + 1 }));

  const contractValues = (c: Contract) => ({
    kind: c.kind,
    counterparty: c.counterparty,
    scopeKind: c.scopeKind,
    scope: c.scope,
    startDate: toDay(c.startDate),
    endDate: toDay(c.endDate),
    qualificationName: c.qualificationName ?? '',
    qualificationNumber: c.qualificationNumber ?? '',
    qualificationExpiry: toDay(c.qualificationExpiry),
    agreementSignedOn: toDay(c.agreementSignedOn),
    dutiesDefined: c.dutiesDefined,
    dutiesText: c.dutiesText ?? '',
  });

  return (
    <Flex vertical gap="middle">
      <ErrorAlert error={query.error} />
      {f.contractsWithProblems > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('dutyRecords.outsourcing.problems', {
            count: f.contracts,
            problems: f.contractsWithProblems,
          })}
        />
      ) : null}

      <Section
        title={t('dutyRecords.review.section')}
        status={
          <MetTag
            met={f.comprehensiveCheckDone}
            yes={t('dutyRecords.review.met')}
            no={t('dutyRecords.review.notMet')}
          />
        }
        addLabel={can ? t('dutyRecords.review.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'reviews',
            id: null,
            version: null,
            values: { contractIds: v.contracts.filter((c) => c.active).map((c) => c.id) },
            title: t('dutyRecords.review.add'),
          })
        }
      >
        {v.reviews.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.review.empty')}</Typography.Text>
        ) : null}
        {v.reviews.map((r) => (
          <Item
            key={r.id}
            label={t('dutyRecords.review.itemLabel', { date: r.checkDate })}
            title={r.checkDate}
            tags={<Tag>{t('dutyRecords.review.count', { count: r.contractIds.length })}</Tag>}
            actions={
              can ? (
                <RowActions
                  onEdit={() =>
                    editing.openEdit({
                      kind: 'reviews',
                      id: r.id,
                      version: r.version,
                      values: {
                        checkDate: toDay(r.checkDate),
                        scope: r.scope,
                        contractIds: r.contractIds,
                        findings: r.findings,
                        actions: r.actions ?? '',
                      },
                      title: t('dutyRecords.review.edit'),
                    })
                  }
                  onVoid={() =>
                    editing.openVoid({
                      kind: 'reviews',
                      id: r.id,
                      version: r.version,
                      name: t('dutyRecords.review.itemLabel', { date: r.checkDate }),
                    })
                  }
                />
              ) : null
            }
          >
            <Field name={t('dutyRecords.review.scope')}>{r.scope}</Field>
            <Field name={t('dutyRecords.review.findings')}>
              <Pre>{r.findings}</Pre>
            </Field>
            {r.actions ? (
              <Field name={t('dutyRecords.review.actions')}>
                <Pre>{r.actions}</Pre>
              </Field>
            ) : null}
            <DutyFiles
              enterpriseId={id}
              files={r.files}
              owner="outsourcing_review"
              ownerId={r.id}
              canEdit={can}
              onChanged={refresh}
              emptyText=""
            />
          </Item>
        ))}
      </Section>

      <Section
        title={t('dutyRecords.contract.section')}
        status={
          <MetTag
            met={f.contractsWithProblems === 0}
            yes={t('dutyRecords.contract.allCompliant', { count: f.contracts })}
            no={t('dutyRecords.contract.withProblems', { count: f.contractsWithProblems })}
          />
        }
        addLabel={can ? t('dutyRecords.contract.add') : undefined}
        onAdd={() =>
          editing.openEdit({
            kind: 'contracts',
            id: null,
            version: null,
            values: { kind: 'outsource', scopeKind: 'project' },
            title: t('dutyRecords.contract.add'),
          })
        }
      >
        {v.contracts.length === 0 ? (
          <Typography.Text type="secondary">{t('dutyRecords.contract.empty')}</Typography.Text>
        ) : null}
        {v.contracts.map((c) => (
          <Item
            key={c.id}
            label={nameOf(c)}
            title={c.counterparty}
            tags={
              <>
                <Tag color="blue">{label(OUTSOURCING_KIND_LABELS[c.kind])}</Tag>
                {c.active ? null : (
                  <Tag>{t('dutyRecords.contract.ended', { date: c.endedOn ?? '' })}</Tag>
                )}
                {c.active && c.problems.length === 0 ? (
                  <Tag color="success">{t('dutyRecords.contract.compliant')}</Tag>
                ) : null}
              </>
            }
            actions={
              can ? (
                <Space size={0} wrap>
                  {c.active ? (
                    <Button type="link" size="small" onClick={() => openAction('check', c)}>
                      {t('dutyRecords.check.add')}
                    </Button>
                  ) : null}
                  <RowActions
                    onEdit={() =>
                      editing.openEdit({
                        kind: 'contracts',
                        id: c.id,
                        version: c.version,
                        values: contractValues(c),
                        title: t('dutyRecords.contract.edit'),
                      })
                    }
                    onVoid={() =>
                      editing.openVoid({
                        kind: 'contracts',
                        id: c.id,
                        version: c.version,
                        name: nameOf(c),
                      })
                    }
                  />
                  {c.active && !c.endedOn ? (
                    <Button type="link" size="small" onClick={() => openAction('end', c)}>
                      {t('dutyRecords.contract.endAction')}
                    </Button>
                  ) : null}
                </Space>
              ) : null
            }
          >
            <FlagTags problems={c.problems} warnings={c.warnings} />
            <Field name={label(OUTSOURCING_SCOPE_LABELS[c.scopeKind])}>{c.scope}</Field>
            {c.startDate || c.endDate ? (
              <Field name={t('dutyRecords.contract.term')}>
                {c.startDate ?? '—'} ~ {c.endDate ?? '—'}
              </Field>
            ) : null}
            <Field name={t('dutyRecords.contract.qualification')}>
              {c.qualificationName
                ? `${c.qualificationName} ${c.qualificationNumber ?? ''}${
                    c.qualificationExpiry
                      ? t('dutyRecords.contract.validUntil', { date: c.qualificationExpiry })
                      : ''
                  }`
                : t('dutyRecords.notSet')}
            </Field>
            <Field name={t('dutyRecords.contract.agreement')}>
              {c.agreementSignedOn
                ? t('dutyRecords.contract.signedOn', { date: c.agreementSignedOn })
                : t('dutyRecords.contract.notSigned')}
            </Field>
            <DutyFiles
              enterpriseId={id}
              files={c.files.filter((x) => x.owner === 'contract_agreement')}
              owner="contract_agreement"
              ownerId={c.id}
              canEdit={can}
              onChanged={refresh}
              uploadLabel={t('dutyRecords.contract.uploadAgreement')}
              emptyText={t('dutyRecords.contract.noAgreementFile')}
            />
            <Field name={t('dutyRecords.contract.duties')}>
              {c.dutiesDefined ? (c.dutiesText ?? '') : t('dutyRecords.contract.dutiesUndefined')}
            </Field>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {t('dutyRecords.contract.qualificationCopy')}：
              </Typography.Text>
              <DutyFiles
                enterpriseId={id}
                files={c.files.filter((x) => x.owner === 'contract_qualification')}
                owner="contract_qualification"
                ownerId={c.id}
                canEdit={can}
                onChanged={refresh}
                uploadLabel={t('dutyRecords.contract.uploadQualification')}
              />
            </div>
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">
                {t('dutyRecords.check.title', { months: OUTSOURCING_CHECK_MONTHS })}
              </Typography.Text>
              {c.checks.length === 0 ? (
                <div>
                  <Typography.Text type="secondary">{t('dutyRecords.check.empty')}</Typography.Text>
                </div>
              ) : null}
              {c.checks.map((k) => (
                <Flex
                  key={k.id}
                  justify="space-between"
                  align="flex-start"
                  gap={8}
                  style={{ paddingLeft: 8, marginTop: 4 }}
                >
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text>
                      {k.checkDate} {k.checkedBy}：{k.findings}
                    </Typography.Text>
                    {k.rectification ? (
                      <Typography.Text type="secondary">（{k.rectification}）</Typography.Text>
                    ) : null}
                  </div>
                  {can ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() =>
                        setCheckVoid({
                          contract: c,
                          checkId: k.id,
                          version: k.version,
                          name: t('dutyRecords.check.itemLabel', { date: k.checkDate }),
                        })
                      }
                    >
                      {t('dutyRecords.void')}
                    </Button>
                  ) : null}
                </Flex>
              ))}
            </div>
          </Item>
        ))}
      </Section>

      <RecordEditor
        enterpriseId={id}
        editing={editing}
        forms={{
          contracts: { spec: CONTRACT_FORM, items: <ContractFormItems /> },
          reviews: {
            spec: REVIEW_FORM,
            items: (
              <ReviewFormItems
                contracts={v.contracts.map((c) => ({ value: c.id, label: nameOf(c) }))}
              />
            ),
          },
        }}
      />
      {action ? (
        <RecordDrawer
          key={action.seq}
          open
          name={action.type === 'check' ? 'duty-check' : 'duty-end'}
          title={
            action.type === 'check'
              ? t('dutyRecords.check.addTitle', { name: nameOf(action.contract) })
              : t('dutyRecords.contract.endTitle', { name: nameOf(action.contract) })
          }
          spec={action.type === 'check' ? CHECK_FORM : END_FORM}
          initialValues={{}}
          version={action.contract.version}
          submit={(body) =>
            action.type === 'check'
              ? addContractCheck(id, action.contract.id, body as never)
              : endContract(id, action.contract.id, body as never)
          }
          onSaved={(view) => cache.apply('outsourcing', view as typeof v)}
          onStale={() => cache.offerReload('outsourcing', () => setAction(null))}
          onClose={() => setAction(null)}
        >
          {action.type === 'check' ? <CheckFormItems /> : <EndFormItems />}
        </RecordDrawer>
      ) : null}
      <VoidRecordModal
        open={checkVoid !== null}
        title={checkVoid ? t('dutyRecords.voidTitle', { name: checkVoid.name }) : ''}
        version={checkVoid?.version ?? 1}
        onClose={() => setCheckVoid(null)}
        onVoid={async (body) => {
          if (!checkVoid) return;
          try {
            const view = await voidContractCheck(
              id,
              checkVoid.contract.id,
              checkVoid.checkId,
              body,
            );
            void message.success(t('dutyRecords.voided'));
            await cache.apply('outsourcing', view);
          } catch (e) {
            if (isApiError(e, ErrorCode.StaleVersion)) void refresh();
            throw e;
          }
        }}
      />
    </Flex>
  );
}
