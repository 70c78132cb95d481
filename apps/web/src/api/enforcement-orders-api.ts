import type {
  AcknowledgeOrderInput,
  InspectorOption,
  IssuableRecord,
  IssueOrderInput,
  LiftOnSiteMeasureInput,
  OnSiteMeasureInput,
  OnSiteMeasureKind,
  OnSiteMeasureView,
  OrderDetail,
  OrderListFilter,
  OrderPage,
  ReinspectionInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost } from './client';
import type { Page } from './types';

// Rectification orders (责令限期整改指令书), re-inspections (整改复查) and on-site measures
// (现场处理措施).

export type OrderListQuery = {
  page: number;
  pageSize: number;
  status?: OrderListFilter;
  enterpriseId?: number;
  q?: string;
};

export type MeasureListQuery = {
  page: number;
  pageSize: number;
  enterpriseId?: number;
  active?: boolean;
  kind?: OnSiteMeasureKind;
};

/** React Query keys of this part (kept here, not in the shared query-keys file). */
export const orderKeys = {
  /** Everything cached about orders. */
  all: ['enforcement-orders'] as const,
  list: (q: OrderListQuery) => ['enforcement-orders', 'list', q] as const,
  one: (id: number) => ['enforcement-orders', 'one', id] as const,
  issuable: (enterpriseId: number) => ['enforcement-orders', 'issuable', enterpriseId] as const,
  inspectorOptions: ['enforcement-orders', 'inspector-options'] as const,
  /** Everything cached about on-site measures. */
  measures: ['on-site-measures'] as const,
  measureList: (q: MeasureListQuery) => ['on-site-measures', 'list', q] as const,
};

/** One page of orders, with the count behind each status filter. */
export function listOrders(query: OrderListQuery, signal?: AbortSignal): Promise<OrderPage> {
  return apiGet<OrderPage>('/enforcement-orders', query, signal);
}

/** One order with its hazards, its re-inspection and what I may do. */
export function getOrder(id: number, signal?: AbortSignal): Promise<OrderDetail> {
  return apiGet<OrderDetail>(`/enforcement-orders/${id}`, undefined, signal);
}

/** Issues an order from a signed inspection record. */
export function issueOrder(body: IssueOrderInput): Promise<OrderDetail> {
  return apiPost<OrderDetail>('/enforcement-orders', body);
}

/** The enterprise acknowledges receipt. */
export function acknowledgeOrder(id: number, body: AcknowledgeOrderInput): Promise<OrderDetail> {
  return apiPost<OrderDetail>(`/enforcement-orders/${id}/acknowledge`, body);
}

/** Records the re-inspection of an order. */
export function reinspectOrder(id: number, body: ReinspectionInput): Promise<OrderDetail> {
  return apiPost<OrderDetail>(`/enforcement-orders/${id}/reinspection`, body);
}

/** An enterprise's signed records with their findings' hazards (to issue an order from). */
export function listIssuableRecords(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<IssuableRecord[]> {
  return apiGet<IssuableRecord[]>('/enforcement-orders/issuable-records', { enterpriseId }, signal);
}

/** Certified enforcement officers of my territory. */
export function listInspectorOptions(signal?: AbortSignal): Promise<InspectorOption[]> {
  return apiGet<InspectorOption[]>('/enforcement-orders/inspector-options', undefined, signal);
}

/** The order document (PDF). */
export function orderPdfUrl(id: number): string {
  return `${API_BASE}/enforcement-orders/${id}/pdf`;
}

/** The re-inspection opinion (PDF). */
export function reinspectionPdfUrl(id: number): string {
  return `${API_BASE}/enforcement-orders/${id}/reinspection/pdf`;
}

/** One page of on-site measures, those in force first. */
export function listMeasures(
  query: MeasureListQuery,
  signal?: AbortSignal,
): Promise<Page<OnSiteMeasureView>> {
  return apiGet<Page<OnSiteMeasureView>>('/on-site-measures', query, signal);
}

/** Imposes an on-site measure. */
export function imposeMeasure(body: OnSiteMeasureInput): Promise<OnSiteMeasureView> {
  return apiPost<OnSiteMeasureView>('/on-site-measures', body);
}

/** Lifts an on-site measure after review. */
export function liftMeasure(id: number, body: LiftOnSiteMeasureInput): Promise<OnSiteMeasureView> {
  return apiPost<OnSiteMeasureView>(`/on-site-measures/${id}/lift`, body);
}
