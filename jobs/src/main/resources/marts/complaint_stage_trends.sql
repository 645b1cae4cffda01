-- complaint_stage_trends: the report's Graph 5, complaints by procedure and stage over the years:
-- received in the year; carried in (received before the year, not answered before it began); worked on
-- (carried in + received); and the same for the SEND service (SAT, SEND district teams, educational
-- psychology). A row for every financial year and every procedure and stage.
WITH complaints AS (
  SELECT r.financial_year, r.procedure, r.stage, r.received, r.carried_in, a.send_service
  FROM record_years r
  JOIN service_areas a ON a.code = r.service_area
  WHERE r.feedback_type = 'COMPLAINT' AND (r.received OR r.carried_in)
),
stages AS (
  SELECT procedure, stage FROM VALUES ('STATUTORY', 1), ('STATUTORY', 2), ('STATUTORY', 3),
                                      ('CORPORATE', 1), ('CORPORATE', 2), ('CORPORATE', 3) AS s(procedure, stage)
),
in_year AS (
  SELECT y.financial_year, s.procedure, s.stage, c.send_service, c.received, c.carried_in
  FROM financial_years y
  CROSS JOIN stages s
  LEFT JOIN complaints c
    ON c.financial_year = y.financial_year AND c.procedure = s.procedure AND c.stage = s.stage
)
SELECT financial_year, procedure, stage,
       count_if(received)                                AS received,
       count_if(carried_in)                              AS carried_in,
       count_if(received OR carried_in)                  AS worked_on,
       count_if(received AND send_service)               AS send_received,
       count_if(carried_in AND send_service)             AS send_carried_in,
       count_if((received OR carried_in) AND send_service) AS send_worked_on
FROM in_year
GROUP BY financial_year, procedure, stage
