-- Attachments (server/platform/files, ADR 0027): one store for every module, in the database so that one backup holds
-- everything and every app process reads the same files. What a file is (its record, name, type, size, hash) lives in
-- stored_files whatever keeps its bytes; the bytes of the database backend live in stored_file_contents, apart, so
-- listing a record's attachments never touches them and another backend (S3-compatible) only replaces that table.
create table stored_files (
  id uuid primary key default gen_random_uuid(),
  -- The record the file belongs to: `<module>.<record kind>` declared by the module that owns it, and the record's id.
  owner text not null check (owner ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$' and length(owner) <= 100),
  record_id text not null check (record_id ~ '^[A-Za-z0-9_-]{1,100}$'),
  name text not null check (length(name) between 1 and 255),
  media_type text not null check (length(media_type) between 3 and 255),
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Where the bytes are: only the database today.
  storage text not null default 'database' check (storage in ('database')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index stored_files_by_record on stored_files (owner, record_id, created_at, id);

create table stored_file_contents (
  file_id uuid primary key references stored_files (id) on delete cascade,
  content bytea not null
);
