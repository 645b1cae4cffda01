-- send_complaints: the SEND/SAT combined view. Complaints about the SEND service (SAT, SEND district
-- teams, educational psychology) by year, procedure, stage and service area: received and worked on in
-- the year (as complaint_stage_trends), and of those answered in the year, how they ended and how many
-- were sent outside their timescale.
WITH send AS (
  SELECT c.*
  FROM complaint_stages c
  JOIN service_areas a ON a.code = c.service_area AND a.send_service
),
received AS (
  SELECT r.financial_year, r.procedure, r.stage, r.service_area,
         count_if(r.received) AS received,
         count(*)             AS worked_on
  FROM record_years r
  JOIN service_areas a ON a.code = r.service_area AND a.send_service
  WHERE r.feedback_type = 'COMPLAINT' AND (r.received OR r.carried_in)
  GROUP BY 1, 2, 3, 4
),
concluded AS (
  SELECT financial_year(response_date) AS financial_year, procedure, stage, service_area,
         count(*)                               AS concluded,
         count_if(outcome = 'UPHELD')           AS upheld,
         count_if(outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
         count_if(response_date > deadline)     AS outside_timescale
  FROM send
  WHERE response_date IS NOT NULL
  GROUP BY 1, 2, 3, 4
)
SELECT coalesce(r.financial_year, c.financial_year) AS financial_year,
       coalesce(r.procedure, c.procedure)           AS procedure,
       coalesce(r.stage, c.stage)                   AS stage,
       coalesce(r.service_area, c.service_area)     AS service_area,
       coalesce(r.received, 0)                      AS received,
       coalesce(r.worked_on, 0)                     AS worked_on,
       coalesce(c.concluded, 0)                     AS concluded,
       coalesce(c.upheld, 0)                        AS upheld,
       coalesce(c.partially_upheld, 0)              AS partially_upheld,
       coalesce(c.outside_timescale, 0)             AS outside_timescale
FROM received r
FULL OUTER JOIN concluded c
  ON c.financial_year = r.financial_year AND c.procedure = r.procedure AND c.stage = r.stage
 AND c.service_area = r.service_area
