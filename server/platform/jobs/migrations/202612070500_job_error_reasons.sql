-- Why a job's last attempt failed, as a code the jobs page says in words ('mail.recipient-refused', 'jobs.bad-payload'):
-- null when the handler failed in a way nobody named (the page then says "unexpected error" and keeps the raw message,
-- last_error, in its technical details).
alter table jobs add column last_error_reason text check (last_error_reason is null or length(last_error_reason) between 1 and 100);
