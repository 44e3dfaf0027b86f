-- Who may read a case (issue 15): a channel its own families' cases (the applicant, on the channel
-- they applied through, or on another channel with the case's access code), a window clerk their
-- service centre's cases.
alter table case_file
    add column service_centre     varchar(40),               -- the window's 政务服务中心, for a window case
    add column access_code_sha256 char(64);                  -- SHA-256 of the family's access code (查询码)
create index case_file_service_centre_idx on case_file (service_centre, created_at desc, id desc)
    where service_centre is not null;
