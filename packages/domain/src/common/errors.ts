/** Machine-readable error codes of the API; each has a Chinese and an English message. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  AccountDisabled: 'ACCOUNT_DISABLED',
  TotpRequired: 'TOTP_REQUIRED',
  TotpInvalid: 'TOTP_INVALID',
  TotpEnrollmentRequired: 'TOTP_ENROLLMENT_REQUIRED',
  CsrfInvalid: 'CSRF_INVALID',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  WeakPassword: 'WEAK_PASSWORD',
  PasswordMismatch: 'PASSWORD_MISMATCH',
  StaleVersion: 'STALE_VERSION',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: {
    zh: '提交的数据有误，请检查标出的字段',
    en: 'The request has invalid fields',
  },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '记录不存在或无权查看', en: 'Not found' },
  CONFLICT: { zh: '操作与当前状态冲突', en: 'The request conflicts with the current state' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '连续登录失败次数过多，账号已锁定，请稍后再试',
    en: 'Too many failed attempts; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { zh: '账号已停用，请联系管理员', en: 'This account is disabled' },
  TOTP_REQUIRED: { zh: '请输入动态验证码', en: 'Enter your one-time code' },
  TOTP_INVALID: { zh: '动态验证码错误', en: 'Wrong one-time code' },
  TOTP_ENROLLMENT_REQUIRED: {
    zh: '管理员账号必须先绑定动态验证码（双因素认证）',
    en: 'Administrators must enrol a second factor first',
  },
  CSRF_INVALID: {
    zh: '页面已过期，请刷新后重试',
    en: 'Missing or invalid CSRF token; reload the page',
  },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大', en: 'The request body is too large' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  WEAK_PASSWORD: {
    zh: '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Passwords need at least 10 characters of three kinds (upper, lower, digit, symbol)',
  },
  PASSWORD_MISMATCH: { zh: '当前密码错误', en: 'The current password is wrong' },
  STALE_VERSION: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal error; try again later' },
};

/** One field error: the path of the field and why it is wrong. */
export type FieldError = { path: string; message: string };

/** The shape of every error the API returns. */
export type ApiErrorBody = {
  error: { code: string; message: string; fields?: FieldError[]; [k: string]: unknown };
};
