-- complaints_not_accepted: the current complaints the council refused to take, with why (not_accepted_reason:
-- NOT_A_COMPLAINT, OUT_OF_TIME, OTHER_ROUTE, UNREASONABLE_BEHAVIOUR, OTHER). The Complaint Handling Code's annual
-- report counts them apart from the complaints received; no other mart counts them.
SELECT * FROM conformed_feedback_records
WHERE NOT is_deleted AND not_accepted_reason IS NOT NULL AND feedback_type = 'COMPLAINT'
