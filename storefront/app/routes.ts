import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  layout('routes/shell.tsx', [
    index('routes/home.tsx'),
    route('categories', 'routes/categories.tsx'),
    route('brands', 'routes/brands.tsx'),
    route('products', 'routes/products.tsx'),
    route('products/:id', 'routes/product.tsx'),
    route('bought-before', 'routes/bought-before.tsx'),
    route('promotions', 'routes/promotions.tsx'),
    // Ordering: cart with the live quote, checkout, orders and the statement.
    route('cart', 'routes/ordering/cart.tsx'),
    route('orders', 'routes/ordering/orders.tsx'),
    route('orders/:id', 'routes/ordering/order.tsx'),
    route('statement', 'routes/ordering/statement.tsx'),
  ]),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('graphql', 'routes/graphql.ts'),
  route('images/*', 'routes/images.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
