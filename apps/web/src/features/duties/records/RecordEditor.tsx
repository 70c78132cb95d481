import { useState, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import { ErrorCode } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import {
  createDutyRecord,
  SECTION_OF_KIND,
  updateDutyRecord,
  voidDutyRecord,
  type DrillsView,
  type DutyRecordKind,
  type OutsourcingView,
  type ResponsibilityView,
} from '../../../api/duty-records-api';
import { useLocale } from '../../../i18n/locale-context';
import { VoidRecordModal } from '../../enterprises/detail/VoidRecordModal';
import { useRecordCache } from './record-cache';
import type { FormSpec, FormValues } from './record-forms';
import { RecordDrawer } from './RecordDrawer';
import '../../../i18n/messages-duty-records';

/** A record being added (id null) or edited, with its form's initial values. */
export type EditTarget = {
  kind: DutyRecordKind;
  id: number | null;
  version: number | null;
  values: FormValues;
  title: string;
};
/** A record about to be voided. */
export type VoidTarget = { kind: DutyRecordKind; id: number; version: number; name: string };

/** Which drawer or void dialog is open; `seq` remounts the form for each opening. */
export function useRecordEditing() {
  const [edit, setEdit] = useState<(EditTarget & { seq: number }) | null>(null);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  return {
    edit,
    voiding,
    openEdit: (target: EditTarget) => setEdit((e) => ({ ...target, seq: (e?.seq ?? 0) + 1 })),
    clearEdit: () => setEdit(null),
    openVoid: setVoiding,
    closeVoid: () => setVoiding(null),
  };
}

type AnyView = ResponsibilityView | OutsourcingView | DrillsView;

/**
 * The add / edit drawer and the void dialog of the records of one tab. `forms` gives each kind
 * its validation and its form items.
 */
export function RecordEditor({
  enterpriseId,
  editing,
  forms,
}: {
  enterpriseId: number;
  editing: ReturnType<typeof useRecordEditing>;
  forms: Partial<Record<DutyRecordKind, { spec: FormSpec; items: ReactNode }>>;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const cache = useRecordCache(enterpriseId);
  const { edit, voiding } = editing;
  const form = edit ? forms[edit.kind] : undefined;

  return (
    <>
      {edit && form ? (
        <RecordDrawer
          key={edit.seq}
          open
          title={edit.title}
          name={`duty-${edit.kind}`}
          spec={form.spec}
          initialValues={edit.values}
          version={edit.version}
          submit={(body) =>
            edit.id === null
              ? createDutyRecord(enterpriseId, edit.kind, body)
              : updateDutyRecord(enterpriseId, edit.kind, edit.id, body as { version: number })
          }
          onSaved={(answer) => cache.apply(SECTION_OF_KIND[edit.kind], answer as AnyView)}
          onStale={() => cache.offerReload(SECTION_OF_KIND[edit.kind], editing.clearEdit)}
          onClose={editing.clearEdit}
        >
          {form.items}
        </RecordDrawer>
      ) : null}
      <VoidRecordModal
        open={voiding !== null}
        title={voiding ? t('dutyRecords.voidTitle', { name: voiding.name }) : ''}
        version={voiding?.version ?? 1}
        onClose={editing.closeVoid}
        onVoid={async (body) => {
          if (!voiding) return;
          const section = SECTION_OF_KIND[voiding.kind];
          try {
            const view = await voidDutyRecord(enterpriseId, voiding.kind, voiding.id, body);
            void message.success(t('dutyRecords.voided'));
            await cache.apply(section, view);
          } catch (e) {
            if (isApiError(e, ErrorCode.StaleVersion)) void cache.refresh(section);
            throw e;
          }
        }}
      />
    </>
  );
}
