import type { Generated, Selectable } from 'kysely';

// Table types of public disclosure (issue 10 item 2); merged into Database in schema.ts.

export interface DisclosureTable {
  id: Generated<number>;
  district_id: number;
  sector: string;
  kind: string;
  source_type: string;
  source_id: number;
  source_label: string;
  enterprise_id: number;
  title: string;
  text: string;
  /** JSON array of names of persons from the source records. */
  person_names: string;
  /** JSON array of strings removed by hand. */
  manual_redactions: string;
  status: string;
  publish_from: string | null;
  publish_until: string | null;
  published_title: string | null;
  published_text: string | null;
  prepared_by: number;
  prepared_by_name: string;
  submitted_by: number | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  return_reason: string | null;
  approved_by: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  unpublished_by: number | null;
  unpublished_at: string | null;
  unpublish_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export type DisclosureRow = Selectable<DisclosureTable>;

export interface DisclosurePhotoTable {
  id: Generated<number>;
  disclosure_id: number;
  seq: number;
  source_file_id: number;
  file_name: string;
  mime_type: string;
  /** JSON array of relative boxes { x, y, w, h }. */
  boxes: string;
  redacted_storage_key: string | null;
  redacted_mime_type: string | null;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}
export type DisclosurePhotoRow = Selectable<DisclosurePhotoTable>;

export interface DisclosureTables {
  disclosures: DisclosureTable;
  disclosure_photos: DisclosurePhotoTable;
}
