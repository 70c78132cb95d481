import type { Role, Sector } from '@hazard-ledger/domain';

// The demo accounts, on their own so that the server's banner can list them without loading the
// demo seed (and with it most of the server) into node:cluster's primary.

export type DemoUser = {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  sectors?: Sector[];
  enterprise?: string;
  certificateNo?: string;
};

/** The demo accounts; README lists them. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '王局长', role: 'bureau_admin', unit: 'NM-EEDS-DS-ZHXT' },
  // A second bureau account: rewards are approved by someone other than who proposed them.
  { username: 'admin2', displayName: '李副局长', role: 'bureau_admin', unit: 'NM-EEDS-DS-ZHXT' },
  {
    username: 'weihua',
    displayName: '闫晓',
    role: 'office',
    unit: 'NM-EEDS-DS-WHS',
    sectors: ['hazchem', 'fireworks'],
  },
  {
    username: 'jichu',
    displayName: '赵星',
    role: 'office',
    unit: 'NM-EEDS-DS-JCS',
    sectors: ['mining', 'industry'],
  },
  { username: 'xuanjiao', displayName: '李宣', role: 'publicity', unit: 'NM-EEDS-DS-XJS' },
  {
    username: 'zhifa1',
    displayName: '耿建',
    role: 'inspector',
    unit: 'NM-EEDS-DS-ZFDD',
    sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
    certificateNo: '15060223001',
  },
  {
    username: 'zhifa2',
    displayName: '阮飞',
    role: 'inspector',
    unit: 'NM-EEDS-DS-ZFDD',
    sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
    certificateNo: '15060223002',
  },
  { username: 'city', displayName: '市局调度员', role: 'city', unit: 'NM-EEDS' },
  {
    username: 'qiye1_fzr',
    displayName: '张恒',
    role: 'ent_leader',
    unit: 'NM-EEDS-DS',
    enterprise: 'qiye1',
  },
  {
    username: 'qiye1_aq',
    displayName: '刘安',
    role: 'ent_safety',
    unit: 'NM-EEDS-DS',
    enterprise: 'qiye1',
  },
  {
    username: 'qiye2_fzr',
    displayName: '孙鼎',
    role: 'ent_leader',
    unit: 'NM-EEDS-DS',
    enterprise: 'qiye2',
  },
  {
    username: 'qiye2_aq',
    displayName: '周全',
    role: 'ent_safety',
    unit: 'NM-EEDS-DS',
    enterprise: 'qiye2',
  },
];
