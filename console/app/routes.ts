import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  layout('routes/shell.tsx', [
    index('routes/home.tsx'),
    // Catalog: products and SKUs, categories, brands and their authorised customers.
    route('products', 'routes/catalog/products.tsx'),
    route('products/new', 'routes/catalog/product-new.tsx'),
    route('products/:id', 'routes/catalog/product-edit.tsx'),
    route('categories', 'routes/catalog/categories.tsx'),
    route('brands', 'routes/catalog/brands.tsx'),
    route('brands/:id', 'routes/catalog/brand-edit.tsx'),
    // Prices, stock and the shop's home page.
    route('prices', 'routes/pricing/prices.tsx'),
    route('prices/customers', 'routes/pricing/customer-prices.tsx'),
    route('prices/import', 'routes/pricing/price-import.tsx'),
    route('stock', 'routes/pricing/stock.tsx'),
    route('home-layout', 'routes/pricing/home-layout.tsx'),
    // Orders: review queue, order detail, order on behalf; money: collections and credit.
    route('orders', 'routes/orders/orders.tsx'),
    route('orders/new', 'routes/orders/order-new.tsx'),
    route('orders/settings', 'routes/orders/settings.tsx'),
    route('orders/:id', 'routes/orders/order.tsx'),
    route('collections', 'routes/orders/collections.tsx'),
  ]),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('graphql', 'routes/graphql.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
