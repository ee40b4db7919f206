import { list } from '@keystone-6/core';
import { calendarDay, checkbox, relationship, select, text } from '@keystone-6/core/fields';
import { managesSite, signedIn } from '../access/roles.js';
import { applicantTypeOptions, requestOutcomeOptions } from '../interaction/request-vocabulary.js';

// 依申请公开 (N13): MINIMAL stand-in on the reports branch, with the contract fields only, so that the
// reports can be built and tested. The lead keeps the requests helper's list instead of this file.
export const DisclosureRequest = list({
  access: { operation: { query: signedIn, create: managesSite, update: managesSite, delete: managesSite } },
  ui: { label: '依申请公开', singular: '依申请公开', plural: '依申请公开', labelField: 'topic' },
  fields: {
    topic: text({ ui: { label: '申请内容摘要' }, validation: { isRequired: true } }),
    applicantType: select({ ui: { label: '申请人类型' }, type: 'string', options: applicantTypeOptions.map(({ value, label }) => ({ value, label })), validation: { isRequired: true } }),
    receivedOn: calendarDay({ ui: { label: '收到申请日期' }, validation: { isRequired: true } }),
    outcome: select({ ui: { label: '办理结果' }, type: 'string', options: requestOutcomeOptions.map(({ value, label }) => ({ value, label })) }),
    closedOn: calendarDay({ ui: { label: '办结日期' } }),
    department: relationship({ ui: { label: '承办科室' }, ref: 'Department' }),
    shouldBeProactive: checkbox({ ui: { label: '应转为主动公开' }, defaultValue: false }),
    convertedDocument: relationship({ ui: { label: '转为主动公开的文件' }, ref: 'Document' }),
  },
});
