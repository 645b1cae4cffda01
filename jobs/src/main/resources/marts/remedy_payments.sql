-- remedy_payments: financial remedies agreed (remedy_gbp above zero) on complaint stages and ombudsman
-- enquiries, by the financial year of the response (the decision, for the ombudsman), the kind of
-- record, procedure and stage (null for the ombudsman) and service area: how many, and how much.
SELECT financial_year(response_date) AS financial_year, feedback_type, procedure, stage, service_area,
       count(*)                            AS payments,
       CAST(sum(remedy_gbp) AS DECIMAL(14, 2)) AS total_gbp,
       CAST(max(remedy_gbp) AS DECIMAL(14, 2)) AS largest_gbp
FROM feedback_records
WHERE feedback_type IN ('COMPLAINT', 'LGO_ENQUIRY') AND remedy_gbp > 0 AND response_date IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
