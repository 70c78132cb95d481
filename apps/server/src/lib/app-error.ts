import { ErrorCode, type FieldError } from '@hazard-ledger/domain';

/** An expected failure with an HTTP status and a stable code; the error handler renders it. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

/** 404 for a record that does not exist or lies outside the caller's scope. */
export function notFound(): AppError {
  return new AppError(404, ErrorCode.NotFound);
}

/** 400 with one field error. */
export function fieldError(path: string, message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path, message }]);
}

/** 409 for an update that carried an old version. */
export function staleVersion(): AppError {
  return new AppError(409, ErrorCode.StaleVersion);
}

/** 403 for an action the caller may not take. */
export function forbidden(): AppError {
  return new AppError(403, ErrorCode.Forbidden);
}

/** 409 for an action the record's current state does not allow, with the reason on a field. */
export function conflict(path: string, message: string): AppError {
  return new AppError(409, ErrorCode.Conflict, [{ path, message }]);
}
