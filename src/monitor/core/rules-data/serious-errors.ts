/**
 * N7 serious errors, editable. The bureau keeps the leader list current (names and titles change with
 * appointments): each pair is a wrong form to look for and the right one to suggest.
 */
import type { WrongRight } from '../types.js';

export const stateNameErrors: WrongRight[] = [
  { wrong: '中华人民共合国', right: '中华人民共和国' },
  { wrong: '中华人名共和国', right: '中华人民共和国' },
  { wrong: '中华人民共和囯', right: '中华人民共和国' },
  { wrong: '中化人民共和国', right: '中华人民共和国' },
  { wrong: '中华民共和国', right: '中华人民共和国' },
  { wrong: '中华人民共国', right: '中华人民共和国' },
  { wrong: '中国人民共和国', right: '中华人民共和国' },
  { wrong: '中国共产觉', right: '中国共产党' },
  { wrong: '中国共产堂', right: '中国共产党' },
  { wrong: '全国人民代表大全', right: '全国人民代表大会' },
];

export const leaderErrors: WrongRight[] = [
  { wrong: '习近乎', right: '习近平' },
  { wrong: '习进平', right: '习近平' },
  { wrong: '习近萍', right: '习近平' },
  { wrong: '李强总里', right: '李强总理' },
  { wrong: '国务院总里', right: '国务院总理' },
  { wrong: '国家主度', right: '国家主席' },
];

export const typoErrors: WrongRight[] = [
  { wrong: '社会主意', right: '社会主义' },
  { wrong: '全面从严治觉', right: '全面从严治党' },
  { wrong: '一如继往', right: '一如既往' },
  { wrong: '再接再励', right: '再接再厉' },
  { wrong: '截止目前', right: '截至目前' },
  { wrong: '迫不急待', right: '迫不及待' },
  { wrong: '不径而走', right: '不胫而走' },
  { wrong: '按步就班', right: '按部就班' },
  { wrong: '副书纪', right: '副书记' },
  { wrong: '民政局局常', right: '民政局局长' },
];
