import { useEffect } from 'react';
import { ActionButton } from '@keystar/ui/button';
import { Divider } from '@keystar/ui/layout';
import { Text } from '@keystar/ui/typography';
import { useNavigate } from '@keystar/ui/router';
import { gql, useMutation, useQuery } from '@keystone-6/core/admin-ui/apollo';
import { NavContainer, NavFooter, NavItem, NavList, getHrefFromList, type NavigationProps } from '@keystone-6/core/admin-ui/components';

const SESSION = gql`
  query GongkaiSession {
    authenticatedItem {
      ... on User {
        name
      }
    }
  }
`;
const END_SESSION = gql`
  mutation GongkaiEndSession {
    endSession
  }
`;

/** The Admin UI navigation: 待办 first (it is the home page), then the lists, then who is signed in. */
function Navigation({ lists }: NavigationProps) {
  const { data } = useQuery<{ authenticatedItem: { name: string } | null }>(SESSION);
  const [endSession, { data: ended }] = useMutation<{ endSession: boolean }>(END_SESSION);
  const navigate = useNavigate();
  useEffect(() => {
    if (ended?.endSession) navigate('/signin');
  }, [ended, navigate]);
  return (
    <NavContainer>
      <NavList>
        <NavItem href="/">待办</NavItem>
        <Divider />
        {lists.map((list) => (
          <NavItem key={list.key} href={getHrefFromList(list)}>
            {list.label}
          </NavItem>
        ))}
      </NavList>
      <NavFooter>
        {data?.authenticatedItem ? (
          <>
            <Text size="small">当前用户：{data.authenticatedItem.name}</Text>
            <ActionButton onPress={() => endSession()}>退出登录</ActionButton>
          </>
        ) : null}
      </NavFooter>
    </NavContainer>
  );
}

export const components = { Navigation };
