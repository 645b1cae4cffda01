-- sat_complaints_vs_ehcp: complaints about the Statutory Assessment Team (every stage, both
-- procedures) received in the year, against the EHC plans it issued in the year's months as last
-- stated. A row for every financial year with EHCP figures.
WITH plans AS (
  SELECT financial_year(to_date(month || '-01')) AS financial_year,
         coalesce(sum(plans_issued), 0)          AS plans_issued
  FROM ehcp_monthly
  GROUP BY 1
),
sat_complaints AS (
  SELECT financial_year(received_date) AS financial_year, count(*) AS sat_complaints
  FROM feedback_records
  WHERE feedback_type = 'COMPLAINT' AND service_area = 'SAT'
  GROUP BY 1
)
SELECT p.financial_year,
       coalesce(s.sat_complaints, 0) AS sat_complaints,
       p.plans_issued,
       CASE WHEN p.plans_issued > 0
            THEN round(100 * coalesce(s.sat_complaints, 0) / p.plans_issued, 1) END AS complaints_per_100_plans
FROM plans p
LEFT JOIN sat_complaints s ON s.financial_year = p.financial_year
