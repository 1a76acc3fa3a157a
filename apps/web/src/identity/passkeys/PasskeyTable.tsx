import type { Passkey } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../platform';
import { Badge, Button, DataTable, timeColumn, useDateTimeFormat, type Column } from '../../ui';
import type { ListQuery } from '../list-query';

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
  passkeys: ListQuery<Passkey>;
  onRename?: (passkey: Passkey) => void;
  onRevoke: (passkey: Passkey) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const when = useDateTimeFormat(WHEN);
  const columns: Column<Passkey>[] = [
    {
      key: 'name',
      heading: t('passkeys.columns.name'),
      primary: true,
      cell: (passkey) => (
        <>
          {passkey.name}
          {passkey.flagged && (
            <>
              <br />
              <Badge tone="negative">{t('passkeys.flagged')}</Badge>
            </>
          )}
        </>
      ),
    },
    timeColumn('created', t('passkeys.columns.created'), (p) => p.createdAt, when),
    timeColumn(
      'lastUsed',
      t('passkeys.columns.lastUsed'),
      (p) => p.lastUsedAt,
      when,
      t('common.never'),
    ),
    {
      key: 'kind',
      heading: t('passkeys.columns.kind'),
      cell: (passkey) => t(`passkeys.kind.${kindOf(passkey)}`),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={passkeys.data}
      rowKey={(passkey) => passkey.id}
      isLoading={passkeys.isPending}
      error={describe(passkeys.error)}
      empty={t('passkeys.empty')}
      actions={(passkey) => (
        <>
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
        </>
      )}
    />
  );
}
