-- lgo_outcomes: ombudsman enquiries received in the year, and decided in the year (response_date is
-- the ombudsman's final decision) by outcome. A row for every year and service area with either.
WITH lgo AS (
  SELECT * FROM feedback_records WHERE feedback_type = 'LGO_ENQUIRY'
),
received AS (
  SELECT financial_year(received_date) AS financial_year, service_area, count(*) AS received
  FROM lgo
  GROUP BY 1, 2
),
decided AS (
  SELECT financial_year(response_date) AS financial_year, service_area,
         count(*)                               AS decided,
         count_if(outcome = 'UPHELD')           AS upheld,
         count_if(outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
         count_if(outcome = 'NOT_UPHELD')       AS not_upheld,
         count_if(outcome = 'OUTSIDE_REMIT')    AS outside_remit
  FROM lgo
  WHERE response_date IS NOT NULL
  GROUP BY 1, 2
)
SELECT coalesce(r.financial_year, d.financial_year) AS financial_year,
       coalesce(r.service_area, d.service_area)     AS service_area,
       coalesce(r.received, 0)                      AS received,
       coalesce(d.decided, 0)                       AS decided,
       coalesce(d.upheld, 0)                        AS upheld,
       coalesce(d.partially_upheld, 0)              AS partially_upheld,
       coalesce(d.not_upheld, 0)                    AS not_upheld,
       coalesce(d.outside_remit, 0)                 AS outside_remit
FROM received r
FULL OUTER JOIN decided d ON d.financial_year = r.financial_year AND d.service_area = r.service_area
