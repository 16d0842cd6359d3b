import { redirect } from 'react-router';
import { destroyAuth } from '../lib/session.server';
import type { Route } from './+types/logout';

/** Logging out changes state, so it is a POST; a GET just goes home. */
export async function action({ request }: Route.ActionArgs) {
  return redirect('/login', { headers: { 'Set-Cookie': await destroyAuth(request) } });
}

export function loader() {
  return redirect('/');
}
