import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiGet,
  getCsrfToken,
  apiPatch,
  apiPost,
  apiRequest,
  setApiLocale,
  setCsrfToken,
  setUnauthorizedHandler,
} from './client';
import { apiError, json, mockApi } from '../test/mock-api';

describe('api client', () => {
  beforeEach(() => {
    setCsrfToken(null);
    setApiLocale('zh');
  });
  afterEach(() => {
    setUnauthorizedHandler(null);
    vi.unstubAllGlobals();
  });

  it('sends the CSRF token on POST and PATCH but not on GET, with same-origin credentials', async () => {
    const calls = mockApi({
      'GET /users': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /users/5/disable': json(200, { id: 5 }),
      'PATCH /users/5': json(200, { id: 5 }),
    });
    setCsrfToken('tok-123');

    await apiGet('/users', { page: 1, q: '', role: undefined });
    await apiPost('/users/5/disable');
    await apiPatch('/users/5', { displayName: '李四', version: 2 });

    const [get, post, patch] = calls;
    expect(get?.url).toBe('/api/v1/users?page=1');
    expect(get?.headers['x-csrf-token']).toBeUndefined();
    expect(get?.credentials).toBe('same-origin');

    expect(post?.method).toBe('POST');
    expect(post?.headers['x-csrf-token']).toBe('tok-123');
    expect(post?.credentials).toBe('same-origin');
    // No body: no JSON content type (Fastify rejects an empty JSON body).
    expect(post?.headers['content-type']).toBeUndefined();

    expect(patch?.headers['x-csrf-token']).toBe('tok-123');
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(patch?.body).toEqual({ displayName: '李四', version: 2 });
  });

  it('asks for Chinese messages by default and English when chosen', async () => {
    const calls = mockApi({ 'GET /auth/sessions': json(200, { items: [] }) });
    await apiGet('/auth/sessions');
    setApiLocale('en');
    await apiGet('/auth/sessions');
    expect(calls[0]?.headers['accept-language']).toBe('zh-CN');
    expect(calls[1]?.headers['accept-language']).toBe('en');
  });

  it('parses the error body into an ApiError with status, code, message and fields', async () => {
    mockApi({
      'POST /users': apiError(400, 'VALIDATION_FAILED', '提交的数据有误，请检查标出的字段', [
        { path: 'password', message: '密码至少10位' },
        { path: 'sectors', message: '科室和执法人员必须指定负责的行业领域' },
      ]),
    });
    const err = await apiPost('/users', { username: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('提交的数据有误，请检查标出的字段');
    expect(e.fields).toEqual([
      { path: 'password', message: '密码至少10位' },
      { path: 'sectors', message: '科室和执法人员必须指定负责的行业领域' },
    ]);
  });

  it('falls back to a Chinese message when the error body is not JSON', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const e = (await apiGet('/audit').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(502);
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toBe('服务器内部错误，请稍后再试');
  });

  it('returns undefined for 204', async () => {
    mockApi({ 'DELETE /auth/sessions/abc': json(204) });
    await expect(apiRequest('/auth/sessions/abc', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('on 401 clears the session via the handler, except when the caller opts out (login)', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    setCsrfToken('tok');
    mockApi({
      'GET /users': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /auth/login': apiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'),
    });

    await expect(
      apiRequest('/auth/login', { method: 'POST', body: {}, skipUnauthorizedHandler: true }),
    ).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(onUnauthorized).not.toHaveBeenCalled();

    await expect(apiGet('/users')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not end the session for a 401 that judges a typed code (TOTP_INVALID on enable)', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    setCsrfToken('tok');
    mockApi({ 'POST /auth/totp/enable': apiError(401, 'TOTP_INVALID', '动态验证码错误') });
    await expect(apiPost('/auth/totp/enable', { code: '000000' })).rejects.toMatchObject({
      code: 'TOTP_INVALID',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(getCsrfToken()).toBe('tok');
  });

  it('turns a network failure into an ApiError', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiGet('/org-units')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
