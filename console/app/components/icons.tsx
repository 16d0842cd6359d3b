/** A few outline icons (24x24, stroke = currentColor), inlined so nothing loads from a CDN. */

const paths = {
  dashboard:
    'M3.75 3.75h6.5v6.5h-6.5zM13.75 3.75h6.5v6.5h-6.5zM3.75 13.75h6.5v6.5h-6.5zM13.75 13.75h6.5v6.5h-6.5z',
  orders: 'M8.25 6.75h10.5M8.25 12h10.5M8.25 17.25h10.5M4.5 6.75h.01M4.5 12h.01M4.5 17.25h.01',
  customers:
    'M15 19.5v-1.25a3.25 3.25 0 0 0-3.25-3.25h-4.5A3.25 3.25 0 0 0 4 18.25v1.25M9.5 11.5a3.25 3.25 0 1 0 0-6.5 3.25 3.25 0 0 0 0 6.5ZM20 19.5v-1.25a3.25 3.25 0 0 0-2.5-3.16M15.5 5.1a3.25 3.25 0 0 1 0 6.3',
  products: 'M20.25 7.5 12 3 3.75 7.5m16.5 0L12 12m8.25-4.5v9L12 21m0-9L3.75 7.5M12 12v9m-8.25-13.5v9L12 21',
  warehouse: 'M3 20.25V9l9-5.25L21 9v11.25M6.75 20.25v-7.5h10.5v7.5M6.75 15.75h10.5',
  delivery:
    'M3 6.75h11.25v9H3zM14.25 9.75h3.75l3 3v3h-6.75M7.5 18.75a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM17.25 18.75a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  prices:
    'M9.568 3H5.25A2.25 2.25 0 0 0 3 5.25v4.318c0 .597.237 1.17.659 1.591l9.581 9.581a2.25 2.25 0 0 0 3.182 0l4.318-4.318a2.25 2.25 0 0 0 0-3.182L11.16 3.66A2.25 2.25 0 0 0 9.568 3ZM6 6h.008v.008H6z',
  homeLayout: 'M3.75 3.75h16.5v16.5H3.75zM3.75 9h16.5M9 9v11.25',
  finance: 'M2.25 7.5h19.5v10.5H2.25zM2.25 10.5h19.5M6 15h3',
  logout:
    'M15.75 9V5.25A2.25 2.25 0 0 0 13.5 3h-6a2.25 2.25 0 0 0-2.25 2.25v13.5A2.25 2.25 0 0 0 7.5 21h6a2.25 2.25 0 0 0 2.25-2.25V15M12 9l-3 3m0 0 3 3m-3-3h12.75',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = 'size-5' }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      <path d={paths[name]} />
    </svg>
  );
}
