import { describe, expect, test } from '@jest/globals';
import { plainText } from '../../../src/platform/content/plain-text.js';
import {
  checkDocument,
  checkInterpretation,
  condensationThreshold,
  hasBlocking,
  overlapRatio,
  type DocumentToCheck,
  type InterpretationToCheck,
  type MediaFacts,
} from '../../../src/workflow/core/checks.js';
import { demoDocuments, demoInterpretations } from '../../../src/workflow/seed.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import { chartFigure } from '../../../src/platform/content/rich-html.js';

/** Paragraphs as a rich-text body (HTML), as the seed stores them. */
function richText(paragraphs: string[]) {
  return paragraphsToHtml(paragraphs);
}

function media(overrides: Partial<MediaFacts>): MediaFacts {
  return {
    id: '1',
    title: '低保标准调整图解',
    kind: 'image',
    filename: 'tujie.png',
    altText: '城市低保标准由800元提高到840元',
    ...overrides,
  };
}

function documentToCheck(overrides: Partial<DocumentToCheck> = {}): DocumentToCheck {
  return {
    title: '关于调整低保标准的通知',
    body: richText(['新标准自2026年7月1日起执行。']),
    disclosure: 'proactive',
    attachments: [],
    ...overrides,
  };
}

function demoDocument(key: string) {
  const doc = demoDocuments.find((d) => d.key === key);
  if (!doc) throw new Error(`no demo document ${key}`);
  return { title: doc.title, body: richText(doc.paragraphs) };
}

function interpretation(overrides: Partial<InterpretationToCheck> = {}): InterpretationToCheck {
  return {
    title: '一图读懂低保标准调整',
    form: 'text',
    body: richText(['问：哪些人能够受益？答：全市城乡低保对象和特困人员。']),
    images: [],
    video: null,
    videoPoster: null,
    videoCaptions: null,
    documents: [demoDocument('dibao-standard-2026')],
    ...overrides,
  };
}

