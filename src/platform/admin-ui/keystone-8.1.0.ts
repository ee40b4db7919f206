import type { PackagePatch, Replacement } from './patch-engine.js';

/**
 * Chinese for the interface text Keystone 8.1.0 hard-codes in its Admin UI, as exact edits of the files Next
 * bundles. Made for @keystone-6/core 8.1.0, @keystone-6/auth 10.0.5 and
 * @keystar/ui 0.10.0:
 * the step refuses any other version, and every `from` must be found as many times as stated (default 1).
 *
 * Besides the texts, the edits: give Keystar UI (and react-aria) the zh-CN locale, drop the request to Google's
 * font host, show dates in the site's time zone in the Chinese convention, hide error stack traces, sort
 * fully loaded lists and pickers in pinyin order, show related items' names (not ids) in filters, and set
 * lang="zh-CN" on the Admin UI's pages. The edits that need code import ./gongkai-zh-cn.js (runtime/zh-cn.js).
 */

const r = (from: string, to: string, count?: number): Replacement => ({ from, to, count });
const helper = "import * as gongkaiZh from './gongkai-zh-cn.js';";
/** Adds the helper module's import after an import line of the file. */
const withHelper = (importLine: string): Replacement => r(importLine, `${importLine}\n${helper}`);

const filterTypeLabels: Record<string, string> = {
  'Is exactly': '等于',
  'Is not exactly': '不等于',
  'Is greater than': '大于',
  'Is less than': '小于',
  'Is greater than or equal to': '大于或等于',
  'Is less than or equal to': '小于或等于',
  'Is one of': '是其中之一',
  'Is not one of': '不是其中任何一个',
  'Is empty': '为空',
  'Is not empty': '不为空',
  Is: '是',
  'Is not': '不是',
  'Is before': '早于',
  'Is after': '晚于',
  Contains: '包含',
  'Does not contain': '不包含',
  'Starts with': '开头是',
  'Does not start with': '开头不是',
  'Ends with': '结尾是',
  'Does not end with': '结尾不是',
  Matches: '属于',
  'Does not match': '不属于',
};
/** `label: 'Is exactly',` and the like, in a field view's list of filter types. */
const filterTypes = (...labels: string[]): Replacement[] =>
  labels.map((label) => r(`label: '${label}',`, `label: '${filterTypeLabels[label]}',`));

const core = (file: string) => `dist/${file}`;
const pages = (page: string) => core(`keystone-6-core-___internal-do-not-use-will-break-in-patch-admin-ui-${page}.js`);
const fieldViews = (type: string) => core(`keystone-6-core-fields-types-${type}-views.js`);

