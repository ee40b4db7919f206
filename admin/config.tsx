import { useEffect } from 'react';
import { ActionButton } from '@keystar/ui/button';
import { Divider, HStack, VStack } from '@keystar/ui/layout';
import { css, injectGlobal, tokenSchema } from '@keystar/ui/style';
import { Heading, Text } from '@keystar/ui/typography';
import { useNavigate } from '@keystar/ui/router';
import { gql, useMutation, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { NavContainer, NavFooter, NavItem, NavList, getHrefFromList, type NavigationProps } from '@keystone-6/core/admin-ui/components';
import { runsSite, seesWholeBureau, type Role } from '../src/platform/access/roles.ts';
import { navigationLists, tasksLabel } from '../src/platform/admin-ui/navigation.ts';

// The system's CJK fonts instead of Keystar's Inter (which Keystone fetched from Google's font host, a request
// that fails on an intranet): Latin letters and digits in the system UI font, Chinese in the system's Chinese font.
injectGlobal({
  '.kui-theme.kui-theme': {
    '--kui-typography-font-family-base':
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
});

const SITE_NAME = gql`
  query GongkaiSiteName {
    siteSettings {
      siteName
    }
  }
`;

/** The name at the top of every page: the site's, from 网站设置, and what this is. */
function Logo() {
  const { data } = useQuery<{ siteSettings: { siteName: string } | null }>(SITE_NAME);
  return (
    <HStack gap="regular" alignItems="center">
      <Heading elementType="div" size="small">
        <a href="/admin" className={css({ color: tokenSchema.color.alias.foregroundIdle, textDecoration: 'none' })}>
          政务公开管理后台
        </a>
      </Heading>
      {data?.siteSettings?.siteName ? (
        <Text color="neutralSecondary" size="small">
          {data.siteSettings.siteName}
        </Text>
      ) : null}
    </HStack>
  );
}

const SESSION = gql`
  query GongkaiSession {
    authenticatedItem {
      ... on User {
        name
        role
      }
    }
  }
`;
// How many 待办 wait, for the navigation (the home page lists them).
const TASK_COUNT = gql`
  query GongkaiTaskCount {
    myTasks {
      id
    }
  }
`;
const END_SESSION = gql`
  mutation GongkaiEndSession {
    endSession
  }
`;

/** The Admin UI navigation: 待办 first (it is the home page) with its count, then the role's lists, then who is signed in. */
function Navigation({ lists }: NavigationProps) {
  const { data } = useQuery<{ authenticatedItem: { name: string; role: Role } | null }>(SESSION);
  const role = data?.authenticatedItem?.role;
  const { data: tasks } = useQuery<{ myTasks: { id: string }[] }>(TASK_COUNT, { skip: !data?.authenticatedItem });
  // The monitor's reports are for the section that runs the site, and for the admin.
  const readsReports = runsSite(role);
  // N17: visit statistics for the section, the office and the leaders.
  const readsVisits = seesWholeBureau(role);
  const [endSession, { data: ended }] = useMutation<{ endSession: boolean }>(END_SESSION);
  const navigate = useNavigate();
  useEffect(() => {
    if (ended?.endSession) navigate('/signin');
  }, [ended, navigate]);
  return (
    <NavContainer>
      <NavList>
        <NavItem href="/">{tasksLabel(tasks?.myTasks.length)}</NavItem>
        {readsReports ? <NavItem href="/monitor">监测报告（最新）</NavItem> : null}
        {readsVisits ? <NavItem href="/visits">访问统计图表</NavItem> : null}
        {readsReports ? <NavItem href="/operation-log-export">操作日志导出</NavItem> : null}
        <Divider />
        {navigationLists(role, lists).map((list) => (
          <NavItem key={list.key} href={getHrefFromList(list)}>
            {list.label}
          </NavItem>
        ))}
      </NavList>
      <NavFooter>
        {data?.authenticatedItem ? (
          <VStack gap="regular" alignItems="start">
            <Text size="small">当前用户：{data.authenticatedItem.name}</Text>
            <ActionButton onPress={() => endSession()}>退出登录</ActionButton>
          </VStack>
        ) : null}
      </NavFooter>
    </NavContainer>
  );
}

export const components = { Logo, Navigation };
