import type {
  EnterpriseDetail,
  EnterpriseListItem,
  HazardSourceView,
  ImportView,
  PersonView,
} from '../api/enterprises-api';

const VIEW = {
  id: 7,
  name: '示例化工有限公司',
  creditCode: '91150602MA0N3K5H2B',
  sector: 'hazchem',
  subType: 'production',
  tags: ['major_hazard_source'],
  orgUnitId: 3,
  districtName: '示例区应急管理局',
  office: 'weihua',
  address: '示例区化工路1号',
  longitude: null,
  latitude: null,
  status: 'operating',
  statusDate: null,
  statusReason: null,
  employees: 120,
  safetyAgency: 'full_time',
  safetyStaffCount: 2,
  licences: [
    {
      type: '安全生产许可证',
      number: '（蒙）WH安许证字〔2022〕000318',
      expiry: '2099-08-31',
      issuer: null,
    },
  ],
  createdAt: '2025-05-01T00:00:00.000Z',
  updatedAt: '2025-05-02T00:00:00.000Z',
  version: 3,
} satisfies Omit<EnterpriseDetail, 'can'>;

/** A list row as GET /enterprises returns it (leader phone masked). */
export function listItem(patch: Partial<EnterpriseListItem> = {}): EnterpriseListItem {
  return { ...VIEW, leaderName: '张恒', leaderPhone: '139****0001', ...patch };
}

export const ALL_CAN = { edit: true, editPeople: true, revealPersonal: true, manageAccounts: true };
export const NO_CAN = {
  edit: false,
  editPeople: false,
  revealPersonal: false,
  manageAccounts: false,
};

/** An enterprise as GET /enterprises/:id returns it. */
export function detail(
  can: EnterpriseDetail['can'] = ALL_CAN,
  patch: Partial<EnterpriseDetail> = {},
): EnterpriseDetail {
  return { ...VIEW, can, ...patch };
}

export function person(patch: Partial<PersonView> = {}): PersonView {
  return {
    id: 11,
    kind: 'main_leader',
    name: '张恒',
    position: '总经理',
    phone: '139****0001',
    idNumber: '1506**********1234',
    assessed: true,
    specialty: null,
    version: 2,
    ...patch,
  };
}

export function hazardSource(patch: Partial<HazardSourceView> = {}): HazardSourceView {
  return {
    id: 31,
    name: '液氯储罐区',
    level: 2,
    substances: '液氯',
    leader: { name: '张恒', phone: '139****0001' },
    technical: { name: '王工', phone: '139****0003' },
    operations: { name: '李班长', phone: null },
    version: 1,
    ...patch,
  };
}

/** An import preview: row 2 valid (create), row 3 with a bad credit code. */
export function importView(patch: Partial<ImportView> = {}): ImportView {
  return {
    id: 5,
    fileName: '企业名录.xlsx',
    status: 'previewed',
    userName: '闫晓',
    totalRows: 2,
    errorRows: 1,
    created: 1,
    updated: 0,
    unchanged: 0,
    skipped: 1,
    createdAt: '2025-06-01T02:00:00.000Z',
    committedAt: null,
    rows: [
      {
        rowNumber: 2,
        name: '甲化工有限公司',
        creditCode: '91150602MA0T5X9P3E',
        action: 'create',
        errors: [],
      },
      {
        rowNumber: 3,
        name: '乙化工有限公司',
        creditCode: '91150602MA0T5X9P3A',
        action: 'error',
        errors: [
          {
            column: 'creditCode',
            header: '统一社会信用代码',
            message: '统一社会信用代码校验位不正确',
          },
          { column: 'district', header: '所属区县', message: '“西城区”不是本辖区的区县' },
        ],
      },
    ],
    ...patch,
  };
}

export const ORG_UNITS = {
  items: [
    { id: 1, parentId: null, kind: 'city', name: '示例市应急管理局', code: '001', path: '/1/' },
    {
      id: 3,
      parentId: 1,
      kind: 'district',
      name: '示例区应急管理局',
      code: '001001',
      path: '/1/3/',
    },
    { id: 4, parentId: 3, kind: 'office', name: '危化室', code: '001001001', path: '/1/3/4/' },
  ],
};
