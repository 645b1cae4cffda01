-- lgo_annual_letter: the three figures the Local Government and Social Care Ombudsman's annual review letter
-- gives a council, per financial year, as the Ombudsman defines them, worked out before the letter comes.
-- decisions: ombudsman enquiries decided in the year (response_date). investigated: of those, investigated in
-- detail (UPHELD, PARTIALLY_UPHELD, NOT_UPHELD; the Ombudsman counts any fault found as upheld); upheld and
-- upheld_rate = upheld / investigated. recommendations_due: LGO_RECOMMENDATION actions due in the year by the
-- as-at date (not cancelled); recommendations_on_time: of those, completed by their due date; compliance_rate =
-- on time / due. remedied_by_council: upheld decisions where the council had already offered a satisfactory
-- remedy (remedy_before_lgo); satisfactory_remedy_rate = remedied / upheld. A rate is null where it divides by 0.
WITH decided AS (
  SELECT financial_year(response_date) AS financial_year,
         count(*) AS decisions,
         count_if(outcome IN ('UPHELD', 'PARTIALLY_UPHELD', 'NOT_UPHELD')) AS investigated,
         count_if(outcome IN ('UPHELD', 'PARTIALLY_UPHELD')) AS upheld,
         count_if(outcome IN ('UPHELD', 'PARTIALLY_UPHELD') AND coalesce(remedy_before_lgo, false))
           AS remedied_by_council
  FROM feedback_records
  WHERE feedback_type = 'LGO_ENQUIRY' AND response_date IS NOT NULL AND outcome IS NOT NULL
  GROUP BY 1
),
recommended AS (
  SELECT financial_year(due_date) AS financial_year,
         count(*) AS recommendations_due,
         count_if(completed_date IS NOT NULL AND completed_date <= due_date) AS recommendations_on_time
  FROM actions
  WHERE kind = 'LGO_RECOMMENDATION' AND coalesce(status, '') <> 'CANCELLED'
    AND due_date IS NOT NULL AND due_date <= (SELECT as_at_date FROM as_at)
  GROUP BY 1
),
years AS (
  SELECT financial_year FROM decided UNION SELECT financial_year FROM recommended
)
SELECT y.financial_year,
       coalesce(d.decisions, 0) AS decisions,
       coalesce(d.investigated, 0) AS investigated,
       coalesce(d.upheld, 0) AS upheld,
       d.upheld / nullif(d.investigated, 0) AS upheld_rate,
       coalesce(r.recommendations_due, 0) AS recommendations_due,
       coalesce(r.recommendations_on_time, 0) AS recommendations_on_time,
       r.recommendations_on_time / nullif(r.recommendations_due, 0) AS compliance_rate,
       coalesce(d.remedied_by_council, 0) AS remedied_by_council,
       d.remedied_by_council / nullif(d.upheld, 0) AS satisfactory_remedy_rate
FROM years y
LEFT JOIN decided d ON d.financial_year = y.financial_year
LEFT JOIN recommended r ON r.financial_year = y.financial_year
