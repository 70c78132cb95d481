import { Flex } from 'antd';
import type { EnterpriseTabProps } from '../enterprises/detail/tab-types';
import { LeaderDutySection } from './leader/LeaderDutySection';
import { SelfInspectionSection } from './self-inspection/SelfInspectionSection';

/**
 * Duty 1 (研究组织排查整治): the enterprise's self-inspections against its checklist, then the
 * leader's monthly inspections, key-period duty and the safety production fund.
 */
export function OrganizeDutyTab(props: EnterpriseTabProps) {
  return (
    <Flex vertical gap="large">
      <SelfInspectionSection {...props} />
      <LeaderDutySection {...props} />
    </Flex>
  );
}
