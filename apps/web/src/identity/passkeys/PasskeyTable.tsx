import type { Passkey } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Button, DataTable, useDateTimeFormat, type Column } from '../../ui';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Synced passkeys live in a cloud keychain; device-bound ones never leave their authenticator. */
function kindOf(passkey: Passkey): 'synced' | 'deviceBound' {
  return passkey.backedUp || passkey.deviceType === 'multiDevice' ? 'synced' : 'deviceBound';
}

export function PasskeyTable({
  caption,
  passkeys,
  isLoading,
  onRename,
  onRevoke,
}: {
  caption: string;
  passkeys: readonly Passkey[] | undefined;
  isLoading: boolean;
  onRename?: (passkey: Passkey) => void;
  onRevoke: (passkey: Passkey) => void;
}) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  const date = (iso: string | null) =>
    iso ? <time dateTime={iso}>{when.format(new Date(iso))}</time> : t('common.never');
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
    {
      key: 'created',
      heading: t('passkeys.columns.created'),
      cell: (passkey) => date(passkey.createdAt),
    },
    {
      key: 'lastUsed',
      heading: t('passkeys.columns.lastUsed'),
      cell: (passkey) => date(passkey.lastUsedAt),
    },
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
      rows={passkeys}
      rowKey={(passkey) => passkey.id}
      isLoading={isLoading}
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
