-- ISTAT's history of municipality codes: every code no longer current, and the current code that holds its territory
-- when the sources let it be derived (server/modules/territory/municipality-code-history.ts). Reference data written
-- by the territory import; data naming an old code still resolves through it.
create table municipality_code_variations (
  suppressed_code text primary key check (suppressed_code ~ '^\d{6}$'),
  suppressed_name text not null,
  -- The ISTAT province code of the suppressed code's last period (it may no longer exist: no foreign key).
  province_code text not null check (province_code ~ '^\d{3}$'),
  -- The day the variation took effect; null when the sources say it happened, not when (see the derivation).
  ceased_on date,
  -- A code of the current list; null: ceased, successor not derivable (reported as unmapped, never guessed). No
  -- foreign key: the history is the whole country's, loaded whole even when only some regions' municipalities are.
  successor_code text check (successor_code ~ '^\d{6}$'),
  successor_name text,
  reason text not null check (reason in ('merged', 'recoded', 'successor_unknown')),
  check ((successor_code is null) = (reason = 'successor_unknown')),
  check ((successor_code is null) = (successor_name is null))
);
create index municipality_code_variations_successor_idx on municipality_code_variations (successor_code);

-- The municipality's own fiscal code (the public body's codice fiscale) from ISTAT's current list.
alter table municipalities add column fiscal_code text check (fiscal_code is null or fiscal_code ~ '^\d{11}$');
