-- Every e-mail the platform sends is first written here, in the same transaction as the change that causes it.
-- With SMTP configured a sender delivers queued messages and marks them sent (or failed, with the error); without
-- SMTP they stay here as the outbox a coordinator reads, so invitations and notifications work in the demo.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  body_text text not null,
  -- What the message is about, so the outbox can be filtered per survey, proposal, referral…
  topic_type text not null,
  topic_id uuid,
  -- Who may read it in the outbox: the coordinators of this district (null: platform administrators only).
  district_id uuid,   -- no foreign key: the platform does not depend on the districts module
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_status_idx on mail_outbox (status, created_at);
create index mail_outbox_topic_idx on mail_outbox (topic_type, topic_id);
create index mail_outbox_district_idx on mail_outbox (district_id, created_at desc);
