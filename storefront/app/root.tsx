import { ErrorView } from '@wholesail/web/components/error-view';
import { AppOutlet, Document } from '@wholesail/web/document';
import { languageData } from '@wholesail/web/language.server';
import type { ReactNode } from 'react';
import type { Route } from './+types/root';
import './app.css';
import { i18nFor } from './i18n';

export function loader({ request }: Route.LoaderArgs) {
  return languageData(request);
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <Document themeColor="#ea580c" i18nFor={i18nFor}>
      {children}
    </Document>
  );
}

export default function App() {
  return <AppOutlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} />;
}
