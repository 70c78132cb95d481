import type {
  AssessmentInput,
  EnrolmentInput,
  EnrolmentView,
  LinkableUser,
  OperationTrainingDetail,
  OperationTrainingInput,
  OperationTrainingView,
  StaffInput,
  StaffList,
  StaffTrainingInput,
  StaffTrainingRecord,
  StaffTrainingView,
  StaffView,
  UpdateOperationTrainingInput,
  UpdateStaffInput,
  UpdateStaffTrainingInput,
} from '@hazard-ledger/domain';
import { apiGet, apiPost, apiPut } from './client';
import type { Items } from './types';

// Enforcement staff records and training (issue 10 item 3).

/** Everything starts with 'staff' so one invalidation refreshes the part. */
export const staffKeys = {
  all: ['staff'] as const,
  list: (districtId?: number) => ['staff', 'list', districtId ?? null] as const,
  person: (id: number) => ['staff', 'person', id] as const,
  linkable: ['staff', 'linkable'] as const,
  trainings: ['staff', 'trainings'] as const,
  training: (id: number) => ['staff', 'training', id] as const,
  attendeeOptions: ['staff', 'attendee-options'] as const,
  operationTrainings: ['staff', 'operation-trainings'] as const,
  operationTraining: (id: number) => ['staff', 'operation-training', id] as const,
  myTrainings: ['staff', 'my-trainings'] as const,
  myTraining: (id: number) => ['staff', 'my-training', id] as const,
};

export type StaffDetail = StaffView & { training: StaffTrainingRecord };
export type TrainingAttendee = { staffId: number; name: string; orgUnitName: string };

export const listStaff = (districtId: number | undefined, signal?: AbortSignal) =>
  apiGet<StaffList>('/enforcement-staff', { districtId }, signal);
export const getStaff = (id: number, signal?: AbortSignal) =>
  apiGet<StaffDetail>(`/enforcement-staff/${id}`, undefined, signal);
export const listLinkableUsers = (signal?: AbortSignal) =>
  apiGet<Items<LinkableUser>>('/enforcement-staff/linkable-users', undefined, signal);
export const createStaff = (input: StaffInput) => apiPost<StaffDetail>('/enforcement-staff', input);
export const updateStaff = (id: number, input: UpdateStaffInput) =>
  apiPut<StaffDetail>(`/enforcement-staff/${id}`, input);
export const voidStaff = (id: number, body: { reason: string; version: number }) =>
  apiPost<StaffDetail>(`/enforcement-staff/${id}/void`, body);

export const listStaffTrainings = (signal?: AbortSignal) =>
  apiGet<Items<StaffTrainingView>>('/staff-trainings', undefined, signal);
export const getStaffTraining = (id: number, signal?: AbortSignal) =>
  apiGet<StaffTrainingView>(`/staff-trainings/${id}`, undefined, signal);
export const listAttendeeOptions = (signal?: AbortSignal) =>
  apiGet<Items<TrainingAttendee>>('/staff-trainings/attendee-options', undefined, signal);
export const createStaffTraining = (input: StaffTrainingInput) =>
  apiPost<StaffTrainingView>('/staff-trainings', input);
export const updateStaffTraining = (id: number, input: UpdateStaffTrainingInput) =>
  apiPut<StaffTrainingView>(`/staff-trainings/${id}`, input);
export const voidStaffTraining = (id: number, body: { reason: string; version: number }) =>
  apiPost<StaffTrainingView>(`/staff-trainings/${id}/void`, body);

export const listOperationTrainings = (signal?: AbortSignal) =>
  apiGet<Items<OperationTrainingView>>('/operation-trainings', undefined, signal);
export const getOperationTraining = (id: number, signal?: AbortSignal) =>
  apiGet<OperationTrainingDetail>(`/operation-trainings/${id}`, undefined, signal);
export const createOperationTraining = (input: OperationTrainingInput) =>
  apiPost<OperationTrainingDetail>('/operation-trainings', input);
export const updateOperationTraining = (id: number, input: UpdateOperationTrainingInput) =>
  apiPut<OperationTrainingDetail>(`/operation-trainings/${id}`, input);
export const cancelOperationTraining = (id: number, body: { reason: string; version: number }) =>
  apiPost<OperationTrainingDetail>(`/operation-trainings/${id}/cancel`, body);
export const assessEnrolment = (id: number, input: AssessmentInput) =>
  apiPost<EnrolmentView>(`/operation-training-enrolments/${id}/assessment`, input);

export const listMyTrainings = (signal?: AbortSignal) =>
  apiGet<Items<OperationTrainingView>>('/my/operation-trainings', undefined, signal);
export const getMyTraining = (id: number, signal?: AbortSignal) =>
  apiGet<OperationTrainingDetail>(`/my/operation-trainings/${id}`, undefined, signal);
export const enrol = (trainingId: number, input: EnrolmentInput) =>
  apiPost<EnrolmentView>(`/my/operation-trainings/${trainingId}/enrolments`, input);
export const withdrawEnrolment = (id: number, body: { reason: string; version: number }) =>
  apiPost<EnrolmentView>(`/my/operation-training-enrolments/${id}/withdraw`, body);
