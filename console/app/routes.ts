import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  layout('routes/shell.tsx', [index('routes/home.tsx')]),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('graphql', 'routes/graphql.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
