-- SMTP delivery settings (one row, platform administrators only). Without a host the outbox is not delivered: the
-- messages stay readable by the coordinators, which is how the demo works. The password is never returned by the
-- API (only whether one is set); it is stored as given, so protect database backups as you protect the server.
create table mail_settings (
  id smallint primary key default 1 check (id = 1),
  smtp_host text,
  smtp_port integer not null default 587 check (smtp_port between 1 and 65535),
  -- true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
  smtp_secure boolean not null default false,
  smtp_user text,
  smtp_password text,
  from_address text,
  -- The address the platform is reached at (https://distretto.example.it), used to build links in e-mails;
  -- null: the address of the request that caused the e-mail.
  public_base_url text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
insert into mail_settings (id) values (1);
