import type { Passkey } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Button, DataTable, useDateTimeFormat } from '../../ui';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Synced passkeys live in a cloud keychain; device-bound ones never leave their authenticator. */
function kindOf(passkey: Passkey): 'synced' | 'deviceBound' {
  return passkey.backedUp || passkey.deviceType === 'multiDevice' ? 'synced' : 'deviceBound';
}

export function PasskeyTable({
  caption,
  passkeys,
  onRename,
  onRevoke,
}: {
  caption: string;
  passkeys: readonly Passkey[];
  onRename?: (passkey: Passkey) => void;
  onRevoke: (passkey: Passkey) => void;
}) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  const date = (iso: string | null) =>
    iso ? <time dateTime={iso}>{when.format(new Date(iso))}</time> : t('common.never');
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('passkeys.columns.name')}</th>
          <th scope="col">{t('passkeys.columns.created')}</th>
          <th scope="col">{t('passkeys.columns.lastUsed')}</th>
          <th scope="col">{t('passkeys.columns.kind')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {passkeys.length === 0 && (
          <tr>
            <td colSpan={5} className="ui-table__empty">
              {t('passkeys.empty')}
            </td>
          </tr>
        )}
        {passkeys.map((passkey) => (
          <tr key={passkey.id}>
            <th scope="row">
              {passkey.name}
              {passkey.flagged && (
                <>
                  <br />
                  <Badge tone="negative">{t('passkeys.flagged')}</Badge>
                </>
              )}
            </th>
            <td>{date(passkey.createdAt)}</td>
            <td>{date(passkey.lastUsedAt)}</td>
            <td>{t(`passkeys.kind.${kindOf(passkey)}`)}</td>
            <td className="ui-table__actions">
              {onRename && (
                <Button
                  variant="secondary"
                  size="small"
                  aria-label={t('passkeys.renameOne', { name: passkey.name })}
                  onPress={() => onRename(passkey)}
                >
                  {t('passkeys.rename')}
                </Button>
              )}
              <Button
                variant="secondary"
                size="small"
                aria-label={t('passkeys.revokeOne', { name: passkey.name })}
                onPress={() => onRevoke(passkey)}
              >
                {t('passkeys.revoke')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
