import { expect, test } from '@jest/globals';
import { itemAfter } from '../../../src/platform/db/item-after.js';

test("trust #17: the item after a partial update keeps the fields the update leaves out (Keystone's resolvedData has them as undefined)", () => {
  const item = { id: '1', key: 'gov-cn', listUrls: 'https://www.gov.cn/a.json', note: '', enabled: true };
  const resolvedData = { key: undefined, listUrls: undefined, note: '已核实', enabled: false, maxItems: undefined };
  expect(itemAfter(item, resolvedData)).toEqual({
    id: '1',
    key: 'gov-cn',
    listUrls: 'https://www.gov.cn/a.json',
    note: '已核实',
    enabled: false,
  });
  // A field cleared on purpose (null) is a change, and a create has no item.
  expect(itemAfter(item, { note: null }).note).toBeNull();
  expect(itemAfter(null, { key: 'x', note: undefined })).toEqual({ key: 'x' });
});
