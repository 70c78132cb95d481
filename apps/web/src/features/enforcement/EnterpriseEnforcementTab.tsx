import { Flex } from 'antd';
import type { EnterpriseTabProps } from '../enterprises/detail/tab-types';
import { EnterpriseInspectionsSection } from './inspections/EnterpriseInspectionsSection';
import { EnterpriseOrdersSection } from './orders/EnterpriseOrdersSection';
import { EnterprisePenaltiesSection } from './penalties/EnterprisePenaltiesSection';
import { UpcomingInspectionsCard } from './plans/UpcomingInspectionsCard';

/** The enterprise page's 执法 tab: announced visits, inspection records, orders and measures, penalty cases. */
export function EnterpriseEnforcementTab(props: EnterpriseTabProps) {
  return (
    <Flex vertical gap="large">
      <UpcomingInspectionsCard {...props} />
      <EnterpriseInspectionsSection {...props} />
      <EnterpriseOrdersSection {...props} />
      <EnterprisePenaltiesSection {...props} />
    </Flex>
  );
}
