/** Largest attachment the server accepts. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['.pdf', '.docx', '.xlsx'];

/** Why a file cannot be attached (checked again by content on the server), or null. */
export function attachmentProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return 'type';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

/** "1.2 MB" / "340 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