export const keystoneCore: PackagePatch = {
  name: '@keystone-6/core',
  version: '8.1.0',
  files: {
    // The provider of every page: locale, fonts, pagination.
    [core('context-a4948706.js')]: [
      withHelper("import { jsxs, jsx } from 'react/jsx-runtime';"),
      r('router: keystarRouter,', 'router: keystarRouter,\n    locale: "zh-CN",'),
      r(
        '/*#__PURE__*/jsx("link", {\n      href: "https://fonts.googleapis.com/css2?family=Inter:wght@400;500;600;700&display=swap",\n      rel: "stylesheet"\n    }), ',
        '',
      ),
      // Keystone unmounted every page while it refetched its metadata, which the sign-in page does after a
      // failed attempt: the (translated) “wrong password” message was never seen. Once a page has been shown,
      // keep it while the metadata is refetched.
      r(
        "import { useMemo, useContext, createContext, useEffect } from 'react';",
        "import { useMemo, useContext, createContext, useEffect, useRef } from 'react';",
      ),
      r(
        '  if (loading || !isReady) return null;',
        '  const gongkaiShown = useRef(false);\n  if (!isReady || loading && !data && !gongkaiShown.current) return null;\n  gongkaiShown.current = true;',
      ),
      // The item page fetched the list metadata twice, and the item and its relationship fields twice with it: the
      // metadata objects have no id, so Apollo replaced `keystone.adminMeta` when the item query wrote its own
      // `list(key, itemId)` there, lost `lists`, and fetched them again. Merged, both stay in the cache.
      r(
        '    cache: new InMemoryCache(),\n    link: new UploadLink({',
        '    cache: new InMemoryCache({\n      typePolicies: {\n        KeystoneMeta: { merge: true },\n        KeystoneAdminMeta: { merge: true }\n      }\n    }),\n    link: new UploadLink({',
      ),
      // Every list's id field is labelled “Id” by Keystone (in the column and filter menus); it is the item's 编号.
      r(
        'lists[listData.key].fields[field.key] = hydrateField(field);',
        "lists[listData.key].fields[field.key] = hydrateField(field.key === 'id' ? {\n          ...field,\n          label: '编号'\n        } : field);",
      ),
      r('"aria-label": "Pagination"', '"aria-label": "分页"'),
      r('children: [props.plural, " per page:"]', 'children: ["每页条数："]'),
      r('"aria-label": "reset",', '"aria-label": "恢复默认",'),
      r('children: "Reset to defaults"', 'children: "恢复默认设置"'),
      r('"aria-label": `Page number, of ${lastPage} pages`,', '"aria-label": `页码，共 ${lastPage} 页`,'),
      r(
        'alignItems: "center",\n        children: [/*#__PURE__*/jsx(Picker',
        'alignItems: "center",\n        children: [/*#__PURE__*/jsx(Text, {\n          children: "第"\n        }), /*#__PURE__*/jsx(Picker',
      ),
      r('children: ["of ", lastPage, " pages"]', 'children: ["页，共 ", lastPage, " 页"]'),
      r('"aria-label": "Previous page"', '"aria-label": "上一页"'),
      r('"aria-label": "Next page"', '"aria-label": "下一页"'),
      r('stats = `${start} - ${end} of ${total} ${plural}`;', 'stats = `第 ${start}–${end} 条，共 ${total} 条`;'),
      r('stats = `${total} ${plural}`;', 'stats = `共 ${total} 条`;'),
      r('stats = `${total} ${singular}`;', 'stats = `共 ${total} 条`;'),
    ],
    [core('PageContainer-1426a18f.js')]: [
      r('children: "Keystone"', 'children: "政务公开管理后台"'),
      r("children: title ? `Keystone - ${title}` : 'Keystone'", "children: title ? `${title} - 政务公开管理后台` : '政务公开管理后台'"),
      r('"aria-label": "open main menu",', '"aria-label": "打开主菜单",'),
      r('"aria-label": "main",', '"aria-label": "主导航",'),
      r('children: "Dashboard"', 'children: "首页"'),
      // Keystone's developer menu is not rendered in production builds; its newsletter form must never post anywhere.
      r("const newsletterUrl = 'https://endpoints.thinkmill.com.au/newsletter';", "const newsletterUrl = 'about:blank';"),
    ],
    [pages('pages-HomePage')]: [
      r('children: "Dashboard"', 'children: "首页"'),
      r('children: "Lists"', 'children: "列表"'),
      r('children: "Unknown"', 'children: "未知"'),
      r("children: [count, \" item\", count !== 1 ? 's' : '']", 'children: ["共 ", count, " 条"]'),
      r('"aria-label": "add",', '"aria-label": "新建",'),
      r('children: ["Add ", list.singular.toLowerCase()]', 'children: ["新建", list.singular]'),
    ],
    [pages('pages-ListPage')]: [
      withHelper("import { jsxs, jsx } from 'react/jsx-runtime';"),
      r('children: "Filter"', 'children: "筛选"', 2),
      r('children: ["Filter by ", fieldLabel.toLocaleLowerCase()]', 'children: ["按“", fieldLabel, "”筛选"]'),
      r('"aria-label": "filter type"', '"aria-label": "筛选方式"'),
      r('children: "Cancel"', 'children: "取消"', 2),
      r('children: "Add"', 'children: "添加"'),
      r('"aria-label": "backspace to remove"', '"aria-label": "按退格键移除"'),
      r('children: "Save"', 'children: "确定"'),
      r("label: 'Delete',", "label: '删除',"),
      r("promptTitle: 'Delete {singular}?',", "promptTitle: '删除{singular}？',"),
      r("promptTitleMany: 'Delete {count} {singular|plural}?',", "promptTitleMany: '删除选中的 {count} 项？',"),
      r(
        "prompt: 'Are you sure you want to delete {singular}? This action cannot be undone.',",
        "prompt: '确定删除所选的{singular}吗？删除后无法恢复。',",
      ),
      r(
        "promptMany: 'Are you sure you want to delete {count} {singular|plural}? This action cannot be undone.',",
        "promptMany: '确定删除选中的 {count} 项吗？删除后无法恢复。',",
      ),
      r("promptConfirmLabel: 'Yes, delete',", "promptConfirmLabel: '确定删除',"),
      r("promptConfirmLabelMany: 'Yes, delete',", "promptConfirmLabelMany: '确定删除',"),
      r("success: 'Deleted {singular}.',", "success: '已删除{singular}。',"),
      r("successMany: 'Deleted {countSuccess} {singular|plural}.',", "successMany: '已删除 {countSuccess} 项。',"),
      r("fail: 'Unable to delete {singular}.',", "fail: '未能删除{singular}。',"),
      r("failMany: 'Unable to delete {countFail} {singular|plural}.'", "failMany: '{countFail} 项未能删除。'"),
      r('"aria-label": "Search",', '"aria-label": "搜索",'),
      r('placeholder: "Search\\u2026",', 'placeholder: "搜索\\u2026",'),
      r('children: "Columns"', 'children: "显示的列"'),
      r('"aria-label": "reset",', '"aria-label": "恢复默认",'),
      r('children: "Reset to defaults"', 'children: "恢复默认设置"'),
      r('"aria-label": "Loading\\u2026",', '"aria-label": "正在加载\\u2026",'),
      r('"aria-label": "Preparing items",', '"aria-label": "正在准备列表",'),
      r('title: "No results",', 'title: "没有符合条件的内容",'),
      r('message: "No items found. Try adjusting your search or filters."', 'message: "请调整搜索词或筛选条件后再试。"'),
      r('title: "Empty list",', 'title: "暂无内容",'),
      r('message: "Add the first item to see it here."', 'message: "新建第一项后，它会显示在这里。"'),
      r(
        'items: (_data$items4 = data === null || data === void 0 ? void 0 : data.items) !== null && _data$items4 !== void 0 ? _data$items4 : [],',
        'items: gongkaiZh.pinyinRows((_data$items4 = data === null || data === void 0 ? void 0 : data.items) !== null && _data$items4 !== void 0 ? _data$items4 : [], sort, list.fields, data === null || data === void 0 ? void 0 : data.count),',
      ),
      // The title (the list's label field) gets the room: it was cut to a few characters in equal columns.
      // Issue 16: every column has a floor it is not squeezed under (dates fit on one line), the text wraps
      // instead of ending in “…”, and a phone scrolls the table sideways rather than cutting titles to four
      // characters.
      r(
        'id: field.key,\n      label: field.label,',
        'id: field.key,\n      label: field.label,\n      ...gongkaiZh.columnWidth(field.key, list.labelField),',
      ),
      r('overflowMode: "truncate",', 'overflowMode: "wrap",'),
      r(
        'children: ["Error details for ", actionResult.action.label, " action"]',
        'children: ["“", actionResult.action.label, "”的错误详情"]',
      ),
      r('children: ["You might try running the action again from", \' \',', 'children: ["可以在", \' \','),
      r('children: ["the ", list.singular.toLowerCase(), "."]', 'children: ["该", list.singular, "的页面上重试"]'),
      r(
        'children: error.message',
        'children: gongkaiZh.translateMessage(error.message, {\n                              [list.key]: list\n                            })',
      ),
      r('children: `New ${list.singular.toLocaleLowerCase()}`', 'children: `新建${list.singular}`'),
      r("actionLabel: 'Details',", "actionLabel: '详情',"),
      // Issue 16: a bulk action (删除, and the workflow's actions) reports the items it could not do in its own
      // dialog, each by its title with the operation's Chinese reason, instead of a toast with 详情. The items
      // refused stay selected, so that they can be fixed and tried again.
      r(
        "      if (countFail) {\n        toastQueue.critical(replace(m.failMany, list, {\n          ...action,\n          count: itemIds.length,\n          countFail,\n          countSuccess\n        }, countFail > 1), {\n          actionLabel: '详情',\n          onAction: () => onErrors({\n            action,\n            errors: actionErrors\n          }),\n          shouldCloseOnAction: true\n        });\n      }",
        '      if (countFail) {\n        onSuccess(failed);\n        throw new Error(gongkaiZh.bulkOutcome({\n          done: countSuccess ? replace(m.successMany, list, {\n            ...action,\n            count: itemIds.length,\n            countFail,\n            countSuccess\n          }, countSuccess > 1) : null,\n          failed: replace(m.failMany, list, {\n            ...action,\n            count: itemIds.length,\n            countFail,\n            countSuccess\n          }, countFail > 1),\n          itemIds,\n          items,\n          labelField: list.labelField,\n          errors: actionErrors\n        }));\n      }',
      ),
      r('    } catch (error) {\n      console.error(error);\n    }', '    } catch (error) {\n      throw error;\n    }'),
    ],
    [pages('pages-CreateItemPage')]: [
      r('title: `Create ${list.singular}`,', 'title: `新建${list.singular}`,', 2),
      r('label: "Create",', 'label: "新建",'),
      r('children: "Create"', 'children: "创建"'),
    ],
    [pages('pages-ItemPage')]: [
      r('children: "Delete"', 'children: "删除"'),
      r('title: "Delete item",', 'title: "删除",'),
      r('cancelLabel: "Cancel",', 'cancelLabel: "取消",', 2),
      r('primaryActionLabel: "Yes, delete",', 'primaryActionLabel: "确定删除",'),
      r("toastQueue.critical('Unable to delete item', {", "toastQueue.critical('未能删除', {"),
      r("actionLabel: 'Details',", "actionLabel: '详情',", 2),
      r('toastQueue.neutral(`${list.singular} deleted.`, {', 'toastQueue.neutral(`已删除${list.singular}。`, {'),
      r(
        'children: ["Are you sure you want to delete ", /*#__PURE__*/jsx("strong", {',
        'children: ["确定删除“", /*#__PURE__*/jsx("strong", {',
      ),
      r('}), "? This action cannot be undone."]', '}), "”吗？删除后无法恢复。"]'),
      r('title: "Unable to delete item",', 'title: "未能删除",'),
      r('children: "Not found"', 'children: "找不到"'),
      r('children: "Reset"', 'children: "撤销修改"'),
      r('title: "Reset changes",', 'title: "撤销修改",'),
      r('primaryActionLabel: "Yes, reset",', 'primaryActionLabel: "确定撤销",'),
      r(
        'children: "Are you sure? Any unsaved changes will be lost and cannot be recovered."',
        'children: "确定撤销吗？尚未保存的修改将丢失，且无法恢复。"',
      ),
      r("toastQueue.critical('Unable to save item', {", "toastQueue.critical('未能保存', {"),
      r(
        'toastQueue.positive(`Saved changes to ${list.singular.toLocaleLowerCase()}.`, {',
        'toastQueue.positive(`已保存对${list.singular}的修改。`, {',
      ),
      r('children: "Save"', 'children: "保存"'),
      r('title: "Unable to save item",', 'title: "未能保存",'),
      r(
        "label: typeof pageLabel !== 'string' ? 'Loading...' : pageLabel,",
        "label: typeof pageLabel !== 'string' ? '正在加载…' : pageLabel,",
      ),
      r('"aria-label": "loading item data",', '"aria-label": "正在加载",'),
      r(
        'children: ["\\u201C", list.label, "\\u201D doesn\\u2019t exist, or you don\\u2019t have access to it."]',
        'children: ["\\u201C", list.label, "\\u201D不存在，或您没有查看的权限。"]',
      ),
      r('children: ["An item with ID ", /*#__PURE__*/jsxs("strong", {', 'children: ["编号为 ", /*#__PURE__*/jsxs("strong", {'),
      r('}), " does not exist."]', '}), " 的内容不存在。"]'),
      r('children: ["The item with ID ", /*#__PURE__*/jsxs("strong", {', 'children: ["编号为 ", /*#__PURE__*/jsxs("strong", {'),
      r('}), " doesn\\u2019t exist, or you don\\u2019t have access to it."]', '}), " 的内容不存在，或您没有查看的权限。"]'),
    ],
    [pages('pages-NoAccessPage')]: [
      r('children: "No access"', 'children: "无权访问"'),
      r(
        'children: "Unable to access to this page. You may need to request access from your system administrator, or sign in with a different account."',
        'children: "您无权访问此页面。请联系系统管理员开通权限，或换一个账号登录。"',
      ),
    ],
    [pages('id-field-view')]: [
      r("neutral: 'Copy ID',", "neutral: '复制编号',"),
      r("positive: 'Copied to clipboard',", "positive: '已复制',"),
      r("critical: 'Unable to copy'", "critical: '复制失败'"),
      r('label: "Item ID",', 'label: "编号",'),
      r('"aria-label": "copy id",', '"aria-label": "复制编号",'),
      ...filterTypes(
        'Is exactly',
        'Is not exactly',
        'Is greater than',
        'Is less than',
        'Is greater than or equal to',
        'Is less than or equal to',
        'Is one of',
        'Is not one of',
      ),
    ],
    // The item page's header, actions and layout.
    [core('common-45f6b6ff.js')]: [
      // Issue 16: an action run from its dialog throws its refusal back to the dialog (ActionDialog above).
      r('async function runAction(action, actionArgValue) {', 'async function runAction(action, actionArgValue, gongkaiInDialog) {'),
      r(
        '    } catch (error) {\n      toastQueue.critical(',
        '    } catch (error) {\n      if (gongkaiInDialog) throw error;\n      toastQueue.critical(',
      ),
      r(
        '          setActiveAction(null);\n          await runAction(activeAction, actionArgValue);',
        '          await runAction(activeAction, actionArgValue, true);\n          setActiveAction(null);',
      ),
      r("actionLabel: 'Details',", "actionLabel: '详情',"),
      r('title: "Unsaved changes",', 'title: "有尚未保存的修改",'),
      r('primaryActionLabel: "Dismiss",', 'primaryActionLabel: "知道了",'),
      r(
        'children: ["Please save or reset your changes before attempting to", \' \', replace(\'{label}\', list, blockedAction), "."]',
        'children: ["请先保存或撤销修改，再执行“", replace(\'{label}\', list, blockedAction), "”。"]',
      ),
    ],
    [core('utils-6051fce5.js')]: [
      r('title: "No fields",', 'title: "没有可显示的字段",'),
      r('message: "There are no fields to be shown."', 'message: "这里没有需要填写或查看的字段。"'),
    ],
    [core('useCreateItem-9f930b40.js')]: [
      r(
        "window.confirm('There are unsaved changes, are you sure you want to exit?')",
        "window.confirm('有尚未保存的内容，确定离开此页吗？')",
      ),
      r("throw new Error('Something went wrong during item creation.');", "throw new Error('新建时出现了未知的错误。');"),
      r(
        'toastQueue.critical(`Unable to create ${list.singular.toLocaleLowerCase()}`);',
        'toastQueue.critical(`未能新建${list.singular}`);',
      ),
      r('toastQueue.positive(`${list.singular} created`, {', 'toastQueue.positive(`已新建${list.singular}`, {'),
      r("actionLabel: 'Create another',", "actionLabel: '再新建一项',"),
    ],
    [core('GraphQLErrorNotice-f9a77fd1.js')]: [
      r(
        "import { jsxs, jsx } from 'react/jsx-runtime';",
        `import { jsxs, jsx } from 'react/jsx-runtime';\nimport { u as useKeystone } from './context-a4948706.js';\n${helper}`,
      ),
      r('let errors = errors_.flatMap(x => {', 'const {\n    lists\n  } = useKeystone();\n  let errors = errors_.flatMap(x => {'),
      r('children: "Errors"', 'children: "出错了"'),
      r("const lines = error.message.split('\\n');", "const lines = gongkaiZh.translateMessage(error.message, lists).split('\\n');"),
      r('children: message', 'children: gongkaiZh.translateMessage(message, lists)'),
    ],
    [core('Errors-4d6007a2.js')]: [
      r(
        "import { jsxs, jsx } from 'react/jsx-runtime';",
        `import { jsxs, jsx } from 'react/jsx-runtime';\nimport { u as useKeystone } from './context-a4948706.js';\n${helper}`,
      ),
      r('children: "Unknown error"', 'children: "出错了"'),
      r(
        'children: "Something went wrong, please try reloading the page. If the problem persists contact your system administrator."',
        'children: "页面出现了错误，请刷新后重试。如果问题仍然存在，请联系系统管理员。"',
      ),
      r('children: "Reload page"', 'children: "刷新页面"'),
      r('} = error;', '} = error;\n  const {\n    lists\n  } = useKeystone();'),
      r('children: "Error details"', 'children: "错误详情"'),
      r('children: message', 'children: gongkaiZh.translateMessage(message, lists)', 2),
      // A stack trace helps nobody who edits documents; the server's log keeps it.
      r('children: stack', 'children: null'),
    ],
    // Issue 16: an action's dialog stays open until the server answers; a refusal (the operation's own Chinese
    // reason) is shown in the dialog, once and whole, under the fields it may be about — never only in a toast.
    // Dialogs without fields use the same form, so that they can show a refusal too.
    [core('ActionDialog-965d41b8.js')]: [
      r(
        "import { jsx, jsxs } from 'react/jsx-runtime';",
        `import { jsx, jsxs } from 'react/jsx-runtime';\nimport { Notice } from '@keystar/ui/notice';\nimport { u as useKeystone } from './context-a4948706.js';\n${helper}`,
      ),
      r('  if (!hasFields) {\n    return /*#__PURE__*/jsx(AlertDialog, {', '  if (false) {\n    return /*#__PURE__*/jsx(AlertDialog, {'),
      r('cancelLabel: "Cancel",', 'cancelLabel: "取消",'),
      r(
        '    confirmLabel: confirmLabel,\n    onConfirm: onConfirm\n  });\n}',
        '    confirmLabel: confirmLabel,\n    tone: tone,\n    onConfirm: onConfirm\n  });\n}',
      ),
      r(
        '  confirmLabel,\n  onConfirm\n}) {\n  const dialog = useDialogContainer();',
        '  confirmLabel,\n  tone,\n  onConfirm\n}) {\n  const dialog = useDialogContainer();\n  const {\n    lists\n  } = useKeystone();\n  const [gongkaiRefusal, setGongkaiRefusal] = useState(null);\n  const [gongkaiPending, setGongkaiPending] = useState(false);\n  const hasFields = Object.keys(fields).length > 0;',
      ),
      r(
        '          if (newForceValidation) return;\n          await onConfirm(value);\n          dialog.dismiss();',
        '          if (newForceValidation) return;\n          setGongkaiRefusal(null);\n          setGongkaiPending(true);\n          try {\n            await onConfirm(value);\n          } catch (error) {\n            setGongkaiRefusal(gongkaiZh.actionRefusal(error, lists));\n            setGongkaiPending(false);\n            return;\n          }\n          setGongkaiPending(false);\n          dialog.dismiss();',
      ),
      r(
        '          }), /*#__PURE__*/jsx(Box, {\n            paddingTop: "regular",',
        '          }), hasFields && /*#__PURE__*/jsx(Box, {\n            paddingTop: "regular",',
      ),
      r(
        '              onChange: setValue\n            })\n          })]',
        '              onChange: setValue\n            })\n          }), gongkaiRefusal && /*#__PURE__*/jsx(Notice, {\n            tone: "critical",\n            "data-gongkai-refusal": "",\n            children: /*#__PURE__*/jsx(Text, {\n              UNSAFE_style: {\n                whiteSpace: "pre-wrap",\n                overflowWrap: "anywhere"\n              },\n              children: gongkaiRefusal\n            })\n          })]',
      ),
      r('children: "Cancel"', 'children: "取消"'),
      r(
        '        prominence: "high",\n        type: "submit",',
        '        prominence: "high",\n        tone: tone === "critical" ? "critical" : undefined,\n        isPending: gongkaiPending,\n        type: "submit",',
      ),
    ],
    [core('pick-17803b6b.js')]: [
      r('children = `Create ${list.singular}`', 'children = `新建${list.singular}`'),
      r('"aria-label": `New ${props.list.singular}`,', '"aria-label": `新建${props.list.singular}`,'),
    ],
    [core('CreateItemDialog-12478cae.js')]: [
      r('children: ["Add ", list.singular]', 'children: ["新建", list.singular]'),
      r('children: "Cancel"', 'children: "取消"'),
      r('children: "Add"', 'children: "添加"'),
    ],
    [core('NullableFieldWrapper-c25894a0.js')]: [
      r('children: ["Set to ", /*#__PURE__*/jsx(InlineCode, {\n            children: "null"\n          })]', 'children: ["留空"]'),
    ],
    // The file field.
    [core('Field-4f746a55.js')]: [
      r('children: "Change"', 'children: "更换"'),
      r('children: "Remove"', 'children: "移除"'),
      r('children: "Cancel"', 'children: "取消"'),
      r('children: "Upload"', 'children: "上传"'),
      r('children: "Undo removal"', 'children: "撤销移除"'),
      r("return 'Something went wrong, please reload and try again.';", "return '出现了错误，请刷新后重试。';"),
    ],
    [fieldViews('text')]: [
      r('if (isRequired) return [`${fieldLabel} is required`];', 'if (isRequired) return [`请填写${fieldLabel}`];'),
      r('messages.push(`${fieldLabel} must not be empty`);', 'messages.push(`请填写${fieldLabel}`);'),
      r('messages.push(`${fieldLabel} must be at least ${min} characters long`);', 'messages.push(`${fieldLabel}至少需要 ${min} 个字符`);'),
      r(
        'messages.push(`${fieldLabel} must be no longer than ${validation.length.max} characters`);',
        'messages.push(`${fieldLabel}不能超过 ${validation.length.max} 个字符`);',
      ),
      r('`${fieldLabel} must match ${validation.match.regex}`', '`${fieldLabel}的格式不正确`'),
      r('return `${trimmedLabel} "${value}"`;', 'return `${trimmedLabel}“${value}”`;'),
      ...filterTypes(
        'Contains',
        'Does not contain',
        'Is exactly',
        'Is not exactly',
        'Starts with',
        'Does not start with',
        'Ends with',
        'Does not end with',
      ),
    ],
    [fieldViews('select')]: [
      r('`${field.label} is required.`', '`请选择${field.label}`'),
      r("label: 'Matches',", "label: '属于',"),
      r("label: 'Does not match',", "label: '不属于',"),
      r("return type === 'not_matches' ? `is set` : `is not set`;", "return type === 'not_matches' ? `不为空` : `为空`;"),
      r("const prefix = type === 'not_matches' ? `is not` : `is`;", "const prefix = type === 'not_matches' ? `不属于` : `属于`;"),
      r('`${value.length - 1} more`', '`其他 ${value.length - 1} 项`'),
    ],
    [fieldViews('multiselect')]: [
      r('"aria-label": `${field.label} selected items`,', '"aria-label": `已选择的${field.label}`,'),
      r('children: "No items\\u2026"', 'children: "未选择\\u2026"'),
      r('`${value.length - 1} more`', '`其他 ${value.length - 1} 项`'),
    ],
    [fieldViews('relationship')]: [
      withHelper("import { jsx, jsxs, Fragment } from 'react/jsx-runtime';"),
      // Filters by a related item showed its id; this looks the names up.
      r(
        'function useDebouncedValue(value, limitMs) {',
        [
          'function useGongkaiLabels(listKey, ids) {',
          '  const list = useList(listKey);',
          "  const wanted = Array.isArray(ids) ? ids.filter(id => typeof id === 'string' && id) : typeof ids === 'string' && ids ? [ids] : [];",
          '  const query = useMemo(() => gql`query GongkaiRelatedLabels($ids: [ID!]) { items: ${list.graphql.names.listQueryName}(where: { id: { in: $ids } }) { id label: ${list.labelField} } }`, [list]);',
          '  const { data } = useQuery(query, { variables: { ids: wanted }, skip: wanted.length === 0 });',
          '  const labels = new Map(((data && data.items) || []).map(item => [item.id, item.label || item.id]));',
          '  return id => labels.get(id) ?? id;',
          '}',
          'function useDebouncedValue(value, limitMs) {',
        ].join('\n'),
      ),
      // Small lists load whole, so that they can be shown in pinyin order.
      r('const initialItemsToLoad = Math.min(list.pageSize, 10);', 'const initialItemsToLoad = Math.min(list.pageSize, 50);'),
      r('const items = (_data$items$map = data === null', 'const items = gongkaiZh.pinyinOptions((_data$items$map = data === null', 2),
      r(
        '}))) !== null && _data$items$map !== void 0 ? _data$items$map : [];',
        '}))) !== null && _data$items$map !== void 0 ? _data$items$map : [], data, sort);',
        2,
      ),
      r('[`At least one ${list.singular} is required`]', '[`请至少选择一项${list.singular}`]'),
      r('[`A ${list.singular} is required`]', '[`请选择${list.singular}`]'),
      r('children: "Error"', 'children: "加载失败"', 2),
      r('label: `Add ${foreignList.singular.toLocaleLowerCase()}`', 'label: `新建${foreignList.singular}`'),
      r('"aria-label": `Actions for ${field.label}`,', '"aria-label": `${field.label}的操作`,'),
      r('return `View related ${foreignList.plural.toLocaleLowerCase()}`;', 'return `查看关联的${foreignList.plural}`;'),
      r('return `View ${foreignList.singular.toLocaleLowerCase()}`;', 'return `查看${foreignList.singular}`;'),
      r('"aria-label": `Loading ${list.plural}`', '"aria-label": `正在加载${list.plural}`'),
      r('title: "Empty related items",', 'title: "暂无关联内容",'),
      r('message: "There are no related items."', 'message: "还没有关联的内容。"'),
      r('"aria-label": `related ${foreignList.plural}`,', '"aria-label": `关联的${foreignList.plural}`,', 2),
      r('children: ["No related ", foreignList.plural.toLowerCase(), "\\u2026"]', 'children: ["暂无关联的", foreignList.plural]'),
      r('`[Unnamed ${foreignList.singular} ${counter}]`', '`[未命名的${foreignList.singular} ${counter}]`'),
      r("children: [index ? ', ' : '',", "children: [index ? '、' : '',"),
      r('overflow ? `, and ${overflow} more` : null', 'overflow ? `等 ${overflow + 2} 项` : null'),
      r(
        'const foreignList = useList(refListKey);',
        'const foreignList = useList(refListKey);\n        const gongkaiLabel = useGongkaiLabels(refListKey, props.value);',
      ),
      r('label: props.value,', 'label: gongkaiLabel(props.value),'),
      r('label: id,', 'label: gongkaiLabel(id),'),
      r(
        'children: ["Select related ", foreignList.plural.toLowerCase(), "\\u2026"]',
        'children: ["请选择关联的", foreignList.plural, "\\u2026"]',
      ),
      r(
        "if (['empty', 'not_empty'].includes(type)) return label.toLowerCase();",
        "const gongkaiLabel = useGongkaiLabels(refListKey, value);\n        if (['empty', 'not_empty'].includes(type)) return label;",
      ),
      r(
        "if (['is', 'not_is'].includes(type)) return `${label.toLowerCase()} ${value}`;",
        "if (['is', 'not_is'].includes(type)) return `${label}“${gongkaiLabel(value)}”`;",
      ),
      r(
        "return `${label.toLowerCase()} (${listFormatter.format(value || [''])})`;",
        "return `${label}（${listFormatter.format((value || ['']).map(gongkaiLabel))}）`;",
      ),
      ...filterTypes('Is empty', 'Is not empty', 'Is one of', 'Is not one of', 'Is', 'Is not'),
    ],
    [fieldViews('timestamp')]: [
      r(
        "import { parseAbsoluteToLocal, now, getLocalTimeZone } from '@internationalized/date';",
        `import { parseAbsolute, now } from '@internationalized/date';\n${helper}`,
      ),
      r('parseAbsoluteToLocal(value.value)', 'parseAbsolute(value.value, gongkaiZh.timeZone)'),
      r('parseAbsoluteToLocal(value)', 'parseAbsolute(value, gongkaiZh.timeZone)'),
      r('now(getLocalTimeZone())', 'now(gongkaiZh.timeZone)', 2),
      r(
        "value: parsedValue ? isReadonlyUTC ? parsedValue.toAbsoluteString() : dateFormatter.format(parsedValue.toDate()) : 'yyyy-mm-dd --:--:--'",
        "value: parsedValue ? isReadonlyUTC ? `世界协调时 ${gongkaiZh.formatDateTimeSeconds(value.value, 'UTC')}` : gongkaiZh.formatDateTimeSeconds(value.value) : '未填写'",
      ),
      r('"aria-label": "utc time",', '"aria-label": "切换为世界协调时",'),
      r('children: "Local / UTC"', 'children: `${gongkaiZh.timeZoneLabel()} / 世界协调时`'),
      r(
        'errorMessage: showValidation ? validationMessage : undefined,',
        'errorMessage: showValidation ? validationMessage : undefined,\n    hideTimeZone: true,',
      ),
      r('granularity: "second"', 'granularity: "second",\n    hourCycle: 24', 2),
      r('if (isRequired && isEmpty) return `${label} is required`;', 'if (isRequired && isEmpty) return `请填写${label}`;'),
      r(
        "errorMessage: (forceValidation || isDirty) && !value ? 'Required' : null,",
        "errorMessage: (forceValidation || isDirty) && !value ? '必填' : null,",
      ),
      r('dateFormatter.format(new Date(value))', 'gongkaiZh.formatDateTime(value)', 2),
      ...filterTypes('Is exactly', 'Is not exactly', 'Is before', 'Is after', 'Is empty', 'Is not empty'),
    ],
    [fieldViews('calendarDay')]: [
      withHelper("import { jsxs, jsx } from 'react/jsx-runtime';"),
      r('const today = now(getLocalTimeZone());', 'const today = now(gongkaiZh.timeZone);'),
      r(
        "value: parsedValue ? isReadonlyUTC ? parsedValue.toString() : dateFormatter.format(parsedValue.toDate(getLocalTimeZone())) : 'yyyy-mm-dd'",
        "value: parsedValue ? isReadonlyUTC ? parsedValue.toString() : gongkaiZh.formatDay(value.value) : '未填写'",
      ),
      r('"aria-label": "utc time",', '"aria-label": "切换显示格式",'),
      r('children: "Local / UTC"', 'children: "中文日期 / 数字日期"'),
      r('return `${label} is required`;', 'return `请填写${label}`;'),
      r('children: dateFormatter.format(new Date(value))', 'children: gongkaiZh.formatDay(value)'),
    ],
    [fieldViews('checkbox')]: [
      r('"aria-label": "true"', '"aria-label": "是"'),
      r('children: "false"', 'children: "否"'),
      r('children: [typeLabel, " ", config.label.toLocaleLowerCase()]', 'children: [typeLabel, "“", config.label, "”"]'),
      r("return `${label.toLowerCase()} ${value ? 'true' : 'false'}`;", "return (type === 'not') === Boolean(value) ? '否' : '是';"),
      ...filterTypes('Is', 'Is not'),
    ],
    [fieldViews('integer')]: [
      r('if (isRequired && input === null) return `${label} is required`;', 'if (isRequired && input === null) return `请填写${label}`;'),
      r('return `${label} is not a valid integer`;', 'return `${label}必须是整数`;'),
      r('return `${label} must be greater than or equal to ${validation.min}`;', 'return `${label}不能小于 ${validation.min}`;'),
      r('return `${label} must be less than or equal to ${validation.max}`;', 'return `${label}不能大于 ${validation.max}`;'),
      r("}) ? 'Required' : null,", "}) ? '必填' : null,"),
      r('children: "Auto increment"', 'children: "自动编号"'),
      r(
        'children: "This field is set to auto increment. It will default to the next available number."',
        'children: "此项自动编号：保存时取下一个可用的数字。"',
      ),
      ...filterTypes(
        'Is exactly',
        'Is not exactly',
        'Is greater than',
        'Is less than',
        'Is greater than or equal to',
        'Is less than or equal to',
        'Is empty',
        'Is not empty',
      ),
    ],
    [fieldViews('json')]: [
      r(
        "const errorMessage = forceValidation ? 'Invalid JSON' : undefined;",
        "const errorMessage = forceValidation ? '格式不正确' : undefined;",
      ),
    ],
    [fieldViews('password')]: [
      r('return `${fieldLabel} is required`;', 'return `请填写${fieldLabel}`;'),
      r('return `The passwords do not match`;', 'return `两次输入的密码不一致`;'),
      r('return `${fieldLabel} must not be empty`;', 'return `${fieldLabel}不能为空`;'),
      r(
        'return `${fieldLabel} must be at least ${validation.length.min} characters long`;',
        'return `${fieldLabel}至少需要 ${validation.length.min} 个字符`;',
      ),
      r(
        'return `${fieldLabel} must be no longer than ${validation.length.max} characters`;',
        'return `${fieldLabel}不能超过 ${validation.length.max} 个字符`;',
      ),
      r('return `${fieldLabel} is too common and is not allowed`;', 'return `${fieldLabel}过于常见，不能使用`;'),
      r("children: isIndeterminate ? 'Access denied' : 'Value is set',", "children: isIndeterminate ? '无权查看' : '已设置',"),
      r(
        'children: [value.isSet ? `Change ` : `Set `, field.label.toLocaleLowerCase()]',
        'children: [value.isSet ? `修改` : `设置`, field.label]',
      ),
      r('"aria-label": `new ${field.label}`,', '"aria-label": `新${field.label}`,'),
      r('placeholder: "New",', 'placeholder: "新密码",'),
      r('"aria-label": `confirm ${field.label}`,', '"aria-label": `确认${field.label}`,'),
      r('placeholder: "Confirm",', 'placeholder: "再输入一次",'),
      r('"aria-label": "show",', '"aria-label": "显示",'),
      r('children: "Show"', 'children: "显示"'),
      r('children: "Cancel"', 'children: "取消"'),
      r('"aria-label": "is set",', '"aria-label": "已设置",'),
      r('children: "not set"', 'children: "未设置"'),
      r('children: [typeLabel, " set"]', 'children: [typeLabel, "已设置"]'),
      r('return `is set`;', 'return `已设置`;'),
      r('return `is not set`;', 'return `未设置`;'),
      ...filterTypes('Is', 'Is not'),
    ],
    // The Admin UI's document template, written by `keystone build` (the CLI runs after the step).
    [core('keystone-6-core-scripts-cli.js')]: [
      r('<Html data-scroll-behavior="smooth">', '<Html lang="zh-CN" data-scroll-behavior="smooth">'),
    ],
  },
};

