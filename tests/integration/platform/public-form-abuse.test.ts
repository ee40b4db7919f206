import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { sessionSecret } from '../../../src/platform/config/env.js';
import { issueFormToken } from '../../../src/platform/public-forms/guard.js';
import { postsPerWindow } from '../../../src/platform/public-forms/limits.js';
import { seededApi } from '../../helpers/seeded-api.js';

/*
 * S11: spam and abuse of the public forms, through the 领导信箱 form. Each scenario posts from an
 * address of its own (the app trusts the loopback proxy, as behind nginx), so the per-address limit
 * of one does not spill into the next.
 */
process.env.GONGKAI_TRUST_PROXY = 'loopback';
const { state } = seededApi([]);

// Each post has a form of its own: a token is accepted once (issue 14 #13), so no two posts share one.
let lastIssued = Infinity;
const distinctIssue = () => (lastIssued = Math.min(Date.now() - 60_000, lastIssued - 1));
const token = (issuedAt = distinctIssue()) => issueFormToken('mailbox', sessionSecret(), issuedAt);
const letter = {
  senderName: '李华',
  contact: '13800002222',
  kind: 'suggestion',
  subject: '建议增加社区养老服务站',
  content: '建议在我们街道增加一处社区养老服务站，方便老人日间照料。',
};
let address = 0;
const from = () => `203.0.113.${++address}`;
const post = (ip: string) => request(state.app).post('/mailbox/new').set('x-forwarded-for', ip);
// Sends a Buffer as it is (superagent would otherwise encode it as an object's fields).
const raw = (body: unknown) => body as string;
const count = (): Promise<number> => state.t.context.prisma.message.count();

let before = 0;
beforeAll(async () => {
  before = await count();
});

