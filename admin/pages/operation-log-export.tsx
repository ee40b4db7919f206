import { Heading, Text } from '@keystar/ui/typography';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

const field = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 15 } as const;
const input = { padding: 6, fontSize: 15, border: '1px solid #8c959f', borderRadius: 4 } as const;

/**
 * 操作日志导出 (N20): the operation log as CSV by days and a search text. Searching and filtering in the
 * Admin UI is the 操作日志 list itself; this page downloads what an inspector asks for.
 */
export default function OperationLogExportPage() {
  return (
    <PageContainer header={<Heading type="h3">操作日志导出</Heading>} title="操作日志导出">
      <div style={{ paddingBlock: 24, maxWidth: 640 }}>
        <Text>
          操作日志记录每一次登录（含失败）、新增、修改、删除、流转操作和导出，保存不少于一年（默认 400
          天，每天归档压缩）。在左侧“操作日志”列表中可按操作人、网络地址、操作、对象搜索和筛选；这里按日期和关键词导出为 CSV（可用 Excel
          打开），导出本身也记入操作日志。
        </Text>
        <form method="get" action="/oplog/operations.csv" style={{ display: 'flex', flexDirection: 'column', gap: 16, marginTop: 24 }}>
          <label style={field}>
            起始日期
            <input style={input} type="date" name="from" />
          </label>
          <label style={field}>
            截止日期
            <input style={input} type="date" name="to" />
          </label>
          <label style={field}>
            关键词（操作人、网络地址、操作、对象、条目编号）
            <input style={input} type="search" name="q" maxLength={100} />
          </label>
          <div>
            <button type="submit" style={{ padding: '8px 16px', fontSize: 15 }}>
              导出 CSV
            </button>
          </div>
        </form>
      </div>
    </PageContainer>
  );
}
