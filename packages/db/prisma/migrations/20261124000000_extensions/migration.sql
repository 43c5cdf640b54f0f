-- Trigram matching for search in English and Japanese (Japanese has no spaces between words).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
