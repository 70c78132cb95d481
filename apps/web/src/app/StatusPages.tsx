import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale-context';
import { usePageTitle } from '../components/usePageTitle';

/** 404: no route matched. */
export function NotFoundPage() {
  const { t } = useLocale();
  usePageTitle(t('nav.notFound'));
  return (
    <Result
      status="404"
      title={t('nav.notFound')}
      subTitle={t('common.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** 403: the page exists but the user lacks its permission. */
export function ForbiddenPage() {
  const { t } = useLocale();
  usePageTitle(t('nav.forbidden'));
  return (
    <Result
      status="403"
      title={t('nav.forbidden')}
      subTitle={t('common.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
