import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError } from '../../../api/client';
import { useLocale } from '../../../i18n/locale-context';

/**
 * The text of an error: the server's field messages when it gave any (they carry the reason,
 * e.g. "自查记录已提交并签字，不能再修改"), else its message.
 */
export function detailedMessage(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  if (error.fields.length > 0) return error.fields.map((f) => f.message).join('；');
  return error.message;
}

/** An error Alert with the server's reasons; nothing when `error` is empty. */
export function DetailedErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const { t } = useLocale();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={detailedMessage(error, t('common.unexpectedError'))}
      style={{ marginBottom: 16, ...style }}
    />
  );
}