describe('public form abuse (S11)', () => {
  test('100 rapid posts from one address: at most the limit accepted, the rest 429 in Chinese, nothing more stored', async () => {
    const ip = from();
    const limit = postsPerWindow();
    const statuses: number[] = [];
    let refusal = '';
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(ip)
            .type('form')
            .send({ ...letter, subject: `${letter.subject}${batch * 10 + i}`, form_token: token(), homepage: '' }),
        ),
      );
      for (const res of answers) {
        statuses.push(res.status);
        if (res.status === 429) refusal = res.text;
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - limit);
    expect(refusal).toContain('提交过于频繁');
    expect(refusal).toContain('lang="zh-CN"');
    expect(await count()).toBe(before + limit);
    // Another address is not held back by this one.
    expect(
      (
        await post(from())
          .type('form')
          .send({ ...letter, form_token: token() })
      ).status,
    ).toBe(200);
    before = await count();
  });

  test('an oversized body: 413 with a clear error, nothing stored', async () => {
    const res = await post(from())
      .type('form')
      .send({ ...letter, content: '很长的内容'.repeat(4000), form_token: token() });
    expect(res.status).toBe(413);
    expect(res.text).toContain('提交内容过长');
    expect(await count()).toBe(before);
  });

  test('script-laden text: 400 with the field error, nothing stored', async () => {
    const attempts: [string, string, string][] = [
      ['content', '您好<script>alert(document.cookie)</script>请回复我', '留言内容不能包含网页代码'],
      ['subject', '咨询<img src=x onerror=alert(1)>低保', '标题不能包含网页代码'],
      ['senderName', 'javascript:alert(1)', '姓名不能包含网页代码'],
      ['content', '请点击 <a href="javascript:void(0)">这里</a> 查看我的材料', '留言内容不能包含网页代码'],
    ];
    for (const [field, value, error] of attempts) {
      const res = await post(from())
        .type('form')
        .send({ ...letter, [field]: value, form_token: token() });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.text).toContain(`<p class="field-error" id="${field}-error">${error}`);
      // Shown back escaped, never as markup.
      expect(res.text).not.toMatch(/<script>alert|<img src=x/);
    }
    expect(await count()).toBe(before);
  });

  test('malformed posts get a clear Chinese error and store nothing', async () => {
    const cases: [string, () => request.Test, number, string][] = [
      [
        'wrong content type',
        () =>
          post(from())
            .set('content-type', 'application/json')
            .send(JSON.stringify({ ...letter, form_token: token() })),
        415,
        '提交格式不正确',
      ],
      [
        'arrays for fields',
        () =>
          post(from())
            .type('form')
            .send(
              `subject=a&subject=b&senderName=%E6%9D%8E&contact=13800002222&kind=consultation&content=${encodeURIComponent(letter.content)}&form_token=${token()}`,
            ),
        400,
        '标题格式不正确',
      ],
      [
        'bytes that are not UTF-8',
        () =>
          post(from())
            .type('form')
            .serialize(raw)
            .send(
              Buffer.concat([
                Buffer.from(
                  `senderName=%E6%9D%8E&contact=13800002222&kind=consultation&subject=${encodeURIComponent(letter.subject)}&form_token=${token()}&content=`,
                ),
                Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff, 0xfe]),
                Buffer.from(encodeURIComponent(letter.content)),
              ]),
            ),
        400,
        '留言内容含有无法识别的字符',
      ],
      [
        'broken percent-encoding',
        () =>
          post(from())
            .type('form')
            .send(
              `senderName=%E6%9D&contact=13800002222&kind=consultation&subject=${encodeURIComponent(letter.subject)}&content=${encodeURIComponent(letter.content)}&form_token=${token()}`,
            ),
        400,
        '姓名含有无法识别的字符',
      ],
      [
        'a charset that is not UTF-8',
        () => post(from()).set('content-type', 'application/x-www-form-urlencoded; charset=gbk').send(`subject=x&form_token=${token()}`),
        400,
        '提交内容无法识别',
      ],
      [
        'missing token',
        () =>
          post(from())
            .type('form')
            .send({ ...letter }),
        400,
        '表单已失效',
      ],
      [
        'forged token',
        () =>
          post(from())
            .type('form')
            .send({ ...letter, form_token: `${Date.now() - 60_000}.${'A'.repeat(43)}` }),
        400,
        '表单已失效',
      ],
      [
        'token of another form',
        () =>
          post(from())
            .type('form')
            .send({ ...letter, form_token: issueFormToken('consultation', sessionSecret(), Date.now() - 60_000) }),
        400,
        '表单已失效',
      ],
      [
        'posted too fast',
        () =>
          post(from())
            .type('form')
            .send({ ...letter, form_token: token(Date.now()) }),
        400,
        '提交过快',
      ],
      [
        'honeypot filled',
        () =>
          post(from())
            .type('form')
            .send({ ...letter, homepage: 'http://spam.example', form_token: token() }),
        400,
        '提交未通过校验',
      ],
      [
        'too many fields',
        () =>
          post(from())
            .type('form')
            .send(Array.from({ length: 60 }, (_, i) => `f${i}=x`).join('&')),
        413,
        '提交的字段过多',
      ],
    ];
    for (const [name, send, status, message] of cases) {
      const res = await send();
      expect([name, res.status]).toEqual([name, status]);
      expect([name, res.text.includes(message)]).toEqual([name, true]);
      expect(res.headers['content-type']).toContain('text/html');
    }
    expect(await count()).toBe(before);
  });

  test('after a refusal the form comes back with what was typed; the corrected post is accepted', async () => {
    const ip = from();
    const refused = await post(ip)
      .type('form')
      .send({ ...letter, contact: '我家楼下小卖部', form_token: token() });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('联系方式应为手机号码');
    expect(refused.text).toContain(`value="${letter.subject}"`);
    expect(refused.text).toContain(`value="我家楼下小卖部"`);
    expect(refused.text).toContain(`>${letter.content}</textarea>`);
    expect(refused.text).toMatch(/<option value="suggestion" selected>/);
    // A refusal by the bot guard keeps the text too.
    const tooFast = await post(ip)
      .type('form')
      .send({ ...letter, form_token: token(Date.now()) });
    expect(tooFast.text).toContain(`>${letter.content}</textarea>`);
    expect(await count()).toBe(before);
    const fresh = /name="form_token" value="(\d+)\.[\w-]{12}\.[\w-]{43}"/.exec(refused.text);
    expect(fresh).not.toBeNull();
    const accepted = await post(ip)
      .type('form')
      .send({ ...letter, form_token: token() });
    expect(accepted.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
