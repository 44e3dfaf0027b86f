-- Why a case is ON_HOLD, for programs (status_reason says it to people): CERTIFICATE_VOIDED (its
-- death certificate was voided by the issuer) or NAME_MISMATCH (the application and the death
-- certificate for the same ID number carry different names: nothing is sent until an operator
-- confirms it is the same person, or rejects the case; POST /api/v1/applications/{caseNo}/hold/...).
alter table case_file add column hold varchar(24);