function demoInterpretation(key: string): InterpretationToCheck {
  const jd = demoInterpretations.find((i) => i.key === key);
  if (!jd) throw new Error(`no demo interpretation ${key}`);
  return interpretation({ title: jd.title, form: jd.form, body: richText(jd.paragraphs), documents: jd.documents.map(demoDocument) });
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

// Condensations made by deleting sentences and clauses from the documents, and one stitched together
// with 一是…二是… connectives: what N11 calls a "simple condensation".
const dibaoByDeletion = [
  '经市人民政府同意，决定调整全市城乡最低生活保障标准。城市最低生活保障标准由每人每月800元提高到每人每月840元；农村最低生活保障标准由每人每月500元提高到每人每月530元。',
  '城市特困人员基本生活标准为每人每月1092元，农村特困人员基本生活标准为每人每月689元。新标准自2026年7月1日起执行。已纳入保障范围的对象无需重新申请，7月份未能按新标准足额发放的，须在8月份一并补发到位。提标所需资金由中央、省级补助资金和县(区)财政共同承担。',
];
const dibaoStitched = [
  '近日，市民政局、市财政局联合印发通知，调整全市城乡最低生活保障标准。一是提高标准：城市最低生活保障标准提高到每人每月840元，农村最低生活保障标准提高到每人每月530元，特困人员基本生活标准同步调整。',
  '二是明确执行时间：新标准自2026年7月1日起执行，已纳入保障范围的对象无需重新申请。三是保障资金：提标所需资金按照现行社会救助资金分担机制共同承担。四是工作要求：各县(区)要切实做好政策宣传解读，做到应保尽保、按标施保、动态管理。',
];
const rulesByDeletion = [
  '各科室(单位)拟制公文时,必须明确公开属性。拟明确为“删减后公开”“依申请公开”“不公开”属性的公文,要依法依规说明理由,报批前送局办公室审查。政策解读工作坚持“谁起草、谁解读”的原则。',
  '按照政策文件与解读方案、解读材料同步起草、同步审批、同步发布的“三同步”要求开展政策解读工作。涉及特别重大、重大突发事件的政务舆情发生后,要在5小时内发布权威信息,在24小时内举行新闻发布会。',
  '特别重大、重大突发事件发生后,要力争在20分钟内向局办公室电话报告、40分钟内书面报告。将信息公开、政策解读、回应关切、媒体参与等方面情况纳入绩效考核体系,分值权重不低于4%。',
];

describe('plain text of rich-text values', () => {
  test('a body (HTML) reads as one line per block: headings, paragraphs, list items and table cells', () => {
    const value =
      '<h2>一、调整标准</h2><p>详见<a href="https://example.cn">附件</a>。</p><ul><li><p>城市</p></li></ul>' +
      '<table><tbody><tr><th><p>县（区）</p></th><th><p>人次</p></th></tr><tr><td><p>临翔区</p></td><td><p>1200</p></td></tr></tbody></table>';
    expect(plainText(value)).toBe('一、调整标准\n详见附件。\n城市\n县（区）\n人次\n临翔区\n1200');
    expect(plainText('')).toBe('');
    expect(plainText(null)).toBe('');
    expect(plainText(null)).toBe('');
  });
});

describe('N16 text alternatives and captions', () => {
  test('N16: an image attachment without a text alternative is refused', () => {
    const findings = checkDocument(documentToCheck({ attachments: [media({ altText: '  ' })] }));
    expect(findings).toEqual([
      {
        rule: 'N16',
        code: 'IMAGE_ALT_MISSING',
        message: '图片附件“低保标准调整图解”没有替代文本：请在媒体文件中填写“替代文本”，为看不见图片的读者描述图片内容',
        blocking: true,
      },
    ]);
    expect(checkDocument(documentToCheck({ attachments: [media({})] }))).toEqual([]);
  });

  test('N16: interpretation images and the video poster need text alternatives', () => {
    const findings = checkInterpretation(
      interpretation({
        images: [media({ altText: null })],
        video: media({ kind: 'video', title: '解读视频', filename: 'jd.mp4' }),
        videoPoster: media({ title: '封面', altText: '' }),
        videoCaptions: media({ kind: 'captions', filename: 'jd.vtt' }),
      }),
    );
    expect(findings.map((f) => [f.rule, f.code, f.message, f.blocking])).toEqual([
      [
        'N16',
        'IMAGE_ALT_MISSING',
        '图片“低保标准调整图解”没有替代文本：请在媒体文件中填写“替代文本”，为看不见图片的读者描述图片内容',
        true,
      ],
      ['N16', 'IMAGE_ALT_MISSING', '视频封面“封面”没有替代文本：请在媒体文件中填写“替代文本”，为看不见图片的读者描述图片内容', true],
    ]);
  });

  test('N16: a video interpretation without a video is refused', () => {
    const findings = checkInterpretation(interpretation({ form: 'video' }));
    expect(findings).toEqual([{ rule: 'N16', code: 'VIDEO_MISSING', message: '视频解读没有视频：请上传解读视频', blocking: true }]);
  });

  test('N16: a video without WebVTT captions is refused', () => {
    const video = media({ kind: 'video', title: '解读视频', filename: 'jd.mp4', altText: null });
    const videoPoster = media({ title: '封面', filename: 'poster.jpg' });
    for (const videoCaptions of [null, media({ kind: 'captions', filename: 'jd.srt' }), media({ kind: 'captions', filename: null })]) {
      const findings = checkInterpretation(interpretation({ form: 'video', video, videoPoster, videoCaptions }));
      expect(codes(findings)).toEqual(['CAPTIONS_MISSING']);
      expect(findings[0].message).toBe('视频“解读视频”没有字幕：请上传 WebVTT（.vtt）格式的字幕文件，供听不见声音的读者阅读');
      expect(hasBlocking(findings)).toBe(true);
    }
    expect(
      checkInterpretation(
        interpretation({ form: 'video', video, videoPoster, videoCaptions: media({ kind: 'captions', filename: 'JD.VTT' }) }),
      ),
    ).toEqual([]);
  });

  test('N16: a video without a poster is refused', () => {
    const video = media({ kind: 'video', title: '解读视频', filename: 'jd.mp4', altText: null });
    const findings = checkInterpretation(
      interpretation({ form: 'video', video, videoCaptions: media({ kind: 'captions', filename: 'jd.vtt' }) }),
    );
    expect(findings).toEqual([
      {
        rule: 'N16',
        code: 'VIDEO_POSTER_MISSING',
        message: '视频“解读视频”没有封面：请上传一张封面图片（并填写替代文本），播放前显示',
        blocking: true,
      },
    ]);
  });

  test('N16: a 长图 without its 文字版 is refused, in an interpretation and as a document attachment', () => {
    const longImage = media({ kind: 'longImage', title: '一图读懂低保提标', textVersion: '  ' });
    const message =
      '长图“一图读懂低保提标”没有文字版：请在媒体文件的“文字版”中按阅读顺序填写长图上的全部文字，网站会在长图旁显示，供读屏软件和大字版读者阅读';
    expect(checkInterpretation(interpretation({ form: 'graphic', images: [longImage] }))).toEqual([
      { rule: 'N16', code: 'LONG_IMAGE_TEXT_MISSING', message, blocking: true },
    ]);
    expect(codes(checkDocument(documentToCheck({ attachments: [longImage] })))).toEqual(['LONG_IMAGE_TEXT_MISSING']);
    const withText = media({ kind: 'longImage', textVersion: '城市低保标准由每人每月800元提高到840元。' });
    expect(checkInterpretation(interpretation({ form: 'graphic', images: [withText] }))).toEqual([]);
    // An ordinary picture needs its alt text only.
    expect(checkInterpretation(interpretation({ images: [media({ textVersion: null })] }))).toEqual([]);
  });

  test('N16: a chart block whose data has problems is refused with what to fix', () => {
    const chart = (data: string) => chartFigure({ kind: 'compare', title: '低保标准', unit: '元', source: '社会救助科', data });
    const body =
      richText(['问：调整了多少？']) + chart('类别\t调整前\t调整后\n城市\t800\t840') + chart('类别\t调整前\t调整后\n城市\t800\t八百四十');
    const findings = checkInterpretation(interpretation({ body }));
    expect(findings).toEqual([
      {
        rule: 'N16',
        code: 'CHART_DATA_INVALID',
        message: '解读正文中的第 2 个图表“低保标准”数据有误：第 2 行“调整后”列的“八百四十”不是数字',
        blocking: true,
      },
    ]);
    // In a document only the text that will be public is drawn, and so checked.
    expect(codes(checkDocument(documentToCheck({ body })))).toEqual(['CHART_DATA_INVALID']);
    expect(codes(checkDocument(documentToCheck({ body, disclosure: 'redacted', redactedBody: richText(['删减后的文字']) })))).toEqual([]);
  });

  test('N16: an image in the body without alt text is refused with where it is and what to do', () => {
    const body =
      '<p>如图所示</p><p><img src="/media/a.png" alt=""><img src="/media/b.png" alt=" "><img src="/media/c.png" alt="低保标准对比图"></p>';
    const findings = checkDocument(documentToCheck({ body }));
    expect(findings).toEqual([
      {
        rule: 'N16',
        code: 'RICH_TEXT_IMAGE_ALT_MISSING',
        message: '正文中有 2 张图片没有替代文本：请在编辑器中选中图片，用“修改替代文本”写明图片的内容',
        blocking: true,
      },
    ]);
    expect(hasBlocking(findings)).toBe(true);
    expect(checkDocument(documentToCheck({ body: '<p><img src="/media/c.png" alt="低保标准对比图"></p>' }))).toEqual([]);
  });
});

describe('attachment formats', () => {
  test('open formats pass, Office formats are warned about, anything else is refused', () => {
    const attach = (filename: string | null) =>
      checkDocument(documentToCheck({ attachments: [media({ kind: 'document', title: '标准表', filename, altText: null })] }));
    expect(attach('biao.ofd')).toEqual([]);
    expect(attach('biao.PDF')).toEqual([]);
    expect(attach('biao.docx')).toEqual([
      {
        code: 'ATTACHMENT_FORMAT_NOT_OPEN',
        message: '附件“标准表”（biao.docx）不是开放格式：建议转换为 OFD 或 PDF 后重新上传',
        blocking: false,
      },
    ]);
    expect(hasBlocking(attach('biao.wps'))).toBe(false);
    expect(attach('biao.rar')).toEqual([
      {
        code: 'ATTACHMENT_FORMAT_REFUSED',
        message: '附件“标准表”（biao.rar）的格式不能公开发布：请转换为 OFD 或 PDF 后重新上传',
        blocking: true,
      },
    ]);
    expect(codes(attach(null))).toEqual(['ATTACHMENT_FILE_MISSING']);
  });
});

describe('N11 interpretation, not condensation', () => {
  test('N11: overlapRatio is the share of 4-grams of the first text found in the second, ignoring punctuation and spaces', () => {
    expect(overlapRatio('一二三四五', '一二三四')).toBe(0.5);
    expect(overlapRatio('一二，三 四五', '一二三四五')).toBe(1);
    expect(overlapRatio('低保标准提高', '养老服务质量')).toBe(0);
    expect(overlapRatio('一二三', '一二三')).toBe(0);
    expect(condensationThreshold).toBe(0.5);
  });

  test('N11: the demo interpretations explain their documents and pass', () => {
    const measured = ['implementation-rules-jd', 'dibao-standard-2026-jd'].map((key) => {
      const jd = demoInterpretation(key);
      expect(checkInterpretation(jd)).toEqual([]);
      return overlapRatio(plainText(jd.body), jd.documents.map((d) => plainText(d.body)).join('\n'));
    });
    expect(measured.map((ratio) => ratio.toFixed(2))).toEqual(['0.34', '0.20']);
    for (const ratio of measured) expect(ratio).toBeLessThan(condensationThreshold);
  });

  test('N11: an interpretation that condenses its document is refused above the threshold', () => {
    const cases: [string[], string, string][] = [
      [dibaoByDeletion, 'dibao-standard-2026', '0.90'],
      [dibaoStitched, 'dibao-standard-2026', '0.69'],
      [rulesByDeletion, 'implementation-rules', '0.88'],
    ];
    for (const [paragraphs, key, expected] of cases) {
      const doc = demoDocument(key);
      expect(overlapRatio(paragraphs.join('\n'), plainText(doc.body)).toFixed(2)).toBe(expected);
      const findings = checkInterpretation(interpretation({ body: richText(paragraphs), documents: [doc] }));
      expect(codes(findings)).toEqual(['CONDENSATION']);
      expect(findings[0]).toMatchObject({ rule: 'N11', blocking: true });
      expect(findings[0].message).toBe(
        `解读中有 ${Math.round(Number(expected) * 100)}% 的文字片段与《${doc.title}》原文相同（上限 50%），属于对文件的简单摘编：请少照搬原文，补充出台背景、主要考虑、受益对象、办理方式或问答等解读内容`,
      );
    }
  });

  test('N11: naming the document by its title, or a caption of under 30 4-grams, is not condensation', () => {
    const titled = richText([
      '一图读懂《临沧市民政局 临沧市财政局关于调整2026年全市城乡最低生活保障标准的通知》：城市、农村低保标准和特困人员基本生活标准同步提高。',
    ]);
    expect(checkInterpretation(interpretation({ form: 'chart', body: titled, images: [media({})] }))).toEqual([]);
    // A quoted provision as the caption of a chart: entirely the document's words, but too short to judge.
    const caption = richText(['新标准自2026年7月1日起执行。']);
    expect(overlapRatio(plainText(caption), plainText(demoDocument('dibao-standard-2026').body))).toBe(1);
    expect(checkInterpretation(interpretation({ form: 'chart', body: caption, images: [media({})] }))).toEqual([]);
  });

  test('N11: an interpretation linked to no document is refused', () => {
    expect(checkInterpretation(interpretation({ documents: [] }))).toEqual([
      {
        rule: 'N11',
        code: 'DOCUMENT_LINK_MISSING',
        message: '解读没有关联所解读的文件：请在“解读的文件”中选择对应的政策文件',
        blocking: true,
      },
    ]);
  });
});

describe('N15 personal data before publication', () => {
  test('N15: a mobile number in the body of a 主动公开 document is refused with the masked form to use', () => {
    const findings = checkDocument(documentToCheck({ body: richText(['咨询电话：0883-2123456，联系人手机13812341234。']) }));
    expect(findings).toEqual([
      {
        rule: 'N15',
        code: 'PERSONAL_DATA_UNMASKED',
        message: '正文中的手机号码“13812341234”未作遮蔽处理：公开前请改为“138****1234”',
        blocking: true,
      },
    ]);
  });

  test('N15: for 删减后公开 only the redacted text and title are checked; non-public documents are not', () => {
    const body = richText(['救助对象张某，身份证号350102198507121122。']);
    expect(checkDocument(documentToCheck({ disclosure: 'redacted', body, redactedBody: richText(['救助对象已作删减处理。']) }))).toEqual(
      [],
    );
    expect(checkDocument(documentToCheck({ disclosure: 'redacted', body, redactedBody: JSON.stringify(body) }))).toEqual([
      {
        rule: 'N15',
        code: 'PERSONAL_DATA_UNMASKED',
        message: '删减后公开文本中的身份证号码“350102198507121122”未作遮蔽处理：公开前请改为“35*************122”',
        blocking: true,
      },
    ]);
    const title = '关于13812341234反映问题的答复';
    expect(checkDocument(documentToCheck({ disclosure: 'onRequest', title, body, redactedBody: body }))).toEqual([]);
    expect(checkDocument(documentToCheck({ disclosure: 'notPublic', title, body, redactedBody: body }))).toEqual([]);
  });

  test('trust #11: N15 a reprint body (a 修订 of a reprint) is checked too, a number split by markup included', () => {
    const reprintBody = '<p>咨询电话：0883-2123456</p><p>联系人手机<b>138</b>1234<span>1234</span>。</p>';
    expect(checkDocument(documentToCheck({ reprintBody })).map((f) => f.message)).toEqual([
      '转载正文中的手机号码“13812341234”未作遮蔽处理：公开前请改为“138****1234”',
    ]);
    expect(checkDocument(documentToCheck({ reprintBody: '<p>联系人手机138****1234</p>' }))).toEqual([]);
    expect(checkDocument(documentToCheck({ disclosure: 'notPublic', reprintBody }))).toEqual([]);
  });

  test('N15: a number in the title or in an interpretation is refused, once per number', () => {
    expect(codes(checkDocument(documentToCheck({ title: '关于13812341234反映问题的答复' })))).toEqual(['PERSONAL_DATA_UNMASKED']);
    const findings = checkInterpretation(
      interpretation({ body: richText(['咨询请拨打13812341234。', '或拨打13812341234、15912345678。']) }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      '解读正文中的手机号码“13812341234”未作遮蔽处理：公开前请改为“138****1234”',
      '解读正文中的手机号码“15912345678”未作遮蔽处理：公开前请改为“159****5678”',
    ]);
  });

  test('N15: every published demo document passes (office landlines only)', () => {
    for (const doc of demoDocuments) {
      const findings = checkDocument({
        title: doc.title,
        body: richText([...doc.paragraphs, ...(doc.redactedParagraphs ?? [])]),
        redactedBody: doc.disclosure === 'redacted' ? richText(doc.paragraphs) : [],
        disclosure: doc.disclosure,
        attachments: [],
      });
      expect(findings).toEqual([]);
    }
  });
});
