import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { demoPassword } from '../../../src/app/demo.js';
import { demoUsers } from '../../../src/workflow/seed.js';
import { roles } from '../../../src/platform/access/roles.js';
import { createFirstAdmin, firstAdminFromEnv } from '../../../src/platform/accounts/first-admin.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { seededDemoContext } from '../../helpers/demo-template.js';
import { apiServer, graphql, signIn } from '../../helpers/server.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

describe('signing in', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof apiServer>>;
  beforeAll(async () => {
    t = await seededDemoContext();
    app = await apiServer(t.db, t.context);
  });
  afterAll(() => t.close());

  test('each role signs in and is known to the API with its role', async () => {
    for (const role of Object.keys(roles)) {
      const user = demoUsers.find((u) => u.role === role)!;
      const cookie = await signIn(app, user.username, demoPassword);
      const res = await graphql(app, '{ authenticatedItem { ... on User { username role department { code } } } }', {}, cookie);
      expect(res.body.data.authenticatedItem).toEqual({ username: user.username, role, department: { code: user.department } });
    }
  });

  test('a wrong password is refused and sets no session', async () => {
    const res = await graphql(
      app,
      `mutation { authenticateUserWithPassword(username: "admin", password: "wrong-password") {
      ... on UserAuthenticationWithPasswordFailure { message } } }`,
    );
    expect(res.body.data.authenticateUserWithPassword.message).toBeTruthy();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('passwords are stored hashed and never readable', async () => {
    const stored = await t.context.prisma.user.findFirstOrThrow({ where: { username: 'admin' } });
    expect(stored.password).toMatch(/^\$2[aby]\$/);
    const cookie = await signIn(app, 'admin', demoPassword);
    const res = await graphql(app, '{ users(take: 1) { password { isSet } } }', {}, cookie);
    expect(JSON.stringify(res.body)).not.toContain(stored.password);
  });

  test('a deactivated account cannot use the API', async () => {
    const user = await t.context.sudo().db.User.findOne({ where: { username: 'fagui' } });
    await t.context.sudo().db.User.updateOne({ where: { id: String(user!.id) }, data: { isActive: false } });
    const cookie = await signIn(app, 'fagui', demoPassword);
    const res = await graphql(app, 'mutation { createDocument(data: { title: "停用账号的草稿" }) { id } }', {}, cookie);
    expect(res.body.errors?.[0]?.message).toMatch(/Access denied|not allowed|access/i);
  });
});

describe('the first admin', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await migratedContext();
  });
  afterEach(() => t.close());

  test('comes from GONGKAI_ADMIN_USERNAME and GONGKAI_ADMIN_PASSWORD on an empty database only', async () => {
    expect(firstAdminFromEnv({})).toBeNull();
    const admin = firstAdminFromEnv({ GONGKAI_ADMIN_USERNAME: 'root', GONGKAI_ADMIN_PASSWORD: 'a-long-password' })!;
    expect(await createFirstAdmin(t.context, admin)).toBe(true);
    expect(await createFirstAdmin(t.context, { ...admin, username: 'second' })).toBe(false);
    const users = await t.context.sudo().db.User.findMany();
    expect(users.map((u) => [u.username, u.role])).toEqual([['root', 'admin']]);
  });

  test('or from the first-run screen, which explains errors and closes once an admin exists', async () => {
    const app = await apiServer(t.db, t.context);
    const page = await request(app).get('/setup');
    expect(page.status).toBe(200);
    expect(page.text).toContain('创建系统管理员');

    const bad = await request(app).post('/setup').type('form').send({ name: '', username: 'x', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请填写姓名');
    expect(bad.text).toContain('密码至少 8 位');
    expect(await t.context.sudo().db.User.count()).toBe(0);

    const good = await request(app).post('/setup').type('form').send({ name: '王管理', username: 'wang', password: 'a-long-password' });
    expect(good.status).toBe(303);
    expect(good.headers.location).toBe('/admin/signin');
    await signIn(app, 'wang', 'a-long-password');

    const closed = await request(app)
      .post('/setup')
      .type('form')
      .send({ name: '入侵者', username: 'intruder', password: 'a-long-password' });
    expect(closed.status).toBe(302);
    expect(await t.context.sudo().db.User.count()).toBe(1);
  });
});
