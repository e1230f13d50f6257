-- 0042: kept answers stored as they are, not compressed.
--
-- A kept answer is read far more often than it is written, and every read
-- sent the whole text: a project page of 160 kB, compressed to 26 kB,
-- was decompressed for each of thousands of reads a second, which cost
-- more than reading it whole (make bench: the page served about a fifth
-- faster stored as it is).  It still lives out of line, in TOAST.
ALTER TABLE kept_reads ALTER COLUMN body SET STORAGE EXTERNAL;
