import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  getInspection,
  getInspectionFormContext,
  inspectionKeys,
  type FormContextQuery,
} from '../../../api/inspections-api';
import { useSession } from '../../../auth/session-context';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { parseId } from './labels';
import { RecordForm } from './RecordForm';

function Loading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

/**
 * /inspections/new?enterpriseId&planId&targetId — fills in a record (phone first); with
 * `?edit=<id>` it edits that draft. Without an enterprise, it asks for one first.
 */
export function InspectionRecordFormPage() {
  const { t } = useLocale();
  const [params] = useSearchParams();
  const editId = parseId(params.get('edit'));
  return (
    <>
      <Link
        to={editId ? `/inspections/${editId}` : '/inspections'}
        style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}
      >
        <ArrowLeftOutlined /> {t('inspections.backToList')}
      </Link>
      <PageHeader title={t(editId ? 'inspections.form.editTitle' : 'nav.inspectionNew')} />
      <div style={{ maxWidth: 960 }}>{editId ? <EditDraft id={editId} /> : <NewRecord />}</div>
    </>
  );
}

function NewRecord() {
  const { t } = useLocale();
  const { me } = useSession();
  const [params] = useSearchParams();
  const planId = parseId(params.get('planId'));
  const targetId = parseId(params.get('targetId'));
  const [picked, setPicked] = useState<number | null>(null);
  const enterpriseId = parseId(params.get('enterpriseId')) ?? picked;
  // From a plan target: the target names the enterprise.
  if (planId && targetId) {
    return (
      <ContextLoader
        key={`${planId}-${targetId}-${me?.id}`}
        query={{ ...(enterpriseId ? { enterpriseId } : {}), planId, targetId }}
        planId={planId}
        targetId={targetId}
      />
    );
  }
  if (enterpriseId === null) {
    return (
      <Card size="small">
        <Form layout="vertical">
          <Form.Item label={t('inspections.form.enterprise')} htmlFor="inspection-enterprise">
            <EnterpriseSelect
              id="inspection-enterprise"
              value={picked}
              onChange={setPicked}
              placeholder={t('inspections.form.pickEnterprise')}
            />
          </Form.Item>
        </Form>
      </Card>
    );
  }
  return (
    <ContextLoader
      key={`${enterpriseId}-${me?.id}`}
      query={{ enterpriseId }}
      planId={null}
      targetId={null}
    />
  );
}

function ContextLoader({
  query,
  planId,
  targetId,
  record,
}: {
  query: FormContextQuery;
  planId: number | null;
  targetId: number | null;
  record?: Parameters<typeof RecordForm>[0]['record'];
}) {
  const context = useQuery({
    queryKey: inspectionKeys.formContext(query),
    queryFn: ({ signal }) => getInspectionFormContext(query, signal),
    staleTime: 60_000,
  });
  if (context.isPending) return <Loading />;
  if (context.isError) return <ErrorAlert error={context.error} />;
  return <RecordForm context={context.data} record={record} planId={planId} targetId={targetId} />;
}

function EditDraft({ id }: { id: number }) {
  const { t } = useLocale();
  const record = useQuery({
    queryKey: inspectionKeys.record(id),
    queryFn: ({ signal }) => getInspection(id, signal),
  });
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} />;
  const r = record.data;
  if (!r.availableActions.includes('edit')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('inspections.form.notDraft')}
        action={
          <Link to={`/inspections/${id}`}>
            <Button size="small">{r.recordNo}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <ContextLoader
      key={`${r.id}-${r.version}`}
      query={{
        enterpriseId: r.enterpriseId,
        ...(r.planId && r.targetId ? { planId: r.planId, targetId: r.targetId } : {}),
      }}
      planId={r.planId}
      targetId={r.targetId}
      record={r}
    />
  );
}
