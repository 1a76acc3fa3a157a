import { NavLink, Outlet, type RouteObject } from 'react-router';
import { RequireRole } from '../platform';
import { EditEntryPage, NewEntryPage } from './editor/EditorEntryPage';
import { EditorListPage } from './editor/EditorListPage';
import { EntryPage } from './entry/EntryPage';
import { useCaselawT } from './i18n';
import { SearchPage } from './search/SearchPage';
import './caselaw.css';

/** The case-law tab, mounted at /caselaw: reading for everyone signed in, editing for facilitators. */
export const caselawRoutes: RouteObject[] = [
  { index: true, element: <SearchPage /> },
  {
    path: 'editor',
    element: (
      <RequireRole role="facilitator">
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <EditorListPage /> },
      { path: 'new/:kind', element: <NewEntryPage /> },
      { path: ':id', element: <EditEntryPage /> },
    ],
  },
  { path: ':id', element: <EntryPage /> },
];

/** The tab's entry in the main navigation. */
export function CaselawNavLink() {
  const t = useCaselawT();
  return (
    <li>
      <NavLink to="/caselaw" className="shell__nav-link">
        {t('nav')}
      </NavLink>
    </li>
  );
}
