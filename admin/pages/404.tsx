import { Heading, Text } from '@keystar/ui/typography';
import { PageContainer } from '@keystone-6/core/admin-ui/components';

/** 页面不存在: replaces Next's English 404 page inside the Admin UI. */
export default function NotFoundPage() {
  return (
    <PageContainer
      header={
        <Heading elementType="h1" size="small">
          页面不存在
        </Heading>
      }
      title="页面不存在"
    >
      <div style={{ paddingBlock: 24, display: 'grid', gap: 12 }}>
        <Text>您要打开的页面不存在：地址可能有误，或者页面已被删除。</Text>
        <Text>
          <a href="/admin">返回待办</a>
        </Text>
      </div>
    </PageContainer>
  );
}
