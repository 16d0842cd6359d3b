import { createSessionStorageFor } from '@wholesail/web/session.server';

/** Who is logged in, as the login mutation described them (kept for the header; the token is the truth). */
export interface SessionViewer {
  id: string;
  name: string;
  customerId: string;
  customerName: string;
}

/** The storefront's login session, in the `__wholesail_storefront` cookie. */
export const session = createSessionStorageFor<SessionViewer>('storefront');
