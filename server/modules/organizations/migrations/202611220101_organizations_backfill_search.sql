-- Data backfill for rows created before the registry columns existed (the demo organizations).
update organizations
set name_folded = lower(legal_name),
    search_document = lower(legal_name || ' ' || coalesce(short_name, '') || ' ' || description)
where name_folded = '';
