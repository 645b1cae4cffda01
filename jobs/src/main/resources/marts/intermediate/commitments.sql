-- commitments: every commitment made in a complaint response (actions.csv) that still stands: a
-- CANCELLED one does not count. Each carries its record's case and service area (UNKNOWN when the
-- warehouse holds no such record).
SELECT a.*, f.case_ref, coalesce(f.service_area, 'UNKNOWN') AS service_area
FROM actions a
LEFT JOIN feedback_records f ON f.record_id = a.record_id
WHERE coalesce(a.status, '') <> 'CANCELLED'
