/** The GraphQL operations of the console and the shapes of their results. */

export const CONSOLE_HOME_QUERY = /* GraphQL */ `
  query ConsoleHome {
    me {
      __typename
      ... on Staff { id name username roles }
    }
    orderStats { todayCount todayAmount { amount currency } }
  }
`;

export type StaffRole = 'BOSS' | 'OFFICE' | 'REP' | 'STORE_MANAGER' | 'PICKER' | 'DRIVER' | 'FINANCE';

export interface Money {
  amount: string;
  currency: string;
}

export interface ConsoleHomeData {
  me:
    | { __typename: 'Staff'; id: string; name: string; username: string; roles: StaffRole[] }
    | { __typename: string }
    | null;
  orderStats: { todayCount: number; todayAmount: Money } | null;
}
