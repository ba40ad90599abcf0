-- The default taxonomy (documented in docs/adr/0013-services-taxonomy-and-search.md): a two-level tree of personal
-- and family services. Ids are derived from the code (md5 → uuid) so every installation exports the same HSDS ids.
-- Admins may edit labels and add terms afterwards; this is the starting point, a data migration kept apart from
-- the schema.
insert into service_taxonomies (id, name, description, uri, version) values (
  md5('distretto:taxonomy:servizi-persona')::uuid,
  'Distretto — servizi alla persona e alla famiglia',
  'Tassonomia predefinita di Distretto: servizi alla persona e alla famiglia in due livelli, etichette in italiano e in inglese.',
  null, '1');

insert into service_taxonomy_terms (id, taxonomy_id, code, parent_id, label_it, label_en, position)
select id, taxonomy_id, code, parent_id, label_it, label_en, position from (values
  (md5('distretto:term:infanzia')::uuid, 'infanzia', null, 'Cura dell''infanzia', 'Childcare', 0),
  (md5('distretto:term:anziani')::uuid, 'anziani', null, 'Cura delle persone anziane', 'Care of older people', 1),
  (md5('distretto:term:disabilita')::uuid, 'disabilita', null, 'Disabilità', 'Disability', 2),
  (md5('distretto:term:salute')::uuid, 'salute', null, 'Salute e benessere', 'Health and well-being', 3),
  (md5('distretto:term:lavoro')::uuid, 'lavoro', null, 'Formazione e inserimento lavorativo', 'Training and work inclusion', 4),
  (md5('distretto:term:casa')::uuid, 'casa', null, 'Abitare', 'Housing', 5),
  (md5('distretto:term:reddito')::uuid, 'reddito', null, 'Sostegno al reddito', 'Income support', 6),
  (md5('distretto:term:mobilita')::uuid, 'mobilita', null, 'Mobilità', 'Mobility', 7),
  (md5('distretto:term:cultura')::uuid, 'cultura', null, 'Cultura e tempo libero', 'Culture and free time', 8),
  (md5('distretto:term:welfare-aziendale')::uuid, 'welfare-aziendale', null, 'Benefit di welfare aziendale', 'Company-welfare benefits', 9),
  (md5('distretto:term:infanzia.nidi')::uuid, 'infanzia.nidi', md5('distretto:term:infanzia')::uuid, 'Asili nido e micronidi', 'Nurseries', 0),
  (md5('distretto:term:infanzia.centri-estivi')::uuid, 'infanzia.centri-estivi', md5('distretto:term:infanzia')::uuid, 'Centri estivi', 'Summer camps', 1),
  (md5('distretto:term:infanzia.doposcuola')::uuid, 'infanzia.doposcuola', md5('distretto:term:infanzia')::uuid, 'Doposcuola e sostegno scolastico', 'After-school and homework support', 2),
  (md5('distretto:term:infanzia.babysitting')::uuid, 'infanzia.babysitting', md5('distretto:term:infanzia')::uuid, 'Baby sitting e assistenza ai bambini', 'Babysitting', 3),
  (md5('distretto:term:anziani.assistenza-domiciliare')::uuid, 'anziani.assistenza-domiciliare', md5('distretto:term:anziani')::uuid, 'Assistenza domiciliare', 'Home care', 0),
  (md5('distretto:term:anziani.centri-diurni')::uuid, 'anziani.centri-diurni', md5('distretto:term:anziani')::uuid, 'Centri diurni per anziani', 'Day centres for older people', 1),
  (md5('distretto:term:anziani.residenze')::uuid, 'anziani.residenze', md5('distretto:term:anziani')::uuid, 'Residenze e RSA', 'Care homes', 2),
  (md5('distretto:term:anziani.assistenza-familiare')::uuid, 'anziani.assistenza-familiare', md5('distretto:term:anziani')::uuid, 'Assistenza familiare (badanti)', 'Family care workers', 3),
  (md5('distretto:term:anziani.teleassistenza')::uuid, 'anziani.teleassistenza', md5('distretto:term:anziani')::uuid, 'Teleassistenza e telesoccorso', 'Telecare', 4),
  (md5('distretto:term:disabilita.centri-diurni')::uuid, 'disabilita.centri-diurni', md5('distretto:term:disabilita')::uuid, 'Centri diurni per persone con disabilità', 'Day centres for people with disabilities', 0),
  (md5('distretto:term:disabilita.vita-indipendente')::uuid, 'disabilita.vita-indipendente', md5('distretto:term:disabilita')::uuid, 'Vita indipendente e dopo di noi', 'Independent living', 1),
  (md5('distretto:term:disabilita.sostegno-educativo')::uuid, 'disabilita.sostegno-educativo', md5('distretto:term:disabilita')::uuid, 'Sostegno educativo', 'Educational support', 2),
  (md5('distretto:term:disabilita.residenze')::uuid, 'disabilita.residenze', md5('distretto:term:disabilita')::uuid, 'Comunità e residenze', 'Residential communities', 3),
  (md5('distretto:term:salute.supporto-psicologico')::uuid, 'salute.supporto-psicologico', md5('distretto:term:salute')::uuid, 'Supporto psicologico', 'Psychological support', 0),
  (md5('distretto:term:salute.prevenzione')::uuid, 'salute.prevenzione', md5('distretto:term:salute')::uuid, 'Prevenzione e screening', 'Prevention and screening', 1),
  (md5('distretto:term:salute.consultori')::uuid, 'salute.consultori', md5('distretto:term:salute')::uuid, 'Consultori e salute della famiglia', 'Family health clinics', 2),
  (md5('distretto:term:salute.attivita-fisica')::uuid, 'salute.attivita-fisica', md5('distretto:term:salute')::uuid, 'Attività fisica e benessere', 'Physical activity and well-being', 3),
  (md5('distretto:term:lavoro.orientamento')::uuid, 'lavoro.orientamento', md5('distretto:term:lavoro')::uuid, 'Orientamento e accompagnamento al lavoro', 'Career guidance', 0),
  (md5('distretto:term:lavoro.formazione')::uuid, 'lavoro.formazione', md5('distretto:term:lavoro')::uuid, 'Corsi di formazione', 'Training courses', 1),
  (md5('distretto:term:lavoro.tirocini')::uuid, 'lavoro.tirocini', md5('distretto:term:lavoro')::uuid, 'Tirocini e borse lavoro', 'Traineeships', 2),
  (md5('distretto:term:lavoro.inserimento')::uuid, 'lavoro.inserimento', md5('distretto:term:lavoro')::uuid, 'Inserimento lavorativo di persone svantaggiate', 'Work inclusion of disadvantaged people', 3),
  (md5('distretto:term:casa.emergenza-abitativa')::uuid, 'casa.emergenza-abitativa', md5('distretto:term:casa')::uuid, 'Emergenza abitativa e accoglienza', 'Emergency housing and shelter', 0),
  (md5('distretto:term:casa.housing-sociale')::uuid, 'casa.housing-sociale', md5('distretto:term:casa')::uuid, 'Housing sociale e coabitazione', 'Social housing and co-living', 1),
  (md5('distretto:term:casa.sostegno-affitto')::uuid, 'casa.sostegno-affitto', md5('distretto:term:casa')::uuid, 'Sostegno all''affitto', 'Rent support', 2),
  (md5('distretto:term:reddito.contributi')::uuid, 'reddito.contributi', md5('distretto:term:reddito')::uuid, 'Contributi economici', 'Financial aid', 0),
  (md5('distretto:term:reddito.aiuti-alimentari')::uuid, 'reddito.aiuti-alimentari', md5('distretto:term:reddito')::uuid, 'Aiuti alimentari ed empori solidali', 'Food aid', 1),
  (md5('distretto:term:reddito.microcredito')::uuid, 'reddito.microcredito', md5('distretto:term:reddito')::uuid, 'Microcredito e educazione finanziaria', 'Microcredit and financial education', 2),
  (md5('distretto:term:mobilita.trasporto-sociale')::uuid, 'mobilita.trasporto-sociale', md5('distretto:term:mobilita')::uuid, 'Trasporto sociale e accompagnamento', 'Social transport and escort', 0),
  (md5('distretto:term:mobilita.trasporto-scolastico')::uuid, 'mobilita.trasporto-scolastico', md5('distretto:term:mobilita')::uuid, 'Trasporto scolastico', 'School transport', 1),
  (md5('distretto:term:cultura.socializzazione')::uuid, 'cultura.socializzazione', md5('distretto:term:cultura')::uuid, 'Attività di socializzazione', 'Social activities', 0),
  (md5('distretto:term:cultura.sport')::uuid, 'cultura.sport', md5('distretto:term:cultura')::uuid, 'Sport per tutti', 'Sport for all', 1),
  (md5('distretto:term:cultura.corsi')::uuid, 'cultura.corsi', md5('distretto:term:cultura')::uuid, 'Corsi e laboratori', 'Courses and workshops', 2),
  (md5('distretto:term:welfare-aziendale.conciliazione')::uuid, 'welfare-aziendale.conciliazione', md5('distretto:term:welfare-aziendale')::uuid, 'Conciliazione vita-lavoro', 'Work-life balance', 0),
  (md5('distretto:term:welfare-aziendale.sportello')::uuid, 'welfare-aziendale.sportello', md5('distretto:term:welfare-aziendale')::uuid, 'Sportello welfare per dipendenti', 'Welfare desk for employees', 1),
  (md5('distretto:term:welfare-aziendale.buoni-servizi')::uuid, 'welfare-aziendale.buoni-servizi', md5('distretto:term:welfare-aziendale')::uuid, 'Buoni e rimborsi per servizi alla persona', 'Vouchers for personal services', 2)
) as t (id, code, parent_id, label_it, label_en, position)
cross join lateral (select md5('distretto:taxonomy:servizi-persona')::uuid as taxonomy_id) x;
