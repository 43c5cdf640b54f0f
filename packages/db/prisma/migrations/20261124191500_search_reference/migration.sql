-- Search finds a project by its reference too: searchText now starts with the lower-cased
-- reference (see projectSearchText in the domain package). Existing rows get it here.
UPDATE "Project" SET "searchText" = lower("reference") || E'\n' || "searchText"
WHERE "searchText" NOT LIKE lower("reference") || E'\n%';
