import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page, useErrorMessage } from '../platform';
import { Alert, Button } from '../ui';
import { AuditTable } from './AuditTable';
import { draftOf, filterOf, Filters, paramsOf } from './Filters';
import { useAuditLog } from './queries';
import { useExport } from './use-export';
import './audit.css';

export function AuditPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const applied = draftOf(params);
  const filter = filterOf(applied);
  const log = useAuditLog(filter);
  const exporter = useExport();
  const entries = log.data?.pages.flatMap((page) => page.entries);

  return (
    <Page
      title={t('audit.title')}
      lead={t('audit.lead')}
      actions={
        <Button
          variant="secondary"
          isPending={exporter.busy}
          onPress={() => void exporter.start(filter)}
        >
          {t('audit.export')}
        </Button>
      }
    >
      <Filters
        key={params.toString()}
        applied={applied}
        onApply={(draft) => setParams(paramsOf(draft), { replace: true })}
      />
      {exporter.error && <Alert tone="error">{exporter.error}</Alert>}
      <AuditTable entries={entries} isLoading={log.isPending} error={describe(log.error)} />
      {entries && (
        <div className="audit__more">
          <p className="ui-table__muted" role="status">
            {t('audit.shown', { number: entries.length })}
          </p>
          {log.hasNextPage && (
            <Button
              variant="secondary"
              isPending={log.isFetchingNextPage}
              onPress={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t('common.loading') : t('audit.more')}
            </Button>
          )}
        </div>
      )}
    </Page>
  );
}
