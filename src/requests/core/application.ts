import { z } from 'zod';
import { applicantTypeOptions } from './request-vocabulary.js';
import { choice, optionalText, parseForm, plainText, type FormResult } from '../../platform/public-forms/fields.js';
import { isValidCreditCode, isValidResidentId } from './identifiers.js';
import { deliveryMethodOptions, idDocumentTypeOptions } from './vocabulary.js';

/*
 * N13: the online application (政府信息公开申请表), with what 条例 第二十九条 asks of it:
 * （一）申请人的姓名或者名称、身份证明、联系方式; （二）申请公开的政府信息的名称、文号或者便于行政机关
 * 查询的其他特征性描述; （三）申请公开的政府信息的形式要求，包括获取信息的方式、途径. A person gives
 * a name and an identity document; an organisation its name, 统一社会信用代码 and a contact person.
 * The purpose is optional: the 2019 条例 no longer asks for it.
 */

const mobileOrLandline = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const emailPattern = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;

const fields = z.object({
  applicantType: choice('申请人类型', applicantTypeOptions),
  personName: optionalText('姓名', 50),
  idDocumentType: optionalText('证件类型', 30),
  idNumber: optionalText('证件号码', 30),
  organizationName: optionalText('单位名称', 100),
  creditCode: optionalText('统一社会信用代码', 18),
  contactPerson: optionalText('联系人', 50),
  phone: plainText('联系电话', { max: 20 }),
  email: optionalText('电子邮箱', 100),
  postalAddress: optionalText('通信地址', 200),
  postcode: optionalText('邮政编码', 6),
  description: plainText('所需信息的描述', { min: 5, max: 2000 }),
  purpose: optionalText('用途', 500),
  deliveryMethod: choice('获取信息的方式', deliveryMethodOptions),
});

export const applicationSchema = fields.superRefine((form, ctx) => {
  const need = (path: keyof typeof form, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (form.applicantType === 'naturalPerson') {
    if (!form.personName) need('personName', '请填写姓名');
    if (!idDocumentTypeOptions.some((o) => o.value === form.idDocumentType)) need('idDocumentType', '请选择证件类型');
    if (!form.idNumber) need('idNumber', '请填写证件号码');
    else if (form.idDocumentType === 'residentId' && !isValidResidentId(form.idNumber))
      need('idNumber', '居民身份证号码不正确，请核对（18 位，最后一位可能是 X）');
    else if (!/^[A-Za-z0-9-]{5,30}$/.test(form.idNumber)) need('idNumber', '证件号码只能包含字母、数字和连字符');
  } else {
    if (!form.organizationName) need('organizationName', '请填写单位名称');
    if (!form.creditCode) need('creditCode', '请填写统一社会信用代码');
    else if (!isValidCreditCode(form.creditCode)) need('creditCode', '统一社会信用代码不正确，请核对（18 位数字或大写字母）');
    if (!form.contactPerson) need('contactPerson', '请填写联系人');
  }
  if (!mobileOrLandline.test(form.phone.replace(/\s+/g, ''))) need('phone', '联系电话应为手机号码或固定电话（如 0883-2123456）');
  if (form.email && !emailPattern.test(form.email)) need('email', '电子邮箱格式不正确');
  if (form.deliveryMethod === 'email' && !form.email) need('email', '选择以电子邮件获取信息的，请填写电子邮箱');
  if ((form.deliveryMethod === 'paperByPost' || form.deliveryMethod === 'disc') && !form.postalAddress)
    need('postalAddress', '选择邮寄的，请填写通信地址');
  if (form.postcode && !/^\d{6}$/.test(form.postcode)) need('postcode', '邮政编码应为 6 位数字');
});

export type Application = z.output<typeof applicationSchema>;

export function parseApplication(body: unknown): FormResult<Application> {
  return parseForm(applicationSchema, body);
}

/** The fields of a DisclosureRequest an application fills (one applicant name for both kinds). */
export function requestDataOf(application: Application) {
  const person = application.applicantType === 'naturalPerson';
  return {
    applicantType: application.applicantType,
    applicantName: person ? application.personName : application.organizationName,
    idDocumentType: person ? application.idDocumentType : null,
    idNumber: person ? application.idNumber.toUpperCase() : '',
    creditCode: person ? '' : application.creditCode.toUpperCase(),
    contactPerson: person ? '' : application.contactPerson,
    phone: application.phone.replace(/\s+/g, ''),
    email: application.email,
    postalAddress: [application.postalAddress, application.postcode && `（邮编 ${application.postcode}）`].filter(Boolean).join(''),
    description: application.description,
    purpose: application.purpose,
    deliveryMethod: application.deliveryMethod,
  };
}
