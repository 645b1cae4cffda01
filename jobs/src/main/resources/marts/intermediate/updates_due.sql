-- updates_due: every update promised to a complainant (contacts.csv) that was due by the as-at date,
-- with its record's case and service area (UNKNOWN when the warehouse holds no such record).
SELECT c.*, f.case_ref, coalesce(f.service_area, 'UNKNOWN') AS service_area
FROM contacts c
LEFT JOIN feedback_records f ON f.record_id = c.record_id
WHERE c.due_date <= (SELECT as_at_date FROM as_at)
