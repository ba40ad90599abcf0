import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import type { ModuleManifest } from '../module';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';
import type { FileOwner } from './file-owners';
import { DOCX_MINIMAL, EXE_HEADER, HTML_PAGE, JPEG_HEADER, multipartBody, ODT_MINIMAL, PDF_MINIMAL, PNG_1X1, ZIP_ARCHIVE } from './files-test-fixtures';

const MAX_BYTES = 4096;

/**
 * A test-only module owning "notes": a note's files are read by the users listed as its readers and changed by its
 * writers, as a real module would decide from its own tables. No module uses files yet.
 */
const readers = new Map<string, Set<string>>();
const writers = new Map<string, Set<string>>();
const userIdOf = (actor: { kind: string; userId?: string }) => (actor.kind === 'user' ? actor.userId! : null);
const noteOwner: FileOwner = {
  name: 'filetest.note',
  canRead: async (context, recordId) => readers.get(recordId)?.has(userIdOf(context.actor) ?? '') ?? false,
  canWrite: async (context, recordId) => writers.get(recordId)?.has(userIdOf(context.actor) ?? '') ?? false,
  isSensitive: true,
};
const testModule: ModuleManifest = { name: 'filetest', ownsTables: [], fileOwners: [noteOwner] };

describe('file store over HTTP (ADR 0027)', () => {
  let t: TestApp;
  let writer: SignedIn;
  let reader: SignedIn;
  let outsider: SignedIn;
  let recordCounter = 0;

  /** A note the writer changes and the reader reads; the outsider has no right on it. */
  const newNote = (): string => {
    recordCounter += 1;
    const recordId = `note-${recordCounter}`;
    readers.set(recordId, new Set([writerId, readerId]));
    writers.set(recordId, new Set([writerId]));
    return recordId;
  };
  let writerId = '';
  let readerId = '';

  const upload = (recordId: string, name: string, content: Buffer, as: SignedIn | null = writer) => {
    const body = multipartBody(name, content);
    return t.app.inject({ method: 'POST', url: `/api/files/filetest.note/${recordId}`, payload: body.payload, headers: { ...body.headers, ...(as ? as.writeHeaders : {}) } });
  };
  const countRows = async (recordId: string) => {
    const files = await t.db.pool.query('select count(*)::int as n from stored_files where record_id = $1', [recordId]);
    const contents = await t.db.pool.query('select count(*)::int as n from stored_file_contents c join stored_files f on f.id = c.file_id where f.record_id = $1', [recordId]);
    return { files: files.rows[0].n as number, contents: contents.rows[0].n as number };
  };

  beforeAll(async () => {
    t = await createTestApp([testModule], { files: { maxBytes: MAX_BYTES } });
    const writerUser = await createTestUser(t.system);
    const readerUser = await createTestUser(t.system);
    writerId = writerUser.id;
    readerId = readerUser.id;
    writer = await signIn(t.app, writerUser.email);
    reader = await signIn(t.app, readerUser.email);
    outsider = await signIn(t.app, (await createTestUser(t.system)).email);
  });
  afterAll(() => t.close());

  it('stores an upload and serves the same bytes back as an attachment of its stored type, nosniff, under a sandbox CSP', async () => {
    const recordId = newNote();
    const stored = await upload(recordId, 'Verbale della riunione.pdf', PDF_MINIMAL);
    expect(stored.statusCode, stored.body).toBe(201);
    const file = ZStoredFile.parse(stored.json());
    expect(file).toMatchObject({ owner: 'filetest.note', recordId, name: 'Verbale della riunione.pdf', mediaType: 'application/pdf', sizeBytes: PDF_MINIMAL.length });
    expect(file.sha256).toBe(createHash('sha256').update(PDF_MINIMAL).digest('hex'));

    const download = await t.app.inject({ url: `/api/files/${file.id}`, headers: { cookie: reader.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF_MINIMAL)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Verbale della riunione.pdf"; filename*=UTF-8''Verbale%20della%20riunione.pdf`);
    expect(download.headers['content-security-policy']).toContain("default-src 'none'");
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['cache-control']).toBe('private, no-store');

    const listed = await t.app.inject({ url: `/api/files/filetest.note/${recordId}`, headers: { cookie: reader.cookie } });
    expect(listed.statusCode).toBe(200);
    expect(ZStoredFileList.parse(listed.json()).items.map((item) => item.id)).toEqual([file.id]);

    const audit = await t.db.pool.query("select kind, action, entity_id from audit_log where entity_type = 'file' and entity_id = $1 order by seq", [file.id]);
    expect(audit.rows.map((row) => `${row.kind} ${row.action}`)).toEqual(['write files.store-file', 'read files.download-file']);
  });

  it('keeps PNG, JPEG, ODT, DOCX, CSV and Markdown, each recognized by its content', async () => {
    const recordId = newNote();
    const cases: [string, Buffer, string, string][] = [
      ['foto.png', PNG_1X1, 'image/png', 'foto.png'],
      ['foto.JPEG', JPEG_HEADER, 'image/jpeg', 'foto.JPEG'],
      ['ordine del giorno.odt', ODT_MINIMAL, 'application/vnd.oasis.opendocument.text', 'ordine del giorno.odt'],
      ['relazione', DOCX_MINIMAL, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'relazione.docx'],
      ['presenze.csv', Buffer.from('nome;ente\nAnna;Comune di Pinerolo\n'), 'text/csv', 'presenze.csv'],
      ['note.md', Buffer.from('# Note\n\n- punto uno\n'), 'text/markdown', 'note.md'],
      ['leggimi', Buffer.from('Perché sì: testo semplice.\n'), 'text/plain', 'leggimi.txt'],
    ];
    for (const [name, content, mediaType, storedName] of cases) {
      const stored = await upload(recordId, name, content);
      expect(stored.statusCode, `${name}: ${stored.body}`).toBe(201);
      expect(stored.json(), name).toMatchObject({ mediaType, name: storedName });
    }
    const csv = (await t.app.inject({ url: `/api/files/filetest.note/${recordId}`, headers: { cookie: writer.cookie } })).json().items.find((item: { name: string }) => item.name === 'presenze.csv');
    const download = await t.app.inject({ url: `/api/files/${csv.id}`, headers: { cookie: writer.cookie } });
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('stores a PNG called .pdf as the PNG it is, and refuses an HTML page, an executable or an archive called .pdf (415, nothing stored)', async () => {
    const recordId = newNote();
    const png = await upload(recordId, 'scansione.pdf', PNG_1X1);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ name: 'scansione.png', mediaType: 'image/png' });
    for (const content of [HTML_PAGE, EXE_HEADER, ZIP_ARCHIVE, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')]) {
      const refused = await upload(recordId, 'documento.pdf', content);
      expect(refused.statusCode).toBe(415);
      expect(refused.json()).toMatchObject({ code: 'FILES.TYPE_REFUSED', details: { fields: [{ path: 'file' }] } });
    }
    expect(await countRows(recordId)).toEqual({ files: 1, contents: 1 });
  });

  it('refuses a file over the size limit with 413 and stores nothing; an empty file with 422 naming the file', async () => {
    const recordId = newNote();
    const tooLarge = await upload(recordId, 'grande.txt', Buffer.alloc(MAX_BYTES + 1, 'a'));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'FILES.TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    const empty = await upload(recordId, 'vuoto.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().details.fields[0].path).toBe('file');
    expect(await countRows(recordId)).toEqual({ files: 0, contents: 0 });
    const atLimit = await upload(recordId, 'giusto.txt', Buffer.alloc(MAX_BYTES, 'a'));
    expect(atLimit.statusCode).toBe(201);
  });

  it('sanitizes names: no path, no control or bidirectional characters, no reserved characters, bounded length', async () => {
    const recordId = newNote();
    const cases: [string, string][] = [
      ['..\\..\\windows\\system32\\fattura.pdf', 'fattura.pdf'],
      ['fattura\u202Efdp.pdf', 'fatturafdp.pdf'],
      ['a<b>c:d|e?.pdf', 'a_b_c_d_e_.pdf'],
      [`${'lungo'.repeat(60)}.pdf`, `${'lungo'.repeat(60).slice(0, 146)}.pdf`],
      ['...', 'allegato.pdf'],
    ];
    for (const [sent, expected] of cases) {
      const stored = await upload(recordId, sent, PDF_MINIMAL);
      expect(stored.statusCode, `${sent}: ${stored.body}`).toBe(201);
      expect(stored.json().name, sent).toBe(expected);
    }
    const accented = await upload(recordId, 'Attività è già.pdf', PDF_MINIMAL);
    const download = await t.app.inject({ url: `/api/files/${accented.json().id}`, headers: { cookie: writer.cookie } });
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Attivita e gia.pdf"; filename*=UTF-8''Attivit%C3%A0%20%C3%A8%20gi%C3%A0.pdf`);
  });

  it('lets only those the owner module allows read, list, attach and remove; everyone else gets 401/403/404', async () => {
    const recordId = newNote();
    const file = ZStoredFile.parse((await upload(recordId, 'riservato.pdf', PDF_MINIMAL)).json());

    // The outsider: the file and the record do not exist for them.
    expect((await t.app.inject({ url: `/api/files/${file.id}`, headers: { cookie: outsider.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/files/filetest.note/${recordId}`, headers: { cookie: outsider.cookie } })).statusCode).toBe(404);
    expect((await upload(recordId, 'altro.pdf', PDF_MINIMAL, outsider)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/files/${file.id}`, headers: outsider.writeHeaders })).statusCode).toBe(404);
    // Anonymous visitors.
    expect((await t.app.inject({ url: `/api/files/${file.id}` })).statusCode).toBe(404);
    expect((await upload(recordId, 'altro.pdf', PDF_MINIMAL, null)).statusCode).toBe(401);
    // The reader sees the record but may not change its files.
    expect((await upload(recordId, 'altro.pdf', PDF_MINIMAL, reader)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/files/${file.id}`, headers: reader.writeHeaders })).statusCode).toBe(403);
    // The right is checked before the body is read: no form at all is still 401/404, not 415.
    expect((await t.app.inject({ method: 'POST', url: `/api/files/filetest.note/${recordId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/files/filetest.note/${recordId}`, payload: { x: 1 }, headers: outsider.writeHeaders })).statusCode).toBe(404);
    // A record kind no module declares: nobody reads or attaches anything.
    const body = multipartBody('x.pdf', PDF_MINIMAL);
    expect((await t.app.inject({ method: 'POST', url: `/api/files/nobody.thing/${recordId}`, payload: body.payload, headers: { ...body.headers, ...writer.writeHeaders } })).statusCode).toBe(404);
    expect(await countRows(recordId)).toEqual({ files: 1, contents: 1 });

    // A right the owner withdraws is withdrawn from the file too.
    readers.get(recordId)!.delete(readerId);
    expect((await t.app.inject({ url: `/api/files/${file.id}`, headers: { cookie: reader.cookie } })).statusCode).toBe(404);

    const refusals = await t.db.pool.query("select count(*)::int as n from audit_log where kind = 'refused' and entity_id = $1", [file.id]);
    expect(refusals.rows[0].n).toBeGreaterThan(0);
  });

  it('removes a file for a writer, bytes included, and audits what it was', async () => {
    const recordId = newNote();
    const file = ZStoredFile.parse((await upload(recordId, 'bozza.pdf', PDF_MINIMAL)).json());
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/files/${file.id}`, headers: writer.writeHeaders });
    expect(removed.statusCode).toBe(204);
    expect(await countRows(recordId)).toEqual({ files: 0, contents: 0 });
    expect((await t.app.inject({ url: `/api/files/${file.id}`, headers: { cookie: writer.cookie } })).statusCode).toBe(404);
    const audit = await t.db.pool.query("select before from audit_log where action = 'files.delete-file' and entity_id = $1", [file.id]);
    expect(audit.rows[0].before).toMatchObject({ name: 'bozza.pdf', sha256: file.sha256 });
  });

  it('asks for multipart/form-data (415) and for a file part (422 naming the file)', async () => {
    const recordId = newNote();
    const json = await t.app.inject({ method: 'POST', url: `/api/files/filetest.note/${recordId}`, payload: { content: 'x' }, headers: writer.writeHeaders });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('FILES.MULTIPART_REQUIRED');
    const boundary = 'b0undary';
    const onlyField = await t.app.inject({
      method: 'POST', url: `/api/files/filetest.note/${recordId}`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nciao\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...writer.writeHeaders },
    });
    expect(onlyField.statusCode).toBe(422);
    expect(onlyField.json().details.fields[0]).toMatchObject({ path: 'file', reason: 'required' });
  });
});
