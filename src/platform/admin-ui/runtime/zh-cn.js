// The Chinese conventions of the Admin UI, in the browser: dates and times in the site's time zone,
// pinyin order, and Chinese for the messages Keystone's server and the network send in English.
//
// Plain JavaScript without imports, because it runs in three places: our admin pages import it from here,
// and the Admin UI translation step (src/platform/admin-ui) copies it into the Keystone packages it edits, whose
// code imports it as ./gongkai-zh-cn.js. The time zone comes from TZ_SITE, which the build passes to
// Next as NEXT_PUBLIC_GONGKAI_TIME_ZONE (Next writes the value into the bundle).

/** The IANA time zone dates are shown in (the site's, TZ_SITE; Asia/Shanghai, UTC+8, by default). */
export const timeZone = (typeof process !== 'undefined' && process.env && process.env.NEXT_PUBLIC_GONGKAI_TIME_ZONE) || 'Asia/Shanghai';

const formatters = new Map();
function formatter(options) {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('zh-CN', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 2026年11月24日 18:47 (24-hour, in the site's time zone unless `zone` is given); '' for no date. */
export function formatDateTime(value, zone = timeZone) {
  const date = toDate(value);
  return date ? formatter({ timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date) : '';
}

/** 2026年11月24日 18:47:05, for read-only fields where the seconds matter (audit times); `zone` defaults to the site's. */
export function formatDateTimeSeconds(value, zone = timeZone) {
  const date = toDate(value);
  return date
    ? formatter({ timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date)
    : '';
}

/** 2026年11月24日 for a calendar day (YYYY-MM-DD, no time zone) or the day of an instant in the site's zone. */
export function formatDay(value, zone = timeZone) {
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) return `${Number(day[1])}年${Number(day[2])}月${Number(day[3])}日`;
  }
  const date = toDate(value);
  return date ? formatter({ timeZone: zone, year: 'numeric', month: 'long', day: 'numeric' }).format(date) : '';
}

/** The name shown for the time zone, e.g. 北京时间 for Asia/Shanghai. */
export function timeZoneLabel() {
  return timeZone === 'Asia/Shanghai' || timeZone === 'Asia/Chongqing' || timeZone === 'PRC' ? '北京时间' : `${timeZone} 时间`;
}

let collator;
/** Compares two strings in pinyin order (Chinese), numbers by value. */
export function compareZh(a, b) {
  collator ??= new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true, sensitivity: 'base' });
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

/** Sorts a copy of a list by a label, in pinyin order. */
export function sortByPinyin(items, label = (item) => item.label) {
  return [...items].sort((a, b) => compareZh(label(a), label(b)));
}

/**
 * The rows of a list view in pinyin order when the editor sorts by a text column and every row is on the
 * page (the database orders by code point, which puts 养老 before 救助 at random; across pages only the
 * database can order, so those stay as they come).
 */
export function pinyinRows(rows, sort, fields, count) {
  if (!sort || !Array.isArray(rows) || typeof count !== 'number' || rows.length < count) return rows;
  const field = fields && fields[sort.column];
  const mode = field && field.controller && field.controller.displayMode;
  if (mode !== 'input' && mode !== 'textarea') return rows;
  const sign = sort.direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareZh(a[sort.column], b[sort.column]));
}

/** The options of a relationship picker in pinyin order, when all of them are loaded and no order is configured. */
export function pinyinOptions(items, data, sort) {
  if (sort || !data || !Array.isArray(data.items) || typeof data.count !== 'number' || data.items.length < data.count) return items;
  return sortByPinyin(items, (item) => item.label || '');
}

const operations = { create: '新建', update: '修改', delete: '删除', query: '查看', read: '查看' };
const hookNames = {
  resolveInput: '数据处理',
  validateInput: '数据校验',
  validate: '数据校验',
  validateDelete: '删除校验',
  beforeOperation: '保存前处理',
  afterOperation: '保存后处理',
  'Access control': '权限检查',
};

function listOf(lists, typeName) {
  if (!lists) return undefined;
  if (lists[typeName]) return lists[typeName];
  return Object.values(lists).find((list) => list && list.graphql && list.graphql.names && list.graphql.names.outputTypeName === typeName);
}
function listLabel(lists, typeName) {
  const list = listOf(lists, typeName);
  return (list && (list.singular || list.label)) || typeName;
}
function fieldLabel(lists, typeName, fieldKey) {
  const list = listOf(lists, typeName);
  const field = list && list.fields && list.fields[fieldKey];
  return (field && field.label) || fieldKey;
}
function actionLabel(lists, typeName, actionKey) {
  const list = listOf(lists, typeName);
  const action = list && Array.isArray(list.actions) ? list.actions.find((a) => a.key === actionKey) : undefined;
  return (action && action.label) || actionKey;
}
function fieldList(lists, typeName, keys) {
  const more = /^(.*) and (\d+) others\.\.\.$/.exec(keys);
  const names = (more ? more[1] : keys).split(', ').map((key) => fieldLabel(lists, typeName, key.trim()));
  return names.join('、') + (more ? ` 等 ${Number(more[2]) + names.length} 个字段` : '');
}

/** One message of a field or a list (after the tag of a validation or hook error). */
function translateDetail(message, lists, typeName) {
  let m;
  if (message === 'value must not be empty') return '不能为空';
  if ((m = /^value must be at least (\d+) characters long$/.exec(message))) return `至少需要 ${m[1]} 个字符`;
  if ((m = /^value must be no longer than (\d+) characters$/.exec(message))) return `不能超过 ${m[1]} 个字符`;
  if (/^value must match /.test(message)) return '格式不正确';
  if (message === 'value is not an accepted option') return '不是可选的值';
  if ((m = /^'(.*)' is not an accepted option$/.exec(message))) return `“${m[1]}”不是可选的值`;
  if (message === 'non-unique set of options selected') return '选择了重复的选项';
  if ((m = /^value must be greater than or equal to (.+)$/.exec(message))) return `不能小于 ${m[1]}`;
  if ((m = /^value must be less than or equal to (.+)$/.exec(message))) return `不能大于 ${m[1]}`;
  if (message === 'missing value') return '缺少值';
  // A nested create's own refusal follows on the next lines.
  if (message === 'You provided invalid data for this operation.') return '提交的内容未通过校验：';
  if ((m = /^Returned: (.*)\. Expected: boolean\.$/.exec(message))) return `返回了 ${m[1]}，应当返回是或否`;
  if ((m = /^You cannot (\w+) that (\w+) - you cannot \w+ the fields (.+)$/.exec(message))) {
    return `您无权${operations[m[1]] || m[1]}该${listLabel(lists, m[2])}的字段：${fieldList(lists, m[2], m[3])}`;
  }
  if ((m = /^You cannot (\w+) that (\w+) - it may not exist$/.exec(message))) {
    return `无法${operations[m[1]] || m[1]}该${listLabel(lists, m[2])}：它可能不存在，或您没有权限`;
  }
  if ((m = /^You cannot (\w+) that (\w+)$/.exec(message))) return `您无权${operations[m[1]] || m[1]}${listLabel(lists, m[2])}`;
  if ((m = /^You cannot execute action "(\w+)" for that (\w+)$/.exec(message))) {
    return `您无权对该${listLabel(lists, m[2])}执行“${actionLabel(lists, m[2], m[1])}”`;
  }
  if ((m = /^Only a single key must be passed to (\w+)$/.exec(message))) return '排序条件只能有一项';
  if (/^You must provide /.test(message) || /^The "set" and "disconnect" fields/.test(message)) return '关联字段的写法不正确';
  if ((m = /^The key "(.*)" in a many relation filter cannot be set to null$/.exec(message))) return `关联筛选条件“${m[1]}”不能为空`;
  if (typeName !== undefined && message === 'Access denied') return '无权执行此操作';
  return message;
}

/** One line of a message from Keystone's server, Apollo or the browser. */
function translateLine(line, lists) {
  let m;
  if (line === 'You provided invalid data for this operation.') return '提交的内容未通过校验：';
  if ((m = /^An error occurred while running "(.+)"\.$/.exec(line))) return `${hookNames[m[1]] || '处理'}时出错：`;
  if (line === 'An error occurred while resolving input fields.') return '处理填写的内容时出错：';
  if (line === 'An error occurred while resolving relationship fields.') return '处理关联内容时出错：';
  if (line === 'Invalid values returned from access control function.') return '权限检查返回了无效的结果：';
  if ((m = /^(\s*)- ([A-Za-z_$][\w$]*)((?:\.[\w$]+)*): ([\s\S]*)$/.exec(line))) {
    const [, indent, typeName, rest, detail] = m;
    const fieldKey = rest.split('.')[1];
    const list = listOf(lists, typeName);
    const label = fieldKey && list && list.fields && list.fields[fieldKey] ? `${list.fields[fieldKey].label}：` : '';
    return `${indent}- ${label}${translateDetail(detail, lists, typeName)}`;
  }
  if ((m = /^Access denied: ([\s\S]*)$/.exec(line))) return `无权执行此操作：${translateDetail(m[1], lists, '')}`;
  if (line === 'Access denied') return '无权执行此操作';
  if ((m = /^Input error: ([\s\S]*)$/.exec(line))) return `填写的内容有误：${translateDetail(m[1], lists, '')}`;
  if (line === 'Prisma error') return '数据库拒绝了这次操作：可能有唯一的值（例如索引号）与已有内容重复，或关联的内容已不存在';
  if (line === 'Your request exceeded server limits') return '请求超出了服务器的限制';
  if (line === 'Authentication failed.') return '登录名或密码不正确';
  if (/^(Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|Network request failed)$/.test(line)) {
    return '无法连接服务器：请检查网络后重试';
  }
  if ((m = /^Response not successful: Received status code (\d+)$/.exec(line))) return `服务器返回了错误（状态码 ${m[1]}）`;
  if ((m = /^Unexpected token .* is not valid JSON$/.exec(line))) return '服务器的回复无法识别';
  return line;
}

/**
 * Chinese for a message shown to an editor: Keystone's server messages (validation, access, hooks), the
 * sign-in failure and network failures. Our own messages (workflow, hooks) are Chinese already and pass
 * through. `lists` (the Admin UI's lists, optional) turns keys such as Document.title into their labels.
 */
export function translateMessage(message, lists) {
  if (typeof message !== 'string') return message;
  return message
    .split('\n')
    .map((line) => translateLine(line, lists))
    .join('\n');
}

/**
 * Issue 16: the refusal of an action, as shown in its dialog: each distinct message of the error once, whole and
 * in Chinese (Apollo's error repeats the server's messages in its own message; GraphQL errors are in `errors`
 * since Apollo Client 4, in `graphQLErrors` before).
 */
export function actionRefusal(error, lists) {
  const inner = error && (Array.isArray(error.errors) ? error.errors : Array.isArray(error.graphQLErrors) ? error.graphQLErrors : null);
  const messages = (inner && inner.length ? inner : [error])
    .map((e) => (e && typeof e.message === 'string' ? e.message.trim() : ''))
    .filter(Boolean);
  const unique = [...new Set(messages)].map((message) => translateMessage(message, lists));
  return unique.length ? unique.join('\n') : '操作未能完成，请刷新页面后重试';
}

/**
 * Issue 16: the outcome of a list's bulk action, as its dialog shows it when some items were refused: how many
 * were done, then each refused item by its title with the reason the operation gave (translated, once each).
 * `errors` maps an item id to the GraphQL errors of its step.
 */
export function bulkOutcome({ done, failed, itemIds, items, labelField, errors }, lists) {
  const lines = [];
  if (done) lines.push(done);
  lines.push(failed);
  for (const id of itemIds) {
    const itemErrors = errors[id];
    if (!itemErrors || !itemErrors.length) continue;
    const row = items.find((item) => String(item.id) === id);
    const title = (row && row[labelField]) || `编号 ${id}`;
    const reasons = [...new Set(itemErrors.map((e) => translateMessage(String((e && e.message) || '').trim(), lists)))].filter(Boolean);
    lines.push(`《${title}》：${reasons.join('；') || '操作未能完成，请刷新页面后重试'}`);
  }
  return lines.join('\n');
}

/**
 * Issue 16: the width of a list's column. The title takes the room left, never under 240 px; a date or time
 * (a key ending in At, Date or Day: publishedAt, formationDate …) is as wide as “2026年11月30日 16:30”; any other
 * column at least 104 px, so that four to five characters stand on a line and longer values wrap.
 */
export function columnWidth(key, labelField) {
  if (key === labelField) return { defaultWidth: '3fr', minWidth: 240 };
  if (/(At|Date|Day)$/.test(key)) return { width: 176 };
  return { defaultWidth: '1fr', minWidth: 104 };
}
