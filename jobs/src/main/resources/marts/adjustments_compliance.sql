-- adjustments_compliance: agreed updates to complainants who need reasonable adjustments
-- (contacts.csv) that were due on or before the as-at date, by the financial year of their due date
-- and the service area of their feedback record (UNKNOWN where that record does not exist).
SELECT financial_year(due_date)                                   AS financial_year,
       service_area,
       count(*)                                                   AS updates_due,
       count_if(sent_date <= due_date)                            AS sent_on_time,
       count_if(sent_date > due_date)                             AS sent_late,
       count_if(sent_date IS NULL)                                AS not_sent,
       count_if(sent_date IS NOT NULL AND NOT adjustment_met)     AS adjustment_not_met
FROM updates_due
GROUP BY 1, 2
