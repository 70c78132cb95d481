import type { EnterpriseDetail } from '../../../api/enterprises-api';
import type { PersonalDataState } from './personal-data';

/** What every tab of the enterprise page receives. */
export type EnterpriseTabProps = {
  enterprise: EnterpriseDetail;
  /** The page's reveal state of personal data, shared by the people and hazard-source tabs. */
  personal: PersonalDataState;
};
