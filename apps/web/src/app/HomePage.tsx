import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRoleSummary } from '../identity';
import { LastSignIn } from '../notices';
import { hasRole, Page, useSignedInUser } from '../platform';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const summary = useRoleSummary();
  return (
    <Page title={t('home.title', { name: me.user.displayName })} lead={summary(me.user)}>
      <LastSignIn />
      <ul className="home__links">
        <li className="card">
          <h2>
            <Link to="/people">{t('nav.people')}</Link>
          </h2>
          <p>{t('home.people')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/account">{t('nav.account')}</Link>
          </h2>
          <p>{t('home.account')}</p>
        </li>
        {hasRole(me, 'registry_admin') && (
          <li className="card">
            <h2>
              <Link to="/admin">{t('nav.admin')}</Link>
            </h2>
            <p>{t('home.admin')}</p>
          </li>
        )}
      </ul>
    </Page>
  );
}
