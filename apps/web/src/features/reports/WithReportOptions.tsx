import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ReportOptionsView } from '@hazard-ledger/domain';
import { getReportOptions, reportKeys } from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';

/**
 * Loads what the caller may pick on a report page (districts, sectors, campaigns and weeks)
 * and renders the page once it is there; until then the page title with a spinner or the error.
 */
export function WithReportOptions({
  titleKey,
  children,
}: {
  titleKey: MessageKey;
  children: (options: ReportOptionsView) => ReactNode;
}) {
  const { t } = useLocale();
  const options = useQuery({
    queryKey: reportKeys.options,
    queryFn: ({ signal }) => getReportOptions(signal),
  });
  if (options.isPending)
    return (
      <>
        <PageHeader title={t(titleKey)} />
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      </>
    );
  if (options.isError)
    return (
      <>
        <PageHeader title={t(titleKey)} />
        <ErrorAlert error={options.error} />
      </>
    );
  return children(options.data);
}
