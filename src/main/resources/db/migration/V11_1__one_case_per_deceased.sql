-- One case per deceased (issue 12): three applications for one person made three cases, each sent
-- to every agency. A person has at most one case that is not REJECTED; a second application is
-- answered 409 naming it (casefile/OneCasePerDeceased reads this index's name). The uniqueness is
-- here alone, on the normalised ID number (no spaces, upper-case X), so that it can move with the
-- lookups when the ID number becomes a keyed-hash column (encryption at rest).
do $$
declare
    twice text;
begin
    select string_agg(cases, '; ') into twice from (
        select string_agg(case_no, ', ' order by id) as cases from case_file
        where status <> 'REJECTED' group by deceased_id_number having count(*) > 1) d;
    if twice is not null then
        raise exception 'one case per deceased: these cases share a deceased (reject all but one, then start again): %', twice;
    end if;
end
$$;
create unique index case_file_one_case_per_deceased on case_file (deceased_id_number) where status <> 'REJECTED';
