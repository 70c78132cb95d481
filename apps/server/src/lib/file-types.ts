import path from 'node:path';
import JSZip from 'jszip';
import { ATTACHMENT_KINDS, type AttachmentKind } from '@hazard-ledger/domain';

// What an uploaded file really is, read from its bytes; the name and the browser's MIME type
// are not trusted.

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The kind of an attachment by its content: PDF, or an OOXML zip holding a document or workbook. */
export async function detectAttachmentKind(buffer: Buffer): Promise<AttachmentKind | null> {
  if (buffer.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
  if (!buffer.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return null;
  try {
    const zip = await JSZip.loadAsync(buffer);
    if (!zip.file('[Content_Types].xml')) return null;
    if (zip.file('word/document.xml')) return 'docx';
    if (zip.file('xl/workbook.xml')) return 'xlsx';
  } catch {
    return null;
  }
  return null;
}

/** The kind a file name claims by its extension. */
export function kindOfFileName(fileName: string): AttachmentKind | null {
  const ext = path.extname(fileName).toLowerCase();
  const found = (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find(
    (k) => ATTACHMENT_KINDS[k].extension === ext,
  );
  return found ?? null;
}

/** A file name safe to store and send back: no folders, no control characters, bounded length. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 120) return clean || 'file';
  const ext = path.extname(clean);
  return clean.slice(0, 120 - ext.length) + ext;
}
