-- feedback_records: the current feedback_records, as the marts count them: every record the CMS holds today, never a
-- deleted one, and never a complaint the council refused to take (not_accepted_reason, release 1.1 of the
-- contract): that counts as refused, not received (complaints_not_accepted). conformed_feedback_records is the
-- conformed table whole, tombstones (is_deleted) included.
SELECT * FROM conformed_feedback_records WHERE NOT is_deleted AND not_accepted_reason IS NULL
