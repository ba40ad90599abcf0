import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatFileSize } from '../../app/format';
import { Loading } from '../../ui/loading';
import { groupsDownloads } from './groups-paths';
import { meetingFilesQuery, removeFile, uploadMeetingFile } from './groups.queries';


/** The meeting's documents: download for whoever reads the meeting, attach and remove for its writers. */
export function MeetingDocuments({ meetingId, canAttach }: { meetingId: string; canAttach: boolean }) {
  const { t, i18n } = useTranslation('groups');
  const queryClient = useQueryClient();
  const files = useQuery(meetingFilesQuery(meetingId));
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [isBusy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingFilesQuery(meetingId).queryKey });
  return (
    <section aria-labelledby="meeting-documents-heading" className="mt-5">
      <h2 id="meeting-documents-heading" className="h4">
        {t('documents.title')}
      </h2>
      {files.isPending && <Loading />}
      {files.isError && <ApiErrorAlert error={files.error} />}
      {files.data &&
        (files.data.length === 0 ? (
          <p>{t('documents.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {files.data.map((file) => (
              <li key={file.id} className="mb-2 d-flex flex-wrap gap-2 align-items-center">
                <a href={groupsDownloads.file(file.id)} download={file.name}>
                  {t('documents.download', { name: file.name })}
                </a>
                <span className="small">({formatFileSize(file.sizeBytes, i18n.language)})</span>
                {canAttach && (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    disabled={isBusy}
                    onClick={async () => {
                      setBusy(true);
                      setError(null);
                      try {
                        await removeFile(file.id);
                        setNotice(t('documents.removed', { name: file.name }));
                        await refresh();
                      } catch (caught) {
                        setError(caught);
                      } finally {
                        setBusy(false);
                      }
                    }}
                  >
                    {t('documents.remove')}
                    <span className="visually-hidden"> — {file.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {canAttach && (
        <form
          className="mt-3"
          aria-label={t('documents.attachTitle')}
          onSubmit={async (event) => {
            event.preventDefault();
            if (!chosen) return;
            setBusy(true);
            setError(null);
            setNotice('');
            try {
              const stored = await uploadMeetingFile(meetingId, chosen);
              setNotice(t('documents.attached', { name: stored.name }));
              setChosen(null);
              if (input.current) input.current.value = '';
              await refresh();
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <div className="form-group">
            <label htmlFor="meeting-document" className="active">
              {t('documents.choose')}
            </label>
            <input ref={input} id="meeting-document" type="file" className="form-control" aria-describedby="meeting-document-help" onChange={(event) => setChosen(event.target.files?.[0] ?? null)} />
            <small id="meeting-document-help" className="form-text">
              {t('documents.help')}
            </small>
          </div>
          <button type="submit" className="btn btn-outline-primary" disabled={isBusy || !chosen}>
            {t('documents.attach')}
          </button>
        </form>
      )}
      <div role="status" className="mt-2">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </section>
  );
}
