-- compliments_by_service_area: compliments received in the year, by service area, with its name, the
-- report's grouping and whether it is part of the SEND service.
SELECT financial_year(c.received_date) AS financial_year,
       c.service_area, a.name AS service_area_name, a.report_group, a.send_service,
       count(*) AS compliments
FROM feedback_records c
JOIN service_areas a ON a.code = c.service_area
WHERE c.feedback_type = 'COMPLIMENT'
GROUP BY 1, 2, 3, 4, 5