export const keystoneAuth: PackagePatch = {
  name: '@keystone-6/auth',
  version: '10.0.5',
  files: {
    'dist/keystone-6-auth-pages-SigninPage.js': [
      withHelper("import { jsx, jsxs, Fragment } from 'react/jsx-runtime';"),
      r('children: "Keystone - Sign in"', 'children: "登录 - 政务公开管理后台"'),
      r('children: "Sign in"', 'children: "登录"', 2),
      r(
        'children: data === null || data === void 0 ? void 0 : data.authenticate.message',
        'children: gongkaiZh.translateMessage(data === null || data === void 0 ? void 0 : data.authenticate.message)',
      ),
      r('label: capitalizeFirstLetter(identityField),', 'label: "登录名",'),
      r('label: capitalizeFirstLetter(secretField)', 'label: "密码"'),
    ],
  },
};

/** Keystar UI carries zh-CN for its own texts, except one it hard-codes. */
export const keystarUi: PackagePatch = {
  name: '@keystar/ui',
  version: '0.10.0',
  files: {
    // The list page's selection bar said “1 selected” whatever the locale; its zh-CN message (已选择 1 个) is right there.
    'dist/keystar-ui-action-bar.js': [r('`${lastCount} selected`', 'stringFormatter.format("selected", { count: lastCount })')],
  },
};

/** Every package the step edits, for the versions above. */
export const keystonePatches: PackagePatch[] = [keystoneCore, keystoneAuth, keystarUi];
