-- Where an organization's record comes from when it was loaded from a public list (e.g. "Agenzia delle Entrate –
-- elenchi 5x1000 2022 (onData)"): shown on its page and in the registry. Null for organizations typed in.
alter table organizations add column source text;

-- Imports that proposed kinds (files without a kind column) keep the kinds the person confirmed, so a resumed import
-- applies the same ones; rows whose municipality code was mapped to its successor get a note in the report.
alter table organization_imports
  add column source text,
  add column kind_choices jsonb,
  add column kind_inferred_count integer not null default 0,
  add column notes jsonb not null default '[]';
