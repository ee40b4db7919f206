/**
 * N19, superseded content presented as current: expired, amended or repealed documents and time-limited items
 * past their day (n19-validity.ts), and expressions gone out of use in the content gate's dictionary
 * (n19-outdated-expressions.ts). One rule, so one entry in the report.
 */
import type { Check } from '../types.js';
import { n19OutdatedExpressions } from './n19-outdated-expressions.js';
import { n19Validity } from './n19-validity.js';

export const n19SupersededContent: Check = {
  id: 'N19',
  title: '过期与过时内容',
  run: (input) => [...n19Validity.run(input), ...n19OutdatedExpressions.run(input)],
};
