import { Alert } from '../../ui';
import { useCaselawT } from '../i18n';
import { fieldLabel } from './field-label';

/** Every problem of the form in one list, each under the name of its field. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const t = useCaselawT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert tone="error">
      <p>{t('editor.fixErrors')}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <strong>{fieldLabel(t, path)}</strong>: {message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
