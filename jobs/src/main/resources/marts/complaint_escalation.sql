-- complaint_escalation: complaint cases by the financial year their stage 1 was received, the
-- procedure and the service area of that stage 1: how many went on to stage 2, to stage 3, and to the
-- ombudsman (an LGO_ENQUIRY row with the case's case_ref), with shares of the stage 1 cases. Cases
-- from recent months may still escalate.
WITH stage1 AS (
  SELECT case_ref,
         min(received_date)                  AS received_date,
         min_by(procedure, received_date)    AS procedure,
         min_by(service_area, received_date) AS service_area
  FROM feedback_records
  WHERE feedback_type = 'COMPLAINT' AND stage = 1
  GROUP BY case_ref
),
later AS (
  SELECT case_ref,
         bool_or(feedback_type = 'COMPLAINT' AND stage = 2)  AS to_stage2,
         bool_or(feedback_type = 'COMPLAINT' AND stage = 3)  AS to_stage3,
         bool_or(feedback_type = 'LGO_ENQUIRY')              AS to_ombudsman
  FROM feedback_records
  GROUP BY case_ref
)
SELECT financial_year(s.received_date) AS financial_year, s.procedure, s.service_area,
       count(*)                 AS stage1_cases,
       count_if(l.to_stage2)    AS to_stage2,
       count_if(l.to_stage3)    AS to_stage3,
       count_if(l.to_ombudsman) AS to_ombudsman,
       round(count_if(l.to_stage2) / count(*), 4)    AS to_stage2_share,
       round(count_if(l.to_stage3) / count(*), 4)    AS to_stage3_share,
       round(count_if(l.to_ombudsman) / count(*), 4) AS to_ombudsman_share
FROM stage1 s
JOIN later l ON l.case_ref = s.case_ref
GROUP BY 1, 2, 3
