-- ehcp_monthly_performance: the Statutory Assessment Team's months as last stated: requests, plans
-- issued, the share issued within 20 weeks and plans maintained; SAT complaints (COMPLAINT rows, every
-- stage, service area SAT) received in the month, per 100 plans issued in it; and the same over the 12
-- months to the month's end (null until 12 months of figures are held).
WITH months AS (
  SELECT e.*, to_date(e.month || '-01') AS month_start,
         CAST(substr(e.month, 1, 4) AS INT) * 12 + CAST(substr(e.month, 6, 2) AS INT) AS month_number
  FROM ehcp_monthly e
),
sat AS (
  SELECT date_format(received_date, 'yyyy-MM') AS month, count(*) AS sat_complaints
  FROM feedback_records
  WHERE feedback_type = 'COMPLAINT' AND service_area = 'SAT'
  GROUP BY 1
),
monthly AS (
  SELECT m.month, financial_year(m.month_start) AS financial_year, m.month_number,
         coalesce(m.requests_received, 0)            AS requests_received,
         coalesce(m.assessments_agreed, 0)           AS assessments_agreed,
         coalesce(m.plans_issued, 0)                 AS plans_issued,
         coalesce(m.plans_issued_within_20_weeks, 0) AS plans_issued_within_20_weeks,
         coalesce(m.plans_maintained, 0)             AS plans_maintained,
         coalesce(s.sat_complaints, 0)               AS sat_complaints
  FROM months m
  LEFT JOIN sat s ON s.month = m.month
),
rolling AS (
  SELECT *,
         count(*)            OVER last_12 AS months_held,
         sum(plans_issued)   OVER last_12 AS plans_issued_12m,
         sum(sat_complaints) OVER last_12 AS sat_complaints_12m
  FROM monthly
  WINDOW last_12 AS (ORDER BY month_number RANGE BETWEEN 11 PRECEDING AND CURRENT ROW)
)
SELECT month, financial_year, requests_received, assessments_agreed, plans_issued, plans_issued_within_20_weeks,
       round(plans_issued_within_20_weeks / nullif(plans_issued, 0), 4)   AS share_within_20_weeks,
       plans_maintained, sat_complaints,
       round(100 * sat_complaints / nullif(plans_issued, 0), 1)          AS complaints_per_100_plans,
       CASE WHEN months_held = 12 THEN plans_issued_12m END              AS plans_issued_12m,
       CASE WHEN months_held = 12 THEN sat_complaints_12m END            AS sat_complaints_12m,
       CASE WHEN months_held = 12 THEN round(100 * sat_complaints_12m / nullif(plans_issued_12m, 0), 1) END
                                                                         AS complaints_per_100_plans_12m
FROM rolling
