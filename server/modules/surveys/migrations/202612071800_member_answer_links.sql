-- A signed-in member of an invited organization opens the answer page from their home (issue 14), without the
-- mailed link: the answer page gets a second token of the same invitation, issued to the member (only its SHA-256 is
-- kept, like the mailed one). Issuing it again replaces only this one, so the mailed link keeps working.
alter table survey_invitations add column member_token_hash text unique;
