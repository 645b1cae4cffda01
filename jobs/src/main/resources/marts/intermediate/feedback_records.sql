-- feedback_records: the current feedback_records, as the marts count them: every record the CMS holds today, never a
-- deleted one. conformed_feedback_records is the conformed table whole, tombstones (is_deleted) included.
SELECT * FROM conformed_feedback_records WHERE NOT is_deleted
