// The workflow of a reward case (举报奖励, issue 8 item 6): proposed (amount from the rules,
// amendable with a reason) → approved (by someone other than who proposed or amended it) →
// paid (date, method, voucher) — or rejected. Payment itself happens outside the system; the
// case records it. The public claim view maps these statuses to what a reporter may know.

/** States of a reward case. */
export const RewardStatus = {
  Proposed: 'proposed',
  Approved: 'approved',
  Paid: 'paid',
  Rejected: 'rejected',
} as const;
export type RewardStatus = (typeof RewardStatus)[keyof typeof RewardStatus];
export const REWARD_STATUSES = Object.values(RewardStatus) as readonly RewardStatus[];
export const REWARD_STATUS_LABELS: Record<RewardStatus, { zh: string; en: string }> = {
  proposed: { zh: '待审批', en: 'Proposed' },
  approved: { zh: '已批准待发放', en: 'Approved' },
  paid: { zh: '已发放', en: 'Paid' },
  rejected: { zh: '不予奖励', en: 'Rejected' },
};

/** Actions on a reward case. */
export const RewardAction = {
  Amend: 'amend',
  Approve: 'approve',
  Pay: 'pay',
  Reject: 'reject',
} as const;
export type RewardAction = (typeof RewardAction)[keyof typeof RewardAction];
export const REWARD_ACTIONS = Object.values(RewardAction) as readonly RewardAction[];
export const REWARD_ACTION_LABELS: Record<RewardAction, { zh: string; en: string }> = {
  amend: { zh: '调整金额', en: 'Amend amount' },
  approve: { zh: '批准', en: 'Approve' },
  pay: { zh: '登记发放', en: 'Record payment' },
  reject: { zh: '不予奖励', en: 'Reject' },
};

/** The workflow table: the actions each status allows. */
export const REWARD_WORKFLOW = {
  proposed: ['amend', 'approve', 'reject'],
  approved: ['pay', 'reject'],
  paid: [],
  rejected: [],
} as const satisfies Record<RewardStatus, readonly RewardAction[]>;

/** Where an action leads; amending keeps the status. */
const TRANSITIONS: Record<RewardAction, Partial<Record<RewardStatus, RewardStatus>>> = {
  amend: {},
  approve: { proposed: 'approved' },
  pay: { approved: 'paid' },
  reject: { proposed: 'rejected', approved: 'rejected' },
};

/** The status after `action` in `status`. */
export function nextRewardStatus(status: RewardStatus, action: RewardAction): RewardStatus {
  return TRANSITIONS[action][status] ?? status;
}

/** The facts of a case that decide which actions the user may take. */
export type RewardCaseFacts = {
  status: RewardStatus;
  proposedBy: number;
  /** Who last changed the amount (null when never amended). */
  amendedBy: number | null;
};

/**
 * Why a user may not take an action on a case (Chinese, for the 409 answer); null when allowed.
 * Four eyes: the approver is neither the proposer nor whoever last amended the amount.
 */
export function rewardActionRefusal(
  facts: RewardCaseFacts,
  action: RewardAction,
  userId: number,
): string | null {
  if (!(REWARD_WORKFLOW[facts.status] as readonly RewardAction[]).includes(action)) {
    return `奖励“${REWARD_STATUS_LABELS[facts.status].zh}”时不能${REWARD_ACTION_LABELS[action].zh}`;
  }
  if (action === 'approve') {
    if (facts.proposedBy === userId) return '提出奖励的人员不能自己批准，须由另一名人员审批';
    if (facts.amendedBy === userId) return '调整金额的人员不能自己批准，须由另一名人员审批';
  }
  return null;
}

/** The actions this user may take now (what the UI shows as buttons). */
export function availableRewardActions(facts: RewardCaseFacts, userId: number): RewardAction[] {
  return REWARD_WORKFLOW[facts.status].filter(
    (a) => rewardActionRefusal(facts, a, userId) === null,
  );
}

/** How payment was made (outside the system). */
export const REWARD_PAYMENT_METHODS = ['bank_transfer', 'cash', 'other'] as const;
export type RewardPaymentMethod = (typeof REWARD_PAYMENT_METHODS)[number];
export const REWARD_PAYMENT_METHOD_LABELS: Record<RewardPaymentMethod, { zh: string; en: string }> =
  {
    bank_transfer: { zh: '银行转账', en: 'Bank transfer' },
    cash: { zh: '现金', en: 'Cash' },
    other: { zh: '其他', en: 'Other' },
  };

/**
 * What the holder of a receipt code may learn about a reward: only where it stands. Never the
 * amount — a code can be seen or passed on, and the amount (a share of the fine) is told at the
 * bureau once the claimant's identity is checked.
 */
export const RewardClaimStatus = {
  None: 'none',
  UnderReview: 'under_review',
  ReadyToClaim: 'ready_to_claim',
  Paid: 'paid',
  NotGranted: 'not_granted',
} as const;
export type RewardClaimStatus = (typeof RewardClaimStatus)[keyof typeof RewardClaimStatus];
export const REWARD_CLAIM_STATUSES = Object.values(
  RewardClaimStatus,
) as readonly RewardClaimStatus[];
export const REWARD_CLAIM_STATUS_LABELS: Record<RewardClaimStatus, { zh: string; en: string }> = {
  none: { zh: '暂无奖励', en: 'No reward' },
  under_review: { zh: '奖励审核中', en: 'Under review' },
  ready_to_claim: { zh: '奖励已批准，可以领取', en: 'Approved: ready to claim' },
  paid: { zh: '奖励已领取', en: 'Paid' },
  not_granted: { zh: '不予奖励', en: 'Not granted' },
};

/** The public status of a case (null: no case for the tip). */
export function claimStatusOf(status: RewardStatus | null): RewardClaimStatus {
  switch (status) {
    case null:
      return 'none';
    case 'proposed':
      return 'under_review';
    case 'approved':
      return 'ready_to_claim';
    case 'paid':
      return 'paid';
    case 'rejected':
      return 'not_granted';
  }
}

/** The steps to claim a reward, shown with the public status (payment happens at the bureau). */
export const REWARD_CLAIM_STEPS: readonly { zh: string; en: string }[] = [
  {
    zh: '奖励批准后，请携带举报回执码和本人有效身份证件，到区应急管理局办理领取。',
    en: 'Once the reward is approved, bring the receipt code and your ID card to the district emergency management bureau.',
  },
  {
    zh: '工作人员核对回执码与身份后告知奖励金额，并当场登记领取方式（银行转账或现金）。',
    en: 'Staff check the code and your identity, tell you the amount and record how it is paid (bank transfer or cash).',
  },
  {
    zh: '匿名举报人领取时，身份信息仅用于发放奖励，依法予以保密。',
    en: 'An anonymous reporter’s identity is used only to pay the reward and is kept confidential.',
  },
  {
    zh: '本系统不在线发放奖励，也不会通过电话或短信索要银行卡密码、验证码。',
    en: 'Rewards are never paid online; nobody will ask for card passwords or verification codes by phone or SMS.',
  },
];
