-- complaint_stages_due: the complaints team's worklist counted, for staff who may not see its
-- references: open complaint stages at the as-at date by service area, procedure, stage and due.
SELECT service_area, procedure, stage, due, count(*) AS stages
FROM complaint_worklist
GROUP BY service_area, procedure, stage, due
