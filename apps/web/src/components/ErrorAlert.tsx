import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n/locale-context';

/** The message to show for an error: the server's own message for API errors. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}

/** An error Alert with the server's message (or a generic one); nothing when `error` is empty. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const { t } = useLocale();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon

      title={errorMessage(error, t('common.unexpectedError'))}
      style={{ marginBottom: 16, ...style }}
    />
  );
}
