-- feedback_received: every current feedback record, with the financial year, quarter (Q1 April to
-- June ... Q4 January to March) and month it was received in, and the measure it counts under.
SELECT f.*,
       financial_year(received_date)                AS financial_year,
       ((month(received_date) + 8) % 12) div 3 + 1  AS quarter,
       date_format(received_date, 'yyyy-MM')        AS month,
       CASE feedback_type
         WHEN 'COMPLIMENT'  THEN 'compliments'
         WHEN 'ENQUIRY'     THEN 'enquiries_' || lower(enquiry_source)
         WHEN 'COMPLAINT'   THEN lower(procedure) || '_stage' || stage
         WHEN 'LGO_ENQUIRY' THEN 'lgo_enquiries'
         ELSE lower(feedback_type)
       END AS measure
FROM feedback_records f
