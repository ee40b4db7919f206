/*
 * The robots every capability alerts through (企业微信 and 钉钉 group robots): the webhook lines of 网站设置,
 * the payloads within each robot's size limit, and a send that never throws, over the outbound address rules.
 */
import { createHmac } from 'node:crypto';
import { OutboundAgents, OutboundPolicy, outboundRefusalOf, refusalMessage } from '../http/outbound.js';

/** Text cut to a robot's byte limit, saying that it was cut. */
export function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = text;
  while (Buffer.byteLength(out) > max - 30) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}\n\n……（内容过长，已截断）`;
}

export interface AlertTarget {
  kind: 'wecom' | 'dingtalk';
  url: string;
  /** DingTalk 加签 secret (SEC…), when the robot uses signing. */
  secret?: string;
}

export interface SendResult {
  kind: AlertTarget['kind'];
  /** The webhook URL with its key/token masked. */
  url: string;
  ok: boolean;
  status?: number;
  error?: string;
}

export function maskWebhook(url: string): string {
  return url.replace(/([?&](?:key|access_token|sign)=)[^&]+/gi, '$1***');
}

/** DingTalk signing: timestamp and HMAC-SHA256 of "timestamp\nsecret", base64. */
export function signDingTalk(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

export interface SendOptions {
  timeoutMs?: number;
  /** Which addresses may be reached; default: public ones and `GONGKAI_OUTBOUND_ALLOW`. */
  outbound?: OutboundPolicy;
}

const robotKinds: Record<string, AlertTarget['kind']> = { 企业微信: 'wecom', wecom: 'wecom', 钉钉: 'dingtalk', dingtalk: 'dingtalk' };

/** `企业微信 URL` / `钉钉 URL [secret]` (or wecom / dingtalk), one per line. */
export function parseWebhooks(text: string): AlertTarget[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter(([kind, url]) => robotKinds[kind] && /^https?:\/\//.test(url ?? ''))
    .map(([kind, url, secret]) => ({ kind: robotKinds[kind], url, ...(secret ? { secret } : {}) }));
}

/**
 * A markdown message of any capability (title and lines, the first line a heading) as the payloads of
 * both robots, each within its size limit.
 */
export function markdownPayloads(title: string, lines: string[]): MarkdownPayloads {
  return {
    wecom: { msgtype: 'markdown', markdown: { content: fitBytes(lines.join('\n'), 4096) } },
    dingtalk: { msgtype: 'markdown', markdown: { title, text: fitBytes(lines.join('\n\n'), 18_000) } },
  };
}

export interface MarkdownPayloads {
  /** 企业微信群机器人 markdown message (content ≤ 4096 bytes). */
  wecom: { msgtype: 'markdown'; markdown: { content: string } };
  /** 钉钉自定义机器人 markdown message. */
  dingtalk: { msgtype: 'markdown'; markdown: { title: string; text: string } };
}

/** Send prepared payloads to every target; never throws. */
export async function sendMarkdown(payloads: MarkdownPayloads, targets: AlertTarget[], opts: SendOptions = {}): Promise<SendResult[]> {
  const agents = new OutboundAgents(opts.outbound ?? OutboundPolicy.fromEnv());
  try {
    return await sendThrough(agents, payloads, targets, opts);
  } finally {
    agents.destroy();
  }
}

function sendThrough(agents: OutboundAgents, payloads: MarkdownPayloads, targets: AlertTarget[], opts: SendOptions): Promise<SendResult[]> {
  return Promise.all(
    targets.map(async (target): Promise<SendResult> => {
      const masked = maskWebhook(target.url);
      const payload = payloads[target.kind];
      const url = target.kind === 'dingtalk' && target.secret ? signDingTalk(target.url, target.secret) : target.url;
      try {
        const through = agents.for(url);
        // Loaded when an alert is sent: a process that seldom sends one (a syndication run) does not
        // hold the HTTP library.
        const { default: axios } = await import('axios');
        const res = await axios.post(url, payload, {
          timeout: opts.timeoutMs ?? 10_000,
          validateStatus: () => true,
          headers: { 'content-type': 'application/json' },
          httpAgent: through.http,
          httpsAgent: through.https,
          maxRedirects: 0,
          proxy: false,
        });
        const body = res.data as { errcode?: number; errmsg?: string } | undefined;
        // A redirect is not followed: the robot did not take the message.
        if (res.status >= 300) return { kind: target.kind, url: masked, ok: false, status: res.status, error: `HTTP ${res.status}` };
        // Both robots answer 200 with errcode ≠ 0 when they refuse (bad key, rate limit, keyword filter).
        if (body && typeof body === 'object' && typeof body.errcode === 'number' && body.errcode !== 0) {
          return {
            kind: target.kind,
            url: masked,
            ok: false,
            status: res.status,
            error: `errcode ${body.errcode}: ${body.errmsg ?? ''}`.trim(),
          };
        }
        return { kind: target.kind, url: masked, ok: true, status: res.status };
      } catch (err) {
        const refusal = outboundRefusalOf(err);
        if (refusal) return { kind: target.kind, url: masked, ok: false, error: refusalMessage(masked, refusal) };
        const e = err as { code?: string; message?: string };
        return { kind: target.kind, url: masked, ok: false, error: `${e.code ?? ''} ${e.message ?? String(err)}`.trim() };
      }
    }),
  );
}
